import { describe, expect, it } from 'vitest';
import { residentIdRecognizer } from './resident-id.js';

const scores = (text: string) => residentIdRecognizer.find(text).map((finding) => [finding.text, finding.score]);

describe('resident ID recognizer', () => {
  it('finds the regulations.md example, also in Chinese text and with a lower-case x', () => {
    expect(scores('11010519491231002X')).toEqual([['11010519491231002X', 0.9]]);
    expect(scores('身份证号11010519491231002X，男')).toEqual([['11010519491231002X', 0.9]]);
    expect(scores('id=11010519491231002x&')).toEqual([['11010519491231002x', 0.9]]);
  });
  it('keeps a wrong check character at a low score', () => {
    expect(scores('110105194912310021')).toEqual([['110105194912310021', 0.2]]);
  });
  it('rejects impossible dates, unknown provinces, permit regions and other lengths', () => {
    expect(scores('110105194902300021')).toEqual([]); // 30 February
    expect(scores('110105209901010021')).toEqual([]); // in the future
    expect(scores('110105189901010021')).toEqual([]); // before 1900
    expect(scores('910105194912310021')).toEqual([]); // no province 91
    expect(scores('810000194912310021')).toEqual([]); // a residence permit
    expect(scores('11010519491231002')).toEqual([]);
    expect(scores('211010519491231002X')).toEqual([]);
    expect(scores('11010519491231002X5')).toEqual([]);
  });
});
