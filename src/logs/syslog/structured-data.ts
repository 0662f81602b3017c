// RFC 5424 STRUCTURED-DATA (§6.3): `[id name="value" ...]`, one element after another with no space
// between them. Read by one forward scan, character by character, so hostile input costs time in
// proportion to its length and nothing more (no regex, no backtracking).

/** One SD-ELEMENT: its SD-ID and its parameters in order (a name may repeat, RFC 5424 §6.3.3). */
export interface SdElement {
  readonly id: string;
  readonly params: readonly (readonly [name: string, value: string])[];
}

/** SD-NAME is at most 32 characters (RFC 5424 §6). */
const MAX_NAME = 32;

const SPACE = 32;
const QUOTE = 34;
const EQUALS = 61;
const OPEN = 91;
const BACKSLASH = 92;
const CLOSE = 93;

/**
 * Reads the SD-ELEMENTs starting at `start` (which holds `[`). Returns them and the index just past
 * the last `]`, or the reason the structured data is malformed.
 */
export function readStructuredData(text: string, start: number): { elements: SdElement[]; end: number } | { problem: string } {
  const elements: SdElement[] = [];
  let at = start;
  while (text.charCodeAt(at) === OPEN) {
    const id = readName(text, at + 1);
    if (typeof id !== 'string') return { problem: `structured data element at character ${at + 1}: ${id.problem}` };
    at += 1 + id.length;
    const params: [string, string][] = [];
    for (;;) {
      const code = text.charCodeAt(at);
      if (code === CLOSE) break;
      if (code !== SPACE) return { problem: `structured data element [${id}: expected a space or \`]\` at character ${at + 1}` };
      const name = readName(text, at + 1);
      if (typeof name !== 'string') return { problem: `structured data element [${id}: ${name.problem}` };
      at += 1 + name.length;
      if (text.charCodeAt(at) !== EQUALS || text.charCodeAt(at + 1) !== QUOTE) {
        return { problem: `structured data element [${id}: parameter ${name} is not followed by ="` };
      }
      const value = readValue(text, at + 2);
      if (value === undefined) return { problem: `structured data element [${id}: the value of ${name} has no closing quote` };
      params.push([name, value.value]);
      at = value.end;
    }
    elements.push({ id, params });
    at++;
  }
  return { elements, end: at };
}

/** An SD-NAME: printable US-ASCII except `=`, space, `]` and `"`, 1 to 32 characters. */
function readName(text: string, start: number): string | { problem: string } {
  let at = start;
  while (at < text.length && at - start <= MAX_NAME) {
    const code = text.charCodeAt(at);
    if (code <= SPACE || code > 126 || code === EQUALS || code === CLOSE || code === QUOTE) break;
    at++;
  }
  if (at === start) return { problem: `expected a name at character ${start + 1}` };
  if (at - start > MAX_NAME) return { problem: `a name at character ${start + 1} is longer than ${MAX_NAME} characters` };
  return text.slice(start, at);
}

/**
 * A PARAM-VALUE up to its closing quote. `\"`, `\\` and `\]` are unescaped; a backslash before any
 * other character stays, as RFC 5424 §6.3.3 requires. Slices are copied only when there are escapes.
 */
function readValue(text: string, start: number): { value: string; end: number } | undefined {
  let at = start;
  let pieces: string[] | undefined;
  let pieceStart = start;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      const last = text.slice(pieceStart, at);
      return { value: pieces === undefined ? last : pieces.join('') + last, end: at + 1 };
    }
    if (code === BACKSLASH) {
      const next = text.charCodeAt(at + 1);
      if (next === QUOTE || next === BACKSLASH || next === CLOSE) {
        (pieces ??= []).push(text.slice(pieceStart, at));
        pieceStart = at + 1;
        at += 2;
        continue;
      }
    }
    at++;
  }
  return undefined;
}
