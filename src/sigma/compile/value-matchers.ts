// Value tests compiled into small functions over one field of the event view.
// Missing is not false: a missing field fails every value test except `null` and `exists: false`,
// so `not filter` holds when the filter's field is absent, as Sigma intends.
import type { FieldPredicate, GlobToken, KeywordPredicate, NumberOperator, TimePart, ValueTest } from '../parse/rule-types.js';
import { RuleProblem } from '../parse/rule-problem.js';
import { ipInRange, parseCidr, parseIp } from '../parse/cidr-syntax.js';
import { EventView, MISSING, NULL_VALUE, textOf, type FieldSlots, type Folded } from './event-view.js';
import { compileSafeRegex } from './safe-regex.js';

export type Matcher = (view: EventView) => boolean;
type StringTest = (value: string) => boolean;

export function compileFieldPredicate(predicate: FieldPredicate, fieldName: (sigmaField: string) => string, slots: FieldSlots): Matcher {
  const slot = slots.slotOf(fieldName(predicate.field));
  // Many plain case-insensitive values (`OriginalFileName: [a, b, ...]`) become one set lookup.
  const equalities = predicate.match === 'any' ? predicate.tests.filter(isPlainEquality) : [];
  const others = equalities.length >= 4 ? predicate.tests.filter((test) => !isPlainEquality(test)) : predicate.tests;
  const tests = compileSameFieldStrings(others, slot, predicate.match) ?? others.map((test) => compileFieldTest(test, slot, fieldName, slots));
  if (equalities.length >= 4) tests.unshift(compileEqualitySet(equalities, slot));
  const anyTest = combine(tests, predicate.match);
  if (!predicate.negate) return anyTest;
  return (view) => {
    const text = view.text(slot);
    return text !== MISSING && text !== NULL_VALUE && !anyTest(view);
  };
}

/**
 * Several case-insensitive string tests of one field with `any` (the common `Image|endswith: [...]`)
 * as one matcher that reads the folded value once, instead of one closure per test each reading it.
 */
function compileSameFieldStrings(tests: readonly ValueTest[], slot: number, match: 'any' | 'all'): Matcher[] | undefined {
  if (match !== 'any' || tests.length < 2 || !tests.every((test) => test.type === 'string' && !test.cased)) return undefined;
  const lists = stringLists(tests.map((test) => (test as Extract<ValueTest, { type: 'string' }>).tokens));
  return [
    (view) => {
      const value = view.folded(slot);
      if (typeof value === 'string') return matchesAnyOf(lists, value);
      if (value === MISSING) return false;
      if (value === NULL_VALUE) return matchesAnyOf(lists, '');
      for (let i = 0; i < value.length; i++) if (matchesAnyOf(lists, value[i])) return true;
      return false;
    },
  ];
}

/**
 * Case-insensitive globs of one field sorted by shape, so that a value is tried against the literals
 * with `endsWith`, `startsWith` and `includes` called directly in a loop: one closure call per glob
 * was the hunt's costliest rule evaluation (`Image|endswith` lists tried on most events).
 */
interface StringLists {
  readonly equals: ReadonlySet<string>;
  readonly prefixes: readonly string[];
  readonly suffixes: readonly string[];
  readonly infixes: readonly string[];
  readonly others: readonly StringTest[];
}

function stringLists(globs: readonly (readonly GlobToken[])[]): StringLists {
  const equals = new Set<string>();
  const prefixes: string[] = [];
  const suffixes: string[] = [];
  const infixes: string[] = [];
  const others: StringTest[] = [];
  for (const tokens of globs) {
    const simple = simpleShape(tokens, false);
    if (simple?.shape === 't') equals.add(simple.literal);
    else if (simple?.shape === '') equals.add('');
    else if (simple?.shape === 't*') prefixes.push(simple.literal);
    else if (simple?.shape === '*t') suffixes.push(simple.literal);
    else if (simple?.shape === '*t*') infixes.push(simple.literal);
    else others.push(compileStringTest(tokens, false));
  }
  return { equals, prefixes, suffixes, infixes, others };
}

