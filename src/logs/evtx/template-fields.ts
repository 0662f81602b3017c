// A record's Sigma fields straight from its template instance, without building its XML tree and
// its evtx_dump JSON first. This is the hunt's path; `rampart evtx dump` still renders the tree.
//
// Why: every record of a template has the same shape, and only its substitution values differ. The
// generic path (instantiate the template → XML tree → JSON → normaliseWindowsEvent) costs three
// allocations per element and about a fifth of a hunt over EVTX files. So the generic path is run once
// per shape on *stand-in* values, unique marker strings, and the fields it gives say where each value
// goes: a field is a record's value (its marker came through whole), a constant of the template, or
// (a marker inside a longer text, a field named by a value, a nested object) something this
// shortcut does not do, and the record is read by the generic path.
//
// What the generic path does with a value depends on the value's kind only (present or not, the
// null type, an array, Binary XML) and never on what it says, except where a value names a field
// or is joined into a text; those shapes are refused above. So a plan is made per template and per
// kinds of values, and applying it gives the same fields, in the same order, as the generic path;
// `template-fields.test.ts` checks that on every record of the EVTX attack samples.

import { instantiate, Substitution, type RawTemplateInstance, type SubstitutionValue, type TemplateElement, type TemplatePart } from './binxml-parser.js';
import { ElementBudget } from './binxml-limits.js';
import { VALUE_TYPE } from './binxml-values.js';
import { recordToJson } from './evtx-json.js';
import { eventTimeOf, normaliseWindowsEvent, type NormalisedWindowsEvent } from '../windows-event.js';

/** Where a field's value comes from: a record value by its index (see collectValues), a constant, or a list of them. */
type FieldSource = { readonly slot: number } | { readonly constant: unknown } | { readonly items: readonly FieldSource[] };

/**
 * A record's fields are a copy of `base` (every field, in order, constants in place) with the
 * record's values written into their fields. Copying one object keeps every record of a plan on one
 * hidden class, which the rules' field reads and keyword scans over `for…in` then find cheaper than
 * objects built a property at a time.
 */
interface FieldPlan {
  readonly base: Record<string, unknown>;
  /** Fields holding one record value: name and the value's index. */
  readonly slotNames: readonly string[];
  readonly slots: readonly number[];
  /** Fields holding a list of record values and constants (repeated unnamed `<Data>`). */
  readonly listNames: readonly string[];
  readonly lists: readonly (readonly FieldSource[])[];
}

// Markers stand in for values while a plan is made. The random part keeps a file from forging one.
const MARKER_START = `\uE000${Math.random().toString(36).slice(2, 10)}:`;
const MARKER_END = '\uE001';

// Shapes and plans are few (the attack samples: 150 shapes, 240 plans, 300 KB of shape text), but
// both come from the input and live as long as the thread, so both are bounded; past a bound, new
// shapes take the generic path. Arrays repeat their element per item, so their length is part of
// the plan; long ones are left to the generic path rather than planned per length.
const MAX_SHAPE_TEXT = 8 * 1024 * 1024;
const MAX_PLANS = 20_000;
const MAX_PLANNED_ARRAY = 64;
let shapeText = 0;
const shapeIds = new Map<string, number>();
/** The structure last given an id under each template GUID; at most one entry per shape. */
const shapeByGuid = new Map<string, { readonly template: TemplateElement; readonly id: number }>();
const shapeIdOfTemplate = new WeakMap<TemplateElement, number>();
/** Plan by template shapes and value kinds; null when the shape cannot be planned. */
const plans = new Map<string, FieldPlan | null>();

/**
 * The normalised fields of a record read as a template instance, or undefined when this shortcut
 * does not apply (the caller then takes the generic path, which gives the same fields).
 */
export function templateInstanceFields(instance: RawTemplateInstance): NormalisedWindowsEvent | undefined {
  // Both scratch lists are read before this returns, so one of each serves every record.
  const values = valuesScratch;
  valueCount = 0;
  const keyLength = writeKey(instance, values, 0);
  if (keyLength < 0) return undefined;
  const key = keyScratch.toString('latin1', 0, keyLength);
  let plan = plans.get(key);
  if (plan === undefined) {
    if (plans.size >= MAX_PLANS) return undefined;
    plan = makePlan(instance);
    plans.set(key, plan);
  }
  if (plan === null) return undefined;
  const fields = { ...plan.base };
  const { slotNames, slots, listNames, lists } = plan;
  for (let i = 0; i < slotNames.length; i++) fields[slotNames[i]] = values[slots[i]];
  for (let i = 0; i < listNames.length; i++) fields[listNames[i]] = listOf(lists[i], values);
  const time = eventTimeOf(fields);
  return time === undefined ? { fields } : { fields, time };
}

