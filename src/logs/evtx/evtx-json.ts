// A record's XML tree in the JSON shape evtx_dump (the Rust evtx crate) writes, which is also what
// Rampart's JSON reader takes: `{"Event": {"System": {…}, "EventData": {"Name": value, …}}}`.
// `rampart evtx dump --format jsonl` prints it, and the hunt normalises it with the same code as a
// JSON file, so an event reads the same whichever file it came from.
//
// An element with attributes becomes `{"#attributes": {…}, "#text": …}`; an element holding only
// text becomes its value (a single number stays a number); an empty element is null; `<Data
// Name="X">v</Data>` becomes `"X": v`. A name seen twice among siblings becomes an array.

import { isElement, valueOf, type XmlElement, type XmlText } from './xml-tree.js';

type Json = XmlText | null | JsonObject | Json[];
interface JsonObject {
  [key: string]: Json;
}

export function recordToJson(root: XmlElement): JsonObject {
  return { [root.name]: elementValue(root) };
}

// Runs once per element of every event on the hunt's path: arrays and sets are made only when needed.
function elementValue(element: XmlElement): Json {
  let texts: XmlText[] | undefined;
  let repeated: Set<string> | undefined;
  let object: JsonObject | undefined;
  if (element.attributes.length > 0) {
    const attributes: JsonObject = {};
    for (const attribute of element.attributes) attributes[attribute.name] = valueOf(attribute.value);
    object = { '#attributes': attributes };
  }
  for (const child of element.children) {
    if (!isElement(child)) {
      (texts ??= []).push(child);
      continue;
    }
    object ??= {};
    const named = dataName(child);
    const key = named ?? child.name;
    // A named Data element has only text content (dataName checks), so its children are its value.
    const value = named !== undefined ? valueOf(child.children as XmlText[]) : elementValue(child);
    if (!Object.hasOwn(object, key)) set(object, key, value);
    else if (repeated?.has(key)) (object[key] as Json[]).push(value);
    else {
      (repeated ??= new Set()).add(key);
      object[key] = [object[key], value];
    }
  }
  if (object === undefined) return texts === undefined ? null : valueOf(texts);
  if (texts !== undefined) object['#text'] = valueOf(texts);
  return object;
}

/** `<Data Name="X">` with nothing else to it: its name, to become a key of its own. */
function dataName(element: XmlElement): string | undefined {
  if (element.name !== 'Data' || element.attributes.length !== 1 || element.attributes[0].name !== 'Name') return undefined;
  for (const child of element.children) if (isElement(child)) return undefined;
  const name = valueOf(element.attributes[0].value);
  return typeof name === 'string' && name !== '' && name !== '#attributes' && name !== '#text' ? name : undefined;
}

function set(object: JsonObject, key: string, value: Json): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}
