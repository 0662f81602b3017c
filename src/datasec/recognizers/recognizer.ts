// The contract every recognizer meets. A finding's score is the sum of its reasons' changes (clamped to
// 0–1), so a reader can always see why a number was reported, or why it was not.

import type { TextShape } from './text-shape.js';

export type Category =
  | 'cn-resident-id'
  | 'cn-residence-permit'
  | 'cn-uscc'
  | 'cn-mobile'
  | 'bank-card'
  | 'cn-passport'
  | 'cn-travel-permit'
  | 'cn-vehicle-plate'
  | 'email'
  | 'ipv4'
  | 'ipv6'
  | 'credit-card'
  | 'iban'
  | 'e164-phone';

/** One step in a finding's score: what was seen and how much it moved the score. */
export interface ScoreReason {
  change: number;
  why: string;
}

export interface Finding {
  category: Category;
  /** UTF-16 offsets into the scanned text, end exclusive (`text.slice(start, end)` is the match). */
  start: number;
  end: number;
  text: string;
  /** 0–1; `recognize` reports findings at or above its threshold (0.5 by default). */
  score: number;
  reasons: ScoreReason[];
}

export interface Recognizer {
  id: string;
  category: Category;
  description: string;
  /**
   * What the recognizer's pattern cannot match without, checked against one pass over the text
   * (text-shape.ts) before `find` runs it: necessary, never sufficient, so nothing is lost. Running
   * every pattern over every line was nearly all of a scan's time. Absent: `find` always runs. It only
   * ever asks for things to be present (a longer digit run, a flag set), never for one to be absent:
   * `recognize` relies on that to skip texts without a digit, @ or colon (SHAPE_WITHOUT_ANCHOR). It reads
   * the shape's counts and flags, never `digitRuns` (the offsets): `recognize` skips a text whose counts
   * and flags are within those of a text on which every `mayMatch` was false (`textShapeBeyond`).
   */
  mayMatch?: (shape: TextShape) => boolean;
  /**
   * `shape` is `textShape(text)`, given by `recognize`, which has made it already; computed when absent.
   * `minScore`, when given, is the threshold the caller keeps findings at after context words: a
   * finding that cannot reach it even raised by them (see `canReach`) may be left out, and is then
   * never built. Absent: every finding is returned, whatever its score.
   */
  find(text: string, shape?: TextShape, minScore?: number): Finding[];
}

/** The reasons' changes added up in order (the order matters to the last bit of a float). */
export function sumOfChanges(reasons: readonly ScoreReason[]): number {
  let sum = 0;
  for (const reason of reasons) sum += reason.change;
  return sum;
}

export function clampScore(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}

/** The most context words can raise a score: context.ts's CONTEXT_RAISE is this (context.ts imports this module). */
export const MOST_CONTEXT_RAISES = 0.25;

/**
 * Whether a finding whose reasons' changes add up to `sum` (added in the reasons' order, from 0, as
 * `sumOfChanges` does) can reach `minScore` once the context words are read; true when there is no
 * threshold. `recognize` drops the others before reading their context; a recognizer given the
 * threshold need not build them.
 */
export function canReach(sum: number, minScore: number | undefined): boolean {
  return minScore === undefined || clampScore(sum + MOST_CONTEXT_RAISES) >= minScore;
}

/** A finding whose score is the sum of `reasons`. */
export function makeFinding(category: Category, start: number, text: string, reasons: ScoreReason[]): Finding {
  return { category, start, end: start + text.length, text, score: clampScore(sumOfChanges(reasons)), reasons };
}

/**
 * Every match of a regular expression over the whole text, with its offset, as a global search finds
 * them (each after the end of the one before). The global copy of each pattern is made once and reused:
 * compiling one per call was a third of a scan's time, as recognizers run on most lines.
 */
export function matchesOf(pattern: RegExp, text: string): readonly RegExpExecArray[] {
  const regex = copyOf(pattern, 'g', GLOBAL_COPIES);
  regex.lastIndex = 0;
  const matches: RegExpExecArray[] = [];
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    if (match[0].length === 0) regex.lastIndex++;
    else matches.push(match);
  }
  return matches;
}

