// Whether an exemption fits the facts: each fact the exemption requires (data/regulations/
// cross-border-transfers.yaml, `requires`) is compared, and every one that does not fit is a reason to
// refuse the claim, cited with the requirement's own source.
import type { CumulativeVolumes } from './cumulative-volumes.js';
import type { TransferRules } from './load-transfer-rules.js';
import { formatCount, routeStep, type RouteStep } from './route-step.js';
import type { CheckedTransferFacts } from './transfer-facts.js';
import type { ExemptionId } from './transfer-vocabulary.js';

export interface ExemptionCheck {
  readonly applies: boolean;
  /** Why it does not apply, one step per unmet requirement; empty when it applies. */
  readonly refusals: readonly RouteStep[];
}

/** `cumulative` includes this transfer, as the exemption would count it. */
export function checkExemption(id: ExemptionId, facts: CheckedTransferFacts, cumulative: CumulativeVolumes, rules: TransferRules): ExemptionCheck {
  const exemption = rules.exemptions[id];
  const requires = exemption.requires;
  const refusals: RouteStep[] = [];
  if (requires.personalInformation !== undefined && requires.personalInformation.value !== facts.containsPersonalInformation) {
    refusals.push(routeStep(facts.containsPersonalInformation ? 'the transfer contains personal information' : 'the transfer contains no personal information', requires.personalInformation));
  }
  if (requires.importantData !== undefined && requires.importantData.value !== facts.importantData) {
    refusals.push(routeStep(facts.importantData ? 'the transfer contains data notified or published as important data' : 'the transfer contains no important data', requires.importantData));
  }
  if (requires.ciiOperator !== undefined && requires.ciiOperator.value !== facts.operatorIsCii) {
    refusals.push(routeStep(facts.operatorIsCii ? 'the operator is a critical information infrastructure operator' : 'the operator is not a critical information infrastructure operator', requires.ciiOperator));
  }
  if (requires.sensitivePersonalInformation !== undefined && requires.sensitivePersonalInformation.value !== cumulative.sensitiveIndividuals > 0) {
    refusals.push(
      routeStep(
        cumulative.sensitiveIndividuals > 0
          ? `sensitive personal information of ${formatCount(cumulative.sensitiveIndividuals)} individuals has been transferred since ${cumulative.since}, this transfer included`
          : `no sensitive personal information has been transferred since ${cumulative.since}`,
        requires.sensitivePersonalInformation,
      ),
    );
  }
  if (requires.cumulativeBelow !== undefined) {
    const threshold = rules.thresholds[requires.cumulativeBelow.value];
    const volume = cumulative[threshold.counts];
    if (volume >= threshold.atLeast) {
      refusals.push(
        routeStep(`${formatCount(volume)} individuals since ${cumulative.since}, this transfer included, reach the threshold of ${formatCount(threshold.atLeast)}`, requires.cumulativeBelow),
      );
    }
  }
  return { applies: refusals.length === 0, refusals };
}
