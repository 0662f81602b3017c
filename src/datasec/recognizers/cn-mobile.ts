// Mainland China mobile numbers: 11 digits `1[3-9]…`, optionally after +86 / 0086, written whole or
// grouped 3-4-4 with spaces or hyphens. A bare `+` before the 1 is North America's country code, not ours.

import { NUMBER_END, START, digitsOf } from './boundaries.js';
import { makeFinding, matchesOf, type Finding, type Recognizer, type ScoreReason } from './recognizer.js';

const PATTERN = new RegExp(`${START}(?<!\\+)(?:(?:\\+|00)86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}${NUMBER_END}`, 'g');

/**
 * Number segments allocated to mobile operators (MIIT), by their first three digits. A number outside
 * them still has the format, so it is kept at a lower score rather than dropped: the list changes.
 */
const ALLOCATED_SEGMENT = /^1(?:3[0-9]|4[5-9]|5[0-35-9]|6[25-7]|7[0-8]|8[0-9]|9[0-35-9])/;

export const cnMobileRecognizer: Recognizer = {
  id: 'cn-mobile',
  category: 'cn-mobile',
  description: 'Mainland mobile number: 1[3-9] + 9 digits, optional +86 / 0086, separators',
  // Cannot match without 1, 3–9 and a digit in a row.
  mayMatch: (shape) => shape.longestDigitRun >= 3,
  find(text: string): Finding[] {
    const findings: Finding[] = [];
    for (const match of matchesOf(PATTERN, text)) {
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
