// The grading form: the facts of the 2025 Grading Guide (PUT /api/incidents/:id/facts), and beside them
// what the server made of them — the level, each criterion that decided it with its source and
// confidence, the warnings, and the facts still missing (missing is not zero: the level may be higher).
import { criteria } from 'virtual:regulations';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useSession } from '../../api/session.js';
import type { Incident } from '../../api/types.js';
import { IncidentLevel, incidentLevelName } from '../../components/incident-level.js';
import { ErrorNotice } from '../../components/notices.js';
import { factsToForm, formToFacts, type FactInput } from '../../lib/facts-form.js';
import { humanise } from '../../lib/format.js';

/** 2000000 → "2,000,000"; a step of a scale as words. */
const formatValue = (value: unknown): string => (typeof value === 'number' ? value.toLocaleString() : humanise(String(value)));

interface FactField extends FactInput {
  readonly label: string;
  readonly unit?: string;
  readonly scale?: readonly string[];
}

/** The criteria's facts, with the yes/no question asked before the data-leak seriousness. */
function factFields(): FactField[] {
  const fields: FactField[] = [];
  for (const criterion of criteria) {
    if (fields.some((field) => field.name === criterion.fact)) continue;
    if (criterion.scale) {
      fields.push({ name: 'coreOrImportantDataLeaked', kind: 'yes-no', label: 'Core or important data leaked? (核心数据、重要数据泄露)' });
      fields.push({ name: criterion.fact, kind: 'scale', label: `How serious a threat the leak causes`, scale: criterion.scale });
    } else {
      fields.push({ name: criterion.fact, kind: 'number', label: criterion.description, unit: criterion.unit });
    }
  }
  return fields;
}

export function GradingPanel({ incident, canChange, onChanged }: { readonly incident: Incident; readonly canChange: boolean; readonly onChanged: () => void }) {
  const { request } = useSession();
  const fields = useMemo(factFields, []);
  const [form, setForm] = useState<Record<string, string>>(() => factsToForm(incident.facts));
  const [error, setError] = useState<Error>();
  const [saved, setSaved] = useState(false);
  useEffect(() => setForm(factsToForm(incident.facts)), [incident.facts]);
  const grade = incident.assessment.grade;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const result = formToFacts(fields, form);
    if ('problem' in result) {
      setError(new Error(result.problem));
      return;
    }
    setError(undefined);
    try {
      await request(`/api/incidents/${incident.id}/facts`, { method: 'PUT', body: result.facts });
      setSaved(true);
      onChanged();
    } catch (failure) {
      setError(failure as Error);
    }
  };
  const set = (name: string, value: string) => setForm((current) => ({ ...current, [name]: value }));
  const missing = new Set(grade.missingFacts);

  return (
    <div className="grading">
      <form onSubmit={(event) => void save(event)} className="facts-form">
        <fieldset disabled={!canChange}>
          <legend>Facts (blank = not known)</legend>
          {fields.map((field) => {
            const hidden = field.kind === 'scale' && form.coreOrImportantDataLeaked !== 'yes';
            if (hidden) return null;
            return (
              <label key={field.name} className={`field${missing.has(field.name) ? ' missing' : ''}`}>
                <span>
                  {field.label}
                  {field.unit && <span className="muted"> ({field.unit})</span>}
                  {missing.has(field.name) && <span className="tag-missing"> not given</span>}
                </span>
                {field.kind === 'number' ? (
                  <input inputMode="decimal" value={form[field.name] ?? ''} onChange={(event) => set(field.name, event.target.value)} />
                ) : (
                  <select value={form[field.name] ?? ''} onChange={(event) => set(field.name, event.target.value)}>
                    <option value="">not known</option>
                    {(field.kind === 'yes-no' ? ['yes', 'no'] : (field.scale ?? [])).map((option) => (
                      <option key={option} value={option}>
                        {humanise(option)}
                      </option>
                    ))}
                  </select>
                )}
              </label>
            );
          })}
          {canChange && (
            <button type="submit" className="primary">
              Save facts and grade
            </button>
          )}
        </fieldset>
        <ErrorNotice error={error} />
        {saved && (
          <p role="status" className="success">
            Saved; graded {incidentLevelName(grade.level)}.
          </p>
        )}
      </form>
      <div className="assessment" aria-live="polite">
        <p className="grade-line">
          <IncidentLevel level={grade.level} /> {grade.mustReport ? <strong>must be reported</strong> : <span>not reportable at this level</span>}
        </p>
        <p>{grade.summary}</p>
        {grade.decidedBy.length > 0 && (
          <div className="table-scroll">
            <table className="compact">
              <caption>Criteria that decided the level</caption>
              <thead>
                <tr>
                  <th scope="col">Criterion</th>
                  <th scope="col">Level</th>
                  <th scope="col">Value / threshold</th>
                  <th scope="col">Source</th>
                  <th scope="col">Confidence</th>
                </tr>
              </thead>
              <tbody>
                {grade.decidedBy.map((criterion) => (
                  <tr key={criterion.criterion}>
                    <td>{criterion.description}</td>
                    <td>{incidentLevelName(criterion.level)}</td>
                    <td>
                      {formatValue(criterion.value)} {criterion.inclusive === false ? '>' : '≥'} {formatValue(criterion.threshold)} {criterion.unit}
                    </td>
                    <td>
                      {criterion.source.url ? (
                        <a href={criterion.source.url} target="_blank" rel="noreferrer noopener">
                          {criterion.source.short ?? criterion.source.instrument}
                        </a>
                      ) : (
                        (criterion.source.short ?? criterion.source.instrument)
                      )}
                      {criterion.source.article && `, ${criterion.source.article}`}
                    </td>
                    <td>
                      <span className={`confidence confidence-${criterion.confidence}`}>{criterion.confidence}</span>
                      {criterion.overridden && ' (overridden)'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {grade.warnings.length > 0 && (
          <ul className="warnings">
            {grade.warnings.map((warning, index) => (
              <li key={index}>{warning.message}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
