// Passports of the People's Republic of China and of its special administrative regions (formats in
// regulations.md, section 6, marked S). The formats are short, so a bare match scores just over the
// threshold and context words (护照, passport) carry it.

import { END, START, nineCharacterWordStarts } from './boundaries.js';
import { anchoredPattern, makeFinding, matchesAt, type Finding, type Recognizer } from './recognizer.js';
import { runLengthMask, textShape } from './text-shape.js';

const SEVEN_OR_EIGHT = runLengthMask(7, 8);

const FORMATS: readonly { pattern: RegExp; kind: string }[] = [
  { pattern: /^E[0-9]{8}$/, kind: 'ordinary passport E + 8 digits' },
  { pattern: /^E[A-HJ-NP-Z][0-9]{7}$/, kind: 'ordinary passport (2017) E + letter + 7 digits' },
  { pattern: /^G[0-9]{8}$/, kind: 'ordinary passport (before 2012) G + 8 digits' },
  { pattern: /^[DSP]E[0-9]{7}$/, kind: 'diplomatic / service / official passport' },
  { pattern: /^K[0-9]{8}$/, kind: 'HKSAR passport K + 8 digits' },
  { pattern: /^MA[0-9]{7}$/, kind: 'Macao SAR passport MA + 7 digits' },
];

const PATTERN = new RegExp(`${START}(?:E[0-9]{8}|E[A-HJ-NP-Z][0-9]{7}|G[0-9]{8}|[DSP]E[0-9]{7}|K[0-9]{8}|MA[0-9]{7})${END}`, 'g');

const ANCHORED = anchoredPattern(PATTERN, nineCharacterWordStarts('EGDSPKM'));

export const cnPassportRecognizer: Recognizer = {
  id: 'cn-passport',
  category: 'cn-passport',
  description: 'Chinese passports: E/G/K + 8 digits, E + letter + 7, DE/SE/PE + 7, MA + 7',
  // Cannot match without a capital letter and a run of exactly 7 or 8 digits (ending the word).
  mayMatch: (shape) => (shape.runLengths & SEVEN_OR_EIGHT) !== 0 && shape.upper,
  find(text, shape = textShape(text)): Finding[] {
    const findings: Finding[] = [];
    for (const match of matchesAt(ANCHORED, text, shape)) {
      const kind = FORMATS.find((format) => format.pattern.test(match[0]))?.kind ?? 'passport format';
      findings.push(makeFinding('cn-passport', match.index, match[0], [{ change: 0.55, why: kind }]));
    }
    return findings;
  },
};
