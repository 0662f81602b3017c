// The volume thresholds of Order 16 Arts. 7 and 8 for operators that are not CII: which the year's
// volumes reach, and which they are approaching. Every threshold is compared with the cumulative
// volumes (Rampart's reading, rules.cumulativeScope); the highest route reached wins.
import type { CumulativeVolumes } from './cumulative-volumes.js';
import type { TransferRules } from './load-transfer-rules.js';
import { formatCount, routeStep, type RouteStep } from './route-step.js';
import type { ThresholdData } from './transfer-rules-schema.js';
import { THRESHOLD_IDS, routeRank, type ThresholdId, type TransferRoute } from './transfer-vocabulary.js';

export interface ThresholdOutcome {
  /** The strictest threshold reached, or undefined when none is. */
  readonly reached?: { readonly id: ThresholdId; readonly threshold: ThresholdData };
  /** One step per threshold, in the order of the data file: reached or not, with the numbers. */
  readonly steps: readonly RouteStep[];
}

export interface ThresholdWarning {
  readonly kind: 'threshold';
  readonly threshold: ThresholdId;
  /** The cumulative volume, this transfer included when it counts. */
  readonly value: number;
  readonly limit: number;
  /** value / limit. */
  readonly share: number;
  readonly text: string;
}

const VOLUME_NAMES = { individuals: 'individuals (non-sensitive personal information)', sensitiveIndividuals: 'individuals with sensitive personal information' } as const;

export function evaluateThresholds(cumulative: CumulativeVolumes, rules: TransferRules): ThresholdOutcome {
  let reached: ThresholdOutcome['reached'];
  const steps = THRESHOLD_IDS.map((id) => {
    const threshold = rules.thresholds[id] as ThresholdData;
    const volume = cumulative[threshold.counts];
    const isReached = volume >= threshold.atLeast;
    if (isReached && (reached === undefined || routeRank(threshold.route) > routeRank(reached.threshold.route))) reached = { id, threshold };
    const comparison = isReached ? 'at least' : 'fewer than';
    const route = rules.routes[threshold.route].name;
    return routeStep(
      `${formatCount(volume)} ${VOLUME_NAMES[threshold.counts]} since ${cumulative.since}: ${comparison} ${formatCount(threshold.atLeast)}, so ${isReached ? '' : 'not '}${route} on this count`,
      threshold,
    );
  });
  return { reached, steps };
}

/**
 * A warning for each threshold the volumes have not reached but are at or above the warning share
 * of, when reaching it would make the route stricter than `route`.
 */
export function thresholdWarnings(cumulative: CumulativeVolumes, route: TransferRoute, rules: TransferRules): ThresholdWarning[] {
  const warnings: ThresholdWarning[] = [];
  const minimumShare = rules.warningShare.value;
  for (const id of THRESHOLD_IDS) {
    const threshold = rules.thresholds[id] as ThresholdData;
    const value = cumulative[threshold.counts];
    const share = value / threshold.atLeast;
    if (value >= threshold.atLeast || share < minimumShare || routeRank(threshold.route) <= routeRank(route)) continue;
    warnings.push({
      kind: 'threshold',
      threshold: id,
      value,
      limit: threshold.atLeast,
      share,
      text: `${formatCount(value)} ${VOLUME_NAMES[threshold.counts]} since ${cumulative.since} is ${Math.floor(share * 100)} % of ${formatCount(threshold.atLeast)} (${threshold.source.short} ${threshold.source.article}): ${formatCount(threshold.atLeast - value)} more and transfers need the ${rules.routes[threshold.route].name}`,
    });
  }
  return warnings;
}
