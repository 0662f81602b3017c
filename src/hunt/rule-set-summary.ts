// What a hunt reports about its rules (counts, rejections, load time) without the engine itself:
// worker threads each hold an engine and send this back, so the main thread never builds one.
import type { RuleError } from '../sigma/parse/rule-types.js';
import type { RuleSet } from './load-rule-set.js';

export interface RuleSetSummary {
  /** Rules accepted by the engine. */
  readonly ruleCount: number;
  /** Rule files read. */
  readonly files: number;
  /** Every rejected rule with its reason. */
  readonly rejected: readonly RuleError[];
  readonly loadMilliseconds: number;
}

export function summarizeRuleSet(ruleSet: RuleSet): RuleSetSummary {
  return { ruleCount: ruleSet.engine.ruleCount, files: ruleSet.files, rejected: ruleSet.rejected, loadMilliseconds: ruleSet.loadMilliseconds };
}
