import { describe, expect, it } from 'vitest';
import { MAY_CHANGE_CASE, applyContext } from './context.js';
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

describe('MAY_CHANGE_CASE', () => {
  it('leaves out only characters that toLowerCase keeps as they are, so skipping it changes nothing', () => {
    const changed: string[] = [];
    let kept = 0;
    for (let code = 0; code <= 0xffff; code++) {
      const character = String.fromCharCode(code);
      if (MAY_CHANGE_CASE.test(character)) continue;
      kept++;
      if (character.toLowerCase() !== character) changed.push(code.toString(16));
    }
    expect(changed).toEqual([]);
    // ASCII without capitals, CJK and the full-width forms: the skip must cover what scans mostly meet.
    expect(kept).toBeGreaterThan(28000);
  });
  it('finds capitals, accented and Greek letters, full-width capitals and astral characters', () => {
    for (const text of ['ID', 'À', 'Σ', 'Ｉ', '\u212a', '\u0130', '😀']) expect(MAY_CHANGE_CASE.test(text), text).toBe(true);
    for (const text of ['id: 110105', '身份证号：', '，。（）', 'ｉｄ']) expect(MAY_CHANGE_CASE.test(text), text).toBe(false);
  });
  it('gives the same score with upper-case context words as with lower-case ones', () => {
    expect(scoreAfter('RESIDENT ID ')).toBe(0.75);
    expect(scoreAfter('Ｉ身份证')).toBe(0.75);
  });
});

