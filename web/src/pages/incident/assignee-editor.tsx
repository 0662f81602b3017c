// Who handles the incident: chosen from the organisation's users (everyone may list them), or taken
// by the signed-in user themself, or given back.
import { useState } from 'react';
import { useSession } from '../../api/session.js';
import type { Incident, User } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { ErrorNotice } from '../../components/notices.js';

export function AssigneeEditor({ incident, canChange, onChanged }: { readonly incident: Incident; readonly canChange: boolean; readonly onChanged: () => void }) {
  const session = useSession();
  const users = useResource<User[]>(session.may('users:read') ? '/api/users' : undefined);
  const [error, setError] = useState<Error>();
  const me = session.me?.user;
  const nameOf = (id: string | null): string => {
    if (id === null) return 'nobody';
    if (id === me?.id) return `${me.displayName} (you)`;
    return users.data?.find((user) => user.id === id)?.displayName ?? `user ${id.slice(0, 8)}…`;
  };
  const assign = async (assigneeId: string | null) => {
    setError(undefined);
    try {
      await session.request(`/api/incidents/${incident.id}`, { method: 'PATCH', body: { assigneeId } });
      onChanged();
    } catch (failure) {
      setError(failure as Error);
    }
  };
  return (
    <div className="assignee">
      {canChange && users.data ? (
        <label className="field">
          Assignee
          <select value={incident.assigneeId ?? ''} onChange={(event) => void assign(event.target.value === '' ? null : event.target.value)}>
            <option value="">nobody</option>
            {users.data
              .filter((user) => !user.disabled && user.role !== 'auditor')
              .map((user) => (
                <option key={user.id} value={user.id}>
                  {user.displayName} ({user.role})
                </option>
              ))}
          </select>
        </label>
      ) : (
        <p>
          Assignee: <strong>{nameOf(incident.assigneeId)}</strong>{' '}
          {canChange && me && incident.assigneeId !== me.id && (
            <button type="button" onClick={() => void assign(me.id)}>
              Assign to me
            </button>
          )}
          {canChange && me && incident.assigneeId === me.id && (
            <button type="button" onClick={() => void assign(null)}>
              Unassign
            </button>
          )}
        </p>
      )}
      <ErrorNotice error={error} />
    </div>
  );
}
