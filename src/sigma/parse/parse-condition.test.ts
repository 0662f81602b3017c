// The condition grammar (sigma-rules-specification.md, "Condition"): precedence or < and < not < x of < ( ),
// `1 of` / `all of` patterns and `them` (which skip `_` identifiers), and the errors a bad condition gives.
import { describe, expect, it } from 'vitest';
import type { ConditionExpr } from './rule-types.js';
import { ConditionSyntaxError, parseCondition } from './parse-condition.js';
import { RuleProblem } from './rule-problem.js';
import { parseRuleFile } from './parse-rule-file.js';

const ref = (name: string): ConditionExpr => ({ kind: 'ref', name });
const not = (expr: ConditionExpr): ConditionExpr => ({ kind: 'not', expr });
const and = (...items: ConditionExpr[]): ConditionExpr => ({ kind: 'and', items });
const or = (...items: ConditionExpr[]): ConditionExpr => ({ kind: 'or', items });
const of = (quantifier: 'all' | number, ...names: string[]): ConditionExpr => ({ kind: 'of', quantifier, names });

const abc = ['a', 'b', 'c'];

/** The error parseCondition throws, for assertions on its code, message and position. */
function errorOf(condition: string, identifiers: readonly string[]): RuleProblem {
  try {
    parseCondition(condition, identifiers);
  } catch (error) {
    if (error instanceof RuleProblem) return error;
    throw error;
  }
  throw new Error(`condition '${condition}' parsed without error`);
}

describe('parseCondition: precedence', () => {
  it('a single identifier', () => {
    expect(parseCondition('a', abc)).toEqual(ref('a'));
  });

  it('and binds tighter than or: a or b and c = a or (b and c)', () => {
    expect(parseCondition('a or b and c', abc)).toEqual(or(ref('a'), and(ref('b'), ref('c'))));
  });

  it('and binds tighter than or: a and b or c = (a and b) or c', () => {
    expect(parseCondition('a and b or c', abc)).toEqual(or(and(ref('a'), ref('b')), ref('c')));
  });

  it('not binds tighter than and: not a and b = (not a) and b', () => {
    expect(parseCondition('not a and b', abc)).toEqual(and(not(ref('a')), ref('b')));
  });

  it('not over parentheses: not (a or b)', () => {
    expect(parseCondition('not (a or b)', abc)).toEqual(not(or(ref('a'), ref('b'))));
  });

  it('double negation is kept as written', () => {
    expect(parseCondition('not not a', abc)).toEqual(not(not(ref('a'))));
  });

  it('chains of one operator are flattened', () => {
    expect(parseCondition('a and b and c', abc)).toEqual(and(ref('a'), ref('b'), ref('c')));
    expect(parseCondition('a or b or c', abc)).toEqual(or(ref('a'), ref('b'), ref('c')));
  });

  it('operators are case-insensitive', () => {
    expect(parseCondition('a AND NOT b OR c', abc)).toEqual(or(and(ref('a'), not(ref('b'))), ref('c')));
  });

  it('identifiers are case-sensitive', () => {
    expect(errorOf('A', abc).code).toBe('SIGMA_UNDEFINED_IDENTIFIER');
  });
});

describe('parseCondition: parentheses', () => {
  it('override precedence: (a or b) and c', () => {
    expect(parseCondition('(a or b) and c', abc)).toEqual(and(or(ref('a'), ref('b')), ref('c')));
  });

  it('nest, and redundant ones vanish', () => {
    expect(parseCondition('((a))', abc)).toEqual(ref('a'));
    expect(parseCondition('a and (b or (not c))', abc)).toEqual(and(ref('a'), or(ref('b'), not(ref('c')))));
  });

  it('need no surrounding spaces', () => {
    expect(parseCondition('(a)and(b)', abc)).toEqual(and(ref('a'), ref('b')));
  });

  it('accept identifiers with dots, dashes and digits', () => {
    expect(parseCondition('sel.one and sel-2', ['sel.one', 'sel-2'])).toEqual(and(ref('sel.one'), ref('sel-2')));
  });
});

