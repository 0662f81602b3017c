// One alert in full: what the rule saw (its fields) and the raw event behind it (GET /api/alerts/:id).
import { useEffect, useRef } from 'react';
import type { Alert } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { LevelBadge } from '../../components/level-badge.js';
import { ErrorNotice, Loading } from '../../components/notices.js';
import { formatTime } from '../../lib/format.js';

export function AlertDetail({ id, onClose }: { readonly id: string; readonly onClose: () => void }) {
  const alert = useResource<Alert>(`/api/alerts/${encodeURIComponent(id)}`);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [id]);
  return (
    <aside className="detail-panel" aria-labelledby="alert-detail-heading" onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <div className="panel-heading">
        <h2 id="alert-detail-heading" tabIndex={-1} ref={heading}>
          {alert.data?.ruleTitle ?? 'Alert'}
        </h2>
        <button type="button" onClick={onClose} aria-label="Close the alert">
          Close
        </button>
      </div>
      <ErrorNotice error={alert.error} />
      {alert.data === undefined ? (
        alert.loading && <Loading what="the alert" />
      ) : (
        <>
          <dl className="facts">
            <dt>Level</dt>
            <dd>
              <LevelBadge level={alert.data.level} />
            </dd>
            <dt>Event time</dt>
            <dd>{formatTime(alert.data.eventTime)}</dd>
            <dt>Host</dt>
            <dd>{alert.data.computer ?? '—'}</dd>
            <dt>Channel / event id</dt>
            <dd>
              {alert.data.channel ?? '—'} / {alert.data.eventId ?? '—'}
            </dd>
            <dt>Rule id</dt>
            <dd className="mono">{alert.data.ruleId}</dd>
            <dt>Tags</dt>
            <dd>{alert.data.tags.length === 0 ? '—' : alert.data.tags.join(', ')}</dd>
            <dt>Received</dt>
            <dd>{formatTime(alert.data.receivedAt)}</dd>
          </dl>
          <h3>Fields the rule matched</h3>
          <pre className="json">{JSON.stringify(alert.data.fields, null, 2)}</pre>
          <h3>Raw event</h3>
          <pre className="json" tabIndex={0} aria-label="Raw event as JSON">
            {JSON.stringify(alert.data.event ?? {}, null, 2)}
          </pre>
        </>
      )}
    </aside>
  );
}
