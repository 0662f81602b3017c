// International payment cards, recognised by brand prefix and length (ISO/IEC 7812 issuer ranges as the
// brands publish them) and Luhn, which every card of these brands passes. UnionPay (62) is left to the
// bank-card recognizer, which knows Luhn is not guaranteed there.

import { cardCandidates } from './card-number.js';
import { FAILED_CHECK_SCORE, canReach, makeFinding, type Finding, type Recognizer } from './recognizer.js';
import { textShape } from './text-shape.js';


interface Brand {
  name: string;
  prefix: RegExp;
  lengths: readonly number[];
}

const BRANDS: readonly Brand[] = [
  { name: 'Visa', prefix: /^4/, lengths: [13, 16, 19] },
  { name: 'Mastercard', prefix: /^(?:5[1-5]|222[1-9]|22[3-9][0-9]|2[3-6][0-9]{2}|27[01][0-9]|2720)/, lengths: [16] },
  { name: 'American Express', prefix: /^3[47]/, lengths: [15] },
  { name: 'Discover', prefix: /^(?:6011|64[4-9]|65)/, lengths: [16, 19] },
  { name: 'JCB', prefix: /^35(?:2[89]|[3-8][0-9])/, lengths: [16, 19] },
  { name: 'Diners Club', prefix: /^(?:30[0-5]|36|38)/, lengths: [14] },
];

export const creditCardRecognizer: Recognizer = {
  id: 'credit-card',
  category: 'credit-card',
  description: 'Credit card: Visa, Mastercard, Amex, Discover, JCB, Diners prefixes and lengths, Luhn',
  // Cannot match without 13 digits or more in a row or in groups joined by spaces or hyphens.
  mayMatch: (shape) => shape.longestDigitChain >= 13,
  find(text, shape = textShape(text), minScore?: number): Finding[] {
    const findings: Finding[] = [];
    for (const { index, text: written, digits, luhn } of cardCandidates(text, shape)) {
      // Luhn first (a failed check cannot reach the usual threshold), then the length, which rules out
      // most brands without running a pattern.
      if (!canReach(0.45 + (luhn ? 0.3 : FAILED_CHECK_SCORE - 0.45), minScore)) continue;
      const brand = BRANDS.find((candidate) => candidate.lengths.includes(digits.length) && candidate.prefix.test(digits));
      if (brand === undefined) continue;
      const format = { change: 0.45, why: `${brand.name} prefix and length (${digits.length} digits)` };
      const check = luhn
        ? { change: 0.3, why: 'Luhn check passes' }
        : { change: FAILED_CHECK_SCORE - 0.45, why: 'Luhn check fails' };
      findings.push(makeFinding('credit-card', index, written, [format, check]));
    }
    return findings;
  },
};
