// The parsed form of one event record: the XML document Windows would show, as a small tree. Binary
// XML parsing produces it; the renderers (XML text, evtx_dump-style JSON, Sigma fields) read it.

import type { ScalarValue } from './binxml-values.js';

/** Text content or an attribute value: decoded values, in order (adjacent parts join as text). */
export type XmlText = ScalarValue | ScalarValue[];

export interface XmlAttribute {
  readonly name: string;
  readonly value: XmlText[];
}

export interface XmlElement {
  readonly name: string;
  readonly attributes: XmlAttribute[];
  readonly children: (XmlElement | XmlText)[];
}

export function isElement(node: XmlElement | XmlText): node is XmlElement {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

/** The parts of a text as one string: numbers and booleans as written, arrays comma-joined. */
export function textOf(parts: readonly XmlText[]): string {
  if (parts.length === 1) return scalarText(parts[0]);
  let text = '';
  for (const part of parts) text += scalarText(part);
  return text;
}

function scalarText(part: XmlText): string {
  if (typeof part === 'string') return part;
  if (Array.isArray(part)) return part.map(String).join(',');
  return String(part);
}

/**
 * The value of a text as the JSON readers would have it: a single part keeps its type (a number stays
 * a number), several parts join into a string, no part at all is null.
 */
export function valueOf(parts: readonly XmlText[]): XmlText | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0];
  return textOf(parts);
}
