// One pass over a text noting what the recognizers' patterns need: where its runs of digits are, and
// whether it has @, colons, +, dots, capitals or non-ASCII characters. Each recognizer's `mayMatch`
// reads it to skip a text it cannot match, and the digit-anchored recognizers try their pattern only
// where a digit run lets it begin (see `matchesAt` in recognizer.ts) instead of at every offset.

/** What one pass over the text tells about it, enough to know which recognizers cannot match, and where. */
export interface TextShape {
  /** The longest run of consecutive ASCII digits. */
  readonly longestDigitRun: number;
  /**
   * Every maximal run of ASCII digits (`0`–`9`; full-width digits are not digits here, as the patterns
   * do not match them), as pairs of UTF-16 offsets: start, then end (exclusive), in text order.
   */
  readonly digitRuns: readonly number[];
  /** The lengths of the digit runs as bits: bit n for a run of n digits, bit 31 for 31 or more (see `runLengthMask`). */
  readonly runLengths: number;
  readonly at: boolean;
  /** Colons, and whether two stand together: an IPv6 address has seven (six before an embedded IPv4), or a `::`. */
  readonly colons: number;
  readonly doubleColon: boolean;
  readonly plus: boolean;
  readonly dot: boolean;
  readonly upper: boolean;
  readonly nonAscii: boolean;
}

const NO_RUNS: readonly number[] = Object.freeze([]);

export function textShape(text: string): TextShape {
  // Plain locals and one bit set in the loop, one object at the end: V8 keeps them in registers (the
  // loop was twice as slow writing an object's fields), and a text without digits allocates nothing
  // else. The kind of each ASCII character comes from a table: one load instead of a chain of tests.
  let runs: number[] | undefined;
  let runStart = -1;
  let longestDigitRun = 0;
  let runLengths = 0;
  let colons = 0;
  let seen = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    const kind = code < 128 ? KINDS[code] : NON_ASCII;
    if (kind === DIGIT) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0) {
      (runs ??= []).push(runStart, i);
      if (i - runStart > longestDigitRun) longestDigitRun = i - runStart;
      runLengths |= lengthBit(i - runStart);
      runStart = -1;
    }
    if (kind === 0) continue;
    seen |= kind;
    if (kind === COLON) {
      colons++;
      if (i > 0 && text.charCodeAt(i - 1) === 58) seen |= DOUBLE_COLON;
    }
  }
  if (runStart >= 0) {
    (runs ??= []).push(runStart, length);
    if (length - runStart > longestDigitRun) longestDigitRun = length - runStart;
    runLengths |= lengthBit(length - runStart);
  }
  return {
    longestDigitRun,
    digitRuns: runs ?? NO_RUNS,
    runLengths,
    at: (seen & AT) !== 0,
    colons,
    doubleColon: (seen & DOUBLE_COLON) !== 0,
    plus: (seen & PLUS) !== 0,
    dot: (seen & DOT) !== 0,
    upper: (seen & UPPER) !== 0,
    nonAscii: (seen & NON_ASCII) !== 0,
  };
}

const lengthBit = (length: number): number => 1 << Math.min(length, 31);

/**
 * The bits of `runLengths` for runs of exactly these lengths (each below 31), made once beside a
 * recognizer: `(shape.runLengths & mask) !== 0` says a run of one of them is there.
 */
export function runLengthMask(...lengths: number[]): number {
  return lengths.reduce((mask, length) => mask | lengthBit(length), 0);
}

// What textShape notes of a character, as bits of `seen` (DIGIT and 0, anything else, are not noted).
const DIGIT = 1;
const NON_ASCII = 2;
const UPPER = 4;
const COLON = 8;
const DOUBLE_COLON = 16;
const DOT = 32;
const AT = 64;
const PLUS = 128;

const KINDS = new Uint8Array(128);
for (let code = 48; code <= 57; code++) KINDS[code] = DIGIT;
for (let code = 65; code <= 90; code++) KINDS[code] = UPPER;
KINDS[58] = COLON;
KINDS[46] = DOT;
KINDS[64] = AT;
KINDS[43] = PLUS;

/**
 * Whether a text has an ASCII digit, an @ or a colon, without which every built-in recognizer's
 * `mayMatch` is false (see SHAPE_WITHOUT_ANCHOR). The regular-expression engine answers this about four
 * times faster than the loop of `textShape` over prose, where the answer is no.
 */
export function hasAnchor(text: string): boolean {
  return ANCHOR.test(text);
}

const ANCHOR = /[0-9@:]/;

/**
 * The most a text without a digit, @ or colon can show: every other character there may be. A
 * recognizer whose `mayMatch` is false for this shape is false for every such text (`mayMatch` only
 * ever asks for things to be present), so `recognize` need not make the shape of one.
 */
export const SHAPE_WITHOUT_ANCHOR: TextShape = Object.freeze({
  longestDigitRun: 0,
  digitRuns: NO_RUNS,
  runLengths: 0,
  at: false,
  colons: 0,
  doubleColon: false,
  plus: true,
  dot: true,
  upper: true,
  nonAscii: true,
});

/** An ASCII letter or digit: what START and END (boundaries.ts) forbid beside an identifier. */
export function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || ((code | 0x20) >= 97 && (code | 0x20) <= 122);
}

export function isAsciiCapital(code: number): boolean {
  return code >= 65 && code <= 90;
}