function matchesAnyOf(lists: StringLists, text: string): boolean {
  if (lists.equals.has(text)) return true;
  const { prefixes, suffixes, infixes, others } = lists;
  for (let i = 0; i < suffixes.length; i++) if (text.endsWith(suffixes[i])) return true;
  for (let i = 0; i < prefixes.length; i++) if (text.startsWith(prefixes[i])) return true;
  for (let i = 0; i < infixes.length; i++) if (text.includes(infixes[i])) return true;
  for (let i = 0; i < others.length; i++) if (others[i](text)) return true;
  return false;
}

function isPlainEquality(test: ValueTest): test is Extract<ValueTest, { type: 'string' }> {
  return test.type === 'string' && !test.cased && test.tokens.length === 1 && test.tokens[0].kind === 'text';
}

function compileEqualitySet(tests: readonly Extract<ValueTest, { type: 'string' }>[], slot: number): Matcher {
  const values = new Set(tests.map((test) => (test.tokens[0] as { text: string }).text.toLowerCase()));
  return (view) => {
    const value = view.folded(slot);
    if (typeof value === 'string') return values.has(value);
    if (value === MISSING) return false;
    if (value === NULL_VALUE) return values.has('');
    return value.some((item) => values.has(item));
  };
}

export function compileKeywordPredicate(predicate: KeywordPredicate): Matcher {
  const tests = predicate.tests.map((candidate): Matcher => {
    const test = keywordStringTest(candidate);
    const matchText = compileStringTest(test.tokens, test.cased);
    if (test.cased) return (view) => rawValues(view.fields).some(matchText);
    return (view) => view.allFoldedValues().some(matchText);
  });
  return combine(tests, predicate.match);
}

function combine(tests: Matcher[], match: 'any' | 'all'): Matcher {
  if (tests.length === 1) return tests[0];
  // Loops, not `tests.every((test) => test(view))`, which allocates a closure per evaluation.
  if (match === 'all')
    return (view) => {
      for (let i = 0; i < tests.length; i++) if (!tests[i](view)) return false;
      return true;
    };
  return (view) => {
    for (let i = 0; i < tests.length; i++) if (tests[i](view)) return true;
    return false;
  };
}

function compileFieldTest(test: ValueTest, slot: number, fieldName: (sigmaField: string) => string, slots: FieldSlots): Matcher {
  switch (test.type) {
    case 'string': {
      const simple = test.cased ? undefined : simpleShape(test.tokens, false);
      const oneClosure = simple === undefined ? undefined : foldedShapeMatcher(simple.shape, simple.literal, slot);
      if (oneClosure !== undefined) return oneClosure;
      const matchText = compileStringTest(test.tokens, test.cased);
      const read = test.cased ? (view: EventView) => view.text(slot) : (view: EventView) => view.folded(slot);
      return (view) => {
        const value = read(view);
        if (typeof value === 'string') return matchText(value);
        if (value === MISSING) return false;
        if (value === NULL_VALUE) return matchText('');
        return value.some(matchText);
      };
    }
    case 'regex': {
      const regex = compileSafeRegex(test.source, test.flags);
      // The value test is made once here, not once per evaluation.
      const minLength = leastRunLength(test.source);
      const matchText = minLength > 0 ? (value: string): boolean => value.length >= minLength && regex.test(value) : (value: string): boolean => regex.test(value);
      return (view) => anyText(view.text(slot), matchText);
    }
    case 'null':
      return (view) => {
        const value = view.text(slot);
        return value === MISSING || value === NULL_VALUE || value === '' || (Array.isArray(value) && value.length === 0);
      };
    case 'exists':
      return test.expected ? (view) => view.has(slot) : (view) => !view.has(slot);
    case 'number': {
      const compare = numberComparison(test.op, test.value);
      const matchText = (value: string): boolean => compare(parseNumber(value));
      return (view) => anyText(view.text(slot), matchText);
    }
    case 'time': {
      const compare = numberComparison(test.op, test.value);
      const part = test.part;
      const matchText = (value: string): boolean => compare(timePart(value, part));
      return (view) => anyText(view.text(slot), matchText);
    }
    case 'cidr': {
      const range = cidrRange(test.network);
      const matchText = (value: string): boolean => {
        const address = parseIp(value);
        return address !== undefined && ipInRange(address, range);
      };
      return (view) => anyText(view.text(slot), matchText);
    }
    case 'fieldref': {
      const otherSlot = slots.slotOf(fieldName(test.field));
      const read = test.cased ? (view: EventView, s: number) => view.text(s) : (view: EventView, s: number) => view.folded(s);
      return (view) => {
        const value = read(view, slot);
        const other = read(view, otherSlot);
        if (typeof other !== 'string') return false;
        if (typeof value === 'string') return value === other;
        return anyText(value, (text) => text === other);
      };
    }
  }
}

