import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../core/seeded-random.js';
import { sortSmall } from './sort-small.js';

describe('sortSmall', () => {
  it('sorts as Array.prototype.sort does, keeping the order of items that compare equal', () => {
    const random = seededRandom(3);
    for (let n = 0; n < 500; n++) {
      const items = Array.from({ length: random.between(0, 40) }, (_, index) => ({ key: random.between(0, 4), index }));
      const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
      expect(sortSmall([...items], byKey)).toEqual([...items].sort(byKey));
    }
  });

  it('sorts in place and returns the array it was given', () => {
    const items = [3, 1, 2];
    expect(sortSmall(items, (a, b) => a - b)).toBe(items);
    expect(items).toEqual([1, 2, 3]);
  });
});
