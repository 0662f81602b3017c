// The route Rampart decided for a transfer and why, step by step with the articles, the year's volumes
// it counted, and the warnings of thresholds coming near.
import type { TransferDecision } from '../../api/types.js';
import { ReasoningList } from '../data/reasoning-list.js';
import { RouteBadge } from './route-badge.js';

export function DecisionPanel({ decision, title = 'Decision' }: { readonly decision: TransferDecision; readonly title?: string }) {
  return (
    <div className="card" aria-live="polite">
      <h2>
        {title}: <RouteBadge route={decision.route} />
      </h2>
      <p>
        Basis: <strong>{decision.basis.short} {decision.basis.article}</strong>. Counted since {decision.cumulative.since}: {decision.cumulative.individuals.toLocaleString()} individuals,{' '}
        {decision.cumulative.sensitiveIndividuals.toLocaleString()} with sensitive personal information.
      </p>
      <ReasoningList steps={decision.reasoning} />
      {decision.refusedExemption && (
        <>
          <h3>Exemption refused: {decision.refusedExemption.id.replace(/-/g, ' ')}</h3>
          <ReasoningList steps={decision.refusedExemption.reasons} />
        </>
      )}
      {decision.warnings.length > 0 && (
        <ul className="warnings">
          {decision.warnings.map((warning, index) => (
            <li key={index} className="warning">
              ⚠ {warning.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
