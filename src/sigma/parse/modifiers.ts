// Value modifiers (Sigma v2.1 appendix): turn a field's YAML values and its `|mod|mod` chain into
// value tests. Transformations (windash, base64, base64offset, utf16*, contains, ...) are applied in
// the order written; `expand` is applied first since it produces the strings the others work on.
import type { GlobToken, NumberOperator, TimePart, ValueTest } from './rule-types.js';
import { RuleProblem } from './rule-problem.js';
import { expandPlaceholders, type PlaceholderValues } from './placeholders.js';
import { plainText, surroundWithStars, tokenizeSigmaString } from './sigma-string.js';
import { isValidCidr } from './cidr-syntax.js';

/** A YAML scalar as the rule wrote it: its parsed value and, for plain scalars, the source text. */
export interface RawValue {
  readonly value: string | number | boolean | null;
  /** The text as written (for numbers, `0x17` stays `0x17`). */
  readonly text: string;
}

export interface ModifiedValues {
  /**
   * One group per value as written: a value that expands (windash, base64offset, a placeholder with
   * several values) gives several tests, any of which may hold. `all` AND-s the groups, not the tests.
   */
  readonly groups: ValueTest[][];
  readonly match: 'any' | 'all';
  readonly negate: boolean;
}

const NUMBER_OPERATORS: Record<string, NumberOperator> = { lt: 'lt', lte: 'lte', gt: 'gt', gte: 'gte' };
const TIME_PARTS = new Set<TimePart>(['minute', 'hour', 'day', 'week', 'month', 'year']);
const STRING_TRANSFORMS = new Set(['windash', 'base64', 'base64offset', 'utf16le', 'utf16be', 'utf16', 'wide', 'contains', 'startswith', 'endswith']);
const FLAGS = new Set(['all', 'cased', 'neq', 'expand']);
const REGEX_FLAGS = new Set(['i', 'm', 's']);
const KNOWN = new Set([...STRING_TRANSFORMS, ...FLAGS, ...REGEX_FLAGS, 're', 'cidr', 'exists', 'fieldref', ...Object.keys(NUMBER_OPERATORS), ...TIME_PARTS]);

/** windash gives 5^n alternatives for n flags; beyond this a rule would exhaust memory instead of matching. */
const MAX_EXPANSIONS = 4096;

/** Dash-like characters `windash` interchanges: hyphen, slash, en dash, em dash, horizontal bar. */
const WINDASH_CHARACTERS = ['-', '/', '\u2013', '\u2014', '\u2015'];

interface Working {
  tokens: GlobToken[];
  /** Set once an encoding modifier has turned the text into bytes. */
  bytes?: Buffer;
}

export function applyModifiers(modifiers: readonly string[], values: readonly RawValue[], placeholders: PlaceholderValues, isKeyword: boolean): ModifiedValues {
  for (const modifier of modifiers) {
    if (!KNOWN.has(modifier)) throw new RuleProblem('SIGMA_UNKNOWN_MODIFIER', `unknown value modifier '${modifier}'`);
  }
  const has = (name: string): boolean => modifiers.includes(name);
  const match = has('all') ? 'all' : 'any';
  const negate = has('neq');
  if (match === 'all' && values.length < 2) {
    // The spec forbids `all` on a single value; it is harmless, so accept it as a plain value.
  }
  if (has('exists')) return { groups: [[existsTest(values)]], match: 'any', negate: false };

  const nulls = values.filter((value) => value.value === null);
  if (nulls.length > 0) {
    if (modifiers.some((modifier) => modifier !== 'neq')) {
      throw new RuleProblem('SIGMA_NULL_WITH_MODIFIER', `null cannot be combined with modifiers (${modifiers.join('|')})`);
    }
    const others = values.filter((value) => value.value !== null);
    return { groups: [[{ type: 'null' }], ...others.map((value) => [exactTest(value.text, false)])], match, negate };
  }
  if (values.length === 0) throw new RuleProblem('SIGMA_EMPTY_VALUE_LIST', 'empty list of values');

  if (has('re')) return { groups: values.map((value) => [regexTest(value, modifiers)]), match, negate };
  for (const flag of REGEX_FLAGS) {
    if (has(flag)) throw new RuleProblem('SIGMA_MODIFIER_COMBINATION', `modifier '${flag}' is only valid after 're'`);
  }
  if (has('cidr')) return { groups: values.map((value) => [cidrTest(value)]), match, negate };
  if (has('fieldref')) return { groups: values.map((value) => [{ type: 'fieldref', field: String(value.value), cased: has('cased') }]), match, negate };

  const timePart = modifiers.find((modifier): modifier is TimePart => TIME_PARTS.has(modifier as TimePart));
  const operator = modifiers.map((modifier) => NUMBER_OPERATORS[modifier]).find((op) => op !== undefined);
  if (timePart) return { groups: values.map((value) => [{ type: 'time', part: timePart, op: operator ?? 'eq', value: numberOf(value) }]), match, negate };
  if (operator) return { groups: values.map((value) => [{ type: 'number', op: operator, value: numberOf(value) }]), match, negate };

  return { groups: values.map((value) => stringTests(modifiers, value, placeholders, isKeyword)), match, negate };
}

