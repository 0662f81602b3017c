// Decides the route a cross-border transfer must take under CAC Order 16: exempt, standard contract or
// certification, or the CAC security assessment, from the operator's CII status, the data's class and
// the year's cumulative volumes. Pure: the facts and the loaded rules in, a decision with every step
// cited out. The order of the checks is the order of the law's precedence: core data, a claimed
// exemption (Arts. 3–6), important data (Art. 7, Decree 790 Art. 37), the CII rule (Art. 7), then the
// volume thresholds (Arts. 7, 8) and the small-volume exemption (Art. 5(4)).
import { countedEarlierTransfers, earlierVolumes, plusTransfer, type CumulativeVolumes } from './cumulative-volumes.js';
import { checkExemption } from './check-exemption.js';
import type { TransferRules } from './load-transfer-rules.js';
import { formatCount, routeStep, type Cited, type RouteStep } from './route-step.js';
import { parseTransferFacts, type CheckedTransferFacts, type TransferFacts } from './transfer-facts.js';
import type { ExemptionId, TransferRoute } from './transfer-vocabulary.js';
import { evaluateThresholds, thresholdWarnings, type ThresholdWarning } from './volume-thresholds.js';

export interface CoreDataWarning extends Cited {
  readonly kind: 'core-data';
  readonly text: string;
}

export type TransferWarning = ThresholdWarning | CoreDataWarning;

export interface RouteDecision {
  readonly route: TransferRoute;
  /** The article the route rests on, e.g. Order 16 Art. 5(4). */
  readonly basis: { readonly short: string; readonly article: string } & Cited;
  /** The China date the transfer was counted on. */
  readonly transferDate: string;
  /** In the order they were made. */
  readonly reasoning: readonly RouteStep[];
  /** Since 1 January of the transfer's year, this transfer included when it counts. */
  readonly cumulative: CumulativeVolumes;
  /** Whether this transfer's individuals count toward later transfers' thresholds: store it with the transfer. */
  readonly countsTowardThresholds: boolean;
  /** The exemption the route rests on, when exempt. */
  readonly exemption?: ExemptionId;
  /** A claimed exemption that does not fit the facts, and why. */
  readonly refusedExemption?: { readonly id: ExemptionId; readonly reasons: readonly RouteStep[] };
  readonly personalInformation: boolean;
  readonly warnings: readonly TransferWarning[];
}

interface Outcome {
  readonly route: TransferRoute;
  readonly basis: Cited;
  readonly counts: boolean;
  readonly exemption?: ExemptionId;
}

export function decideTransferRoute(input: TransferFacts, rules: TransferRules): RouteDecision {
  const facts = parseTransferFacts(input);
  const reasoning: RouteStep[] = [routeStep(rules.rules.precedence.text, rules.rules.precedence)];
  const earlier = earlierVolumes(facts);
  const withThis = plusTransfer(earlier, facts);
  const counted = countedEarlierTransfers(facts).length;
  reasoning.push(
    routeStep(
      `volumes are counted since ${earlier.since} in China time (UTC+8), up to ${facts.transferDate}: ${counted} of the ${facts.earlier.length} other transfer(s) given count, ` +
        `with ${formatCount(earlier.individuals)} individuals and ${formatCount(earlier.sensitiveIndividuals)} with sensitive personal information`,
      rules.countingPeriod,
    ),
  );

  let refusedExemption: RouteDecision['refusedExemption'];
  let outcome: Outcome | undefined;
  const warnings: TransferWarning[] = [];

  if (facts.coreData) {
    const rule = rules.rules.coreData;
    if (facts.exemption !== undefined) {
      refusedExemption = { id: facts.exemption, reasons: [routeStep('no exemption covers core data', rule)] };
      reasoning.push(routeStep(`claimed exemption ${facts.exemption} refused: no exemption covers core data`, rule));
    }
    reasoning.push(routeStep(rule.text, rule));
    warnings.push({ kind: 'core-data', text: rule.warning, source: rule.source, confidence: rule.confidence });
    outcome = { route: rule.route, basis: rule, counts: true };
  } else if (facts.exemption !== undefined) {
    const exemption = rules.exemptions[facts.exemption];
    const counts = exemption.countsTowardThresholds;
    const check = checkExemption(facts.exemption, facts, counts.value ? withThis : earlier, rules);
    if (check.applies) {
      reasoning.push(routeStep(`claimed exemption applies: ${exemption.name}`, exemption));
      reasoning.push(
        routeStep(counts.value ? "this transfer's individuals are added to the year's volumes" : "this transfer's individuals are not added to the year's volumes", counts),
      );
      outcome = { route: 'exempt', basis: exemption, counts: counts.value, exemption: facts.exemption };
    } else {
      refusedExemption = { id: facts.exemption, reasons: check.refusals };
      for (const refusal of check.refusals) reasoning.push({ ...refusal, text: `claimed exemption ${facts.exemption} refused: ${refusal.text}` });
    }
  }

  outcome ??= decideByRules(facts, withThis, rules, reasoning);
  const cumulative = outcome.counts ? withThis : earlier;
  if (!facts.operatorIsCii && facts.containsPersonalInformation) warnings.push(...thresholdWarnings(cumulative, outcome.route, rules));
  reasoning.push(routeStep(`route: ${rules.routes[outcome.route].name}`, outcome.basis));

  return {
    route: outcome.route,
    basis: { short: outcome.basis.source.short, article: outcome.basis.source.article, source: outcome.basis.source, confidence: outcome.basis.confidence },
    transferDate: facts.transferDate,
    reasoning,
    cumulative,
    countsTowardThresholds: outcome.counts,
    ...(outcome.exemption === undefined ? {} : { exemption: outcome.exemption }),
    ...(refusedExemption === undefined ? {} : { refusedExemption }),
    personalInformation: facts.containsPersonalInformation,
    warnings,
  };
}

/** The route without a (valid) claimed exemption. */
function decideByRules(facts: CheckedTransferFacts, withThis: CumulativeVolumes, rules: TransferRules, reasoning: RouteStep[]): Outcome {
  if (facts.importantData) {
    const rule = rules.rules.importantData;
    reasoning.push(routeStep(rule.text, rule));
    for (const also of rule.also ?? []) reasoning.push(routeStep(also.text, also));
    return { route: rule.route, basis: rule, counts: true };
  }
  reasoning.push(routeStep(`no data in this transfer was notified or published as important: ${rules.rules.notNotifiedImportant.text}`, rules.rules.notNotifiedImportant));

  if (!facts.containsPersonalInformation) {
    const exemption = rules.exemptions['no-personal-or-important-data'];
    reasoning.push(routeStep('no personal information and no important data: none of the three routes is needed', exemption));
    return { route: 'exempt', basis: exemption, counts: true, exemption: 'no-personal-or-important-data' };
  }

  if (facts.operatorIsCii) {
    const rule = rules.rules.ciiOperator;
    reasoning.push(routeStep(rule.text, rule));
    return { route: rule.route, basis: rule, counts: true };
  }

  reasoning.push(routeStep(rules.rules.cumulativeScope.text, rules.rules.cumulativeScope));
  const thresholds = evaluateThresholds(withThis, rules);
  reasoning.push(...thresholds.steps);
  if (thresholds.reached !== undefined) return { route: thresholds.reached.threshold.route, basis: thresholds.reached.threshold, counts: true };

  const smallVolume = rules.exemptions['small-volume'];
  reasoning.push(routeStep(`no threshold reached: ${smallVolume.name}`, smallVolume));
  return { route: 'exempt', basis: smallVolume, counts: true, exemption: 'small-volume' };
}
