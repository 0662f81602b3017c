import { Buffer } from 'node:buffer';
import { PLATE_PROVINCES } from './plate-provinces.js';

// One pass over a text noting what the recognizers' patterns need: where its runs of digits are, the
// longest chain of them joined by spaces or hyphens, and whether it has @, colons, +, dots, capitals,
// non-ASCII or plate-province characters. Each recognizer's `mayMatch`
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
  /**
   * The most digits in a chain of digit runs each joined to the next by one space or hyphen
   * (`138 0013 8000` is a chain of 11): what a grouped phone or card number is written as. A log
   * line's date and time (`2026-11-05 13:05:07`) make a chain of 10 at most.
   */
  readonly longestDigitChain: number;
  /**
   * The most digit runs in a row each joined to the next by one dot: an IPv4 address is 4, a version
   * number `1.2.3` 3, a decimal 2. CSV rows' decimals and log lines give 2 at most.
   */
  readonly longestDottedRuns: number;
  /** A vehicle plate's province character (京, 沪, 粤, …). */
  readonly plateProvince: boolean;
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

/**
 * A shape's counts and flags, everything `mayMatch` reads (not the runs' offsets), as plain numbers:
 * kept by `recognize` for a text no recognizer woke on, so that a later text whose shape is within it
 * (`textShapeBeyond`) is answered without its shape being built or any `mayMatch` called.
 */
export interface ShapeBound {
  readonly longestDigitRun: number;
  readonly runLengths: number;
  readonly longestDigitChain: number;
  readonly longestDottedRuns: number;
  readonly colons: number;
  /** The character flags as bits (see the kinds below). */
  readonly flags: number;
}

export function textShape(text: string): TextShape {
  measure(text);
  return shapeMeasured();
}

/**
 * `textShape(text)`, or undefined when the text's shape is within one of `bounds`: no longer digit run,
 * chain or dotted runs, no more colons, no run length and no character flag that bound lacks. A
 * recognizer's `mayMatch` only asks for things to be present, so one false for every recognizer at a
 * bound is false at such a shape. Log lines are nearly all within one such bound: nothing is allocated
 * for them.
 */
export function textShapeBeyond(text: string, bounds: readonly ShapeBound[]): TextShape | undefined {
  measure(text);
  for (const bound of bounds) {
    if (
      measuredLongestRun <= bound.longestDigitRun &&
      measuredChain <= bound.longestDigitChain &&
      measuredDotted <= bound.longestDottedRuns &&
      measuredColons <= bound.colons &&
      (measuredRunLengths & ~bound.runLengths) === 0 &&
      (measuredSeen & ~bound.flags) === 0
    ) {
      return undefined;
    }
  }
  return shapeMeasured();
}

/** The counts and flags of `shape`, to compare later texts against (see `textShapeBeyond`). */
export function boundOf(shape: TextShape): ShapeBound {
  const flags =
    (shape.plateProvince ? PROVINCE : 0) |
    (shape.at ? AT : 0) |
    (shape.doubleColon ? DOUBLE_COLON : 0) |
    (shape.plus ? PLUS : 0) |
    (shape.dot ? DOT : 0) |
    (shape.upper ? UPPER : 0) |
    (shape.nonAscii ? NON_ASCII : 0) |
    (shape.colons > 0 ? COLON : 0);
  return {
    longestDigitRun: shape.longestDigitRun,
    runLengths: shape.runLengths,
    longestDigitChain: shape.longestDigitChain,
    longestDottedRuns: shape.longestDottedRuns,
    colons: shape.colons,
    flags,
  };
}

// What the last `measure` found, in module variables rather than an object (nothing allocated for a
// text whose shape is then not needed), the runs' offsets in a kept typed array.
let measuredLongestRun = 0;
let measuredRunLengths = 0;
let measuredChain = 0;
let measuredDotted = 0;
let measuredColons = 0;
let measuredSeen = 0;
let measuredRunCount = 0;
let measuredRuns = new Int32Array(1024);

/**
 * One pass over `text`, noting its digit runs and characters. Plain locals and one bit set in the loop:
 * V8 keeps them in registers (the loop was twice as slow writing an object's fields). The characters
 * are read from a typed array the text is copied into: `charCodeAt` on a line sliced out of a larger
 * string costs several times a typed array's load (the pass took 30 % less time so). The kind of each
 * character comes from a table.
 */
function measure(text: string): void {
  let longestDigitRun = 0;
  let runLengths = 0;
  let longestDigitChain = 0;
  let chain = 0;
  let colons = 0;
  let lastColon = -2;
  let seen = 0;
  const length = text.length;
  const codes = codesOf(text);
  // A text of n code units has at most n / 2 + 1 runs, two offsets each.
  if (measuredRuns.length < length + 2) measuredRuns = new Int32Array(length + 2);
  const runs = measuredRuns;
  let count = 0;
  let i = 0;
  while (i < length) {
    const kind = KINDS[codes[i]];
    if (kind === DIGIT) {
      const runStart = i;
      i++;
      while (i < length && isDigit(codes[i])) i++;
      const run = i - runStart;
      runs[count] = runStart;
      runs[count + 1] = i;
      count += 2;
      if (run > longestDigitRun) longestDigitRun = run;
      runLengths |= lengthBit(run);
      chain += run;
      // The chain goes on over one space or hyphen followed by a digit.
      if (!(isSeparator(codes[i]) && i + 1 < length && isDigit(codes[i + 1]))) {
        if (chain > longestDigitChain) longestDigitChain = chain;
        chain = 0;
      }
      continue;
    }
    seen |= kind;
    if (kind === COLON) {
      colons++;
      if (lastColon === i - 1) seen |= DOUBLE_COLON;
      lastColon = i;
    }
    i++;
  }
  measuredLongestRun = longestDigitRun;
  measuredRunLengths = runLengths;
  measuredChain = longestDigitChain;
  // Runs joined by dots, counted after the pass and only in a text with a dot (not in most log lines):
  // one more test per run in the loop above made it slower by more than this costs.
  measuredDotted = count === 0 ? 0 : (seen & DOT) === 0 || count === 2 ? 1 : longestDottedRuns(codes, runs, count);
  measuredColons = colons;
  measuredSeen = seen;
  measuredRunCount = count;
}