/**
 * N for a pattern that is only `.{N}`, `.{N,}` or `.{N,M}` (SigmaHQ's long-command-line rules): no
 * shorter value can match, and such a pattern is slow to fail, since the regex engine tries each
 * start position up to the end of the value. 0 for any other pattern.
 */
function leastRunLength(source: string): number {
  const run = /^\.\{(\d+)(?:,\d*)?\}$/.exec(source);
  return run === null ? 0 : Number(run[1]);
}

/** A keyword search's test, which must be a string test. Also used by check-rule.ts. */
export function keywordStringTest(test: ValueTest): Extract<ValueTest, { type: 'string' }> {
  if (test.type !== 'string') throw new RuleProblem('SIGMA_UNSUPPORTED_KEYWORD', `keyword searches support plain strings only, not ${test.type}`);
  return test;
}

/** The address range of a `cidr` test. Also used by check-rule.ts. */
export function cidrRange(network: string): NonNullable<ReturnType<typeof parseCidr>> {
  const range = parseCidr(network);
  if (!range) throw new RuleProblem('SIGMA_BAD_CIDR', `'${network}' is not a CIDR range`);
  return range;
}

function anyText(value: ReturnType<EventView['text']>, test: StringTest): boolean {
  if (typeof value === 'string') return test(value);
  if (value === MISSING || value === NULL_VALUE) return false;
  return value.some(test);
}

/**
 * Compiles a Sigma glob into the fastest string test that implements it. Each returned function
 * closes over its literal alone (built in shapedTest, not here): SigmaHQ compiles to tens of
 * thousands of these, and a closure created beside the token list and its helpers would keep them
 * all alive in its context, once per test (about 10 MB per hunt thread).
 */
export function compileStringTest(tokens: readonly GlobToken[], cased: boolean): StringTest {
  const simple = simpleShape(tokens, cased);
  if (simple !== undefined) return shapedTest(simple.shape, simple.literal);
  const source = tokens.map((token) => (token.kind === 'star' ? '[\\s\\S]*' : token.kind === 'one' ? '[\\s\\S]' : escapeRegExp(cased ? token.text : token.text.toLowerCase()))).join('');
  return regexTest(compileSafeRegex(`^${source}$`, ''));
}

type SimpleShape = '' | 't' | '*' | '*t*' | 't*' | '*t';

/** A glob that is one literal with stars around it, if it is (lower-cased unless `cased`). */
function simpleShape(tokens: readonly GlobToken[], cased: boolean): { shape: SimpleShape; literal: string } | undefined {
  const shape = tokens.map((token) => (token.kind === 'text' ? 't' : token.kind === 'star' ? '*' : '?')).join('');
  if (shape !== '' && shape !== 't' && shape !== '*' && shape !== '*t*' && shape !== 't*' && shape !== '*t') return undefined;
  const text = tokens.find((token) => token.kind === 'text');
  const literal = text?.kind === 'text' ? (cased ? text.text : text.text.toLowerCase()) : '';
  return { shape, literal };
}

