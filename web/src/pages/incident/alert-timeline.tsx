// The incident's alerts in the order their events happened: how the attack unfolded.
import type { Alert } from '../../api/types.js';
import { LevelBadge } from '../../components/level-badge.js';
import { formatTime, techniqueOfTag } from '../../lib/format.js';

export function AlertTimeline({ alerts }: { readonly alerts: readonly Alert[] }) {
  if (alerts.length === 0) return <p className="muted">No alerts in this incident yet. Add some from the Alerts page.</p>;
  const ordered = [...alerts].sort((a, b) => a.eventTime.localeCompare(b.eventTime));
  return (
    <ol className="timeline">
      {ordered.map((alert) => (
        <li key={alert.id}>
          <time dateTime={alert.eventTime}>{formatTime(alert.eventTime)}</time>
          <LevelBadge level={alert.level} />
          <span className="timeline-title">{alert.ruleTitle}</span>
          <span className="muted">{alert.computer ?? '—'}</span>
          <span className="muted small">{alert.tags.map(techniqueOfTag).filter(Boolean).join(' ')}</span>
        </li>
      ))}
    </ol>
  );
}
