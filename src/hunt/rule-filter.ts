// Which matched rules a hunt reports (--min-level, --status). One definition, used by the in-process
// hunt and by every worker thread, so both report exactly the same detections.
import { levelRank, type Level } from '../core/level.js';
import type { RuleInfo } from '../sigma/parse/rule-types.js';

export interface HuntFilters {
  /** Report only rules at or above this level. */
  readonly minLevel?: Level;
  /** Report only rules with one of these statuses (rules without a status count as 'experimental'). */
  readonly statuses?: ReadonlySet<string>;
}

export type RuleFilter = (rule: RuleInfo) => boolean;

export function ruleFilter(filters: HuntFilters = {}): RuleFilter {
  const minRank = filters.minLevel ? levelRank(filters.minLevel) : 0;
  const statuses = filters.statuses;
  return (rule) => levelRank(rule.level) >= minRank && (statuses === undefined || statuses.has(rule.status ?? 'experimental'));
}