/** Modifiers that only add wildcards: the common case, built without the general loop below. */
const POSITIONAL = new Set(['contains', 'startswith', 'endswith', 'all', 'cased', 'neq']);

/** The tests one written value expands into. */
function stringTests(modifiers: readonly string[], value: RawValue, placeholders: PlaceholderValues, isKeyword: boolean): ValueTest[] {
  const cased = modifiers.includes('cased');
  if (modifiers.every((modifier) => POSITIONAL.has(modifier))) {
    // contains / startswith / endswith each add the stars they need, so in any order and number they
    // add a leading star if any of contains / endswith is there, and a trailing one likewise.
    const contains = modifiers.includes('contains');
    const positioned = contains || modifiers.includes('startswith') || modifiers.includes('endswith');
    const leading = contains || modifiers.includes('endswith') || (isKeyword && !positioned);
    const trailing = contains || modifiers.includes('startswith') || (isKeyword && !positioned);
    const tokens = tokenizeSigmaString(value.text);
    return [{ type: 'string', tokens: leading || trailing ? surroundWithStars(tokens, leading, trailing) : tokens, cased }];
  }
  const raws = modifiers.includes('expand') ? expandPlaceholders(value.text, placeholders) : [value.text];
  let items: Working[] = raws.map((raw) => ({ tokens: tokenizeSigmaString(raw) }));
  let positioned = false;
  for (const modifier of modifiers) {
    if (!STRING_TRANSFORMS.has(modifier)) continue;
    items = items.flatMap((item) => transform(modifier, item));
    if (items.length > MAX_EXPANSIONS) {
      throw new RuleProblem('SIGMA_TOO_MANY_VALUES', `'${modifier}' expands one value into more than ${MAX_EXPANSIONS} alternatives`);
    }
    if (modifier === 'contains' || modifier === 'startswith' || modifier === 'endswith') positioned = true;
  }
  // Keywords search the whole event: a plain keyword matches anywhere in a value.
  if (isKeyword && !positioned) items = items.map((item) => ({ tokens: surroundWithStars(item.tokens, true, true) }));
  return items.map((item) => ({ type: 'string', tokens: item.tokens, cased }));
}

function transform(modifier: string, item: Working): Working[] {
  switch (modifier) {
    case 'contains':
      return [{ tokens: surroundWithStars(item.tokens, true, true) }];
    case 'startswith':
      return [{ tokens: surroundWithStars(item.tokens, false, true) }];
    case 'endswith':
      return [{ tokens: surroundWithStars(item.tokens, true, false) }];
    case 'windash':
      return windash(item.tokens).map((tokens) => ({ tokens }));
    case 'base64':
      return [textItem(bytesOf(item, modifier).toString('base64'))];
    case 'base64offset':
      return base64Offsets(bytesOf(item, modifier)).map(textItem);
    case 'utf16le':
    case 'wide':
      return [bytesItem(Buffer.from(textOf(item, modifier), 'utf16le'))];
    case 'utf16be':
      return [bytesItem(Buffer.from(textOf(item, modifier), 'utf16le').swap16())];
    case 'utf16':
      return [bytesItem(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(textOf(item, modifier), 'utf16le')]))];
    default:
      return [item];
  }
}

