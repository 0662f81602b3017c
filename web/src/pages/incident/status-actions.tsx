// The moves the workflow allows from the current status, one button each (PATCH /api/incidents/:id).
import { useState } from 'react';
import { useSession } from '../../api/session.js';
import type { Incident } from '../../api/types.js';
import { ErrorNotice } from '../../components/notices.js';
import { STATUS_MOVES, moveLabel } from '../../lib/workflow.js';

export function StatusActions({ incident, onChanged }: { readonly incident: Incident; readonly onChanged: () => void }) {
  const { request } = useSession();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const moves = STATUS_MOVES[incident.status];
  const move = async (status: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await request(`/api/incidents/${incident.id}`, { method: 'PATCH', body: { status } });
      onChanged();
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div role="group" aria-label="Change status">
      {moves.length === 0 ? (
        <p className="muted">Closed: final.</p>
      ) : (
        <div className="button-row">
          {moves.map((status) => (
            <button key={status} type="button" disabled={busy} onClick={() => void move(status)}>
              {moveLabel(incident.status, status)}
            </button>
          ))}
        </div>
      )}
      <ErrorNotice error={error} />
    </div>
  );
}
