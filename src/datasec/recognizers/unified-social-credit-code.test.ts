import { describe, expect, it } from 'vitest';
import { usccCheckCharacter } from './checksums.js';
import { usccRecognizer } from './unified-social-credit-code.js';

const scores = (text: string) => usccRecognizer.find(text).map((finding) => [finding.text, finding.score]);

describe('unified social credit code recognizer', () => {
  it('finds both regulations.md examples', () => {
    expect(scores('统一社会信用代码：91440300708461136T。')).toEqual([['91440300708461136T', 0.95]]);
    expect(scores('914403001922038216')).toEqual([['914403001922038216', 0.95]]);
  });
  it('scores low when either check character is wrong', () => {
    expect(scores('91440300708461136A')).toEqual([['91440300708461136A', 0.2]]);
    // Organisation check broken, outer check recomputed so only GB 11714 catches it.
    const first17 = '9144030070846113' + '5';
    expect(scores(first17 + usccCheckCharacter(first17))[0][1]).toBe(0.2);
  });
  it('rejects wrong lengths, letters outside the alphabet and longer runs', () => {
    expect(scores('91440300708461136')).toEqual([]);
    expect(scores('91440300708461136TX')).toEqual([]);
    expect(scores('9I440300708461136T')).toEqual([]);
  });
});
