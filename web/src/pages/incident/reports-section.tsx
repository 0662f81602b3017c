// The incident's reports: those drafted and submitted, a form to draft the next (first, follow-up or
// closing, with the fields incident-reporting.yaml asks of that kind), the printable preview, and
// submission to the coordination centre.
import { useState } from 'react';
import { useSession } from '../../api/session.js';
import type { IncidentDetail, ReportSummary } from '../../api/types.js';
import { formatTime, humanise } from '../../lib/format.js';
import { ReportDraftForm } from './report-draft-form.js';
import { ReportPreview } from './report-preview.js';

export function ReportsSection({ incident, onChanged }: { readonly incident: IncidentDetail; readonly onChanged: () => void }) {
  const session = useSession();
  const [previewId, setPreviewId] = useState<string>();
  const reports = [...incident.reports].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const preview = reports.find((report) => report.id === previewId);

  return (
    <div className="reports">
      {reports.length === 0 ? (
        <p className="muted">No reports drafted yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="compact">
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Drafted</th>
                <th scope="col">Completeness</th>
                <th scope="col">Submitted</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((report) => (
                <tr key={report.id}>
                  <td>{humanise(report.kind)}</td>
                  <td className="nowrap">{formatTime(report.createdAt)}</td>
                  <td>{report.status}</td>
                  <td className="nowrap">{report.submittedAt ? formatTime(report.submittedAt) : 'not yet'}</td>
                  <td>
                    <button type="button" onClick={() => setPreviewId(report.id)} aria-pressed={previewId === report.id}>
                      Preview
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {preview && <ReportPreview report={preview} canSubmit={session.may('reports:submit')} onSubmitted={onChanged} onClose={() => setPreviewId(undefined)} />}
      {session.may('reports:write') ? (
        <ReportDraftForm incident={incident} suggestedKind={suggestKind(incident.reports)} onDrafted={(id) => { setPreviewId(id); onChanged(); }} />
      ) : (
        <p className="muted">Read-only: your role does not draft reports.</p>
      )}
    </div>
  );
}

/** The kind to draft next: a first report until one is submitted, a closing one once handling ended, else a follow-up. */
function suggestKind(reports: readonly ReportSummary[]): 'first' | 'follow-up' | 'closing' {
  if (!reports.some((report) => report.kind === 'first' && report.submittedAt)) return 'first';
  return 'follow-up';
}
