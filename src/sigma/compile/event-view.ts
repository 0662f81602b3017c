// Per-event field access for the matchers. Field names are resolved to slots at compile time; each
// slot's value is read once per event and its case-folded form computed at most once per event,
// however many rules test it ("fold once per event, not once per comparison").
import { getField } from '../../core/event.js';

/** The folded form of a value: lower-cased string, list of them (array fields), or one of the markers. */
export type Folded = string | readonly string[] | typeof MISSING | typeof NULL_VALUE;

export const MISSING: unique symbol = Symbol('missing');
export const NULL_VALUE: unique symbol = Symbol('null');

/** Field name ↔ slot number, shared by every rule compiled for one engine. */
export class FieldSlots {
  private readonly slots = new Map<string, number>();
  readonly names: string[] = [];

  slotOf(name: string): number {
    let slot = this.slots.get(name);
    if (slot === undefined) {
      slot = this.names.length;
      this.slots.set(name, slot);
      this.names.push(name);
    }
    return slot;
  }

  get size(): number {
    return this.names.length;
  }
}

/** A string value as matchers see it, without case folding; numbers and booleans become text. */
export function textOf(value: unknown): string | readonly string[] | typeof MISSING | typeof NULL_VALUE {
  if (value === undefined) return MISSING;
  if (value === null) return NULL_VALUE;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return value.filter((item) => item !== null && item !== undefined && typeof item !== 'object').map((item) => String(item));
  return objectText(value);
}

/** A nested object compared as text: its JSON, or a marker when it is too deep to serialise. */
function objectText(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return '[object too deep]';
  }
}

/**
 * getField with one property read on the usual path. A value read that is not undefined is the
 * event's own unless it comes from Object.prototype, whose properties are all functions besides
 * `__proto__`; those cases, and absent names (perhaps a dotted path), go through getField.
 */
function readField(fields: Record<string, unknown>, name: string): unknown {
  const value = fields[name];
  if (value === undefined || typeof value === 'function' || name === '__proto__') return getField(fields, name);
  return value;
}

/** Keyword searches look this deep into nested objects; deeper values are not searched. */
const MAX_KEYWORD_DEPTH = 32;

export class EventView {
  fields: Record<string, unknown> = {};
  private epoch = 1;
  private rawEpoch: Int32Array;
  private foldedEpoch: Int32Array;
  private rawCache: (string | readonly string[] | typeof MISSING | typeof NULL_VALUE)[];
  private foldedCache: Folded[];
  private allValuesEpoch = 0;
  private allValuesCache: string[] = [];
  private allTextEpoch = 0;
  private allTextCache = '';

  constructor(private readonly slots: FieldSlots) {
    this.rawEpoch = new Int32Array(0);
    this.foldedEpoch = new Int32Array(0);
    this.rawCache = [];
    this.foldedCache = [];
  }

  /** Points the view at a new event; cached values of the previous event become stale. */
  reset(fields: Record<string, unknown>): void {
    this.fields = fields;
    this.epoch++;
    if (this.rawEpoch.length < this.slots.size) {
      const size = Math.max(this.slots.size, this.rawEpoch.length * 2, 64);
      this.rawEpoch = new Int32Array(size);
      this.foldedEpoch = new Int32Array(size);
    }
  }

  /** The field's value as text, exactly as the event had it. */
  text(slot: number): string | readonly string[] | typeof MISSING | typeof NULL_VALUE {
    if (this.rawEpoch[slot] === this.epoch) return this.rawCache[slot];
    const value = textOf(readField(this.fields, this.slots.names[slot]));
    this.rawCache[slot] = value;
    this.rawEpoch[slot] = this.epoch;
    return value;
  }

  /** The field's value lower-cased, computed once per event. */
  folded(slot: number): Folded {
    if (this.foldedEpoch[slot] === this.epoch) return this.foldedCache[slot];
    const text = this.text(slot);
    const folded = typeof text === 'string' ? text.toLowerCase() : typeof text === 'symbol' ? text : text.map((item) => item.toLowerCase());
    this.foldedCache[slot] = folded;
    this.foldedEpoch[slot] = this.epoch;
    return folded;
  }

  /** True when the field is present (even with a null or empty value). */
  has(slot: number): boolean {
    return this.text(slot) !== MISSING;
  }

  /** Every scalar value of the event, lower-cased, for keyword searches. */
  allFoldedValues(): readonly string[] {
    if (this.allValuesEpoch === this.epoch) return this.allValuesCache;
    const values: string[] = [];
    collectRawValues(this.fields, values, 0);
    for (let i = 0; i < values.length; i++) values[i] = values[i].toLowerCase();
    this.allValuesCache = values;
    this.allValuesEpoch = this.epoch;
    return values;
  }

  /**
   * True when `pattern` matches some value of the event as the event had it (numbers as text),
   * values shorter than `minLength` skipped. One call per value, nothing joined: the joined text of
   * every event was a sixth of the hunt's garbage.
   */
  someRawValue(pattern: RegExp, minLength: number): boolean {
    return someValue(this.fields, pattern, minLength, 0);
  }

  /** Every folded value joined by VALUE_SEPARATOR: one string for the keyword prefilter to scan. */
  allFoldedText(): string {
    if (this.allTextEpoch === this.epoch) return this.allTextCache;
    // Joined first, folded once: one lower-casing per event instead of one per value.
    const raw: string[] = [];
    collectRawValues(this.fields, raw, 0);
    this.allTextCache = raw.join(VALUE_SEPARATOR).toLowerCase();
    this.allTextEpoch = this.epoch;
    return this.allTextCache;
  }
}

/** Separates values in allFoldedText: no needle contains it, so no match can span two values. */
export const VALUE_SEPARATOR = '\u0000';

function someValue(value: unknown, pattern: RegExp, minLength: number, depth: number): boolean {
  if (value === null || value === undefined || depth > MAX_KEYWORD_DEPTH) return false;
  if (typeof value === 'string') return value.length >= minLength && pattern.test(value);
  if (typeof value === 'number' || typeof value === 'boolean') return pattern.test(String(value));
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (someValue(value[i], pattern, minLength, depth + 1)) return true;
    return false;
  }
  if (typeof value === 'object') {
    for (const key in value as Record<string, unknown>) if (someValue((value as Record<string, unknown>)[key], pattern, minLength, depth + 1)) return true;
  }
  return false;
}

function collectRawValues(value: unknown, into: string[], depth: number): void {
  if (value === null || value === undefined || depth > MAX_KEYWORD_DEPTH) return;
  if (typeof value === 'string') into.push(value);
  else if (typeof value === 'number' || typeof value === 'boolean') into.push(String(value));
  else if (Array.isArray(value)) for (const item of value) collectRawValues(item, into, depth + 1);
  else if (typeof value === 'object') for (const key in value as Record<string, unknown>) collectRawValues((value as Record<string, unknown>)[key], into, depth + 1);
}

