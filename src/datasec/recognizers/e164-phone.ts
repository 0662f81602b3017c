// International phone numbers in E.164 form: + country code, 8–15 digits in all, printed whole or with
// spaces / hyphens. The country code must be an assigned one (ITU-T E.164 list, by its first digits).
// Mainland mobiles (+86 1…) are the cn-mobile recognizer's, which scores them higher.

import { NUMBER_END, START, digitsOf } from './boundaries.js';
import { NO_STARTS, anchoredPattern, makeFinding, matchesAt, type Finding, type MatchStarts, type Recognizer } from './recognizer.js';
import { textShape } from './text-shape.js';

const PATTERN = new RegExp(`${START}\\+[1-9](?:[ -]?[0-9]){7,14}${NUMBER_END}`, 'g');

/** At the + just before a digit run. */
const starts: MatchStarts = (text, shape) => {
  let found: number[] | undefined;
  const runs = shape.digitRuns;
  for (let i = 0; i < runs.length; i += 2) {
    if (runs[i] > 0 && text.charCodeAt(runs[i] - 1) === 43) (found ??= []).push(runs[i] - 1);
  }
  return found ?? NO_STARTS;
};

/** Assigned two-digit codes; 1 and 7 are the one-digit codes. */
const TWO_DIGIT_CODES = new Set([
  '20', '27', '30', '31', '32', '33', '34', '36', '39', '40', '41', '43', '44', '45', '46', '47', '48', '49',
  '51', '52', '53', '54', '55', '56', '57', '58', '60', '61', '62', '63', '64', '65', '66', '81', '82', '84', '86',
  '90', '91', '92', '93', '94', '95', '98',
]);
/** First two digits of the three-digit codes (28x, 83x and 89x are unassigned). */
const THREE_DIGIT_STEMS = new Set([
  '21', '22', '23', '24', '25', '26', '29', '35', '37', '38', '42', '50', '59', '67', '68', '69', '80', '85', '87', '88',
  '96', '97', '99',
]);

/** The country code a number starts with, or undefined when its first digits are not assigned. */
export function countryCodeOf(digits: string): string | undefined {
  if (digits[0] === '1' || digits[0] === '7') return digits[0];
  if (TWO_DIGIT_CODES.has(digits.slice(0, 2))) return digits.slice(0, 2);
  if (THREE_DIGIT_STEMS.has(digits.slice(0, 2))) return digits.slice(0, 3);
  return undefined;
}

const ANCHORED = anchoredPattern(PATTERN, starts);

export const e164PhoneRecognizer: Recognizer = {
  id: 'e164-phone',
  category: 'e164-phone',
  description: 'International phone number: + assigned country code, 8–15 digits (E.164)',
  // Cannot match without a + and 8 digits in a row or in groups joined by spaces or hyphens.
  mayMatch: (shape) => shape.plus && shape.longestDigitChain >= 8,
  find(text, shape = textShape(text)): Finding[] {
    const findings: Finding[] = [];
    for (const match of matchesAt(ANCHORED, text, shape)) {
      const digits = digitsOf(match[0]);
      const code = countryCodeOf(digits);
      if (code === undefined || digits.length < 8 || digits.length > 15) continue;
      // North American numbers are always ten digits after the 1.
      if (code === '1' && digits.length !== 11) continue;
      findings.push(makeFinding('e164-phone', match.index, match[0], [{ change: 0.55, why: `+ country code ${code}, ${digits.length} digits` }]));
    }
    return findings;
  },
};
