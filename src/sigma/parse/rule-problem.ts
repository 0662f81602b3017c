// A problem found while parsing one rule. Thrown inside the parser only, caught by parseRuleFile,
// which turns it into a located RuleError so that only this rule is rejected.

export class RuleProblem extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Offset in the file text where the problem is, when known. */
    readonly offset?: number,
  ) {
    super(message);
  }
}
