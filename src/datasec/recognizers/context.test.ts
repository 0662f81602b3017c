import { describe, expect, it } from 'vitest';
import { CONTEXT_WORDS, MAY_CHANGE_CASE, anyWordOf, applyContext } from './context.js';
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


describe('anyWordOf', () => {
  it('finds every context word written with any character that lower-cases to one of its own', () => {
    // Each character of U+0000–U+FFFF, by the one character it lower-cases to.
    const writtenAs = new Map<string, string[]>();
    for (let code = 0; code <= 0xffff; code++) {
      const character = String.fromCharCode(code);
      const lower = character.toLowerCase();
      if (lower.length === 1 && lower !== character) writtenAs.set(lower, [...(writtenAs.get(lower) ?? []), character]);
    }
    const missed: string[] = [];
    let variants = 0;
    for (const words of Object.values(CONTEXT_WORDS)) {
      const all = [...words.raise, ...(words.lower ?? [])];
      const any = anyWordOf(all);
      for (const word of all.map((each) => each.toLowerCase())) {
        if (!any.test(word)) missed.push(word);
        for (let at = 0; at < word.length; at++) {
          for (const character of writtenAs.get(word[at]) ?? []) {
            const written = `${word.slice(0, at)}${character}${word.slice(at + 1)}`;
            variants++;
            if (!any.test(`前 ${written} 后`)) missed.push(written);
          }
        }
      }
    }
    expect(missed).toEqual([]);
    // The Kelvin sign (U+212A) lower-cases to k: the variants include more than ASCII capitals.
    expect(variants).toBeGreaterThan(500);
    expect(anyWordOf(['bank']).test('BAN\u212a')).toBe(true);
  });
  it('lets a window with U+0130 (lower-cased to two characters) through to the lookup', () => {
    expect(anyWordOf(['card']).test('\u0130')).toBe(true);
  });
});
