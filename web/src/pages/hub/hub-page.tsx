// The coordination centre's view: the operators that report to it by sector and province, the
// incidents they reported by level and by sector, whether reports came on time, every report, and the
// operators' transfers abroad of the year as figures.
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import type { Organisation, ReportSummary } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { IncidentLevel } from '../../components/incident-level.js';
import { ErrorNotice, Loading } from '../../components/notices.js';
import { formatTime, humanise } from '../../lib/format.js';
import { tally } from '../../lib/hub-statistics.js';
import { HubCharts } from './hub-charts.js';
import { HubTransfers } from './hub-transfers.js';
import { TimelinessBadge } from './timeliness-badge.js';

export function HubPage() {
  const operators = useResource<Organisation[]>('/api/operators');
  const reports = useResource<{ reports: ReportSummary[] }>('/api/hub/reports');
  const operatorById = useMemo(() => new Map((operators.data ?? []).map((operator) => [operator.id, operator])), [operators.data]);
  const sorted = useMemo(() => [...(reports.data?.reports ?? [])].sort((a, b) => (b.submittedAt ?? '').localeCompare(a.submittedAt ?? '')), [reports.data]);

  return (
    <section>
      <h1>Coordination centre 协调中心</h1>
      <ErrorNotice error={operators.error ?? reports.error} />
      {operators.data === undefined || reports.data === undefined ? (
        (operators.loading || reports.loading) && <Loading what="operators and reports" />
      ) : (
        <>
          <HubCharts operators={operators.data} reports={reports.data.reports} />
          <div className="card wide">
            <h2>Reports received ({sorted.length})</h2>
            {sorted.length === 0 ? (
              <p className="muted">No operator has submitted a report yet.</p>
            ) : (
              <div className="table-scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Operator</th>
                      <th scope="col">Sector</th>
                      <th scope="col">Kind</th>
                      <th scope="col">Level 级别</th>
                      <th scope="col">Due</th>
                      <th scope="col">Submitted</th>
                      <th scope="col">Timeliness</th>
                    </tr>
                  </thead>
                  <tbody>
                    {sorted.map((report) => (
                      <tr key={report.id}>
                        <td>
                          <Link to={`/hub/reports/${report.id}`}>{report.organisationName}</Link>
                        </td>
                        <td>{humanise(operatorById.get(report.organisationId)?.sector)}</td>
                        <td>{humanise(report.kind)}</td>
                        <td>
                          <IncidentLevel level={report.level} />
                        </td>
                        <td className="nowrap">{formatTime(report.dueAt)}</td>
                        <td className="nowrap">{formatTime(report.submittedAt)}</td>
                        <td>
                          <TimelinessBadge timeliness={report.timeliness} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
          <HubTransfers />
          <div className="card wide">
            <h2>Operators ({operators.data.length})</h2>
            <p className="muted">By sector: {tally(operators.data, (operator) => operator.sector).map((entry) => `${entry.key} ${entry.count}`).join(' · ') || '—'}</p>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Sector</th>
                    <th scope="col">Province</th>
                    <th scope="col">CII 关基</th>
                    <th scope="col">MLPS 等保</th>
                    <th scope="col">Operator type</th>
                  </tr>
                </thead>
                <tbody>
                  {operators.data.map((operator) => (
                    <tr key={operator.id}>
                      <td>{operator.name}</td>
                      <td>{humanise(operator.sector)}</td>
                      <td>{operator.province ?? '—'}</td>
                      <td>{operator.cii ? 'yes' : 'no'}</td>
                      <td>{operator.mlpsLevel ?? '—'}</td>
                      <td>{humanise(operator.operatorType)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </>
      )}
    </section>
  );
}
