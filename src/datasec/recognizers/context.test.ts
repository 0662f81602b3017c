import { describe, expect, it } from 'vitest';
import { applyContext } from './context.js';
import { makeFinding } from './recognizer.js';

const scoreAfter = (prefix: string, category: 'cn-resident-id' | 'ipv4' = 'cn-resident-id') => {
  const text = `${prefix}X`;
  return applyContext(text, makeFinding(category, prefix.length, 'X', [{ change: 0.5, why: 'test' }])).score;
};

describe('context words', () => {
  it('raise by Chinese words anywhere and English words standing alone, within 30 characters', () => {
    expect(scoreAfter('客户身份证')).toBe(0.75);
    expect(scoreAfter('ID: ')).toBe(0.75);
    expect(scoreAfter('valid ')).toBe(0.5);
    expect(scoreAfter(`身份证${'-'.repeat(30)}`)).toBe(0.5);
  });
  it('lower by the words that say it is something else', () => {
    expect(scoreAfter('version ', 'ipv4')).toBe(0.2);
  });
});
