// Turns one parsed JSON record into an event: Windows events in the evtx_dump shape are flattened to
// Sigma field names; anything else is used as it came (the engine reaches nested values by dotted
// path), so a flat event costs no copy at all.

import type { EventRef, LogEvent } from '../core/event.js';
import { flatEventTime } from './event-time.js';
import { normaliseWindowsEvent } from './windows-event.js';

/** JSON.parse gives objects, arrays and scalars; only a non-array object is an event. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The event for a parsed JSON object. */
export function jsonObjectToEvent(obj: Record<string, unknown>, ref: EventRef): LogEvent {
  const windows = normaliseWindowsEvent(obj);
  if (windows !== undefined) return { fields: windows.fields, time: windows.time, ref };
  return { fields: obj, time: flatEventTime(obj), ref };
}

/** What to say about a top-level value that is valid JSON but not an object. */
export function describeNonObject(value: unknown): string {
  const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
  return `record is ${kind}, not a JSON object; skipped`;
}

/** The reason JSON.parse gave, without V8's echo of the (possibly huge) input. */
export function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const short = message.length > 200 ? `${message.slice(0, 200)}…` : message;
  return `invalid JSON (${short}); skipped`;
}
