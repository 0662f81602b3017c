import { describe, expect, it } from 'vitest';
import { residentIdRecognizer } from './resident-id.js';
import { birthDateOf } from './resident-id-rules.js';

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

describe('birthDateOf', () => {
  const today = new Date(Date.UTC(2026, 10, 26));
  it('takes real Gregorian dates after 1900, up to today', () => {
    expect(birthDateOf('19491231', today)).toBe('1949-12-31');
    expect(birthDateOf('20000229', today)).toBe('2000-02-29');
    expect(birthDateOf('19960229', today)).toBe('1996-02-29');
    expect(birthDateOf('20261126', today)).toBe('2026-11-26');
  });
  it('refuses impossible days, months, years, the future and what is not digits', () => {
    expect(birthDateOf('19000228', today)).toBeUndefined();
    expect(birthDateOf('19000229', today)).toBeUndefined();
    expect(birthDateOf('21000229', new Date(Date.UTC(2200, 0, 1)))).toBeUndefined();
    expect(birthDateOf('19970229', today)).toBeUndefined();
    expect(birthDateOf('19490431', today)).toBeUndefined();
    expect(birthDateOf('19491300', today)).toBeUndefined();
    expect(birthDateOf('19491200', today)).toBeUndefined();
    expect(birthDateOf('20261127', today)).toBeUndefined();
    expect(birthDateOf('1e101201', today)).toBeUndefined();
    expect(birthDateOf('1949ab01', today)).toBeUndefined();
  });
  it('compares with now when no day is given', () => {
    expect(birthDateOf('19491231')).toBe('1949-12-31');
    expect(birthDateOf(`${new Date().getUTCFullYear() + 1}0101`)).toBeUndefined();
  });
});
