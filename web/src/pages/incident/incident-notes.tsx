// Comments and evidence: the incident's record of what was seen and kept, each with who and when.
import { useState, type FormEvent } from 'react';
import { useSession } from '../../api/session.js';
import type { IncidentDetail } from '../../api/types.js';
import { ErrorNotice } from '../../components/notices.js';
import { formatTime } from '../../lib/format.js';

interface NotesProps {
  readonly incident: IncidentDetail;
  readonly canChange: boolean;
  readonly onChanged: () => void;
}

export function IncidentNotes({ incident, canChange, onChanged }: NotesProps) {
  const { request } = useSession();
  const [comment, setComment] = useState('');
  const [evidence, setEvidence] = useState({ description: '', location: '', sha256: '' });
  const [error, setError] = useState<Error>();

  const post = async (path: string, body: unknown, reset: () => void) => {
    setError(undefined);
    try {
      await request(`/api/incidents/${incident.id}/${path}`, { method: 'POST', body });
      reset();
      onChanged();
    } catch (failure) {
      setError(failure as Error);
    }
  };
  const addComment = (event: FormEvent) => {
    event.preventDefault();
    void post('comments', { body: comment.trim() }, () => setComment(''));
  };
  const addEvidence = (event: FormEvent) => {
    event.preventDefault();
    const body: Record<string, string> = { description: evidence.description.trim() };
    if (evidence.location.trim()) body.location = evidence.location.trim();
    if (evidence.sha256.trim()) body.sha256 = evidence.sha256.trim().toLowerCase();
    void post('evidence', body, () => setEvidence({ description: '', location: '', sha256: '' }));
  };

  return (
    <div className="notes">
      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">Comments</h2>
        {incident.comments.length === 0 ? (
          <p className="muted">No comments yet.</p>
        ) : (
          <ul className="note-list">
            {incident.comments.map((note) => (
              <li key={note.id}>
                <div className="muted small">
                  {note.author} · {formatTime(note.createdAt)}
                </div>
                <p className="note-body">{note.body}</p>
              </li>
            ))}
          </ul>
        )}
        {canChange && (
          <form onSubmit={addComment}>
            <label className="field">
              New comment
              <textarea value={comment} onChange={(event) => setComment(event.target.value)} required maxLength={20_000} rows={3} />
            </label>
            <button type="submit">Add comment</button>
          </form>
        )}
      </section>
      <section aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">Evidence</h2>
        {incident.evidence.length === 0 ? (
          <p className="muted">No evidence recorded.</p>
        ) : (
          <ul className="note-list">
            {incident.evidence.map((note) => (
              <li key={note.id}>
                <div className="muted small">
                  {note.author} · {formatTime(note.createdAt)}
                </div>
                <p className="note-body">{note.description}</p>
                {note.location && <div className="small">Kept at: {note.location}</div>}
                {note.sha256 && <div className="small mono">SHA-256 {note.sha256}</div>}
              </li>
            ))}
          </ul>
        )}
        {canChange && (
          <form onSubmit={addEvidence}>
            <label className="field">
              Description
              <input value={evidence.description} onChange={(event) => setEvidence({ ...evidence, description: event.target.value })} required maxLength={5000} />
            </label>
            <label className="field">
              Where it is kept
              <input value={evidence.location} onChange={(event) => setEvidence({ ...evidence, location: event.target.value })} maxLength={2000} />
            </label>
            <label className="field">
              SHA-256 (64 hex digits)
              <input value={evidence.sha256} onChange={(event) => setEvidence({ ...evidence, sha256: event.target.value })} pattern="[0-9a-fA-F]{64}" spellCheck={false} className="mono" />
            </label>
            <button type="submit">Record evidence</button>
          </form>
        )}
      </section>
      <ErrorNotice error={error} />
    </div>
  );
}
