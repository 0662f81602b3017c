// Incidents: every incident with its level, status and live reporting countdowns, most urgent first;
// filter by status.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Incident, IncidentStatus } from '../api/types.js';
import { useResource } from '../api/use-resource.js';
import { DeadlineCountdown } from '../components/deadline-countdown.js';
import { IncidentLevel } from '../components/incident-level.js';
import { ErrorNotice, Loading } from '../components/notices.js';
import { useNow } from '../components/use-now.js';
import { formatTime, humanise } from '../lib/format.js';
import { buildQuery } from '../lib/query-string.js';
import { nextDue } from './overview/open-incidents.js';

const STATUSES: readonly IncidentStatus[] = ['new', 'triage', 'contained', 'resolved', 'closed'];
const OPEN: readonly IncidentStatus[] = ['new', 'triage', 'contained', 'resolved'];

export function IncidentsPage() {
  const [statuses, setStatuses] = useState<readonly IncidentStatus[]>(OPEN);
  const incidents = useResource<{ incidents: Incident[] }>(`/api/incidents${buildQuery({ status: statuses })}`);
  const now = useNow();
  const toggle = (status: IncidentStatus) => setStatuses((current) => (current.includes(status) ? current.filter((other) => other !== status) : [...current, status]));
  const sorted = incidents.data ? [...incidents.data.incidents].sort((a, b) => nextDue(a) - nextDue(b) || b.number - a.number) : [];

  return (
    <section>
      <h1>Incidents</h1>
      <fieldset className="levels">
        <legend>Status</legend>
        {STATUSES.map((status) => (
          <label key={status}>
            <input type="checkbox" checked={statuses.includes(status)} onChange={() => toggle(status)} /> {status}
          </label>
        ))}
      </fieldset>
      <p className="muted">
        Colours: <span className="countdown countdown-green">more than half the time left</span> <span className="countdown countdown-amber">less than half</span>{' '}
        <span className="countdown countdown-red">under 15 min or a quarter</span> <span className="countdown countdown-overdue">overdue</span>
      </p>
      <ErrorNotice error={incidents.error} />
      {incidents.data === undefined ? (
        incidents.loading && <Loading what="incidents" />
      ) : sorted.length === 0 ? (
        <p className="muted">No incidents with these statuses. Open one from selected alerts on the Alerts page.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Level 级别</th>
                <th scope="col">Deadlines</th>
                <th scope="col">Alerts</th>
                <th scope="col">Discovered</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((incident) => (
                <tr key={incident.id}>
                  <td>{incident.number}</td>
                  <td>
                    <Link to={`/incidents/${incident.id}`}>{incident.title}</Link>
                  </td>
                  <td>
                    <span className={`status status-${incident.status}`}>{humanise(incident.status)}</span>
                  </td>
                  <td>
                    <IncidentLevel level={incident.assessment.grade.level} />
                  </td>
                  <td className="deadlines">
                    {incident.assessment.deadlines.length === 0 ? <span className="muted">{incident.assessment.grade.mustReport ? '—' : 'not reportable'}</span> : incident.assessment.deadlines.map((deadline) => <DeadlineCountdown key={deadline.report} incident={incident} deadline={deadline} now={now} />)}
                  </td>
                  <td>{incident.alertCount}</td>
                  <td className="nowrap">{formatTime(incident.discoveredAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
