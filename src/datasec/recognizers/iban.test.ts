import { describe, expect, it } from 'vitest';
import { ibanRecognizer } from './iban.js';

const scores = (text: string) => ibanRecognizer.find(text).map((finding) => [finding.text, finding.score]);

describe('IBAN recognizer', () => {
  it('finds IBANs whole and grouped by four, stopping at the country length', () => {
    expect(scores('IBAN DE89370400440532013000.')).toEqual([['DE89370400440532013000', 0.9]]);
    expect(scores('账户 GB82 WEST 1234 5698 7654 32 OK')).toEqual([['GB82 WEST 1234 5698 7654 32', 0.9]]);
  });
  it('scores a mod-97 failure low; rejects wrong lengths, unknown countries and odd grouping', () => {
    expect(scores('DE89370400440532013001')).toEqual([['DE89370400440532013001', 0.2]]);
    expect(scores('DE8937040044053201300')).toEqual([]);
    expect(scores('QQ89370400440532013000')).toEqual([]);
    expect(scores('GB82 WEST12 345698765432')).toEqual([]);
  });
});
