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
   * every pattern over every line was nearly all of a scan's time. Absent: `find` always runs.
   */
  mayMatch?: (shape: TextShape) => boolean;
  find(text: string): Finding[];
}

export function clampScore(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}

/** A finding whose score is the sum of `reasons`. */
export function makeFinding(category: Category, start: number, text: string, reasons: ScoreReason[]): Finding {
  const score = clampScore(reasons.reduce((sum, reason) => sum + reason.change, 0));
  return { category, start, end: start + text.length, text, score, reasons };
}

/**
 * Every match of a regular expression, with its offset. The global copy of each pattern is made once
 * and reused (compiling one per call was a third of a scan's time, as every recognizer runs on every
 * line), and the matches of the last text are kept per pattern: the bank-card and credit-card
 * recognizers share one pattern and run one after the other on the same line.
 */
export function matchesOf(pattern: RegExp, text: string): readonly RegExpExecArray[] {
  const last = LAST_MATCHES.get(pattern);
  if (last !== undefined && last.text === text) return last.matches;
  let regex = GLOBAL_COPIES.get(pattern);
  if (regex === undefined) {
    regex = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    GLOBAL_COPIES.set(pattern, regex);
  }
  regex.lastIndex = 0;
  const matches: RegExpExecArray[] = [];
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    if (match[0].length === 0) regex.lastIndex++;
    else matches.push(match);
  }
  LAST_MATCHES.set(pattern, { text, matches });
  return matches;
}

const LAST_MATCHES = new WeakMap<RegExp, { readonly text: string; readonly matches: readonly RegExpExecArray[] }>();
const GLOBAL_COPIES = new WeakMap<RegExp, RegExp>();

/**
 * The score a failed check digit leaves at most. Context adds at most CONTEXT_RAISE (0.25), so a
 * number with a wrong check digit never reaches the default threshold (0.5) by context alone; callers
 * who want likely typos pass a lower threshold.
 */
export const FAILED_CHECK_SCORE = 0.2;
