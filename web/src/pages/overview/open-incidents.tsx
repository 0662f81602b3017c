// The incidents still open (not closed), each with its live deadlines, most urgent first.
import { Link } from 'react-router-dom';
import type { Incident } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { DeadlineCountdown } from '../../components/deadline-countdown.js';
import { IncidentLevel } from '../../components/incident-level.js';
import { ErrorNotice, Loading } from '../../components/notices.js';
import { useNow } from '../../components/use-now.js';
import { humanise } from '../../lib/format.js';

/** The earliest deadline not yet met, for ordering; incidents with none come last. */
export function nextDue(incident: Incident): number {
  const open = incident.assessment.deadlines.filter((deadline) => deadline.timeliness.status === 'due' || deadline.timeliness.status === 'overdue');
  return open.length === 0 ? Number.POSITIVE_INFINITY : Math.min(...open.map((deadline) => Date.parse(deadline.due)));
}

export function OpenIncidents() {
  const incidents = useResource<{ incidents: Incident[] }>('/api/incidents?status=new&status=triage&status=contained&status=resolved');
  const now = useNow();
  if (incidents.error) return <ErrorNotice error={incidents.error} />;
  if (incidents.data === undefined) return <Loading what="incidents" />;
  const open = [...incidents.data.incidents].sort((a, b) => nextDue(a) - nextDue(b));
  if (open.length === 0) return <p className="muted">No open incidents.</p>;
  return (
    <ul className="incident-cards">
      {open.map((incident) => (
        <li key={incident.id}>
          <Link to={`/incidents/${incident.id}`}>
            <span className="incident-number">#{incident.number}</span> {incident.title}
          </Link>
          <span className={`status status-${incident.status}`}>{humanise(incident.status)}</span>
          <IncidentLevel level={incident.assessment.grade.level} />
          {incident.assessment.deadlines.length === 0 ? <span className="muted">no reporting deadline</span> : incident.assessment.deadlines.map((deadline) => <DeadlineCountdown key={deadline.report} incident={incident} deadline={deadline} now={now} />)}
        </li>
      ))}
    </ul>
  );
}
