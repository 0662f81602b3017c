// Adds a data asset to the catalog: what it is and where, who owns it, the personal-information
// categories it holds (as `rampart data scan` found them, or declared) and about how many people.
import { useState, type FormEvent } from 'react';
import { useSession } from '../../api/session.js';
import type { DataAsset, DataVocabulary } from '../../api/types.js';
import { ErrorNotice } from '../../components/notices.js';

export function AssetForm({ vocabulary, onAdded }: { readonly vocabulary: DataVocabulary; readonly onAdded: (asset: DataAsset) => void }) {
  const session = useSession();
  const [name, setName] = useState('');
  const [system, setSystem] = useState('');
  const [location, setLocation] = useState('');
  const [owner, setOwner] = useState('');
  const [individuals, setIndividuals] = useState('');
  const [categories, setCategories] = useState<readonly string[]>([]);
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const toggle = (id: string) => setCategories((current) => (current.includes(id) ? current.filter((other) => other !== id) : [...current, id]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const body = { name: name.trim(), system, location, owner, categories, individuals: individuals.trim() === '' ? null : Number(individuals) };
      const asset = await session.request<DataAsset>('/api/data-assets', { method: 'POST', body });
      setName('');
      setLocation('');
      setCategories([]);
      setIndividuals('');
      onAdded(asset);
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={(event) => void submit(event)} aria-label="Add a data asset">
      <h2>Add a data asset</h2>
      <div className="form-grid">
        <label className="field">
          Name
          <input required maxLength={200} value={name} onChange={(event) => setName(event.target.value)} placeholder="Customer master data" />
        </label>
        <label className="field">
          System
          <input maxLength={200} value={system} onChange={(event) => setSystem(event.target.value)} placeholder="CRM" />
        </label>
        <label className="field">
          Location (database.table or path)
          <input maxLength={1000} value={location} onChange={(event) => setLocation(event.target.value)} placeholder="crm.public.customers" />
        </label>
        <label className="field">
          Owner
          <input maxLength={200} value={owner} onChange={(event) => setOwner(event.target.value)} placeholder="Retail banking" />
        </label>
        <label className="field">
          Individuals (about)
          <input type="number" min={0} step={1} value={individuals} onChange={(event) => setIndividuals(event.target.value)} />
        </label>
      </div>
      <fieldset className="categories">
        <legend>Personal-information categories (⚠ sensitive)</legend>
        {vocabulary.categories.map((category) => (
          <label key={category.id}>
            <input type="checkbox" checked={categories.includes(category.id)} onChange={() => toggle(category.id)} /> {category.label}
            {category.sensitive ? ' ⚠' : ''}
          </label>
        ))}
      </fieldset>
      <ErrorNotice error={error} />
      <button type="submit" disabled={busy || name.trim() === ''}>
        Add asset
      </button>
    </form>
  );
}
