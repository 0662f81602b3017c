// Windows events in the JSON shape `evtx_dump` (the Rust evtx crate) writes, flattened into the
// Sigma field names the rules use: `EventID`, `Channel`, `Provider_Name`, and every EventData or
// UserData value by its own name. Both the EVTX reader and the JSON reader end up here, so a rule
// matches the same event the same way whichever file it came from.
//
// This runs once per event on the hunt's hot path, where building a fresh 30-field object costs
// about as much as the JSON.parse that produced the event. So the usual EventData object (plain
// name/value pairs, as evtx_dump writes them) becomes the fields object itself and only the System
// fields are added to it, about four times cheaper; `for…in` is used rather than Object.keys, and
// composite names (`Provider_Name`) are built once and reused.

import { flatEventTime, toIsoTime } from './event-time.js';

type JsonObject = Record<string, unknown>;

const ATTRIBUTES = '#attributes';
const TEXT = '#text';

/** The normalised fields of a Windows event and its time, when it has one. */
export interface NormalisedWindowsEvent {
  fields: Record<string, unknown>;
  time?: string;
}

/**
 * Flattens an evtx_dump-shaped event (`{"Event": {"System": …, "EventData": …}}`, or the inner
 * object without the `Event` wrapper). Returns undefined when the object is not in that shape, so
 * the caller can treat it as a flat event.
 *
 * The object is taken over, not copied: its EventData object may become the returned `fields`.
 * Fields come in the order data first, then System; a System field wins over a data field of the
 * same name, since `EventID` and `Channel` decide which rules run and a payload must not redirect them.
 */
export function normaliseWindowsEvent(obj: unknown): NormalisedWindowsEvent | undefined {
  if (!isObject(obj)) return undefined;
  const event = windowsEventBody(obj);
  if (event === undefined) return undefined;

  const eventData = event.EventData;
  let fields: JsonObject;
  if (isObject(eventData) && isPlainEventData(eventData)) {
    fields = eventData;
  } else {
    fields = {};
    if (eventData !== undefined && eventData !== null) flattenEventData(fields, eventData);
  }
  const userData = event.UserData;
  if (isObject(userData)) {
    // One provider-defined wrapper element (`LogFileCleared`, `EventXML`, …) holds the values; its
    // name means nothing to rules, so leaves are named by their own element name.
    for (const key in userData) if (key !== ATTRIBUTES) flattenElement(fields, key, userData[key], false);
  }
  const system = event.System;
  if (isObject(system)) {
    for (const key in system) flattenElement(fields, key, system[key], true);
  }

  // Anything else a shipper put beside the sections (a host name, RenderingInfo) is kept as it came,
  // nested objects reached by dotted path.
  copyOtherKeys(fields, event);
  if (event !== obj) copyOtherKeys(fields, obj);

  addNamesWithoutSpaces(fields);
  const time = eventTimeOf(fields);
  return time === undefined ? { fields } : { fields, time };
}

/** A normalised Windows event's time: its `TimeCreated_SystemTime`, or a time field a shipper added. */
export function eventTimeOf(fields: JsonObject): string | undefined {
  return toIsoTime(fields.TimeCreated_SystemTime) ?? flatEventTime(fields);
}

/**
 * Sigma names a field that has spaces in the event (Defender's `Threat Name`, `Source Name`) without
 * them (`ThreatName`): "use them as they appear in the log source and strip all spaces". Both names
 * then read the same value.
 */
function addNamesWithoutSpaces(fields: JsonObject): void {
  let spaced: string[] | undefined;
  for (const key in fields) if (key.indexOf(' ') >= 0) (spaced ??= []).push(key);
  if (spaced === undefined) return;
  for (const key of spaced) setField(fields, key.replace(/ /g, ''), fields[key]);
}

/** EventData that is already name → value, with nothing to unwrap: it can serve as the fields as it is. */
function isPlainEventData(eventData: JsonObject): boolean {
  for (const key in eventData) {
    if (key === 'Data' || key === ATTRIBUTES) return false;
    const value = eventData[key];
    if (typeof value === 'object' && value !== null && (TEXT in value || ATTRIBUTES in value)) return false;
  }
  return true;
}

/** The object holding System / EventData / UserData, or undefined when this is not a Windows event. */
function windowsEventBody(obj: JsonObject): JsonObject | undefined {
  const wrapped = obj.Event;
  if (isObject(wrapped) && (isObject(wrapped.System) || isObject(wrapped.EventData) || isObject(wrapped.UserData))) {
    return wrapped;
  }
  // Without the wrapper, System or EventData alone is enough: some exports drop the `Event` level.
  return isObject(obj.System) || isObject(obj.EventData) ? obj : undefined;
}

