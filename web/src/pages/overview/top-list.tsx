// A ranked list with proportional bars: plain HTML rather than a chart, so every row is a link that
// the keyboard reaches and a screen reader reads.
import { Link } from 'react-router-dom';
import { buildQuery } from '../../lib/query-string.js';

export interface TopEntry {
  readonly key: string;
  readonly label: string;
  readonly count: number;
  readonly filter: Record<string, string>;
}

export function TopList({ entries, range, label }: { readonly entries: readonly TopEntry[]; readonly range: { from: string; to: string }; readonly label: string }) {
  if (entries.length === 0) return <p className="muted">None in this range.</p>;
  const most = Math.max(...entries.map((entry) => entry.count));
  return (
    <ol className="top-list" aria-label={label}>
      {entries.map((entry) => (
        <li key={entry.key}>
          <Link to={`/alerts${buildQuery({ ...range, ...entry.filter })}`}>
            <span className="top-label">{entry.label}</span>
            <span className="top-count">{entry.count}</span>
            <span className="top-list-bar" style={{ width: `${(entry.count / most) * 100}%` }} aria-hidden="true" />
          </Link>
        </li>
      ))}
    </ol>
  );
}
