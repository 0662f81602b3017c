// Registers a transfer abroad. As the form is filled in, Rampart previews the route it would decide
// (POST /api/data-transfers/preview) with its reasoning, so the user sees the consequence of each answer
// before registering.
import { useEffect, useState, type FormEvent } from 'react';
import { useSession } from '../../api/session.js';
import type { DataAsset, DataTransfer, DataVocabulary, TransferDecision } from '../../api/types.js';
import { ErrorNotice } from '../../components/notices.js';
import { DecisionPanel } from './decision-panel.js';

interface Draft {
  recipient: string;
  country: string;
  purpose: string;
  transferDate: string;
  individuals: string;
  sensitiveIndividuals: string;
  importantData: boolean;
  exemption: string;
  assetIds: readonly string[];
}

const today = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export function bodyOf(draft: Draft): Record<string, unknown> {
  return {
    recipient: draft.recipient.trim() || 'recipient',
    country: draft.country.trim().toUpperCase(),
    purpose: draft.purpose.trim() || 'purpose',
    transferDate: draft.transferDate,
    individuals: Number(draft.individuals || 0),
    sensitiveIndividuals: Number(draft.sensitiveIndividuals || 0),
    importantData: draft.importantData,
    exemption: draft.exemption === '' ? null : draft.exemption,
    assetIds: draft.assetIds,
  };
}

export function TransferForm({ vocabulary, assets, canRegister, onRegistered }: { readonly vocabulary: DataVocabulary; readonly assets: readonly DataAsset[]; readonly canRegister: boolean; readonly onRegistered: (transfer: DataTransfer) => void }) {
  const session = useSession();
  const [draft, setDraft] = useState<Draft>({ recipient: '', country: '', purpose: '', transferDate: today(), individuals: '0', sensitiveIndividuals: '0', importantData: false, exemption: '', assetIds: [] });
  const [preview, setPreview] = useState<TransferDecision>();
  const [previewError, setPreviewError] = useState<Error>();
  const [error, setError] = useState<Error>();
  const set = (changes: Partial<Draft>) => setDraft((current) => ({ ...current, ...changes }));
  const complete = /^[A-Za-z]{2}$/.test(draft.country.trim()) && draft.transferDate !== '';

  useEffect(() => {
    if (!complete) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      session
        .request<{ decision: TransferDecision }>('/api/data-transfers/preview', { method: 'POST', body: bodyOf(draft), signal: controller.signal })
        .then((answer) => {
          setPreview(answer.decision);
          setPreviewError(undefined);
        })
        .catch((failure: unknown) => {
          if ((failure as Error).name !== 'AbortError') setPreviewError(failure as Error);
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [draft, complete, session]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const transfer = await session.request<DataTransfer>('/api/data-transfers', { method: 'POST', body: bodyOf(draft) });
      set({ recipient: '', purpose: '', individuals: '0', sensitiveIndividuals: '0', exemption: '', assetIds: [] });
      onRegistered(transfer);
    } catch (failure) {
      setError(failure as Error);
    }
  };
  const toggleAsset = (id: string) => set({ assetIds: draft.assetIds.includes(id) ? draft.assetIds.filter((other) => other !== id) : [...draft.assetIds, id] });

  return (
    <form className="card" onSubmit={(event) => void submit(event)} aria-label="Register a transfer abroad">
      <h2>{canRegister ? 'Register a transfer abroad' : 'Check a transfer abroad'}</h2>
      <div className="form-grid">
        <label className="field">
          Recipient
          <input required maxLength={300} value={draft.recipient} onChange={(event) => set({ recipient: event.target.value })} placeholder="Parent company (Singapore)" />
        </label>
        <label className="field">
          Country (ISO code)
          <input required maxLength={2} value={draft.country} onChange={(event) => set({ country: event.target.value })} placeholder="SG" />
        </label>
        <label className="field">
          Purpose
          <input required maxLength={2000} value={draft.purpose} onChange={(event) => set({ purpose: event.target.value })} placeholder="group payroll" />
        </label>
        <label className="field">
          Date (China time)
          <input type="date" required value={draft.transferDate} onChange={(event) => set({ transferDate: event.target.value })} />
        </label>
        <label className="field">
          Individuals (personal information)
          <input type="number" min={0} step={1} value={draft.individuals} onChange={(event) => set({ individuals: event.target.value })} />
        </label>
        <label className="field">
          of whom with sensitive personal information
          <input type="number" min={0} step={1} value={draft.sensitiveIndividuals} onChange={(event) => set({ sensitiveIndividuals: event.target.value })} />
        </label>
        <label className="field">
          Exemption claimed
          <select value={draft.exemption} onChange={(event) => set({ exemption: event.target.value })}>
            <option value="">none</option>
            {vocabulary.exemptions.map((exemption) => (
              <option key={exemption.id} value={exemption.id}>
                {exemption.label}
                {exemption.article ? ` (${exemption.article})` : ''}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={draft.importantData} onChange={(event) => set({ importantData: event.target.checked })} /> includes data notified or published as important data
        </label>
      </div>
      {assets.length > 0 && (
        <fieldset className="categories">
          <legend>Data assets transferred (their decided level counts)</legend>
          {assets.map((asset) => (
            <label key={asset.id}>
              <input type="checkbox" checked={draft.assetIds.includes(asset.id)} onChange={() => toggleAsset(asset.id)} /> {asset.name} ({asset.level ?? `${asset.proposedLevel}, proposed`})
            </label>
          ))}
        </fieldset>
      )}
      <ErrorNotice error={previewError} />
      {preview && complete && <DecisionPanel decision={preview} title="Rampart would decide" />}
      <ErrorNotice error={error} />
      {canRegister && (
        <button type="submit" disabled={!complete || draft.recipient.trim() === '' || draft.purpose.trim() === ''}>
          Register transfer
        </button>
      )}
    </form>
  );
}
