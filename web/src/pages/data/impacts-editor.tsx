// The GB/T 43697 inputs of an asset: for each object its data could harm (national security; economic
// operation, social order and public interest; rights of organisations and individuals), how badly. A
// change gives a new proposed level at once; the history keeps the old one.
import { useState } from 'react';
import { useSession } from '../../api/session.js';
import type { DataAssetDetail, DataVocabulary, Impact } from '../../api/types.js';
import { ErrorNotice } from '../../components/notices.js';

export function ImpactsEditor({ asset, vocabulary, onChanged }: { readonly asset: DataAssetDetail; readonly vocabulary: DataVocabulary; readonly onChanged: () => void }) {
  const session = useSession();
  const [harms, setHarms] = useState<Record<string, string>>(() => Object.fromEntries(asset.impacts.map((impact) => [impact.object, impact.harm])));
  const [note, setNote] = useState('');
  const [error, setError] = useState<Error>();
  const save = async () => {
    setError(undefined);
    const impacts: Impact[] = Object.entries(harms)
      .filter(([, harm]) => harm !== '')
      .map(([object, harm]) => ({ object, harm }));
    try {
      await session.request(`/api/data-assets/${asset.id}`, { method: 'PATCH', body: { impacts, ...(note.trim() ? { note: note.trim() } : {}) } });
      setNote('');
      onChanged();
    } catch (failure) {
      setError(failure as Error);
    }
  };
  return (
    <div className="card">
      <h2>Impact if the data were tampered with, destroyed, leaked or illegally obtained</h2>
      <div className="form-grid">
        {vocabulary.impactObjects.map((object) => (
          <label className="field" key={object.id}>
            {object.label}
            <select value={harms[object.id] ?? ''} onChange={(event) => setHarms((current) => ({ ...current, [object.id]: event.target.value }))}>
              <option value="">no harm</option>
              {vocabulary.harmDegrees.map((harm) => (
                <option key={harm.id} value={harm.id}>
                  {harm.label}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label className="field">
          Note (why)
          <input maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} />
        </label>
      </div>
      <ErrorNotice error={error} />
      <button type="button" onClick={() => void save()}>
        Save impacts
      </button>
    </div>
  );
}
