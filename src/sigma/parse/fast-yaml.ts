// The fast YAML reader: `js-yaml` (about five times faster than `yaml` over SigmaHQ, and without a
// node object per value) for the common case, a rule file of one plain document. It keeps no offsets,
// so it gives up (returns undefined) whenever `yaml` might read the file differently or a place would
// be needed: several documents, directives, anchors, keys `yaml` and `js-yaml` turn into different
// strings, any syntax error. The caller then reads the file with the located reader, as it also does
// for a rule with a problem; rules read here are equal to what the located reader gives (a test
// compares the two over all of SigmaHQ).
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import type { MapNode, RuleNode } from './rule-node.js';

/** A plain number or boolean with the text it was written as (`0x17` stays `0x17`). */
class WrittenScalar {
  constructor(
    readonly value: number | boolean,
    readonly source: string,
  ) {}
}

/**
 * `yaml`'s core schema (YAML 1.2) for plain scalars: the same patterns, in the same order, with the
 * same conversions. The tag is private so that an explicit `!!int` or `!!bool`, which `yaml` resolves
 * its own way, is unknown here and sends the file to the located reader.
 */
const CORE_FORMS: readonly { readonly pattern: RegExp; readonly convert: (text: string) => null | number | boolean }[] = [
  { pattern: /^(?:~|[Nn]ull|NULL)?$/, convert: () => null },
  { pattern: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, convert: (text) => text[0] === 't' || text[0] === 'T' },
  { pattern: /^0o[0-7]+$/, convert: (text) => parseInt(text.substring(2), 8) },
  { pattern: /^[-+]?[0-9]+$/, convert: (text) => parseInt(text, 10) },
  { pattern: /^0x[0-9a-fA-F]+$/, convert: (text) => parseInt(text.substring(2), 16) },
  {
    pattern: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    convert: (text) => (text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY),
  },
  { pattern: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, convert: parseFloat },
  { pattern: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, convert: parseFloat },
];

/** The first characters any of the forms can start with: every other plain scalar is a string at once. */
const MAY_BE_CORE = /^(?:$|[-+.~0-9nNtTfF])/;

/** The form `resolve` found, for the `construct` call js-yaml makes right after it on the same text. */
let resolvedForm: (typeof CORE_FORMS)[number] | undefined;

const CORE_SCALAR = new Type('tag:rampart,2026:core-scalar', {
  kind: 'scalar',
  resolve: (data: string | null) => {
    if (data === null) {
      resolvedForm = CORE_FORMS[0];
      return true;
    }
    if (!MAY_BE_CORE.test(data)) return false;
    resolvedForm = CORE_FORMS.find((form) => form.pattern.test(data));
    return resolvedForm !== undefined;
  },
  construct: (data: string | null) => {
    const value = (resolvedForm as (typeof CORE_FORMS)[number]).convert(data ?? '');
    return value === null ? null : new WrittenScalar(value, data ?? '');
  },
});

const SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [CORE_SCALAR] });

/**
 * Keys `js-yaml` turns into other strings than `yaml` does (a null key becomes 'null', a number or a
 * collection '[object Object]' or 'a,b'), and integer-like keys, which a JavaScript object would
 * reorder.
 */
const UNSAFE_KEY = /^(?:~|[Nn]ull|NULL|\[object Object\]|[0-9]+)$|,/;

/** Anchor marks where a node may start; an alias would resolve here but not in the located reader. */
const ANCHOR = /(?:^|[:[{,-])[ \t]*&\S/m;

class NotFast extends Error {}

export interface FastDocument {
  readonly contents: MapNode;
  /** 1-based place of the document's first key: the rule's location. */
  readonly line: number;
  readonly column: number;
}

/** The file's single rule document, or undefined when the located reader must read the file. */
export function readFastYaml(text: string): FastDocument | undefined {
  const start = contentStart(text);
  if (start === undefined || (text.includes('&') && ANCHOR.test(text))) return undefined;
  let value: unknown;
  try {
    value = load(text, { schema: SCHEMA });
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof WrittenScalar) return undefined;
  let contents: RuleNode;
  try {
    contents = toRuleNode(value);
  } catch (error) {
    if (error instanceof NotFast) return undefined;
    throw error;
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < start; at = text.indexOf('\n', at + 1)) line++;
  return { contents: contents as MapNode, line, column: start - lineStart + 1 };
}

/**
 * A whole YAML file as plain JavaScript values, as `yaml`'s `toJS()` gives them, or undefined when the
 * located reader must read it (syntax errors, keys the libraries stringify differently, more than
 * MAX_PLAIN_VALUES values: aliases could otherwise expand without bound). For log-source mapping files.
 */
export function readFastYamlValue(text: string): { value: unknown } | undefined {
  try {
    const budget = { left: MAX_PLAIN_VALUES };
    const loaded = load(text, { schema: SCHEMA });
    return { value: loaded === undefined ? null : toPlain(loaded, budget) };
  } catch {
    // A syntax error, NotFast, or anything else: the located reader decides.
    return undefined;
  }
}

const MAX_PLAIN_VALUES = 100_000;

function toPlain(value: unknown, budget: { left: number }): unknown {
  if (--budget.left < 0) throw new NotFast();
  if (value instanceof WrittenScalar) return value.value;
  if (Array.isArray(value)) return value.map((item) => toPlain(item, budget));
  if (value !== null && typeof value === 'object') {
    const map = value as Record<string, unknown>;
    const plain: Record<string, unknown> = {};
    for (const key of Object.keys(map)) {
      if (UNSAFE_KEY.test(key) || key === '__proto__') throw new NotFast();
      plain[key] = toPlain(map[key], budget);
    }
    return plain;
  }
  return value;
}

function toRuleNode(value: unknown): RuleNode {
  if (value === null) return { kind: 'scalar', value };
  if (typeof value === 'string') return { kind: 'scalar', value: detached(value) };
  if (value instanceof WrittenScalar) return { kind: 'scalar', value: value.value, source: value.source };
  if (Array.isArray(value)) return { kind: 'seq', items: value.map(toRuleNode) };
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const map = value as Record<string, unknown>;
    const keys = Object.keys(map);
    const pairs = new Array<{ key: RuleNode; value: RuleNode }>(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (UNSAFE_KEY.test(key)) throw new NotFast();
      // Keys need no copy: V8 keeps object keys as strings of their own.
      pairs[i] = { key: { kind: 'scalar', value: key }, value: toRuleNode(map[key]) };
    }
    return { kind: 'map', pairs };
  }
  throw new NotFast();
}

/**
 * A copy of a string that `js-yaml` cut from the file text. V8 keeps such a cut (13 characters or
 * more) as a view that holds the whole text alive: the rules of SigmaHQ would pin 16 MB of file texts.
 * Prepending a character and cutting it off again makes V8 copy the characters.
 */
function detached(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/**
 * Offset of the first key of a file whose content is one block map starting with a plain key, after
 * blank lines, comments and an optional `---` line; undefined for anything else (a BOM, a directive,
 * a tab-indented or otherwise unusual start), which the located reader handles.
 */
function contentStart(text: string): number | undefined {
  let lineStart = 0;
  let seenMarker = false;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let at = lineStart;
    while (at < lineEnd && text[at] === ' ') at++;
    const blank = at === lineEnd || text[at] === '#' || /^[ \t\r]*$/.test(text.slice(at, lineEnd));
    if (!blank) {
      if (at === lineStart && !seenMarker && /^---[ \t\r]*(?:#.*)?$/.test(text.slice(at, lineEnd))) seenMarker = true;
      else return /[A-Za-z_]/.test(text[at]) ? at : undefined;
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}
