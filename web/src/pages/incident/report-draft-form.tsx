// Drafting a report (POST /api/incidents/:id/reports): the fields of the chosen kind, the required ones
// marked. Blank fields are left to the server, which fills in the operator's name, the discovery time
// and the level; a first report may go with gaps (Art. 7), a follow-up or closing one may not.
import { reportFields } from 'virtual:regulations';
import { useMemo, useState, type FormEvent } from 'react';
import { useSession } from '../../api/session.js';
import type { IncidentDetail, Report } from '../../api/types.js';
import { ErrorNotice } from '../../components/notices.js';
import { fieldsForKind, filledValues, missingRequired } from '../../lib/report-fields.js';
import type { ReportKind } from '../../lib/regulation-types.js';

const KINDS: readonly { id: ReportKind; label: string }[] = [
  { id: 'first', label: 'First report 首报' },
  { id: 'follow-up', label: 'Follow-up report 续报' },
  { id: 'closing', label: 'Closing report 总结报告' },
];

/** Filled in by the server from the incident when left blank. */
const SERVER_FILLS = new Set(['operatorName', 'discoveredAt', 'level']);

export function ReportDraftForm({ incident, suggestedKind, onDrafted }: { readonly incident: IncidentDetail; readonly suggestedKind: ReportKind; readonly onDrafted: (id: string) => void }) {
  const { request } = useSession();
  const [kind, setKind] = useState<ReportKind>(suggestedKind);
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const fields = useMemo(() => fieldsForKind(reportFields, kind), [kind]);
  const missing = missingRequired(fields, values).filter((name) => !SERVER_FILLS.has(name));

  const draft = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const shown = new Set(fields.map((field) => field.name));
      const report = await request<Report>(`/api/incidents/${incident.id}/reports`, { method: 'POST', body: { kind, fields: filledValues(Object.fromEntries(Object.entries(values).filter(([name]) => shown.has(name)))) } });
      onDrafted(report.id);
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="report-form" onSubmit={(event) => void draft(event)}>
      <h3>Draft a report</h3>
      <label className="field">
        Kind
        <select value={kind} onChange={(event) => setKind(event.target.value as ReportKind)}>
          {KINDS.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      {fields.map((field) => (
        <label key={field.name} className="field">
          <span>
            {field.label}
            {field.labelZh && <span lang="zh"> {field.labelZh}</span>}
            {field.required && <span className="required"> (required{SERVER_FILLS.has(field.name) ? '; filled in if blank' : ''})</span>}
          </span>
          <textarea rows={field.name.endsWith('At') || field.name === 'operatorName' || field.name === 'level' ? 1 : 2} value={values[field.name] ?? ''} onChange={(event) => setValues((current) => ({ ...current, [field.name]: event.target.value }))} />
        </label>
      ))}
      {missing.length > 0 && (
        <p className="muted">
          Still blank and required: {missing.join(', ')}. {kind === 'first' ? 'A first report may go partial (Art. 7) and be supplemented later.' : 'This kind will be refused at submission until they are given.'}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        Draft {kind} report
      </button>
      <ErrorNotice error={error} />
    </form>
  );
}
