// International Bank Account Numbers (ISO 13616): country code, two check digits, a BBAN whose length
// the country fixes; printed whole or in groups of four. The registry's length per country lets the
// recognizer stop exactly where the IBAN ends even when capitals follow it in the text.

import { START } from './boundaries.js';
import { ibanMod97 } from './checksums.js';
import { FAILED_CHECK_SCORE, NO_STARTS, anchoredPattern, makeFinding, matchesAt, type Finding, type MatchStarts, type Recognizer } from './recognizer.js';
import { isAsciiAlphanumeric, isAsciiCapital, textShape } from './text-shape.js';

/** IBAN length by country (SWIFT IBAN registry), for the countries most seen in cross-border transfers. */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, CH: 21, CR: 22, CY: 28, CZ: 24,
  DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18,
  GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LI: 21,
  LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24,
  PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SE: 24, SI: 19, SK: 24, SM: 27, TN: 24, TR: 26,
  UA: 29, VG: 24, XK: 20,
};

const CANDIDATE = new RegExp(`${START}[A-Z]{2}[0-9]{2}(?: ?[0-9A-Z]){11,30}`, 'g');

/** Groups of four characters joined by single spaces, the last group of one to four: a space at every fifth place and nowhere else. */
function groupedByFour(printed: string): boolean {
  for (let i = 0; i < printed.length; i++) if ((printed.charCodeAt(i) === 32) !== (i % 5 === 4)) return false;
  return printed.charCodeAt(printed.length - 1) !== 32;
}

/** Two capitals, then the check digits: two before a run of at least two digits. */
const starts: MatchStarts = (text, shape) => {
  let found: number[] | undefined;
  const runs = shape.digitRuns;
  for (let i = 0; i < runs.length; i += 2) {
    const run = runs[i];
    // Two capitals before the run and no digit before them: three characters past the last run's end.
    if (run >= 2 && runs[i + 1] - run >= 2 && run - (i === 0 ? -1 : runs[i - 1]) >= 3 && isAsciiCapital(text.charCodeAt(run - 1)) && isAsciiCapital(text.charCodeAt(run - 2))) (found ??= []).push(run - 2);
  }
  return found ?? NO_STARTS;
};

const ANCHORED = anchoredPattern(CANDIDATE, starts);

export const ibanRecognizer: Recognizer = {
  id: 'iban',
  category: 'iban',
  description: 'IBAN: country code, length fixed per country, mod-97 check',
  // Cannot match without two capitals then two digits.
  mayMatch: (shape) => shape.longestDigitRun >= 2 && shape.upper,
  find(text, shape = textShape(text)): Finding[] {
    const findings: Finding[] = [];
    for (const match of matchesAt(ANCHORED, text, shape)) {
      const length = IBAN_LENGTHS[match[0].slice(0, 2)];
      if (length === undefined) continue;
      // Take exactly `length` characters (spaces between them allowed), then demand a boundary (END).
      const candidate = match[0];
      let taken = 0;
      let end = 0;
      let spaced = false;
      while (end < candidate.length && taken < length) {
        if (candidate.charCodeAt(end) !== 32) taken++;
        else spaced = true;
        end++;
      }
      if (taken < length || isAsciiAlphanumeric(text.charCodeAt(match.index + end))) continue;
      const printed = candidate.slice(0, end);
      // Spaces, when present, must be the printed grouping of four.
      if (spaced && !groupedByFour(printed)) continue;
      const compact = spaced ? printed.replace(/ /g, '') : printed;
      const format = { change: 0.45, why: `${compact.slice(0, 2)} IBAN length ${length}` };
      const check = ibanMod97(compact) === 1
        ? { change: 0.45, why: 'mod-97 check passes' }
        : { change: FAILED_CHECK_SCORE - 0.45, why: 'mod-97 check fails' };
      findings.push(makeFinding('iban', match.index, printed, [format, check]));
    }
    return findings;
  },
};
