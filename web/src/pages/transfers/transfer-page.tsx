// One transfer abroad: what was sent where and why, the route decided with its reasoning, and the
// obligations it carries with their due dates and state today; the dates that start them are entered here.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useSession } from '../../api/session.js';
import type { DataTransfer } from '../../api/types.js';
import { useResource } from '../../api/use-resource.js';
import { ErrorNotice, Loading } from '../../components/notices.js';
import { humanise } from '../../lib/format.js';
import { citationOf } from '../data/reasoning-list.js';
import { DecisionPanel } from './decision-panel.js';

const DATE_FIELDS = [
  ['pipiaCompletedOn', 'PIPIA completed on'],
  ['assessmentApprovedOn', 'Security assessment approved on'],
  ['renewalAppliedOn', 'Renewal of the assessment applied for on'],
  ['contractEffectiveOn', 'Standard contract in force from'],
  ['contractFiledOn', 'Standard contract filed with the provincial CAC on'],
] as const;

export function TransferPage() {
  const { id } = useParams();
  const session = useSession();
  const transfer = useResource<DataTransfer>(`/api/data-transfers/${id ?? ''}`);
  const [error, setError] = useState<Error>();
  const setDate = async (field: string, value: string) => {
    setError(undefined);
    try {
      await session.request(`/api/data-transfers/${id ?? ''}`, { method: 'PATCH', body: { [field]: value === '' ? null : value } });
      transfer.reload();
    } catch (failure) {
      setError(failure as Error);
    }
  };
  const data = transfer.data;
  return (
    <section>
      <p>
        <Link to="/transfers">← Transfers abroad</Link>
      </p>
      <ErrorNotice error={transfer.error} />
      {data === undefined ? (
        transfer.loading && <Loading what="the transfer" />
      ) : (
        <>
          <h1>
            XB-{data.number}: {data.recipient} ({data.country})
          </h1>
          <dl className="facts">
            <dt>Purpose</dt>
            <dd>{data.purpose}</dd>
            <dt>Date</dt>
            <dd>{data.transferDate}</dd>
            <dt>Individuals</dt>
            <dd>
              {data.individuals.toLocaleString()}, of whom {data.sensitiveIndividuals.toLocaleString()} with sensitive personal information
            </dd>
            <dt>Data</dt>
            <dd>{[data.importantData ? 'important data' : undefined, data.coreData ? 'core data' : undefined].filter(Boolean).join(', ') || 'no important or core data'}</dd>
            <dt>Exemption claimed</dt>
            <dd>{humanise(data.exemption)}</dd>
            <dt>Registered</dt>
            <dd>by {data.createdBy}</dd>
          </dl>
          <DecisionPanel decision={data.decision} />
          <div className="card">
            <h2>Obligations</h2>
            {data.obligations.length === 0 ? (
              <p className="muted">None yet: they start from the dates below (the PIPIA, the assessment's approval, the contract's entry into force).</p>
            ) : (
              <ul className="obligations">
                {data.obligations.map((obligation) => (
                  <li key={obligation.id} className={`obligation obligation-${obligation.status}`}>
                    <strong>{obligation.due}</strong> {obligation.text} <span className="muted">({humanise(obligation.status)}; {citationOf({ text: '', source: obligation.source, confidence: obligation.confidence })})</span>
                    {obligation.warnings.map((warning) => (
                      <span key={warning} className="warning">
                        {' '}
                        ⚠ {warning}
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
            )}
            {session.may('data:write') && (
              <div className="form-grid">
                {DATE_FIELDS.map(([field, label]) => (
                  <label className="field" key={field}>
                    {label}
                    <input type="date" value={data[field] ?? ''} onChange={(event) => void setDate(field, event.target.value)} />
                  </label>
                ))}
              </div>
            )}
            <ErrorNotice error={error} />
          </div>
        </>
      )}
    </section>
  );
}
