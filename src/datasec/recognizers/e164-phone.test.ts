import { describe, expect, it } from 'vitest';
import { e164PhoneRecognizer } from './e164-phone.js';

const texts = (text: string) => e164PhoneRecognizer.find(text).map((finding) => finding.text);

describe('E.164 phone recognizer', () => {
  it('finds international numbers, whole or spaced', () => {
    expect(texts('phone +44 20 7946 0958, tel +14155552671; +852 9123 4567')).toEqual(['+44 20 7946 0958', '+14155552671', '+852 9123 4567']);
  });
  it('rejects unassigned country codes, wrong lengths and short North American numbers', () => {
    expect(texts('+0123456789 +281234567890 +44 1234 +1 415 555 267 +1234567890123456')).toEqual([]);
  });
});
