// IPv4 addresses in dotted-quad form, each octet 0–255. Version numbers (1.2.3.4) look the same; the
// context words lower those (version, 版本), and a longer dotted run (an OID) is never cut.

import { NO_STARTS, anchoredPattern, makeFinding, matchesAt, type Finding, type MatchStarts, type Recognizer, type ScoreReason } from './recognizer.js';
import { textShape } from './text-shape.js';

const PATTERN = /(?<![0-9A-Za-z.])(?:[0-9]{1,3}\.){3}[0-9]{1,3}(?![0-9A-Za-z])(?!\.[0-9])/g;

/**
 * At the first of four digit runs of 1–3 digits, each joined to the next by one dot (the octets are
 * whole runs: a digit may not stand before or after the address). Decimals (`123.45`) give none.
 */
const starts: MatchStarts = (text, shape) => {
  let found: number[] | undefined;
  const runs = shape.digitRuns;
  for (let i = 0; i + 6 < runs.length; i += 2) {
    if (isOctetThenDot(text, runs, i) && isOctetThenDot(text, runs, i + 2) && isOctetThenDot(text, runs, i + 4) && runs[i + 7] - runs[i + 6] <= 3) {
      (found ??= []).push(runs[i]);
    }
  }
  return found ?? NO_STARTS;
};

/** Run `i` (an index into `runs`) has 1–3 digits and a dot joins it to the next run. */
const isOctetThenDot = (text: string, runs: readonly number[], i: number): boolean =>
  runs[i + 1] - runs[i] <= 3 && runs[i + 2] === runs[i + 1] + 1 && text.charCodeAt(runs[i + 1]) === 46;

const ANCHORED = anchoredPattern(PATTERN, starts);

const PLAIN = 0;
const LEADING_ZERO = 1;
const TOO_LARGE = 2;

/** Whether a dotted quad (digits and dots) has an octet above 255, else one written with a leading zero, read by character code. */
function octetsOf(address: string): number {
  let result = PLAIN;
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= address.length; i++) {
    const code = i < address.length ? address.charCodeAt(i) : 46;
    if (code !== 46) {
      if (digits === 1 && value === 0) result = LEADING_ZERO;
      value = value * 10 + code - 48;
      digits++;
      continue;
    }
    if (value > 255) return TOO_LARGE;
    value = 0;
    digits = 0;
  }
  return result;
}

export const ipv4Recognizer: Recognizer = {
  id: 'ipv4',
  category: 'ipv4',
  description: 'IPv4 address: four dotted octets 0–255',
  // Cannot match without four digit runs joined by dots.
  mayMatch: (shape) => shape.longestDottedRuns >= 4,
  find(text, shape = textShape(text)): Finding[] {
    const findings: Finding[] = [];
    for (const match of matchesAt(ANCHORED, text, shape)) {
      const octets = octetsOf(match[0]);
      if (octets === TOO_LARGE) continue;
      const reasons: ScoreReason[] = [{ change: 0.6, why: 'four octets 0–255' }];
      if (octets === LEADING_ZERO) {
        reasons.push({ change: -0.3, why: 'an octet with a leading zero (octal in some parsers, rare in logs)' });
      }
      findings.push(makeFinding('ipv4', match.index, match[0], reasons));
    }
    return findings;
  },
};
