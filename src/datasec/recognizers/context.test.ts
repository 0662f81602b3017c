import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../core/seeded-random.js';
import { CONTEXT_WINDOW, CONTEXT_WORDS, anyWordOf, applyContext, lowerCaseInPlace } from './context.js';
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

describe('lowerCaseInPlace', () => {
  it('gives what toLowerCase gives for every code unit it knows, and knows ASCII, CJK and the full-width forms', () => {
    const wrong: string[] = [];
    let known = 0;
    for (let code = 0; code <= 0xffff; code++) {
      const lower = lowerCaseInPlace(code);
      if (lower < 0) continue;
      known++;
      if (String.fromCharCode(code).toLowerCase() !== String.fromCharCode(lower)) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
    expect(known).toBeGreaterThan(28000);
    for (const text of ['À', 'Σ', 'Ｉ', '\u212a', '\u0130', '\ud83d']) expect(lowerCaseInPlace(text.charCodeAt(0)), text).toBe(-1);
  });
  it('gives the same score with upper-case context words as with lower-case ones', () => {
    expect(scoreAfter('RESIDENT ID ')).toBe(0.75);
    expect(scoreAfter('Ｉ身份证')).toBe(0.75);
    expect(scoreAfter('\u0130 ID ')).toBe(0.75);
  });
});

describe('applyContext', () => {
  it('finds the words the window lower-cased as a whole holds (random windows of the words\u2019 pieces)', () => {
    for (const words of Object.values(CONTEXT_WORDS)) for (const word of [...words.raise, ...(words.lower ?? [])]) expect(word.length, word).toBeGreaterThanOrEqual(2);
    // The lookup as written plainly: the window sliced out, lower-cased, each word searched in order.
    const isWordChar = (code: number) => (code >= 48 && code <= 57) || (code >= 97 && code <= 122);
    const firstWord = (window: string, words: readonly string[] = []) =>
      words.map((word) => word.toLowerCase()).find((word) => {
        for (let at = window.indexOf(word); at >= 0; at = window.indexOf(word, at + 1)) {
          if (!/^[\x20-\x7e]+$/.test(word) || (!isWordChar(window.charCodeAt(at - 1)) && !isWordChar(window.charCodeAt(at + word.length)))) return true;
        }
        return false;
      });
    const random = seededRandom(61);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random.next() * list.length)];
    const others = ['0', '7', ' ', ':', '-', '号', '的', 'x', 'À', 'Σ', '\u212a', '\u0130', 'Ｉ', 'ｉ', '😀', '·'];
    let raised = 0;
    let checked = 0;
    for (const [category, words] of Object.entries(CONTEXT_WORDS) as [keyof typeof CONTEXT_WORDS, (typeof CONTEXT_WORDS)[keyof typeof CONTEXT_WORDS]][]) {
      const all = [...words.raise, ...(words.lower ?? [])];
      const pieces = [...all, ...all.map((word) => word.toUpperCase()), ...all.flatMap((word) => Array.from(word)), ...others];
      for (let n = 0; n < 1500; n++) {
        let prefix = '';
        const length = Math.floor(random.next() * (CONTEXT_WINDOW + 12));
        while (prefix.length < length) prefix += random.next() < 0.15 ? pick(all) : pick(pieces);
        const text = `${prefix}1`;
        const finding = applyContext(text, makeFinding(category, prefix.length, '1', [{ change: 0.5, why: 'test' }]));
        const window = prefix.slice(Math.max(0, prefix.length - CONTEXT_WINDOW)).toLowerCase();
        const expected = [firstWord(window, words.raise), firstWord(window, words.lower)];
        const got = [finding.reasons.find((reason) => reason.change > 0 && reason.why !== 'test'), finding.reasons.find((reason) => reason.change < 0)].map((reason) => reason?.why.match(/"(.*)"/)?.[1]);
        expect(got, text).toEqual(expected);
        checked++;
        if (expected[0] !== undefined) raised++;
      }
    }
    expect(checked).toBe(Object.keys(CONTEXT_WORDS).length * 1500);
    expect(raised).toBeGreaterThan(checked / 4);
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
