// The event: what every log reader yields and the only thing the engine reads.
// Readers normalise their format into `fields`; the engine never sees EVTX, JSON or syslog.

/** Where an event came from, for output and for going back to the original. */
export interface EventRef {
  /** The file the event was read from (as given on the command line, or a path below it). */
  readonly file: string;
  /** 1-based line of the event's first line, for line-oriented formats. */
  readonly line?: number;
  /** Record number inside the file (EVTX record id, or the 1-based index in a JSON array). */
  readonly record?: number;
}

/**
 * A log event. `fields` holds the normalised fields:
 * - Windows events: the System fields flattened Sigma-style (`EventID`, `Channel`, `Computer`,
 *   `Provider_Name`, `Execution_ProcessID`, `Security_UserID`, ...) plus every EventData / UserData
 *   field by its name;
 * - other JSON events: the object as it came; nested objects are reached by dotted paths.
 * Values are strings, numbers, booleans, null, arrays or nested objects, as the source had them.
 */
export interface LogEvent {
  readonly fields: Record<string, unknown>;
  /** Event time as an ISO 8601 string, when the source carries one. */
  readonly time?: string;
  readonly ref: EventRef;
}

/** Reads a field by name: an exact key first, then a dotted path through nested objects. */
export function getField(fields: Record<string, unknown>, name: string): unknown {
  // Own properties only: a rule on `constructor` or `toString` must not read Object.prototype.
  if (Object.prototype.hasOwnProperty.call(fields, name)) return fields[name];
  if (name.indexOf('.') < 0) return undefined;
  let current: unknown = fields;
  for (const part of name.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    const record = current as Record<string, unknown>;
    if (!Object.prototype.hasOwnProperty.call(record, part)) return undefined;
    current = record[part];
  }
  return current;
}
