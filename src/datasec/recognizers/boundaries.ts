// Where an identifier may begin and end. `\b` is useless here: it treats CJK characters as non-word, but
// also treats `_` as word, and it cannot say "not inside a longer digit run". Every recognizer uses these
// look-arounds instead: an identifier may not touch an ASCII letter or digit on either side, so digits
// are never cut out of a longer run (or a hex hash), while CJK text around them is a boundary.

import { NO_STARTS, type MatchStarts } from './recognizer.js';

/** Before an identifier: no ASCII letter or digit. */
export const START = '(?<![0-9A-Za-z])';

/** After an identifier: no ASCII letter or digit. */
export const END = '(?![0-9A-Za-z])';

/**
 * After a number: as END, and not the start of an e-mail address's local part (`13800138000@139.com`
 * is an e-mail address, whose digits the e-mail recognizer reports).
 */
export const NUMBER_END = '(?![0-9A-Za-z])(?![._%+-]*[0-9A-Za-z._%+-]*@[0-9A-Za-z])';

/** The digits of a string, without separators. */
export function digitsOf(text: string): string {
  // Most numbers are written without separators: those are returned as they are, nothing searched.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return text.replace(/[^0-9]/g, '');
  }
  return text;
}

/**
 * Where a word of nine letters and digits ending in 7 or 8 digits can begin (the passports' and travel
 * permits' layout: one or two capitals, then digits to the end of the word): nine characters before the
 * end of a run of 7 or 8 digits, where one of `firstLetters` stands (the letters the formats begin with;
 * most such places hold a digit, and the pattern is then not tried).
 */
export function nineCharacterWordStarts(firstLetters: string): MatchStarts {
  // One bit per capital A–Z.
  const first = Array.from(firstLetters).reduce((bits, letter) => bits | (1 << (letter.charCodeAt(0) - 65)), 0);
  return (text, shape) => {
    let found: number[] | undefined;
    const runs = shape.digitRuns;
    for (let i = 0; i < runs.length; i += 2) {
      const length = runs[i + 1] - runs[i];
      if ((length === 7 || length === 8) && runs[i + 1] >= 9 && isOneOf(first, text.charCodeAt(runs[i + 1] - 9))) (found ??= []).push(runs[i + 1] - 9);
    }
    return found ?? NO_STARTS;
  };
}

/** Whether `code` is a capital whose bit (A = bit 0) is set in `letters`. */
const isOneOf = (letters: number, code: number): boolean => code >= 65 && code <= 90 && ((letters >> (code - 65)) & 1) === 1;
