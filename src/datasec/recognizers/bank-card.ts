// Bank card numbers (16–19 digits). Luhn is a signal, not a rule: sources disagree on whether every
// UnionPay card passes it (regulations.md, section 6), so a UnionPay-prefixed number that fails it is
// kept at a score that context words (银行卡, 卡号, …) can lift over the threshold.

import { cardCandidates } from './card-number.js';
import { canReach, makeFinding, type Finding, type Recognizer, type ScoreReason } from './recognizer.js';
import { textShape } from './text-shape.js';

import { RESIDENT_PROVINCE_PREFIXES, birthDateOf } from './resident-id-rules.js';

export const bankCardRecognizer: Recognizer = {
  id: 'bank-card',
  category: 'bank-card',
  description: 'Bank card: 16–19 digits, Luhn as a signal, UnionPay 62 prefix raises',
  // Cannot match without 13 digits or more in a row or in groups joined by spaces or hyphens.
  mayMatch: (shape) => shape.longestDigitChain >= 13,
  find(text, shape = textShape(text), minScore?: number): Finding[] {
    const findings: Finding[] = [];
    for (const { index, text: written, digits, luhn } of cardCandidates(text, shape)) {
      const length = digits.length;
      if (length < 16 || length > 19) continue;
      // Issued cards are 16 or 19 digits long almost always; 17 and 18 are rare (and 18 is a resident ID's length).
      const unusual = length === 17 || length === 18;
      const unionPay = digits.charCodeAt(0) === 54 && digits.charCodeAt(1) === 50;
      // The score first, added in the reasons' order: most candidates fail Luhn and are left out unbuilt,
      // before the resident-ID shape (a region and a birth date to look up), which can only lower it, is read.
      let sum = 0.25;
      if (unusual) sum += -0.05;
      sum += luhn ? 0.25 : -0.1;
      if (unionPay) sum += 0.2;
      if (!canReach(sum, minScore)) continue;
      const residentShaped = length === 18 && RESIDENT_PROVINCE_PREFIXES.has(digits.slice(0, 2)) && birthDateOf(digits.slice(6, 14)) !== undefined;
      if (residentShaped) sum += -0.2;
      if (!canReach(sum, minScore)) continue;
      const reasons: ScoreReason[] = [{ change: 0.25, why: `${length} digits` }];
      if (unusual) reasons.push({ change: -0.05, why: 'an unusual card length' });
      if (luhn) reasons.push({ change: 0.25, why: 'Luhn check passes' });
      else reasons.push({ change: -0.1, why: 'Luhn check fails' });
      if (unionPay) reasons.push({ change: 0.2, why: 'UnionPay prefix 62' });
      if (residentShaped) reasons.push({ change: -0.2, why: 'shaped like a resident ID (region and birth date)' });
      findings.push(makeFinding('bank-card', index, written, reasons));
    }
    return findings;
  },
};
