// One submitted report as the coordination centre received it: its fields (with their Chinese labels),
// the grading's reasons, and whether it came on time.
import { Link, useParams } from 'react-router-dom';
import type { Report } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { IncidentLevel } from '../../components/incident-level.js';
import { ErrorNotice, Loading } from '../../components/notices.js';
import { formatTime, humanise } from '../../lib/format.js';
import { TimelinessBadge } from './timeliness-badge.js';

export function HubReportPage() {
  const { id = '' } = useParams();
  const report = useResource<Report>(`/api/hub/reports/${encodeURIComponent(id)}`);
  const data = report.data;
  return (
    <section>
      <p>
        <Link to="/hub">← Coordination centre</Link>
      </p>
      <ErrorNotice error={report.error} />
      {data === undefined ? (
        report.loading && <Loading what="the report" />
      ) : (
        <article className="card wide">
          <h1>{data.document.title}</h1>
          <dl className="facts">
            <dt>Operator</dt>
            <dd>{data.organisationName}</dd>
            <dt>Kind</dt>
            <dd>{humanise(data.kind)}</dd>
            <dt>Level</dt>
            <dd>
              <IncidentLevel level={data.level} />
            </dd>
            <dt>Completeness</dt>
            <dd>
              {data.document.status}
              {data.document.missingRequired.length > 0 && ` (missing: ${data.document.missingRequired.join(', ')})`}
            </dd>
            <dt>Due</dt>
            <dd>{formatTime(data.dueAt)}</dd>
            <dt>Submitted</dt>
            <dd>
              {formatTime(data.submittedAt)} <TimelinessBadge timeliness={data.timeliness} />
            </dd>
          </dl>
          <h2>Fields</h2>
          <dl className="report-fields">
            {data.document.fields.map((field) => (
              <div key={field.name}>
                <dt>
                  {field.label}
                  {field.labelZh && <span lang="zh"> {field.labelZh}</span>}
                  {field.required && <span className="muted small"> required</span>}
                </dt>
                <dd>{field.value ?? <span className="muted">not given</span>}</dd>
              </div>
            ))}
          </dl>
          {data.document.grading && (
            <>
              <h2>Grading</h2>
              <p>{data.document.grading.summary}</p>
              <ul>
                {data.document.grading.decidedBy.map((reason, index) => (
                  <li key={index}>{reason.explanation}</li>
                ))}
              </ul>
              {data.document.grading.warnings.length > 0 && (
                <ul className="warnings">
                  {data.document.grading.warnings.map((warning, index) => (
                    <li key={index}>{warning}</li>
                  ))}
                </ul>
              )}
            </>
          )}
        </article>
      )}
    </section>
  );
}
