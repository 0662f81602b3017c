// Mainland vehicle plates (GA 36-2018, regulations.md marks it U): province character + issuing-office
// letter + 5 characters without I / O; new-energy plates have 6, with D / F first (small cars) or
// last (large vehicles). An optional separator (·, space, hyphen) after the letter is common in print.

import { END } from './boundaries.js';
import { PLATE_PROVINCES } from './plate-provinces.js';
import { makeFinding, matchesOf, type Finding, type Recognizer, type ScoreReason } from './recognizer.js';

const SERIAL = '[A-HJ-NP-Z0-9]';
const PATTERN = new RegExp(`[${PLATE_PROVINCES}][A-HJ-NP-Z][·• -]?(?:${SERIAL}{6}|${SERIAL}{5}|${SERIAL}{4}[学警挂港澳])${END}`, 'g');

const NEW_ENERGY = /^(?:[DF][A-HJ-NP-Z0-9][0-9]{4}|[0-9]{5}[DF])$/;

export const cnVehiclePlateRecognizer: Recognizer = {
  id: 'cn-vehicle-plate',
  category: 'cn-vehicle-plate',
  description: 'Vehicle plate: province character + letter + 5 characters, or 6 for new-energy plates',
  // Cannot match without a province character and a capital letter, nor be kept without digits (a
  // serial has three at least, a new-energy one four).
  mayMatch: (shape) => shape.plateProvince && shape.upper && shape.longestDigitRun >= 1,
  find(text: string): Finding[] {
    const findings: Finding[] = [];
    for (const match of matchesOf(PATTERN, text)) {
      const serial = match[0].slice(2).replace(/^[·• -]/, '');
      const reasons: ScoreReason[] = [];
      if (serial.length === 6) {
        if (!NEW_ENERGY.test(serial)) continue;
        reasons.push({ change: 0.55, why: 'new-energy plate: province, letter, 6 characters with D/F' });
      } else {
        // An all-letter serial is a word, not a plate; real serials carry at least three digits.
        if ((serial.match(/[0-9]/g) ?? []).length < 3) continue;
        reasons.push({ change: 0.55, why: 'plate: province, letter, 5 characters' });
      }
      findings.push(makeFinding('cn-vehicle-plate', match.index, match[0], reasons));
    }
    return findings;
  },
};
