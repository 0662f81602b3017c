// IPv4 addresses in dotted-quad form, each octet 0–255. Version numbers (1.2.3.4) look the same; the
// context words lower those (version, 版本), and a longer dotted run (an OID) is never cut.

import { NO_STARTS, anchoredPattern, makeFinding, matchesAt, type Finding, type MatchStarts, type Recognizer, type ScoreReason } from './recognizer.js';
import { textShape } from './text-shape.js';

const PATTERN = /(?<![0-9A-Za-z.])(?:[0-9]{1,3}\.){3}[0-9]{1,3}(?![0-9A-Za-z])(?!\.[0-9])/g;

/** At a run of 1–3 digits followed by a dot and another digit run (the first octet). */
const starts: MatchStarts = (text, shape) => {
  let found: number[] | undefined;
  const runs = shape.digitRuns;
  for (let i = 0; i + 2 < runs.length; i += 2) {
    const end = runs[i + 1];
    if (end - runs[i] <= 3 && runs[i + 2] === end + 1 && text.charCodeAt(end) === 46) (found ??= []).push(runs[i]);
  }
  return found ?? NO_STARTS;
};

const ANCHORED = anchoredPattern(PATTERN, starts);

export const ipv4Recognizer: Recognizer = {
  id: 'ipv4',
  category: 'ipv4',
  description: 'IPv4 address: four dotted octets 0–255',
  // Cannot match without dots and digits.
  mayMatch: (shape) => shape.dot && shape.longestDigitRun >= 1,
  find(text, shape = textShape(text)): Finding[] {
    const findings: Finding[] = [];
    for (const match of matchesAt(ANCHORED, text, shape)) {
      const octets = match[0].split('.');
      if (octets.some((octet) => Number(octet) > 255)) continue;
      const reasons: ScoreReason[] = [{ change: 0.6, why: 'four octets 0–255' }];
      if (octets.some((octet) => octet.length > 1 && octet.startsWith('0'))) {
        reasons.push({ change: -0.3, why: 'an octet with a leading zero (octal in some parsers, rare in logs)' });
      }
      findings.push(makeFinding('ipv4', match.index, match[0], reasons));
    }
    return findings;
  },
};
