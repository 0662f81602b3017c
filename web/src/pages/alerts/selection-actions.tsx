// What to do with the selected alerts: open a new incident from them, or add them to an open one.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useSession } from '../../api/session.js';
import type { Incident } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { ErrorNotice } from '../../components/notices.js';

export function SelectionActions({ selected, onDone }: { readonly selected: ReadonlySet<string>; readonly onDone: () => void }) {
  const { request } = useSession();
  const open = useResource<{ incidents: Incident[] }>('/api/incidents?status=new&status=triage&status=contained');
  const [title, setTitle] = useState('');
  const [target, setTarget] = useState('');
  const [error, setError] = useState<Error>();
  const [result, setResult] = useState<{ id: string; text: string }>();
  const [busy, setBusy] = useState(false);
  const count = selected.size;

  const act = async (work: () => Promise<{ id: string; text: string }>) => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await work());
      setTitle('');
      onDone();
      open.reload();
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setBusy(false);
    }
  };
  const openIncident = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      const incident = await request<Incident>('/api/incidents', { method: 'POST', body: { title: title.trim(), alertIds: [...selected] } });
      return { id: incident.id, text: `Opened incident #${incident.number} with ${count} alert${count === 1 ? '' : 's'}.` };
    });
  };
  const addToIncident = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      await request(`/api/incidents/${target}/alerts`, { method: 'POST', body: { alertIds: [...selected] } });
      const incident = open.data?.incidents.find((candidate) => candidate.id === target);
      return { id: target, text: `Added ${count} alert${count === 1 ? '' : 's'} to incident #${incident?.number ?? ''}.` };
    });
  };

  return (
    <div className="selection-actions" aria-label="Selected alerts" role="region">
      <p>
        <strong>{count}</strong> selected{' '}
        {count > 0 && (
          <button type="button" className="link-button" onClick={onDone}>
            clear selection
          </button>
        )}
      </p>
      <form onSubmit={openIncident} className="inline-form">
        <label className="field">
          New incident title
          <input value={title} onChange={(event) => setTitle(event.target.value)} required maxLength={300} />
        </label>
        <button type="submit" className="primary" disabled={busy || count === 0}>
          Open incident
        </button>
      </form>
      <form onSubmit={addToIncident} className="inline-form">
        <label className="field">
          Existing incident
          <select value={target} onChange={(event) => setTarget(event.target.value)} required>
            <option value="">choose…</option>
            {open.data?.incidents.map((incident) => (
              <option key={incident.id} value={incident.id}>
                #{incident.number} {incident.title}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy || count === 0 || target === ''}>
          Add to incident
        </button>
      </form>
      <ErrorNotice error={error} />
      {result && (
        <p role="status" className="success">
          {result.text} <Link to={`/incidents/${result.id}`}>Open it</Link>
        </p>
      )}
    </div>
  );
}
