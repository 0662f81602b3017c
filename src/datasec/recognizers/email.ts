// E-mail addresses: the common dot-atom form (RFC 5322 without quoted local parts or address
// literals, which personal data practically never uses) with a letter TLD.

import { NO_STARTS, anchoredPattern, makeFinding, matchesAt, type Finding, type MatchStarts, type Recognizer } from './recognizer.js';
import { isAsciiAlphanumeric, textShape } from './text-shape.js';

const PATTERN = /(?<![0-9A-Za-z._%+-])[0-9A-Za-z][0-9A-Za-z._%+-]{0,63}@(?:[0-9A-Za-z](?:[0-9A-Za-z-]{0,61}[0-9A-Za-z])?\.)+[A-Za-z]{2,24}(?![0-9A-Za-z-])/g;

/**
 * An address's local part is the whole run of [0-9A-Za-z._%+-] before its @ (nothing of that class may
 * stand before it), at most 64 characters, beginning with a letter or digit: one start per @.
 */
const starts: MatchStarts = (text) => {
  let found: number[] | undefined;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start <= 64 && isLocalPartCharacter(text.charCodeAt(start - 1))) start--;
    if (at - start <= 64 && start < at && isAsciiAlphanumeric(text.charCodeAt(start))) (found ??= []).push(start);
  }
  return found ?? NO_STARTS;
};

/** [0-9A-Za-z._%+-] */
const isLocalPartCharacter = (code: number): boolean =>
  isAsciiAlphanumeric(code) || code === 46 || code === 95 || code === 37 || code === 43 || code === 45;

const ANCHORED = anchoredPattern(PATTERN, starts);

export const emailRecognizer: Recognizer = {
  id: 'email',
  category: 'email',
  description: 'E-mail address: local part @ domain labels with a letter TLD',
  // Cannot match without an @.
  mayMatch: (shape) => shape.at,
  find(text, shape = textShape(text)): Finding[] {
    const findings: Finding[] = [];
    for (const match of matchesAt(ANCHORED, text, shape)) {
      const local = match[0].slice(0, match[0].indexOf('@'));
      if (local.includes('..') || local.endsWith('.')) continue;
      findings.push(makeFinding('email', match.index, match[0], [{ change: 0.85, why: 'local part @ domain with a letter TLD' }]));
    }
    return findings;
  },
};