function copyOtherKeys(fields: JsonObject, obj: JsonObject): void {
  for (const key in obj) {
    if (key !== 'Event' && key !== 'System' && key !== 'EventData' && key !== 'UserData' && key !== ATTRIBUTES) {
      setField(fields, key, obj[key], false);
    }
  }
}

/**
 * One XML element as evtx_dump renders it: a plain value, or an object with `#text` (the element
 * text) and `#attributes` (each becoming `<Element>_<Attribute>`), and possibly child elements.
 */
function flattenElement(fields: JsonObject, name: string, value: unknown, overwrite: boolean): void {
  if (value === null || value === undefined) return;
  if (typeof value !== 'object' || Array.isArray(value)) {
    setField(fields, name, value, overwrite);
    return;
  }
  const element = value as JsonObject;
  for (const key in element) {
    const child = element[key];
    if (key === ATTRIBUTES) {
      if (isObject(child)) {
        for (const attribute in child) {
          if (attribute === 'xmlns' || attribute.startsWith('xmlns:')) continue;
          setField(fields, compositeName(name, attribute), child[attribute], overwrite);
        }
      }
    } else if (key === TEXT) {
      setField(fields, name, child, overwrite);
    } else {
      flattenElement(fields, key, child, overwrite);
    }
  }
}

function flattenEventData(fields: JsonObject, eventData: unknown): void {
  if (!isObject(eventData)) {
    // `<EventData>text</EventData>`: nothing names it, so it is the event's unnamed data.
    setField(fields, 'Data', eventData);
    return;
  }
  for (const key in eventData) {
    const value = eventData[key];
    if (key === ATTRIBUTES) {
      // `<EventData Name="TaskDisabled">` (Task Scheduler) names the event's template.
      flattenElement(fields, 'EventData', { [ATTRIBUTES]: value }, false);
    } else if (key === 'Data') {
      flattenDataElements(fields, value);
    } else if (isObject(value) && (TEXT in value || ATTRIBUTES in value)) {
      flattenElement(fields, key, value, false);
    } else {
      // Values keep the type they came with (numbers stay numbers); nested objects stay nested and
      // are reached by dotted path.
      setField(fields, key, value);
    }
  }
}

/**
 * `<Data Name="X">v</Data>` elements become field X (null when empty); unnamed `<Data>` elements
 * (classic event log providers) are kept together under `Data`, a string when there is one, an
 * array otherwise.
 */
function flattenDataElements(fields: JsonObject, data: unknown): void {
  const items = Array.isArray(data) ? data : [data];
  const unnamed: unknown[] = [];
  for (const item of items) {
    if (isObject(item)) {
      const attributes = item[ATTRIBUTES];
      const name = isObject(attributes) ? attributes.Name : undefined;
      const text = item[TEXT] === undefined ? null : item[TEXT];
      if (typeof name === 'string') setField(fields, name, text);
      else unnamed.push(text);
    } else {
      unnamed.push(item);
    }
  }
  if (unnamed.length === 1) setField(fields, 'Data', unnamed[0]);
  else if (unnamed.length > 1) setField(fields, 'Data', unnamed);
}

/**
 * Sets a field. System fields overwrite; data fields do not replace one already set (the first
 * `Data` element of a name wins).
 */
function setField(fields: JsonObject, name: string, value: unknown, overwrite = false): void {
  // The has-own check runs only when the name reads as taken, which new names almost never do.
  if (!overwrite && fields[name] !== undefined && Object.hasOwn(fields, name)) return;
  if (name === '__proto__') {
    // Defined, never assigned, so input cannot reach the prototype.
    Object.defineProperty(fields, name, { value, enumerable: true, writable: true, configurable: true });
  } else {
    fields[name] = value;
  }
}

// `Provider` + `Name` → `Provider_Name`, built once per pair rather than once per event. Bounded,
// since element and attribute names come from the input.
const compositeNames = new Map<string, Map<string, string>>();
const COMPOSITE_NAME_LIMIT = 4096;
let compositeNameCount = 0;

function compositeName(element: string, attribute: string): string {
  let byAttribute = compositeNames.get(element);
  let name = byAttribute?.get(attribute);
  if (name !== undefined) return name;
  name = `${element}_${attribute}`;
  if (compositeNameCount < COMPOSITE_NAME_LIMIT) {
    if (byAttribute === undefined) {
      byAttribute = new Map();
      compositeNames.set(element, byAttribute);
    }
    byAttribute.set(attribute, name);
    compositeNameCount++;
  }
  return name;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