function textItem(text: string): Working {
  return { tokens: text === '' ? [] : [{ kind: 'text', text }] };
}

function bytesItem(bytes: Buffer): Working {
  return { tokens: [{ kind: 'text', text: bytes.toString('latin1') }], bytes };
}

function textOf(item: Working, modifier: string): string {
  const text = plainText(item.tokens);
  if (text === undefined) throw new RuleProblem('SIGMA_MODIFIER_COMBINATION', `'${modifier}' cannot encode a value that holds wildcards`);
  return text;
}

function bytesOf(item: Working, modifier: string): Buffer {
  return item.bytes ?? Buffer.from(textOf(item, modifier), 'utf8');
}

/** The three base64 forms a value takes at byte offsets 0, 1 and 2 of an encoded string, minus the unstable edges. */
function base64Offsets(bytes: Buffer): string[] {
  const startTrim = [0, 2, 3];
  const endTrim = [0, 3, 2];
  const results: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift, 0x20), bytes]).toString('base64');
    const trimEnd = endTrim[(bytes.length + shift) % 3];
    results.push(encoded.slice(startTrim[shift], encoded.length - trimEnd));
  }
  return results;
}

/** Every permutation of dash-like characters at the start of a word (pySigma's `\B[-/]\b`). */
function windash(tokens: readonly GlobToken[]): GlobToken[][] {
  let results: GlobToken[][] = [[]];
  for (const token of tokens) {
    const variants: GlobToken[] = token.kind === 'text' ? windashText(token.text).map((text) => ({ kind: 'text', text })) : [token];
    results = results.flatMap((prefix) => variants.map((variant) => [...prefix, variant]));
  }
  return results;
}

function windashText(text: string): string[] {
  const isWord = (char: string | undefined): boolean => char !== undefined && /\w/.test(char);
  let results = [''];
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const dashAtWordStart = (char === '-' || char === '/') && !isWord(text[i - 1]) && isWord(text[i + 1]);
    const options = dashAtWordStart ? WINDASH_CHARACTERS : [char];
    results = results.flatMap((prefix) => options.map((option) => prefix + option));
    if (results.length > MAX_EXPANSIONS) {
      throw new RuleProblem('SIGMA_TOO_MANY_VALUES', `'windash' expands '${text}' into more than ${MAX_EXPANSIONS} alternatives`);
    }
  }
  return results;
}

function existsTest(values: readonly RawValue[]): ValueTest {
  if (values.length !== 1 || typeof values[0].value !== 'boolean') {
    throw new RuleProblem('SIGMA_EXISTS_VALUE', "'exists' takes one boolean value (true or false)");
  }
  return { type: 'exists', expected: values[0].value };
}

function exactTest(raw: string, cased: boolean): ValueTest {
  return { type: 'string', tokens: tokenizeSigmaString(raw), cased };
}

function regexTest(value: RawValue, modifiers: readonly string[]): ValueTest {
  const allowed = new Set(['re', 'i', 'm', 's', 'all', 'neq', 'cased']);
  const extra = modifiers.find((modifier) => !allowed.has(modifier));
  if (extra) throw new RuleProblem('SIGMA_MODIFIER_COMBINATION', `'re' cannot be combined with '${extra}'`);
  const flags = ['i', 'm', 's'].filter((flag) => modifiers.includes(flag)).join('');
  return { type: 'regex', source: String(value.value), flags };
}

function cidrTest(value: RawValue): ValueTest {
  const network = String(value.value);
  if (!isValidCidr(network)) throw new RuleProblem('SIGMA_BAD_CIDR', `'${network}' is not an IPv4 or IPv6 CIDR range`);
  return { type: 'cidr', network };
}

function numberOf(value: RawValue): number {
  const number = typeof value.value === 'number' ? value.value : Number(value.text);
  if (!Number.isFinite(number)) throw new RuleProblem('SIGMA_NOT_A_NUMBER', `'${value.text}' is not a number`);
  return number;
}
