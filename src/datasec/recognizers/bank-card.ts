// Bank card numbers (16–19 digits). Luhn is a signal, not a rule: sources disagree on whether every
// UnionPay card passes it (regulations.md, section 6), so a UnionPay-prefixed number that fails it is
// kept at a score that context words (银行卡, 卡号, …) can lift over the threshold.

import { digitsOf } from './boundaries.js';
import { CARD_NUMBERS } from './card-number.js';
import { luhnValid } from './checksums.js';
import { makeFinding, matchesAt, type Finding, type Recognizer, type ScoreReason } from './recognizer.js';
import { textShape } from './text-shape.js';

import { RESIDENT_PROVINCE_PREFIXES, birthDateOf } from './resident-id-rules.js';

export const bankCardRecognizer: Recognizer = {
  id: 'bank-card',
  category: 'bank-card',
  description: 'Bank card: 16–19 digits, Luhn as a signal, UnionPay 62 prefix raises',
  // Cannot match without 13 digits or more in a row or in groups joined by spaces or hyphens.
  mayMatch: (shape) => shape.longestDigitChain >= 13,
  find(text, shape = textShape(text)): Finding[] {
    const findings: Finding[] = [];
    for (const match of matchesAt(CARD_NUMBERS, text, shape)) {
      const digits = digitsOf(match[0]);
      if (digits.length < 16 || digits.length > 19) continue;
      const reasons: ScoreReason[] = [{ change: 0.25, why: `${digits.length} digits` }];
      // Issued cards are 16 or 19 digits long almost always; 17 and 18 are rare (and 18 is a resident ID's length).
      if (digits.length === 17 || digits.length === 18) reasons.push({ change: -0.05, why: 'an unusual card length' });
      if (luhnValid(digits)) reasons.push({ change: 0.25, why: 'Luhn check passes' });
      else reasons.push({ change: -0.1, why: 'Luhn check fails' });
      if (digits.startsWith('62')) reasons.push({ change: 0.2, why: 'UnionPay prefix 62' });
      if (digits.length === 18 && RESIDENT_PROVINCE_PREFIXES.has(digits.slice(0, 2)) && birthDateOf(digits.slice(6, 14))) {
        reasons.push({ change: -0.2, why: 'shaped like a resident ID (region and birth date)' });
      }
      findings.push(makeFinding('bank-card', match.index, match[0], reasons));
    }
    return findings;
  },
};
