// Chinese resident identity card number (GB 11643-1999).

import { RESIDENT_NUMBERS, RESIDENT_PROVINCE_PREFIXES, scoreResidentNumber } from './resident-id-rules.js';
import { matchesAt, type Finding, type Recognizer } from './recognizer.js';
import { runLengthMask, textShape } from './text-shape.js';

const RESIDENT_RUN_LENGTHS = runLengthMask(17, 18);

export const residentIdRecognizer: Recognizer = {
  id: 'cn-resident-id',
  category: 'cn-resident-id',
  description: 'Chinese resident ID (GB 11643): province region code, real birth date, MOD 11-2 check character',
  // Cannot match without a run of exactly 17 (then X) or 18 digits.
  mayMatch: (shape) => (shape.runLengths & RESIDENT_RUN_LENGTHS) !== 0,
  find(text, shape = textShape(text)): Finding[] {
    const findings: Finding[] = [];
    for (const match of matchesAt(RESIDENT_NUMBERS, text, shape)) {
      const province = match[0].slice(0, 2);
      // 81/82/83 are the residence permits' regions, reported by their own recognizer.
      if (!RESIDENT_PROVINCE_PREFIXES.has(province)) continue;
      const finding = scoreResidentNumber('cn-resident-id', match.index, match[0], `province code ${province}`);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};
