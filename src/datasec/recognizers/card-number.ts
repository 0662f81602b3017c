// The written forms of a payment card number, shared by the bank-card and credit-card recognizers:
// one digit run, or groups of four (the last group shorter) joined by one kind of separator, or the
// 4-6-5 / 4-6-4 grouping of American Express and Diners Club.

import { NUMBER_END, START, digitsOf } from './boundaries.js';
import { luhnValid } from './checksums.js';
import { NO_STARTS, anchoredPattern, matchesAt, type MatchStarts } from './recognizer.js';
import type { TextShape } from './text-shape.js';

export const CARD_PATTERN = new RegExp(
  `${START}(?:[0-9]{13,19}|[0-9]{4}([ -])[0-9]{4}\\1[0-9]{4}\\1[0-9]{1,4}(?:\\1[0-9]{1,4})?|[0-9]{4}([ -])[0-9]{6}\\2[0-9]{4,5})${NUMBER_END}`,
  'g',
);

/**
 * Where CARD_PATTERN can match: at a whole digit run of 13–19 digits, or at a group of exactly 4 digits
 * followed by a space or hyphen and a group of 4 or 6 (the second group of every grouped form).
 */
export const cardStarts: MatchStarts = (text, shape) => {
  let found: number[] | undefined;
  const runs = shape.digitRuns;
  for (let i = 0; i < runs.length; i += 2) {
    const length = runs[i + 1] - runs[i];
    if (length >= 13 && length <= 19) (found ??= []).push(runs[i]);
    else if (length === 4 && i + 2 < runs.length && runs[i + 2] === runs[i + 1] + 1) {
      const separator = text.charCodeAt(runs[i + 1]);
      const next = runs[i + 3] - runs[i + 2];
      if ((separator === 32 || separator === 45) && (next === 4 || next === 6)) (found ??= []).push(runs[i]);
    }
  }
  return found ?? NO_STARTS;
};

/** CARD_PATTERN where it can match: shared by the bank-card and credit-card recognizers. */
export const CARD_NUMBERS = anchoredPattern(CARD_PATTERN, cardStarts);

/** A match of CARD_PATTERN with what both card recognizers read of it. */
export interface CardCandidate {
  readonly index: number;
  /** As written, separators included. */
  readonly text: string;
  readonly digits: string;
  readonly luhn: boolean;
}

/**
 * The card numbers of a text, with their digits and Luhn check worked out once: the credit-card and
 * bank-card recognizers run one after the other on the same line, and each needs both.
 */
export function cardCandidates(text: string, shape: TextShape): readonly CardCandidate[] {
  const matches = matchesAt(CARD_NUMBERS, text, shape);
  if (matches === lastMatches) return lastCandidates;
  lastMatches = matches;
  lastCandidates = matches.map((match) => {
    const digits = digitsOf(match[0]);
    return { index: match.index, text: match[0], digits, luhn: luhnValid(digits) };
  });
  return lastCandidates;
}

// The last text's candidates, kept beside the matches they were made from (matchesAt keeps those).
let lastMatches: readonly RegExpExecArray[] | undefined;
let lastCandidates: readonly CardCandidate[] = [];
