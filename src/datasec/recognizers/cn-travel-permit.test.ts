import { describe, expect, it } from 'vitest';
import { cnTravelPermitRecognizer } from './cn-travel-permit.js';

const texts = (text: string) => cnTravelPermitRecognizer.find(text).map((finding) => finding.text);

describe('travel permit recognizer', () => {
  it('finds home-return permits and mainland HK / Macao permits', () => {
    expect(texts('回乡证H12345678，通行证C12345678、CA1234567；M87654321')).toEqual(['H12345678', 'C12345678', 'CA1234567', 'M87654321']);
  });
  it('rejects wrong lengths and I / O as the letter', () => {
    expect(texts('H1234567 H123456789 CI1234567 CO1234567 HK12345678')).toEqual([]);
  });
});
