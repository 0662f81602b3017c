// The operator's overview: how many alerts of which level over the chosen range, the loudest rules and
// hosts, the ATT&CK techniques seen, and the open incidents with their reporting deadlines.
import { useMemo, useState } from 'react';
import { useResource } from '../../api/use-resource.js';
import type { AlertSummary } from '../../api/types.js';
import { ErrorNotice, Loading } from '../../components/notices.js';
import { buildQuery } from '../../lib/query-string.js';
import { TIME_RANGES, timeRange, type TimeRangeId } from '../../lib/time-ranges.js';
import { AlertsOverTime } from './alerts-over-time.js';
import { AttackHeatMap } from './attack-heat-map.js';
import { LevelTotals } from './level-totals.js';
import { OpenIncidents } from './open-incidents.js';
import { TopList } from './top-list.js';

export function OverviewPage() {
  const [rangeId, setRangeId] = useState<TimeRangeId>('7d');
  const [anchor, setAnchor] = useState(() => Date.now());
  const range = useMemo(() => timeRange(rangeId, anchor), [rangeId, anchor]);
  const summary = useResource<AlertSummary>(`/api/alerts/summary${buildQuery(range)}`);

  return (
    <section className="overview">
      <div className="page-heading">
        <h1>Overview</h1>
        <label className="inline-field">
          Time range
          <select value={rangeId} onChange={(event) => setRangeId(event.target.value as TimeRangeId)}>
            {TIME_RANGES.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setAnchor(Date.now())}>
          Refresh
        </button>
      </div>
      <ErrorNotice error={summary.error} />
      {summary.data === undefined ? (
        summary.loading && <Loading what="the alert summary" />
      ) : (
        <div className="grid">
          <LevelTotals summary={summary.data} range={range} />
          <div className="card wide">
            <h2>Alerts over time</h2>
            <AlertsOverTime summary={summary.data} />
          </div>
          <div className="card">
            <h2>Top rules</h2>
            <TopList entries={summary.data.topRules.map((rule) => ({ key: rule.ruleId, label: rule.ruleTitle, count: rule.count, filter: { rule: rule.ruleId } }))} range={range} label="Top rules by alert count" />
          </div>
          <div className="card">
            <h2>Top hosts</h2>
            <TopList entries={summary.data.topHosts.map((host) => ({ key: host.computer, label: host.computer, count: host.count, filter: { host: host.computer } }))} range={range} label="Top hosts by alert count" />
          </div>
          <div className="card wide">
            <h2>ATT&amp;CK techniques</h2>
            <AttackHeatMap techniques={summary.data.techniques} range={range} />
          </div>
        </div>
      )}
      <div className="card wide">
        <h2>Open incidents and their deadlines</h2>
        <OpenIncidents />
      </div>
    </section>
  );
}
