// One incident: where it stands (status, level, deadlines), what it is made of (the alert timeline,
// comments, evidence), the facts that grade it, and its reports to the coordination centre.
import { Link, useParams } from 'react-router-dom';
import { useSession } from '../../api/session.js';
import type { IncidentDetail } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { DeadlineCountdown } from '../../components/deadline-countdown.js';
import { IncidentLevel } from '../../components/incident-level.js';
import { ErrorNotice, Loading } from '../../components/notices.js';
import { useNow } from '../../components/use-now.js';
import { formatTime, humanise } from '../../lib/format.js';
import { AlertTimeline } from './alert-timeline.js';
import { AssigneeEditor } from './assignee-editor.js';
import { GradingPanel } from './grading-panel.js';
import { IncidentNotes } from './incident-notes.js';
import { ReportsSection } from './reports-section.js';
import { StatusActions } from './status-actions.js';

export function IncidentPage() {
  const { id = '' } = useParams();
  const session = useSession();
  const incident = useResource<IncidentDetail>(`/api/incidents/${encodeURIComponent(id)}`);
  const now = useNow();
  const canChange = session.may('incidents:write');

  if (incident.data === undefined) {
    return (
      <section>
        <p>
          <Link to="/incidents">← Incidents</Link>
        </p>
        <ErrorNotice error={incident.error} />
        {incident.loading && <Loading what="the incident" />}
      </section>
    );
  }
  const data = incident.data;
  return (
    <section className="incident-page">
      <p>
        <Link to="/incidents">← Incidents</Link>
      </p>
      <ErrorNotice error={incident.error} />
      <div className="page-heading">
        <h1>
          <span className="incident-number">#{data.number}</span> {data.title}
        </h1>
        <span className={`status status-${data.status}`}>{humanise(data.status)}</span>
        <IncidentLevel level={data.assessment.grade.level} />
      </div>
      <div className="grid">
        <div className="card">
          <h2>Handling</h2>
          <dl className="facts">
            <dt>Discovered</dt>
            <dd>{formatTime(data.discoveredAt)}</dd>
            <dt>Handling ended</dt>
            <dd>{formatTime(data.handlingEndedAt)}</dd>
            <dt>Alerts</dt>
            <dd>{data.alertCount}</dd>
          </dl>
          {canChange ? <StatusActions incident={data} onChanged={incident.reload} /> : <p className="muted">Read-only: your role does not change incidents.</p>}
          <AssigneeEditor incident={data} canChange={canChange} onChanged={incident.reload} />
        </div>
        <div className="card">
          <h2>Reporting deadlines</h2>
          {data.assessment.deadlines.length === 0 ? (
            <p className="muted">{data.assessment.grade.mustReport ? 'No deadline yet.' : `Not reportable at this level: the law asks for a report from relatively major (较大) up.`}</p>
          ) : (
            <ul className="plain">
              {data.assessment.deadlines.map((deadline) => (
                <li key={deadline.report}>
                  <DeadlineCountdown incident={data} deadline={deadline} now={now} />
                  <div className="muted small">
                    due {formatTime(deadline.due)} (within {deadline.within}) · to {deadline.reportTo.join('; ')}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="card wide">
          <h2>Grading 定级</h2>
          <GradingPanel incident={data} canChange={canChange} onChanged={incident.reload} />
        </div>
        <div className="card wide">
          <h2>Reports 报告</h2>
          <ReportsSection incident={data} onChanged={incident.reload} />
        </div>
        <div className="card wide">
          <h2>Alert timeline</h2>
          <AlertTimeline alerts={data.alerts} />
        </div>
        <div className="card wide">
          <IncidentNotes incident={data} canChange={canChange} onChanged={incident.reload} />
        </div>
      </div>
    </section>
  );
}
