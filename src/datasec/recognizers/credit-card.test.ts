import { describe, expect, it } from 'vitest';
import { creditCardRecognizer } from './credit-card.js';

const scores = (text: string) => creditCardRecognizer.find(text).map((finding) => [finding.text, finding.score]);

describe('credit card recognizer', () => {
  it('finds the brands’ test numbers, whole and grouped', () => {
    expect(scores('Visa 4111111111111111')).toEqual([['4111111111111111', 0.75]]);
    expect(scores('5555 5555 5555 4444')).toEqual([['5555 5555 5555 4444', 0.75]]);
    expect(scores('Amex 3782 822463 10005.')).toEqual([['3782 822463 10005', 0.75]]);
    expect(scores('2223000048400011')).toEqual([['2223000048400011', 0.75]]);
    expect(scores('6011111111111117')).toEqual([['6011111111111117', 0.75]]);
    expect(scores('3530111333300000')).toEqual([['3530111333300000', 0.75]]);
    expect(scores('30569309025904')).toEqual([['30569309025904', 0.75]]);
  });
  it('scores a Luhn failure low and ignores unknown prefixes, wrong lengths and UnionPay', () => {
    expect(scores('4111111111111112')).toEqual([['4111111111111112', 0.2]]);
    expect(scores('9111111111111111')).toEqual([]);
    expect(scores('378282246310005123')).toEqual([]);
    expect(scores('6222021234567890128')).toEqual([]);
  });
});
