// A drafted report as the coordination centre will read it: the server's printable HTML (fetched with
// the token, since an iframe src could not send it) shown in a sandboxed iframe, so nothing in the
// report can run script or reach the dashboard; then submission, once.
import { useEffect, useState } from 'react';
import { useSession } from '../../api/session.js';
import type { ReportSummary } from '../../api/types.js';
import { ErrorNotice, Loading } from '../../components/notices.js';
import { humanise } from '../../lib/format.js';

export function ReportPreview({ report, canSubmit, onSubmitted, onClose }: { readonly report: ReportSummary; readonly canSubmit: boolean; readonly onSubmitted: () => void; readonly onClose: () => void }) {
  const { request } = useSession();
  const [html, setHtml] = useState<string>();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  // Loaded here rather than with useResource: the answer is HTML, not JSON. Submitting changes the
  // report (its submission time), so it loads again then.
  useEffect(() => {
    const controller = new AbortController();
    setHtml(undefined);
    request<string>(`/api/reports/${report.id}/html`, { as: 'text', signal: controller.signal }).then(setHtml, (failure: Error) => {
      if (failure.name !== 'AbortError') setError(failure);
    });
    return () => controller.abort();
  }, [report.id, report.submittedAt, request]);

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await request(`/api/reports/${report.id}/submit`, { method: 'POST' });
      onSubmitted();
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="report-preview" role="region" aria-label={`Preview of the ${humanise(report.kind)} report`}>
      <div className="panel-heading">
        <h3>
          Preview: {humanise(report.kind)} report ({report.status})
        </h3>
        <div className="button-row">
          {canSubmit && !report.submittedAt && (
            <button type="button" className="primary" disabled={busy} onClick={() => void submit()}>
              Submit to the coordination centre
            </button>
          )}
          <button type="button" onClick={onClose}>
            Close preview
          </button>
        </div>
      </div>
      {report.submittedAt && <p className="success">Submitted; a report is sent once. Draft a follow-up for anything new.</p>}
      {!canSubmit && !report.submittedAt && <p className="muted">Submission is for an admin or a reporter.</p>}
      <ErrorNotice error={error} />
      {html === undefined ? <Loading what="the report" /> : <iframe title={`${humanise(report.kind)} report`} sandbox="" srcDoc={html} className="report-frame" />}
    </div>
  );
}
