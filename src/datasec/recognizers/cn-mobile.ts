// Mainland China mobile numbers: 11 digits `1[3-9]…`, optionally after +86 / 0086, written whole or
// grouped 3-4-4 with spaces or hyphens. A bare `+` before the 1 is North America's country code, not ours.

import { NUMBER_END, START, digitsOf } from './boundaries.js';
import { NO_STARTS, anchoredPattern, makeFinding, matchesAt, type Finding, type MatchStarts, type Recognizer, type ScoreReason } from './recognizer.js';
import { textShape } from './text-shape.js';

const PATTERN = new RegExp(`${START}(?<!\\+)(?:(?:\\+|00)86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}${NUMBER_END}`, 'g');

/**
 * A number's digits (with +86 / 0086) are one chain of digit runs, each joined to the next by one space
 * or hyphen, 11 digits at least; it begins at a run of such a chain, or at the + just before it (a
 * number cannot begin right after a +). Log lines' dates and times (`2026-11-05 13:05:07`) make chains
 * of 10 digits at most, and give none. Of those starts, only one whose first digits are `1[3-9]`, `0086`
 * or (after the +) `86` can begin a match.
 */
const starts: MatchStarts = (text, shape) => {
  let found: number[] | undefined;
  const runs = shape.digitRuns;
  let chainEnd = 0;
  // Digits from run i to the end of its chain.
  let remaining = 0;
  for (let i = 0; i < runs.length; i += 2) {
    if (i >= chainEnd) {
      let last = i;
      remaining = runs[last + 1] - runs[last];
      while (last + 2 < runs.length && runs[last + 2] === runs[last + 1] + 1 && isSeparator(text.charCodeAt(runs[last + 1]))) {
        last += 2;
        remaining += runs[last + 1] - runs[last];
      }
      chainEnd = last + 2;
    }
    if (remaining >= 11) {
      const start = runs[i];
      if (start > 0 && text.charCodeAt(start - 1) === 43) {
        if (isCountryCode(text, start)) (found ??= []).push(start - 1);
      } else if (beginsNumber(text, start)) (found ??= []).push(start);
    }
    remaining -= runs[i + 1] - runs[i];
  }
  return found ?? NO_STARTS;
};

const isSeparator = (code: number): boolean => code === 32 || code === 45;

/**
 * What a number's first digits must be: `1[3-9]`, or `0086` (the prefix). Most chains of 11 digits are
 * bank cards, resident IDs or order numbers, which this turns away without running the pattern.
 */
function beginsNumber(text: string, start: number): boolean {
  const first = text.charCodeAt(start);
  if (first === 49) return isThreeToNine(text.charCodeAt(start + 1));
  return first === 48 && text.charCodeAt(start + 1) === 48 && isCountryCode(text, start + 2);
}

/** `86` at `at`: after a + (or 00), the only country code the pattern takes. */
const isCountryCode = (text: string, at: number): boolean => text.charCodeAt(at) === 56 && text.charCodeAt(at + 1) === 54;

const isThreeToNine = (code: number): boolean => code >= 51 && code <= 57;

/**
 * Number segments allocated to mobile operators (MIIT), by their first three digits. A number outside
 * them still has the format, so it is kept at a lower score rather than dropped: the list changes.
 */
const ALLOCATED_SEGMENT = /^1(?:3[0-9]|4[5-9]|5[0-35-9]|6[25-7]|7[0-8]|8[0-9]|9[0-35-9])/;

const ANCHORED = anchoredPattern(PATTERN, starts);

export const cnMobileRecognizer: Recognizer = {
  id: 'cn-mobile',
  category: 'cn-mobile',
  description: 'Mainland mobile number: 1[3-9] + 9 digits, optional +86 / 0086, separators',
  // Cannot match without 11 digits in a row or in groups joined by spaces or hyphens.
  mayMatch: (shape) => shape.longestDigitChain >= 11,
  find(text, shape = textShape(text)): Finding[] {
    const findings: Finding[] = [];
    for (const match of matchesAt(ANCHORED, text, shape)) {
      const digits = digitsOf(match[0]);
      const national = digits.slice(-11);
      const reasons: ScoreReason[] = [{ change: 0.6, why: '11 digits starting 1[3-9]' }];
      if (ALLOCATED_SEGMENT.test(national)) reasons.push({ change: 0.15, why: `segment ${national.slice(0, 3)} allocated to mobile operators` });
      else reasons.push({ change: -0.1, why: `segment ${national.slice(0, 3)} not known to be allocated` });
      if (digits.length > 11) reasons.push({ change: 0.1, why: 'China country code +86' });
      findings.push(makeFinding('cn-mobile', match.index, match[0], reasons));
    }
    return findings;
  },
};