/** The record's values, `valueCount` of them; what is beyond is left from earlier records, unread. */
const valuesScratch: unknown[] = [];
let valueCount = 0;
/** A plan's key is written here byte by byte and read out as one string (concatenation made tens). */
const keyScratch = Buffer.alloc(16 * 1024);
const KIND = { NESTED: 0x28 /* ( */, NULL_TYPE: 0x4e /* N */, NULL: 0x6e /* n */, ARRAY: 0x61 /* a */, SCALAR: 0x73 /* s */ } as const;

function valueOf(source: FieldSource, values: readonly unknown[]): unknown {
  if ('slot' in source) return values[source.slot];
  if ('constant' in source) return source.constant;
  return listOf(source.items, values);
}

/** A list field's value, by a loop: a closure for `map` was made per list field of every record. */
function listOf(items: readonly FieldSource[], values: readonly unknown[]): unknown[] {
  const list: unknown[] = [];
  for (let i = 0; i < items.length; i++) list.push(valueOf(items[i], values));
  return list;
}

/**
 * The record's values in order (nested instances' values in place of their Binary XML value, an
 * array's items in place of the array) into `values`, and the key of the record's plan into
 * keyScratch from `at`: each template's shape id (3 bytes), then a kind per value (present, missing,
 * the null type, an array and its length, or a nested instance, written the same way in place).
 * Every field has a fixed width and a shape fixes its count of values, so no two records of
 * different shapes or kinds share a key. Returns the key's end, or -1 when no plan covers the record.
 */
function writeKey(instance: RawTemplateInstance, values: unknown[], at: number): number {
  const shape = shapeIdOf(instance.template, instance.guid);
  const { types, nested } = instance;
  const decoded = instance.values;
  // Room for this instance's own bytes; a nested one checks again.
  if (shape === undefined || shape > 0xffffff || at + 3 + types.length * 2 > keyScratch.length) return -1;
  keyScratch[at++] = shape >> 16;
  keyScratch[at++] = (shape >> 8) & 0xff;
  keyScratch[at++] = shape & 0xff;
  for (let i = 0; i < types.length; i++) {
    const value = decoded[i];
    const inner = nested[i];
    if (inner !== undefined) {
      keyScratch[at++] = KIND.NESTED;
      at = writeKey(inner, values, at);
      if (at < 0) return -1;
    } else if (types[i] === VALUE_TYPE.NULL) keyScratch[at++] = KIND.NULL_TYPE;
    else if (value === null) keyScratch[at++] = KIND.NULL;
    else if (Array.isArray(value)) {
      if (value.length > MAX_PLANNED_ARRAY) return -1;
      keyScratch[at++] = KIND.ARRAY;
      keyScratch[at++] = value.length;
      for (const item of value) values[valueCount++] = item;
    } else {
      keyScratch[at++] = KIND.SCALAR;
      values[valueCount++] = value;
    }
  }
  return at;
}

/**
 * A number per distinct template structure, whichever chunk or file it was defined in. Each chunk
 * defines its templates anew, so this runs once per template per chunk: the template's GUID finds
 * the structure last seen under it, and a walk confirms it is the same (a file can reuse a GUID for
 * another structure); only then is the structure written out as text to be looked up.
 */
function shapeIdOf(template: TemplateElement, guid: string | undefined): number | undefined {
  let id = shapeIdOfTemplate.get(template);
  if (id !== undefined) return id;
  const known = guid === undefined ? undefined : shapeByGuid.get(guid);
  if (known !== undefined && sameStructure(known.template, template)) id = known.id;
  else {
    // Names and texts are the template's own, resolved from the chunk, so equal text is equal shape.
    const text = JSON.stringify(template);
    id = shapeIds.get(text);
    if (id === undefined) {
      if (shapeText + text.length > MAX_SHAPE_TEXT) return undefined;
      shapeText += text.length;
      id = shapeIds.size;
      shapeIds.set(text, id);
    }
    if (guid !== undefined && shapeByGuid.size < shapeIds.size) shapeByGuid.set(guid, { template, id });
  }
  shapeIdOfTemplate.set(template, id);
  return id;
}

