import { describe, expect, it } from 'vitest';
import { handOutOrder } from './run-parallel-hunt.js';

describe('handOutOrder', () => {
  it('hands out bigger files first', () => {
    const inputs = [
      { path: 'small', bytes: 1_000 },
      { path: 'big', bytes: 50_000_000 },
      { path: 'medium', bytes: 300_000 },
      { path: 'empty', bytes: 0 },
    ];
    expect(handOutOrder(inputs).map((job) => job.path)).toEqual(['big', 'medium', 'small', 'empty']);
  });

  it('keeps input order among files of about the same size, so the first file streams', () => {
    const inputs = [70_100_000, 70_300_000, 70_200_000, 3_000_000, 70_000_000].map((bytes, index) => ({ path: `part-${index}`, bytes }));
    expect(handOutOrder(inputs).map((job) => job.index)).toEqual([0, 1, 2, 4, 3]);
  });
});
