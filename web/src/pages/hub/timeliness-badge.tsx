// A report's timeliness in words and colour: on time, late (by how much), still due, overdue.
import type { Timeliness } from '../../api/types.js';
import { formatDuration } from '../../lib/countdown.js';

export function TimelinessBadge({ timeliness }: { readonly timeliness: Timeliness | null | undefined }) {
  if (!timeliness) return <span className="muted">no deadline</span>;
  const minutes = timeliness.minutesLate ?? timeliness.minutesRemaining ?? 0;
  const words: Record<Timeliness['status'], string> = {
    'on-time': 'on time',
    'late': `late by ${formatDuration(minutes * 60_000)}`,
    'due': `due in ${formatDuration(minutes * 60_000)}`,
    'overdue': `overdue by ${formatDuration(minutes * 60_000)}`,
  };
  return <span className={`badge timeliness-${timeliness.status}`}>{words[timeliness.status]}</span>;
}
