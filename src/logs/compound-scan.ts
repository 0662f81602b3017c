// The hot loop of the JSON scanner: bracket and string state inside one object or array, kept in
// locals while it runs and carried across chunks in CompoundState. Strings are skipped with indexOf
// rather than character by character, which halves the scan time of evtx_dump output.

import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  LINE_FEED,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
  SPACE,
  TAB,
} from './json-chars.js';

/** Deeper nesting is still counted, but the resync check no longer knows the container type. */
const TRACKED_DEPTH = 256;

/** Where the scan is in the file, shared with the scanner's between-records loop. */
export interface LinePosition {
  line: number;
  /** Only spaces and tabs so far on this line. */
  atLineStart: boolean;
  /** How many of them. */
  lineIndent: number;
}

/** Bracket and string state inside the current object or array, carried across chunks. */
export class CompoundState {
  depth = 0;
  /** The open bracket at each depth, as far as TRACKED_DEPTH. */
  readonly containers = new Uint8Array(TRACKED_DEPTH);
  inString = false;
  escaped = false;
  /** Last character outside strings, to tell whether a `{` may legally stand here. */
  last = 0;
  /** Indentation of the line the record started on: where the next record's `{` would stand. */
  recordIndent = 0;

  open(bracket: number, indent: number): void {
    this.containers[0] = bracket;
    this.depth = 1;
    this.last = bracket;
    this.recordIndent = indent;
  }

  reset(): void {
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
  }
}

/**
 * The hot loop: scans inside an object or array from `from`, with its state in locals. Returns the
 * index just past the closing bracket (depth is then 0), the index of a `{` at the start of a line
 * where the record cannot continue (a resync point), or the end of the text.
 */
export function scanCompound(state: CompoundState, position: LinePosition, text: string, from: number): number {
  const length = text.length;
  const containers = state.containers;
  const recordIndent = state.recordIndent;
  let depth = state.depth;
  let inString = state.inString;
  let escaped = state.escaped;
  let last = state.last;
  let line = position.line;
  let atLineStart = position.atLineStart;
  let lineIndent = position.lineIndent;
  // Next line feed at or after i, found lazily: strings are skipped with indexOf, and a raw line
  // break inside one (invalid, but it happens in damaged files) must still be counted.
  let lineFeed = -1;
  let i = from;
  let stop = length;

  while (i < length) {
    let c = text.charCodeAt(i);
    if (atLineStart) {
      if (c === SPACE || c === TAB) {
        lineIndent++;
        i++;
        continue;
      }
      if (c !== LINE_FEED) {
        atLineStart = false;
        if (c === OPEN_BRACE && lineIndent === recordIndent && braceIsIllegal(inString, last, depth, containers)) {
          stop = i;
          break;
        }
      }
    }

    if (inString) {
      if (escaped) {
        escaped = false;
      } else {
        if (lineFeed < i) {
          lineFeed = text.indexOf('\n', i);
          if (lineFeed === -1) lineFeed = length;
        }
        const quote = text.indexOf('"', i);
        const end = quote === -1 || quote > lineFeed ? lineFeed : quote;
        // Backslashes right before `end` decide whether it is escaped.
        let k = end - 1;
        while (k >= i && text.charCodeAt(k) === BACKSLASH) k--;
        const escapedEnd = ((end - 1 - k) & 1) === 1;
        if (end === length) {
          escaped = escapedEnd; // the string goes on in the next chunk
          break;
        }
        i = end;
        c = text.charCodeAt(end);
        if (c === QUOTE) {
          if (!escapedEnd) {
            inString = false;
            last = QUOTE;
          }
          i++;
          continue;
        }
        // A raw line break inside the string: fall through to count it.
      }
      if (c === LINE_FEED) {
        line++;
        atLineStart = true;
        lineIndent = 0;
      }
      i++;
      continue;
    }

    if (c === QUOTE) {
      inString = true;
      last = c;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (depth < TRACKED_DEPTH) containers[depth] = c;
      depth++;
      last = c;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      last = c;
      if (--depth === 0) {
        stop = i + 1;
        break;
      }
    } else if (c === LINE_FEED) {
      line++;
      atLineStart = true;
      lineIndent = 0;
    } else if (c > SPACE) {
      last = c;
    }
    i++;
  }

  state.depth = depth;
  state.inString = inString;
  state.escaped = escaped;
  state.last = last;
  position.line = line;
  position.atLineStart = atLineStart;
  position.lineIndent = lineIndent;
  return stop;
}

/** True when a `{` cannot stand at this point of a record, so a line starting with one begins a new record. */
function braceIsIllegal(inString: boolean, last: number, depth: number, containers: Uint8Array): boolean {
  if (inString) return true; // a raw line break inside a string is already invalid JSON
  if (last === OPEN_BRACKET || last === COLON) return false;
  if (last === COMMA) {
    if (depth > TRACKED_DEPTH) return false;
    return containers[depth - 1] === OPEN_BRACE; // after a comma in an object, a key must follow
  }
  return true;
}
