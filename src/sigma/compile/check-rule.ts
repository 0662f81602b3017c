// The problems compiling a rule would meet, found without compiling it. The engine compiles a rule
// only when an event of its log source first arrives (compiling every SigmaHQ rule up front took most
// of a second), yet a bad rule must be rejected, by name, when the rules are loaded. The checks call
// the compiler's own functions for each failing case, and a test compares them with a full compile
// over all of SigmaHQ and the hostile-rule tests.
import type { ConditionExpr, SearchExpr, SigmaRule, ValueTest } from '../parse/rule-types.js';
import { compileSafeRegex } from './safe-regex.js';
import { cidrRange, keywordStringTest } from './value-matchers.js';

/**
 * Throws the RuleProblem compileRule would throw for this rule, if any. Like compileRule, it looks at
 * the identifiers the condition uses only. Wildcard strings also become regexes when compiled, but from
 * escaped literals and `[\s\S]`, which are always valid and linear, so they are not checked.
 */
export function checkCompilable(rule: SigmaRule): void {
  for (const name of conditionNames(rule.condition, new Set())) checkSearch(rule.detection[name]);
}

function conditionNames(expr: ConditionExpr, names: Set<string>): Set<string> {
  switch (expr.kind) {
    case 'ref':
      names.add(expr.name);
      break;
    case 'not':
      conditionNames(expr.expr, names);
      break;
    case 'and':
    case 'or':
      for (const item of expr.items) conditionNames(item, names);
      break;
    case 'of':
      for (const name of expr.names) names.add(name);
      break;
  }
  return names;
}

function checkSearch(expr: SearchExpr): void {
  switch (expr.kind) {
    case 'and':
    case 'or':
      for (const item of expr.items) checkSearch(item);
      return;
    case 'keyword':
      for (const test of expr.tests) keywordStringTest(test);
      return;
    case 'field':
      for (const test of expr.tests) checkFieldTest(test);
  }
}

function checkFieldTest(test: ValueTest): void {
  if (test.type === 'regex') compileSafeRegex(test.source, test.flags);
  else if (test.type === 'cidr') cidrRange(test.network);
}
