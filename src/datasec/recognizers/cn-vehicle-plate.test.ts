import { describe, expect, it } from 'vitest';
import { cnVehiclePlateRecognizer } from './cn-vehicle-plate.js';

const texts = (text: string) => cnVehiclePlateRecognizer.find(text).map((finding) => finding.text);

describe('vehicle plate recognizer', () => {
  it('finds ordinary and new-energy plates, with or without a separator', () => {
    expect(texts('车牌京A12345，粤B·D12345，沪AD12345和苏E12345F')).toEqual(['京A12345', '粤B·D12345', '沪AD12345', '苏E12345F']);
  });
  it('rejects I / O, wrong lengths, new-energy serials without D / F and all-letter serials', () => {
    expect(texts('京I12345 京A1234 京A1234567 京A123456 京AABCDE')).toEqual([]);
  });
});
