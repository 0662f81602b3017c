// Unified social credit code of organisations (GB 32100-2015), which embeds a GB 11714 organisation code
// in characters 9–17; both check characters are verified, since either alone passes 1 random string in 31 or 11.

import { END, START } from './boundaries.js';
import { organisationCodeCheckCharacter, usccCheckCharacter } from './checksums.js';
import { FAILED_CHECK_SCORE, NO_STARTS, anchoredPattern, canReach, makeFinding, matchesAt, type Finding, type MatchStarts, type Recognizer, type ScoreReason } from './recognizer.js';
import { isAsciiAlphanumeric, runLengthMask, textShape } from './text-shape.js';

const CHAR = '[0-9A-HJ-NPQRTUWXY]';
const PATTERN = new RegExp(`${START}${CHAR}{2}[0-9]{6}${CHAR}{10}${END}`, 'g');

/**
 * A code is a whole word of ASCII letters and digits (START and END) whose characters 3–8 are digits, so
 * it begins 0–2 characters before a run of at least 6 digits, at the start of that word.
 */
const starts: MatchStarts = (text, shape) => {
  let found: number[] | undefined;
  const runs = shape.digitRuns;
  for (let i = 0; i < runs.length; i += 2) {
    const run = runs[i];
    // Lengths first: reading the text around a run costs more than the run's offsets (a line is a
    // slice of a larger string, and each read goes through it).
    if (runs[i + 1] - run < 6) continue;
    let start = run;
    while (start > 0 && run - start < 3 && isAsciiAlphanumeric(text.charCodeAt(start - 1))) start--;
    // And the word is 18 characters long: the 18th is a letter or digit, the 19th not (most runs of 6
    // digits or more are phone, card and order numbers, of other lengths).
    if (run - start <= 2 && start + 8 <= runs[i + 1] && isAsciiAlphanumeric(text.charCodeAt(start + 17)) && !isAsciiAlphanumeric(text.charCodeAt(start + 18))) {
      (found ??= []).push(start);
    }
  }
  return found ?? NO_STARTS;
};

const ANCHORED = anchoredPattern(PATTERN, starts);

const EIGHTEEN_DIGITS = runLengthMask(18);

export const usccRecognizer: Recognizer = {
  id: 'cn-uscc',
  category: 'cn-uscc',
  description: 'Unified social credit code (GB 32100): 18 characters, GB 32100 and GB 11714 check characters',
  // Cannot match without the organisation code's 6 digits in a row, and a capital (the alphabet's
  // letters are capitals) unless the code is all digits, a run of exactly 18. CSV rows of numbers and
  // lower-case words give neither.
  mayMatch: (shape) => shape.longestDigitRun >= 6 && (shape.upper || (shape.runLengths & EIGHTEEN_DIGITS) !== 0),
  find(text, shape = textShape(text), minScore?: number): Finding[] {
    const findings: Finding[] = [];
    for (const match of matchesAt(ANCHORED, text, shape)) {
      const code = match[0];
      const expected = usccCheckCharacter(code.slice(0, 17));
      // A failed check leaves FAILED_CHECK_SCORE: most 18-character candidates are resident IDs, whose
      // checks fail, and are left out unbuilt when the threshold is out of reach (the organisation
      // code's check not even worked out when the first has failed).
      const failedReaches = canReach(0.4 + (FAILED_CHECK_SCORE - 0.4), minScore);
      if (expected !== code[17] && !failedReaches) continue;
      const organisationExpected = organisationCodeCheckCharacter(code.slice(8, 16));
      if (organisationExpected !== code[16] && !failedReaches) continue;
      const reasons: ScoreReason[] = [{ change: 0.4, why: '18 characters of the GB 32100 alphabet, 6-digit region code' }];
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
