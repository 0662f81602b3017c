import { describe, expect, it } from 'vitest';
import { seededRandom, type Random } from '../../core/seeded-random.js';
import { generateCorpus } from '../corpus/generate-corpus.js';
import { RECOGNIZERS } from './index.js';
import { ANCHORED_PATTERNS, matchesAt, matchesOf } from './recognizer.js';
import { textShape } from './text-shape.js';

// Pieces of text chosen to sit at the edges of the patterns: digit runs of every length around the
// identifiers' (4, 6, 7, 8, 11, 13, 17, 18, 19), the separators and neighbours the patterns look at
// (space, hyphen, dot, colon, +, @, X, capitals, hex letters), and characters no pattern takes
// (Chinese, full-width digits and punctuation, an astral character).
const PIECES = [
  ' ', ' ', '-', '.', ':', '::', '+', '@', '_', '%', 'X', 'x', '0086', '+86', '+44 ', '86', '1', '13', '138',
  'E', 'G', 'K', 'MA', 'DE', 'H', 'C', 'CA', 'GB', 'NL', 'fe80', 'abcd', 'Z', 'mail', '.com', 'example', 'a.b',
  '身份证', '京A', '沪', '，', '。', '１２３４５６', '：', '\u3000', '😀', 'ID ', 'card ', '电话',
];

function digits(random: Random, count: number): string {
  return random.chars('0123456789', count);
}

/** A text of random pieces and digit runs: the shapes of identifiers, whole, cut and run together. */
function adversarialText(random: Random): string {
  let text = '';
  const parts = random.between(1, 12);
  for (let part = 0; part < parts; part++) {
    if (random.chance(0.5)) text += digits(random, random.pick([1, 2, 3, 4, 4, 6, 7, 8, 8, 11, 13, 16, 17, 18, 19, 20]));
    else text += random.pick(PIECES);
  }
  return text;
}

function texts(): string[] {
  const random = seededRandom(20261126);
  const corpus = generateCorpus(11, 1500).map((sample) => sample.text);
  // Identifiers of the corpus with random pieces glued on either side, so boundaries are tested too.
  const glued = corpus.slice(0, 500).map((text) => `${adversarialText(random)}${text}${adversarialText(random)}`);
  const random2 = seededRandom(7);
  const adversarial = Array.from({ length: 6000 }, () => adversarialText(random2));
  return [...corpus, ...glued, ...adversarial, '', '1', '13800138000', '11010519491231002X', '+8613800138000', 'a@b.co'];
}

const offsets = (matches: readonly RegExpExecArray[]) => matches.map((match) => [match.index, match[0]]);

describe('matchesAt', () => {
  it('finds exactly what a global search finds, for every anchored pattern of the recognizers', () => {
    expect(RECOGNIZERS.length).toBeGreaterThan(0);
    expect(ANCHORED_PATTERNS.length).toBeGreaterThanOrEqual(11);
    const all = texts();
    for (const anchored of ANCHORED_PATTERNS) {
      let textsWithMatches = 0;
      const wrong: string[] = [];
      for (const text of all) {
        const expected = offsets(matchesOf(anchored.pattern, text));
        const actual = offsets(matchesAt(anchored, text, textShape(text)));
        if (JSON.stringify(actual) !== JSON.stringify(expected)) wrong.push(`${JSON.stringify(text)}: ${JSON.stringify(actual)} instead of ${JSON.stringify(expected)}`);
        if (expected.length > 0) textsWithMatches++;
      }
      expect(wrong, anchored.pattern.source).toEqual([]);
      // The texts must exercise the pattern, or the comparison above proves nothing.
      expect(textsWithMatches, anchored.pattern.source).toBeGreaterThan(50);
    }
  });

  it('skips a start inside the previous match, as a global search does', () => {
    const anchored = ANCHORED_PATTERNS.find((candidate) => candidate.pattern.source.includes('[0-9]{13,19}'));
    expect(anchored).toBeDefined();
    if (anchored === undefined) return;
    // 1234 5678 9012 3456 is one grouped card number; its inner groups are starts too, never matches.
    const text = 'card 1234 5678 9012 3456 and 4111111111111111';
    expect(offsets(matchesAt(anchored, text, textShape(text)))).toEqual([
      [5, '1234 5678 9012 3456'],
      [29, '4111111111111111'],
    ]);
  });
});