function sameStructure(a: TemplateElement, b: TemplateElement): boolean {
  if (a.name !== b.name || a.attributes.length !== b.attributes.length || a.children.length !== b.children.length) return false;
  for (let i = 0; i < a.attributes.length; i++) {
    if (a.attributes[i].name !== b.attributes[i].name || !sameParts(a.attributes[i].value, b.attributes[i].value)) return false;
  }
  return sameParts(a.children, b.children);
}

function sameParts(a: readonly (TemplateElement | TemplatePart)[], b: readonly (TemplateElement | TemplatePart)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x instanceof Substitution) {
      if (!(y instanceof Substitution) || x.index !== y.index || x.optional !== y.optional) return false;
    } else if (typeof x === 'object' && x !== null && !Array.isArray(x)) {
      if (typeof y !== 'object' || y === null || Array.isArray(y) || y instanceof Substitution || !sameStructure(x, y)) return false;
    } else if (x !== y) return false;
  }
  return true;
}

/** Runs the generic path once on marker values and reads the plan off the fields it gives. */
function makePlan(instance: RawTemplateInstance): FieldPlan | null {
  let slots = 0;
  const budget = new ElementBudget(0);
  const standIns = (raw: RawTemplateInstance): SubstitutionValue[] =>
    raw.types.map((type, i) => {
      const value = raw.values[i];
      const inner = raw.nested[i];
      if (inner !== undefined) {
        const elements = instantiate(inner.template, standIns(inner), 0, budget);
        // The generic path refuses a record whose nested instance gives no element; so does this.
        if (elements.length === 0) throw new Error('nested template instance gives no element');
        return { type, value: elements, elements: 0 };
      }
      if (value === null) return { type, value: null };
      if (Array.isArray(value)) return { type, value: value.map(() => marker(slots++)) };
      return { type, value: marker(slots++) };
    });
  let normalised: NormalisedWindowsEvent | undefined;
  try {
    const [root] = instantiate(instance.template, standIns(instance), 0, budget);
    if (root === undefined) return null;
    normalised = normaliseWindowsEvent(recordToJson(root));
  } catch {
    return null;
  }
  if (normalised === undefined) return null;
  const plan = { base: {} as Record<string, unknown>, slotNames: [] as string[], slots: [] as number[], listNames: [] as string[], lists: [] as FieldSource[][] };
  for (const name in normalised.fields) {
    // A name made from a value, or one the generic path had to define rather than assign.
    if (name.includes(MARKER_START) || name === '__proto__') return null;
    const source = sourceOf(normalised.fields[name]);
    if (source === undefined) return null;
    if ('constant' in source) {
      // Template text, or null for an empty element: nothing else, but the copy below needs JSON values.
      if (typeof source.constant !== 'string' && source.constant !== null) return null;
      plan.base[name] = source.constant;
      continue;
    }
    // In place now, so the copy has every field in the generic path's order; the record's value later.
    plan.base[name] = null;
    if ('slot' in source) {
      plan.slotNames.push(name);
      plan.slots.push(source.slot);
    } else {
      plan.listNames.push(name);
      plan.lists.push([...source.items]);
    }
  }
  // Built a property at a time under computed names, `base` is in V8's dictionary mode, and so
  // would be every copy (8 µs a copy for 30 fields); JSON.parse builds it with fast properties (1 µs).
  // Its values are texts and nulls, which JSON keeps as they are.
  plan.base = JSON.parse(JSON.stringify(plan.base)) as Record<string, unknown>;
  return plan;
}

function sourceOf(value: unknown): FieldSource | undefined {
  if (typeof value === 'string') {
    if (!value.includes(MARKER_START)) return { constant: value };
    const slot = slotOfMarker(value);
    return slot === undefined ? undefined : { slot };
  }
  if (typeof value !== 'object' || value === null) return { constant: value };
  if (!Array.isArray(value)) return undefined;
  const items: FieldSource[] = [];
  for (const item of value) {
    if (typeof item === 'object' && item !== null) return undefined;
    const source = sourceOf(item);
    if (source === undefined) return undefined;
    items.push(source);
  }
  return { items };
}

function marker(slot: number): string {
  return `${MARKER_START}${slot}${MARKER_END}`;
}

/** The slot of a value that is exactly one marker; undefined for a marker joined with other text. */
function slotOfMarker(value: string): number | undefined {
  if (!value.startsWith(MARKER_START) || !value.endsWith(MARKER_END)) return undefined;
  const digits = value.slice(MARKER_START.length, -MARKER_END.length);
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
}
