// What happened to an asset, oldest first: who created, changed or classified it, when, what changed and why.
import type { AssetHistoryEntry } from '../../api/types.js';
import { formatTime } from '../../lib/format.js';

function describe(entry: AssetHistoryEntry): string {
  if (entry.action === 'create') return 'added to the catalog';
  return Object.entries(entry.changes)
    .filter(([, change]) => typeof change === 'object' && change !== null && 'to' in change)
    .map(([field, change]) => {
      const { from, to } = change as { from: unknown; to: unknown };
      return `${field}: ${show(from)} → ${show(to)}`;
    })
    .join('; ');
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((item) => (typeof item === 'object' ? Object.values(item as object).join(' ') : String(item))).join(', ');
  return String(value);
}

export function AssetHistory({ entries }: { readonly entries: readonly AssetHistoryEntry[] }) {
  return (
    <div className="card">
      <h2>History</h2>
      <ol className="history">
        {entries.map((entry) => (
          <li key={entry.id}>
            <span className="nowrap">{formatTime(entry.at)}</span> · <strong>{entry.actor}</strong> · {entry.action}: {describe(entry)}
            {entry.note ? <em> — {entry.note}</em> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
