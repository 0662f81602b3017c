// The year's cumulative volumes (since 1 January, China time) beside the Order 16 thresholds, with the
// warnings of a threshold coming near.
import type { TransferVolumes } from '../../api/types.js';

export function VolumesPanel({ volumes }: { readonly volumes: TransferVolumes }) {
  return (
    <div className="card">
      <h2>Volumes in {volumes.year}</h2>
      <p>
        Since {volumes.cumulative.since} (as of {volumes.asOf}): <strong>{volumes.cumulative.individuals.toLocaleString()}</strong> individuals' personal information sent abroad,{' '}
        <strong>{volumes.cumulative.sensitiveIndividuals.toLocaleString()}</strong> with sensitive personal information. Exempted transfers that the rules say do not count (Order 16 Arts. 3, 4, 5(1)–(3), 6) are left out.
      </p>
      {volumes.warnings.length === 0 ? (
        <p className="muted">No threshold is near.</p>
      ) : (
        <ul className="warnings">
          {volumes.warnings.map((warning, index) => (
            <li key={index} className="warning">
              ⚠ {warning.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
