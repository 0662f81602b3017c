// Lays a user's override over the default regulation data. Plain objects merge key by key, so an
// override names only what it changes; an object with a `confidence` is one record and is replaced
// whole, so a changed threshold never keeps the default's citation or note. `sources` only feeds YAML
// aliases inside each file and is dropped.

export interface MergedRegulation {
  readonly value: Record<string, unknown>;
  /** Dotted paths of the records the override replaced or added, e.g. `criteria.ciiFullyDown.thresholds.major`. */
  readonly overriddenRecords: readonly string[];
}

export function mergeOverride(defaults: unknown, override: unknown): MergedRegulation {
  const overriddenRecords: string[] = [];
  const value = mergeObjects(asObject(defaults), asObject(override), [], overriddenRecords);
  delete value.sources;
  return { value, overriddenRecords };
}

function mergeObjects(base: Record<string, unknown>, over: Record<string, unknown>, path: string[], overridden: string[]): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const at = [...path, key];
    if (isPlainObject(value) && !isRecord(value) && isPlainObject(base[key])) {
      merged[key] = mergeObjects(base[key] as Record<string, unknown>, value, at, overridden);
    } else {
      merged[key] = value;
      collectRecords(value, at, overridden);
    }
  }
  return merged;
}

/** The records inside a replaced value (itself, or the records of a newly added group). */
function collectRecords(value: unknown, path: string[], overridden: string[]): void {
  if (!isPlainObject(value)) return;
  if (isRecord(value)) {
    overridden.push(path.join('.'));
    return;
  }
  for (const [key, inner] of Object.entries(value)) collectRecords(inner, [...path, key], overridden);
}

function isRecord(value: Record<string, unknown>): boolean {
  return Object.prototype.hasOwnProperty.call(value, 'confidence');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asObject(value: unknown): Record<string, unknown> {
  return isPlainObject(value) ? value : {};
}
