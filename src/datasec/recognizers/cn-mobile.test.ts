import { describe, expect, it } from 'vitest';
import { cnMobileRecognizer } from './cn-mobile.js';

const texts = (text: string) => cnMobileRecognizer.find(text).map((finding) => finding.text);

describe('mainland mobile recognizer', () => {
  it('finds numbers with or without +86 / 0086 and with separators', () => {
    expect(texts('手机13800138000')).toEqual(['13800138000']);
    expect(texts('tel +8613800138000;')).toEqual(['+8613800138000']);
    expect(texts('0086 138 0013 8000')).toEqual(['0086 138 0013 8000']);
    expect(texts('电话：138-0013-8000。')).toEqual(['138-0013-8000']);
  });
  it('scores +86 higher and an unallocated segment lower', () => {
    expect(cnMobileRecognizer.find('+86 13800138000')[0].score).toBe(0.85);
    expect(cnMobileRecognizer.find('14012345678')[0].score).toBe(0.5);
  });
  it('rejects other lengths, prefixes, longer runs, +1 numbers and e-mail local parts', () => {
    expect(texts('12800138000')).toEqual([]);
    expect(texts('1380013800')).toEqual([]);
    expect(texts('138001380001')).toEqual([]);
    expect(texts('+13800138000')).toEqual([]);
    expect(texts('13800138000@139.com')).toEqual([]);
  });
});
