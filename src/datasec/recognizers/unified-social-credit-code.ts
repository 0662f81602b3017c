// Unified social credit code of organisations (GB 32100-2015), which embeds a GB 11714 organisation code
// in characters 9–17; both check characters are verified, since either alone passes 1 random string in 31 or 11.

import { END, START } from './boundaries.js';
import { organisationCodeCheckCharacter, usccCheckCharacter } from './checksums.js';
import { FAILED_CHECK_SCORE, makeFinding, matchesOf, type Finding, type Recognizer, type ScoreReason } from './recognizer.js';

const CHAR = '[0-9A-HJ-NPQRTUWXY]';
const PATTERN = new RegExp(`${START}${CHAR}{2}[0-9]{6}${CHAR}{10}${END}`, 'g');

export const usccRecognizer: Recognizer = {
  id: 'cn-uscc',
  category: 'cn-uscc',
  description: 'Unified social credit code (GB 32100): 18 characters, GB 32100 and GB 11714 check characters',
  // Cannot match without the organisation code's 6 digits in a row.
  mayMatch: (shape) => shape.longestDigitRun >= 6,
  find(text: string): Finding[] {
    const findings: Finding[] = [];
    for (const match of matchesOf(PATTERN, text)) {
      const code = match[0];
      const reasons: ScoreReason[] = [{ change: 0.4, why: '18 characters of the GB 32100 alphabet, 6-digit region code' }];
      const expected = usccCheckCharacter(code.slice(0, 17));
      const organisationExpected = organisationCodeCheckCharacter(code.slice(8, 16));
      if (expected !== code[17]) {
        reasons.push({ change: FAILED_CHECK_SCORE - 0.4, why: `check character ${code[17]} wrong, expected ${expected}` });
      } else if (organisationExpected !== code[16]) {
        reasons.push({ change: FAILED_CHECK_SCORE - 0.4, why: `organisation code check ${code[16]} wrong, expected ${organisationExpected} (GB 11714)` });
      } else {
        reasons.push({ change: 0.3, why: 'check character valid (GB 32100 mod 31)' });
        reasons.push({ change: 0.25, why: 'organisation code check valid (GB 11714 mod 11)' });
      }
      findings.push(makeFinding('cn-uscc', match.index, code, reasons));
    }
    return findings;
  },
};
