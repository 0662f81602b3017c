// The parts of GB 11643 shared by the resident ID and the HK / Macao / Taiwan residence permit, which
// uses the same 18-character layout with region 810000 / 820000 / 830000.

import { END, START } from './boundaries.js';
import { residentIdCheckCharacter } from './checksums.js';
import { FAILED_CHECK_SCORE, NO_STARTS, anchoredPattern, makeFinding, type Category, type Finding, type MatchStarts, type ScoreReason } from './recognizer.js';

/** Eighteen characters, the last a digit or X, not inside a longer run. */
export const RESIDENT_ID_PATTERN = new RegExp(`${START}[1-9][0-9]{16}[0-9Xx]${END}`, 'g');

/**
 * Where RESIDENT_ID_PATTERN can match: at the start of a digit run of exactly 18 digits, or of 17 followed
 * by X (no letter or digit may stand on either side, so the run is the whole number).
 */
export const residentIdStarts: MatchStarts = (text, shape) => {
  let starts: number[] | undefined;
  const runs = shape.digitRuns;
  for (let i = 0; i < runs.length; i += 2) {
    const length = runs[i + 1] - runs[i];
    // `| 0x20` folds X onto x.
    if (length === 18 || (length === 17 && (text.charCodeAt(runs[i + 1]) | 0x20) === 0x78)) (starts ??= []).push(runs[i]);
  }
  return starts ?? NO_STARTS;
};

/** RESIDENT_ID_PATTERN where it can match: shared by the resident ID and residence permit recognizers. */
export const RESIDENT_NUMBERS = anchoredPattern(RESIDENT_ID_PATTERN, residentIdStarts);

/**
 * Province-level prefixes of GB/T 2260 (the first two digits of a region code). 71 is Taiwan province;
 * 81, 82 and 83 are used only by residence permits (810000 / 820000 / 830000).
 */
export const RESIDENT_PROVINCE_PREFIXES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71',
]);

export const PERMIT_REGIONS: Readonly<Record<string, string>> = {
  '810000': 'Hong Kong',
  '820000': 'Macao',
  '830000': 'Taiwan',
};

/** A real calendar date after 1900 and not after today (now when not given); undefined when not. */
export function birthDateOf(yyyymmdd: string, today?: Date): string | undefined {
  // Eight digits (always, from the recognizers) are read by their codes; anything else as Number reads it.
  const digits = /^[0-9]{8}$/.test(yyyymmdd);
  const year = digits ? digitsValue(yyyymmdd, 0, 4) : Number(yyyymmdd.slice(0, 4));
  const month = digits ? digitsValue(yyyymmdd, 4, 6) : Number(yyyymmdd.slice(4, 6));
  const day = digits ? digitsValue(yyyymmdd, 6, 8) : Number(yyyymmdd.slice(6, 8));
  // Counted rather than built as a Date and read back (the Gregorian calendar, as Date's): this runs
  // for every 18-digit number a scan meets.
  // Written so that NaN (not digits) fails every test.
  if (!(year > 1900 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return undefined;
  if (!(Date.UTC(year, month - 1, day) <= (today === undefined ? Date.now() : today.getTime()))) return undefined;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

function digitsValue(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

/**
 * Scores an 18-character candidate whose region has already been accepted: no finding for an impossible
 * birth date (not an identifier at all), a low score for a wrong check character (likely a typo).
 */
export function scoreResidentNumber(
  category: Category,
  start: number,
  candidate: string,
  regionReason: string,
): Finding | undefined {
  const birth = birthDateOf(candidate.slice(6, 14));
  if (birth === undefined) return undefined;
  const text = candidate;
  const reasons: ScoreReason[] = [{ change: 0.3, why: `18 characters, ${regionReason}, birth date ${birth}` }];
  const expected = residentIdCheckCharacter(candidate.slice(0, 17));
  if (expected === candidate[17].toUpperCase()) {
    reasons.push({ change: 0.6, why: 'check character valid (ISO 7064 MOD 11-2)' });
  } else {
    reasons.push({ change: FAILED_CHECK_SCORE - 0.3, why: `check character ${candidate[17]} wrong, expected ${expected}` });
  }
  return makeFinding(category, start, text, reasons);
}
