// The totals by level across the range, each a link to those alerts.
import { Link } from 'react-router-dom';
import { LEVELS, type AlertSummary } from '../../api/types.js';
import { buildQuery } from '../../lib/query-string.js';

export function LevelTotals({ summary, range }: { readonly summary: AlertSummary; readonly range: { from: string; to: string } }) {
  return (
    <div className="card wide">
      <h2>Alerts by level</h2>
      <ul className="totals">
        <li>
          <Link to={`/alerts${buildQuery(range)}`}>
            <span className="total-count">{summary.total}</span> all
          </Link>
        </li>
        {[...LEVELS].reverse().map((level) => (
          <li key={level} className={`total-${level}`}>
            <Link to={`/alerts${buildQuery({ ...range, level })}`}>
              <span className="total-count">{summary.byLevel[level] ?? 0}</span> {level}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
