import { describe, expect, it } from 'vitest';
import { alertListQuery, buildQuery, toIsoTime } from './query-string.js';

describe('buildQuery', () => {
  it('leaves out blank values and repeats array keys', () => {
    expect(buildQuery({ a: 'x', b: '', c: undefined, d: null, level: ['high', 'critical'], limit: 5 })).toBe('?a=x&level=high&level=critical&limit=5');
  });
  it('is empty with nothing to send', () => {
    expect(buildQuery({ a: '', b: [] })).toBe('');
  });
  it('escapes what needs escaping', () => {
    expect(buildQuery({ q: 'a&b=c d', tag: 'attack.t1059' })).toBe('?q=a%26b%3Dc+d&tag=attack.t1059');
  });
});

describe('alertListQuery', () => {
  it('sends the levels, or else the minimum level', () => {
    expect(alertListQuery({ levels: ['high'], minLevel: 'low' })).toBe('?level=high&limit=200');
    expect(alertListQuery({ levels: [], minLevel: 'medium' })).toBe('?minLevel=medium&limit=200');
  });
  it('trims text filters and passes the cursor on', () => {
    expect(alertListQuery({ host: '  DC01 ', q: ' ' }, 'abc', 50)).toBe('?host=DC01&cursor=abc&limit=50');
  });
  it('turns times into ISO times', () => {
    expect(alertListQuery({ from: '2026-11-20T10:00:00Z' })).toBe('?from=2026-11-20T10%3A00%3A00.000Z&limit=200');
  });
});

describe('toIsoTime', () => {
  it('is undefined for blank or nonsense', () => {
    expect(toIsoTime('')).toBeUndefined();
    expect(toIsoTime('yesterday-ish')).toBeUndefined();
  });
});
