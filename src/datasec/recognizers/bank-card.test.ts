import { describe, expect, it } from 'vitest';
import { bankCardRecognizer } from './bank-card.js';
import { luhnCheckDigit } from './checksums.js';

const card = (body: string) => body + luhnCheckDigit(body);
const scores = (text: string) => bankCardRecognizer.find(text).map((finding) => [finding.text, finding.score]);

describe('bank card recognizer', () => {
  it('scores a Luhn-valid UnionPay card highest, whole or grouped', () => {
    const number = card('622202123456789012');
    expect(scores(number)).toEqual([[number, 0.7]]);
    const grouped = number.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect(scores(`卡号 ${grouped}`)).toEqual([[grouped, 0.7]]);
  });
  it('keeps a UnionPay number failing Luhn under the threshold (context can lift it)', () => {
    const number = card('622202123456789012');
    const wrong = number.slice(0, -1) + ((Number(number.slice(-1)) + 1) % 10);
    expect(scores(wrong)).toEqual([[wrong, 0.35]]);
  });
  it('reports other Luhn-valid 16-digit numbers at the threshold and Luhn failures low', () => {
    expect(scores(card('400000000000000'))[0][1]).toBe(0.5);
    expect(scores('4000000000000001')[0][1]).toBe(0.15);
  });
  it('ignores other lengths and longer runs', () => {
    expect(scores('622202123456789')).toEqual([]);
    expect(scores('62220212345678901234')).toEqual([]);
  });
});
