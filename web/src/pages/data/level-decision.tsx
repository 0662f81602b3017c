// A person decides the asset's level: the proposal is preselected; choosing another needs a note that
// says why, and either way the decision, its author and the note go into the history.
import { useState } from 'react';
import { useSession } from '../../api/session.js';
import { CLASSIFICATION_LEVELS, type ClassificationLevel, type DataAssetDetail } from '../../api/types.js';
import { ErrorNotice } from '../../components/notices.js';

export function LevelDecision({ asset, onDecided }: { readonly asset: DataAssetDetail; readonly onDecided: () => void }) {
  const session = useSession();
  const [level, setLevel] = useState<ClassificationLevel>(asset.level ?? asset.proposedLevel);
  const [note, setNote] = useState('');
  const [error, setError] = useState<Error>();
  const decide = async () => {
    setError(undefined);
    try {
      await session.request(`/api/data-assets/${asset.id}/level`, { method: 'PUT', body: { level, note: note.trim() } });
      setNote('');
      onDecided();
    } catch (failure) {
      setError(failure as Error);
    }
  };
  const differs = level !== asset.proposedLevel;
  return (
    <div className="card">
      <h2>Decide the level</h2>
      <div className="form-grid">
        <label className="field">
          Level
          <select value={level} onChange={(event) => setLevel(event.target.value as ClassificationLevel)}>
            {CLASSIFICATION_LEVELS.map((option) => (
              <option key={option} value={option}>
                {option}
                {option === asset.proposedLevel ? ' (proposed)' : ''}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {differs ? 'Why it differs from the proposal' : 'Note'}
          <input required maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} placeholder={differs ? 'required' : 'e.g. reviewed with the business owner'} />
        </label>
      </div>
      <ErrorNotice error={error} />
      <button type="button" disabled={note.trim() === ''} onClick={() => void decide()}>
        Decide {level}
      </button>
    </div>
  );
}
