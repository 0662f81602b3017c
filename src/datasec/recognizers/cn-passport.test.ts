import { describe, expect, it } from 'vitest';
import { cnPassportRecognizer } from './cn-passport.js';

const texts = (text: string) => cnPassportRecognizer.find(text).map((finding) => finding.text);

describe('Chinese passport recognizer', () => {
  it('finds every format of regulations.md', () => {
    expect(texts('护照E12345678')).toEqual(['E12345678']);
    expect(texts('passport EA1234567.')).toEqual(['EA1234567']);
    expect(texts('G12345678 DE1234567 SE1234567 PE1234567 K12345678 MA1234567')).toEqual(['G12345678', 'DE1234567', 'SE1234567', 'PE1234567', 'K12345678', 'MA1234567']);
  });
  it('rejects wrong lengths, I / O as the letter, unknown prefixes and longer tokens', () => {
    expect(texts('E1234567 E123456789 EI1234567 EO1234567 B12345678 XE12345678 E12345678A')).toEqual([]);
  });
});