/**
 * Where a pattern's matches may begin in a text, in ascending order: every offset at which it can match
 * must be there (one missing loses that match), and any other costs one failed attempt. Worked out from
 * the text's digit runs, so a line whose digits cannot hold the identifier gives none.
 */
export type MatchStarts = (text: string, shape: TextShape) => readonly number[];

/** No start: what a `MatchStarts` returns for most lines, shared rather than a new empty array each time. */
export const NO_STARTS: readonly number[] = Object.freeze([]);

/** A pattern and where its matches may begin; made by `anchoredPattern`. */
export interface AnchoredPattern {
  readonly pattern: RegExp;
  readonly startsOf: MatchStarts;
  /** `pattern` with the `y` flag (and without `g`), made once: what `matchesAt` runs. */
  readonly sticky: RegExp;
}

const ANCHORED: AnchoredPattern[] = [];
const GLOBAL_COPIES = new WeakMap<RegExp, RegExp>();
const STICKY_COPIES = new WeakMap<RegExp, RegExp>();

/**
 * Every anchored pattern made so far (all the recognizers' once index.ts is loaded): a test checks that
 * each finds what a global search of its pattern finds.
 */
export const ANCHORED_PATTERNS: readonly AnchoredPattern[] = ANCHORED;

export function anchoredPattern(pattern: RegExp, startsOf: MatchStarts): AnchoredPattern {
  const anchored = { pattern, startsOf, sticky: copyOf(pattern, 'y', STICKY_COPIES) };
  ANCHORED.push(anchored);
  return anchored;
}

/**
 * The matches `matchesOf` finds, but the pattern is tried only at the offsets `startsOf` names (anchored
 * there, with the `y` flag, on the whole text so that look-behinds and look-aheads see the characters
 * around it): a global search tries every offset of the line, which was most of a scan's time. A start
 * inside the previous match is skipped, as a global search would. The matches of the last call are kept:
 * the bank-card and credit-card recognizers share one pattern, as do the resident ID and the residence
 * permit, and each pair runs one after the other on the same line.
 */
export function matchesAt(anchored: AnchoredPattern, text: string, shape: TextShape): readonly RegExpExecArray[] {
  if (anchored === lastPattern && text === lastText) return lastMatches;
  const starts = anchored.startsOf(text, shape);
  let matches: RegExpExecArray[] = NO_MATCHES;
  if (starts.length > 0) {
    const regex = anchored.sticky;
    let after = 0;
    for (const start of starts) {
      if (start < after) continue;
      regex.lastIndex = start;
      const match = regex.exec(text);
      if (match === null || match[0].length === 0) continue;
      if (matches === NO_MATCHES) matches = [];
      matches.push(match);
      after = start + match[0].length;
    }
  }
  lastPattern = anchored;
  lastText = text;
  lastMatches = matches;
  return matches;
}

/** A copy of `pattern` with `flag` and without the other of `g` / `y`, made once per pattern. */
function copyOf(pattern: RegExp, flag: 'g' | 'y', copies: WeakMap<RegExp, RegExp>): RegExp {
  let regex = copies.get(pattern);
  if (regex === undefined) {
    regex = new RegExp(pattern.source, `${pattern.flags.replace(/[gy]/g, '')}${flag}`);
    copies.set(pattern, regex);
  }
  return regex;
}

// Never added to: returned, read-only, when a text has no match.
const NO_MATCHES: RegExpExecArray[] = [];
// One entry (three variables, not an object allocated per call): the recognizers that share a pattern
// are registered one after the other.
let lastPattern: AnchoredPattern | undefined;
let lastText = '';
let lastMatches: readonly RegExpExecArray[] = NO_MATCHES;

/**
 * The score a failed check digit leaves at most. Context adds at most CONTEXT_RAISE (0.25), so a
 * number with a wrong check digit never reaches the default threshold (0.5) by context alone; callers
 * who want likely typos pass a lower threshold.
 */
export const FAILED_CHECK_SCORE = 0.2;
