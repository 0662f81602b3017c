// Arithmetic on selector lists: removing duplicates when lists are unioned (a product-less rule collects
// every product's entry), and restricting a category's selectors to a service's logs (a rule that gives
// both). Pure functions over frozen values.
import type { EventSelector } from './mapping-types.js';

/** The list without structural duplicates (same channels, ids, conditions and fieldMap; names ignored). */
export function dedupeSelectors(selectors: readonly EventSelector[]): EventSelector[] {
  const seen = new Set<string>();
  const result: EventSelector[] = [];
  for (const selector of selectors) {
    const signature = selectorSignature(selector);
    if (seen.has(signature)) continue;
    seen.add(signature);
    result.push(selector);
  }
  return result;
}

/**
 * Every category selector narrowed to what some service selector also accepts: channels, EventIDs and
 * conditions intersect; the category's fieldMap wins over the service's. Pairs that can share no event
 * (Sysmon EventID 1 against the Security log) are dropped; an empty result means the rule can never match.
 */
export function restrictToService(categorySelectors: readonly EventSelector[], serviceSelectors: readonly EventSelector[]): EventSelector[] {
  const result: EventSelector[] = [];
  for (const category of categorySelectors) {
    for (const service of serviceSelectors) {
      const combined = intersectSelectors(category, service);
      if (combined) result.push(combined);
    }
  }
  return dedupeSelectors(result);
}

function intersectSelectors(category: EventSelector, service: EventSelector): EventSelector | undefined {
  const channels = intersectChannels(category.channels, service.channels);
  if (channels === null) return undefined;
  const eventIds = intersectOptional(category.eventIds, service.eventIds, (id) => String(id));
  if (eventIds === null) return undefined;
  const conditions = intersectConditions(category.conditions, service.conditions);
  if (conditions === null) return undefined;
  const selector: { -readonly [K in keyof EventSelector]: EventSelector[K] } = {
    name: `${category.name} within ${service.name}`,
    fieldMap: Object.freeze({ ...service.fieldMap, ...category.fieldMap }),
  };
  if (channels) selector.channels = channels;
  if (eventIds) selector.eventIds = eventIds;
  if (conditions) selector.conditions = conditions;
  return Object.freeze(selector);
}

/** undefined = unrouted (no Channel); null = the two cannot meet. */
function intersectChannels(left: readonly string[] | undefined, right: readonly string[] | undefined): readonly string[] | undefined | null {
  if (left === undefined || right === undefined) return left === right ? undefined : null;
  if (left.includes('*')) return right;
  if (right.includes('*')) return left;
  const common = left.filter((channel) => right.includes(channel));
  return common.length > 0 ? Object.freeze(common) : null;
}

/** Absent on one side = no restriction from that side; null = disjoint. */
function intersectOptional<T>(left: readonly T[] | undefined, right: readonly T[] | undefined, fold: (value: T) => string): readonly T[] | undefined | null {
  if (left === undefined) return right;
  if (right === undefined) return left;
  const allowed = new Set(right.map(fold));
  const common = left.filter((value) => allowed.has(fold(value)));
  return common.length > 0 ? Object.freeze(common) : null;
}

type Conditions = Readonly<Record<string, readonly (string | number)[]>>;

function intersectConditions(left: Conditions | undefined, right: Conditions | undefined): Conditions | undefined | null {
  if (left === undefined) return right;
  if (right === undefined) return left;
  const merged: Record<string, readonly (string | number)[]> = { ...right };
  for (const [field, values] of Object.entries(left)) {
    const common = intersectOptional(values, merged[field], (value) => String(value).toLowerCase());
    if (common === null || common === undefined) return null;
    merged[field] = common;
  }
  return Object.freeze(merged);
}

function selectorSignature(selector: EventSelector): string {
  const conditions = Object.entries(selector.conditions ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const fieldMap = Object.entries(selector.fieldMap).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([selector.channels ?? null, selector.eventIds ?? null, conditions, fieldMap]);
}