/** The most runs in a row each joined to the next by one dot, from the runs' `count` offsets. */
function longestDottedRuns(codes: Uint16Array, runs: Int32Array, count: number): number {
  let longest = 1;
  let dotted = 1;
  for (let k = 2; k < count; k += 2) {
    if (runs[k] === runs[k - 1] + 1 && codes[runs[k - 1]] === 46) dotted++;
    else dotted = 1;
    if (dotted > longest) longest = dotted;
  }
  return longest;
}

/** The shape `measure` found last. */
function shapeMeasured(): TextShape {
  let digitRuns = NO_RUNS;
  if (measuredRunCount > 0) {
    const runs: number[] = [];
    for (let k = 0; k < measuredRunCount; k++) runs.push(measuredRuns[k]);
    digitRuns = runs;
  }
  const seen = measuredSeen;
  return {
    longestDigitRun: measuredLongestRun,
    digitRuns,
    runLengths: measuredRunLengths,
    longestDigitChain: measuredChain,
    longestDottedRuns: measuredDotted,
    plateProvince: (seen & PROVINCE) !== 0,
    at: (seen & AT) !== 0,
    colons: measuredColons,
    doubleColon: (seen & DOUBLE_COLON) !== 0,
    plus: (seen & PLUS) !== 0,
    dot: (seen & DOT) !== 0,
    upper: (seen & UPPER) !== 0,
    nonAscii: (seen & NON_ASCII) !== 0,
  };
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isSeparator = (code: number): boolean => code === 32 || code === 45;

/** Code units a line usually fits in: copied into one array kept for the purpose. */
const SHORT = 32768;
const SHORT_CODES = new Uint16Array(SHORT);
const SHORT_BYTES = Buffer.from(SHORT_CODES.buffer);
/** Whether this machine stores a Uint16Array's elements little-endian, as `utf16le` writes them. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

// The text `codesOf` copied last and where: every write into SHORT_CODES goes through `codesOf`, which
// notes it here, so `codeUnitsOf` never hands out an array holding another text.
let codesText: string | undefined;
let lastCodes = SHORT_CODES;

/**
 * `text`'s UTF-16 code units (lone surrogates as they are) in a typed array, from its start: the kept
 * array for a short text, a new one for a longer text (a scan's window), whose copy costs little beside it.
 */
function codesOf(text: string): Uint16Array {
  const codes = text.length <= SHORT ? SHORT_CODES : new Uint16Array(text.length);
  if (!LITTLE_ENDIAN) for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  else if (codes === SHORT_CODES) SHORT_BYTES.write(text, 0, 'utf16le');
  else Buffer.from(codes.buffer).write(text, 0, 'utf16le');
  codesText = text;
  lastCodes = codes;
  return codes;
}

/**
 * `text`'s UTF-16 code units in a typed array (read them from 0 to `text.length`; what lies past them is
 * not the text's), valid until the next call of this or of `textShape`. When the last shape made was
 * `text`'s, as it is while `recognize` works on a text's findings, that pass's copy is returned without
 * copying again: reading a typed array costs less than `charCodeAt` on a line sliced from a larger string.
 */
export function codeUnitsOf(text: string): Uint16Array {
  return text === codesText ? lastCodes : codesOf(text);
}

const lengthBit = (length: number): number => 1 << Math.min(length, 31);

/**
 * The bits of `runLengths` for runs of exactly these lengths (each below 31), made once beside a
 * recognizer: `(shape.runLengths & mask) !== 0` says a run of one of them is there.
 */
export function runLengthMask(...lengths: number[]): number {
  return lengths.reduce((mask, length) => mask | lengthBit(length), 0);
}

// What textShape notes of a character, as bits of `seen` (DIGIT and 0, anything else, are not noted);
// the last is noted of two characters together, never a character's kind.
const DIGIT = 1;
const NON_ASCII = 2;
const UPPER = 4;
const COLON = 8;
const PROVINCE = 16;
const DOT = 32;
const AT = 64;
const PLUS = 128;
const DOUBLE_COLON = 256;

// Every UTF-16 code unit's kind (64 KiB): one load, where a test for ASCII then a load cost more.
const KINDS = new Uint8Array(65536).fill(NON_ASCII, 128);
for (let code = 48; code <= 57; code++) KINDS[code] = DIGIT;
for (let code = 65; code <= 90; code++) KINDS[code] = UPPER;
KINDS[58] = COLON;
KINDS[46] = DOT;
KINDS[64] = AT;
KINDS[43] = PLUS;
for (const province of PLATE_PROVINCES) KINDS[province.charCodeAt(0)] = NON_ASCII | PROVINCE;

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
  longestDigitChain: 0,
  longestDottedRuns: 0,
  plateProvince: true,
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