describe('parseCondition: x of', () => {
  const names = ['selection_1', 'selection_2', 'filter_main', 'filter_optional', '_internal', 'keywords'];

  it('1 of sel* lists the matching identifiers', () => {
    expect(parseCondition('1 of selection_*', names)).toEqual(of(1, 'selection_1', 'selection_2'));
  });

  it('all of sel* lists the matching identifiers', () => {
    expect(parseCondition('all of filter_*', names)).toEqual(of('all', 'filter_main', 'filter_optional'));
  });

  it('the wildcard may stand anywhere in the pattern', () => {
    expect(parseCondition('1 of *_main', names)).toEqual(of(1, 'filter_main'));
    expect(parseCondition('1 of sel*_2', names)).toEqual(of(1, 'selection_2'));
  });

  it('a pattern without wildcard matches exactly that identifier', () => {
    expect(parseCondition('1 of keywords', names)).toEqual(of(1, 'keywords'));
  });

  it('dots in a pattern are literal, not regex wildcards', () => {
    expect(errorOf('1 of a.c', ['abc']).code).toBe('SIGMA_UNDEFINED_IDENTIFIER');
    expect(parseCondition('1 of a.*', ['a.x', 'abx'])).toEqual(of(1, 'a.x'));
  });

  it('1 of them / all of them take every identifier except those starting with _', () => {
    const others = ['selection_1', 'selection_2', 'filter_main', 'filter_optional', 'keywords'];
    expect(parseCondition('1 of them', names)).toEqual(of(1, ...others));
    expect(parseCondition('all of them', names)).toEqual(of('all', ...others));
  });

  it('a * pattern also skips _ identifiers, but a pattern starting with _ reaches them', () => {
    expect(parseCondition('1 of *', ['x', '_y'])).toEqual(of(1, 'x'));
    expect(parseCondition('1 of _*', ['x', '_y'])).toEqual(of(1, '_y'));
  });

  it('binds tighter than not, and, or', () => {
    expect(parseCondition('1 of selection_* and not 1 of filter_*', names)).toEqual(
      and(of(1, 'selection_1', 'selection_2'), not(of(1, 'filter_main', 'filter_optional'))),
    );
    expect(parseCondition('keywords or all of selection_*', names)).toEqual(or(ref('keywords'), of('all', 'selection_1', 'selection_2')));
  });

  it('accepts a count above one (at least n of)', () => {
    expect(parseCondition('2 of selection_*', names)).toEqual(of(2, 'selection_1', 'selection_2'));
  });

  it('ALL OF THEM is case-insensitive', () => {
    expect(parseCondition('ALL OF THEM', ['x'])).toEqual(of('all', 'x'));
  });

  it('a pattern that matches nothing is an error', () => {
    const error = errorOf('1 of filter_*', ['selection']);
    expect(error.code).toBe('SIGMA_UNDEFINED_IDENTIFIER');
    expect(error.message).toContain('filter_*');
  });

  it('of them with only _ identifiers is an error', () => {
    expect(errorOf('1 of them', ['_a', '_b']).code).toBe('SIGMA_UNDEFINED_IDENTIFIER');
  });

  it('quantifiers other than a positive number or all are syntax errors', () => {
    expect(errorOf('0 of them', ['a']).code).toBe('SIGMA_CONDITION_SYNTAX');
    expect(errorOf('any of them', ['a']).code).toBe('SIGMA_CONDITION_SYNTAX');
    expect(errorOf('1 of', ['a']).code).toBe('SIGMA_CONDITION_SYNTAX');
    expect(errorOf('1 of (a)', ['a']).code).toBe('SIGMA_CONDITION_SYNTAX');
  });
});

describe('parseCondition: errors', () => {
  it('an undefined identifier is SIGMA_UNDEFINED_IDENTIFIER and names it', () => {
    const error = errorOf('selection and filter', ['selection']);
    expect(error.code).toBe('SIGMA_UNDEFINED_IDENTIFIER');
    expect(error.message).toContain("'filter'");
  });

  it('an inherited object property is not an identifier', () => {
    expect(errorOf('constructor', ['a']).code).toBe('SIGMA_UNDEFINED_IDENTIFIER');
    expect(errorOf('toString', ['a']).code).toBe('SIGMA_UNDEFINED_IDENTIFIER');
  });

  it.each([
    // [condition, 0-based position, what the message says]
    ['a and', 5, 'ended'],
    ['a b', 2, "unexpected 'b'"],
    ['(a or b', 7, "')' expected"],
    ['a or b)', 6, "unexpected ')'"],
    [')', 0, "unexpected ')'"],
    ['a & b', 2, "unexpected character '&'"],
    ['a | b', 2, "unexpected character '|'"],
    ['and a', 0, "unexpected 'and'"],
    ['a and or b', 6, "unexpected 'or'"],
    ['not', 3, 'ended'],
    ['sel*', 0, 'wildcard'],
    ['a and b*', 6, 'wildcard'],
    ['', 0, 'ended'],
  ])('%j is a syntax error at its column', (condition, position, message) => {
    const error = errorOf(condition, ['a', 'b', 'sel1']);
    expect(error).toBeInstanceOf(ConditionSyntaxError);
    expect(error.code).toBe('SIGMA_CONDITION_SYNTAX');
    expect((error as ConditionSyntaxError).position).toBe(position);
    expect(error.message).toContain(message);
    expect(error.message).toContain(`at column ${position + 1}`);
  });

  it('reports the column after leading spaces', () => {
    const error = errorOf('   a  b', ['a', 'b']) as ConditionSyntaxError;
    expect(error.position).toBe(6);
  });
});

describe('condition lists', () => {
  // A list under `condition:` is folded by parseRuleFile into one OR of the parsed conditions.
  it('are an OR of their entries, each parsed with the same precedence rules', () => {
    const text = 'title: t\nlogsource: {product: windows}\ndetection:\n  a: {x: 1}\n  b: {y: 2}\n  c: {z: 3}\n  condition:\n    - a and not b\n    - 1 of c*\n';
    const { rules, errors } = parseRuleFile(text, 'list.yml');
    expect(errors).toEqual([]);
    expect(rules[0].condition).toEqual(or(and(ref('a'), not(ref('b'))), of(1, 'c')));
  });

  it('a single-entry list is that condition', () => {
    const text = 'title: t\nlogsource: {product: windows}\ndetection:\n  a: {x: 1}\n  condition:\n    - a\n';
    expect(parseRuleFile(text, 'list.yml').rules[0].condition).toEqual(ref('a'));
  });

  it('a bad entry rejects the rule with the error of that entry', () => {
    const text = 'title: t\nlogsource: {product: windows}\ndetection:\n  a: {x: 1}\n  condition:\n    - a\n    - a and\n';
    const { rules, errors } = parseRuleFile(text, 'list.yml');
    expect(rules).toEqual([]);
    expect(errors.map((error) => [error.code, error.location.line, error.location.column])).toEqual([['SIGMA_CONDITION_SYNTAX', 7, 7]]);
  });
});
