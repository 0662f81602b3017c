// Residence permit for Hong Kong, Macao and Taiwan residents: a resident-ID layout with region 810000 /
// 820000 / 830000 (regulations.md marks the regions U: unverified).

import { PERMIT_REGIONS, RESIDENT_NUMBERS, scoreResidentNumber } from './resident-id-rules.js';
import { matchesAt, type Finding, type Recognizer } from './recognizer.js';
import { runLengthMask, textShape } from './text-shape.js';

const RESIDENT_RUN_LENGTHS = runLengthMask(17, 18);

export const residencePermitRecognizer: Recognizer = {
  id: 'cn-residence-permit',
  category: 'cn-residence-permit',
  description: 'Residence permit of HK / Macao / Taiwan residents: region 810000 / 820000 / 830000, birth date, MOD 11-2',
  // Cannot match without a run of exactly 17 (then X) or 18 digits.
  mayMatch: (shape) => (shape.runLengths & RESIDENT_RUN_LENGTHS) !== 0,
  find(text, shape = textShape(text)): Finding[] {
    const findings: Finding[] = [];
    for (const match of matchesAt(RESIDENT_NUMBERS, text, shape)) {
      const region = PERMIT_REGIONS[match[0].slice(0, 6)];
      if (region === undefined) continue;
      const finding = scoreResidentNumber('cn-residence-permit', match.index, match[0], `${region} residents' region ${match[0].slice(0, 6)}`);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};