/**
 * A case-insensitive glob of one literal, on one field, as one closure: SigmaHQ has some 14,000 of
 * them (`Image|endswith: '\\x.exe'` alone). Built from a value reader, a string test and a matcher
 * around them, each took three closures and their scopes, about 4 MB of every hunt thread's heap, and
 * three calls per evaluation. Values other than one string (absent, null, a list) are rare, and are
 * tested by shapedTest, made for them when met. Undefined for the rare shapes without a literal.
 */
function foldedShapeMatcher(shape: SimpleShape, literal: string, slot: number): Matcher | undefined {
  switch (shape) {
    case 't':
      return (view) => {
        const value = view.folded(slot);
        return typeof value === 'string' ? value === literal : otherValuesMatch(value, shape, literal);
      };
    case '*t*':
      return (view) => {
        const value = view.folded(slot);
        return typeof value === 'string' ? value.includes(literal) : otherValuesMatch(value, shape, literal);
      };
    case 't*':
      return (view) => {
        const value = view.folded(slot);
        return typeof value === 'string' ? value.startsWith(literal) : otherValuesMatch(value, shape, literal);
      };
    case '*t':
      return (view) => {
        const value = view.folded(slot);
        return typeof value === 'string' ? value.endsWith(literal) : otherValuesMatch(value, shape, literal);
      };
    default:
      return undefined;
  }
}

/** As compileFieldTest's string matcher: absent never matches, null is the empty string, a list matches if one item does. */
function otherValuesMatch(value: Exclude<Folded, string>, shape: SimpleShape, literal: string): boolean {
  if (value === MISSING) return false;
  const test = shapedTest(shape, literal);
  if (value === NULL_VALUE) return test('');
  for (let i = 0; i < value.length; i++) if (test(value[i])) return true;
  return false;
}

function shapedTest(shape: SimpleShape, literal: string): StringTest {
  switch (shape) {
    case '':
      return (value) => value === '';
    case 't':
      return (value) => value === literal;
    case '*':
      return () => true;
    case '*t*':
      return (value) => value.includes(literal);
    case 't*':
      return (value) => value.startsWith(literal);
    case '*t':
      return (value) => value.endsWith(literal);
  }
}

function regexTest(regex: { test(value: string): boolean }): StringTest {
  return (value) => regex.test(value);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function numberComparison(op: NumberOperator, expected: number): (actual: number) => boolean {
  switch (op) {
    case 'eq':
      return (actual) => actual === expected;
    case 'lt':
      return (actual) => actual < expected;
    case 'lte':
      return (actual) => actual <= expected;
    case 'gt':
      return (actual) => actual > expected;
    case 'gte':
      return (actual) => actual >= expected;
  }
}

function parseNumber(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') return NaN;
  return Number(trimmed);
}

/** Extracts a part of a date value. Dates without a zone are taken as UTC (Sysmon's UtcTime). */
export function timePart(text: string, part: TimePart): number {
  const trimmed = text.trim();
  const iso = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/.test(trimmed) && !/(Z|[+-]\d{2}:?\d{2})$/.test(trimmed) ? trimmed.replace(' ', 'T') + 'Z' : trimmed;
  const date = new Date(iso);
  const time = date.getTime();
  if (Number.isNaN(time)) return NaN;
  switch (part) {
    case 'minute':
      return date.getUTCMinutes();
    case 'hour':
      return date.getUTCHours();
    case 'day':
      return date.getUTCDate();
    case 'month':
      return date.getUTCMonth() + 1;
    case 'year':
      return date.getUTCFullYear();
    case 'week':
      return isoWeek(date);
  }
}

function isoWeek(date: Date): number {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  return Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

function rawValues(fields: Record<string, unknown>): string[] {
  const values: string[] = [];
  const visit = (value: unknown, depth = 0): void => {
    if (depth > 32) return;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const key in value as object) visit((value as Record<string, unknown>)[key], depth + 1);
      return;
    }
    const text = textOf(value);
    if (typeof text === 'string') values.push(text);
    else if (Array.isArray(text)) values.push(...text);
  };
  for (const key in fields) visit(fields[key]);
  return values;
}
