// E-mail addresses: the common dot-atom form (RFC 5322 without quoted local parts or address
// literals, which personal data practically never uses) with a letter TLD.

import { makeFinding, matchesOf, type Finding, type Recognizer } from './recognizer.js';

const PATTERN = /(?<![0-9A-Za-z._%+-])[0-9A-Za-z][0-9A-Za-z._%+-]{0,63}@(?:[0-9A-Za-z](?:[0-9A-Za-z-]{0,61}[0-9A-Za-z])?\.)+[A-Za-z]{2,24}(?![0-9A-Za-z-])/g;

export const emailRecognizer: Recognizer = {
  id: 'email',
  category: 'email',
  description: 'E-mail address: local part @ domain labels with a letter TLD',
  // Cannot match without an @.
  mayMatch: (shape) => shape.at,
  find(text: string): Finding[] {
    const findings: Finding[] = [];
    for (const match of matchesOf(PATTERN, text)) {
      const local = match[0].slice(0, match[0].indexOf('@'));
      if (local.includes('..') || local.endsWith('.')) continue;
      findings.push(makeFinding('email', match.index, match[0], [{ change: 0.85, why: 'local part @ domain with a letter TLD' }]));
    }
    return findings;
  },
};
