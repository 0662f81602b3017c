// Travel permits between the mainland and Hong Kong / Macao: the home-return permit of HK and Macao
// residents (H / M + 8 digits) and the mainland residents' permit (C + 8 digits, or C + letter + 7).
// regulations.md marks these formats U (unverified), so a bare match sits at the threshold.

import { END, START, nineCharacterWordStarts } from './boundaries.js';
import { anchoredPattern, makeFinding, matchesAt, type Finding, type Recognizer } from './recognizer.js';
import { runLengthMask, textShape } from './text-shape.js';

const SEVEN_OR_EIGHT = runLengthMask(7, 8);

const PATTERN = new RegExp(`${START}(?:[HM][0-9]{8}|C[0-9]{8}|C[A-HJ-NP-Z][0-9]{7})${END}`, 'g');

const ANCHORED = anchoredPattern(PATTERN, nineCharacterWordStarts('HMC'));

export const cnTravelPermitRecognizer: Recognizer = {
  id: 'cn-travel-permit',
  category: 'cn-travel-permit',
  description: 'HK / Macao travel permits: home-return permit H/M + 8 digits; mainland permit C + 8 digits or C + letter + 7',
  // Cannot match without a capital letter and a run of exactly 7 or 8 digits (ending the word).
  mayMatch: (shape) => (shape.runLengths & SEVEN_OR_EIGHT) !== 0 && shape.upper,
  find(text, shape = textShape(text)): Finding[] {
    const findings: Finding[] = [];
    for (const match of matchesAt(ANCHORED, text, shape)) {
      const kind = match[0].startsWith('C') ? "mainland residents' HK / Macao travel permit" : 'home-return permit of HK / Macao residents';
      findings.push(makeFinding('cn-travel-permit', match.index, match[0], [{ change: 0.5, why: `${kind} format (unverified)` }]));
    }
    return findings;
  },
};
