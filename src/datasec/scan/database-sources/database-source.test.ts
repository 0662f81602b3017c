import { describe, expect, it } from 'vitest';
import { drawSample, samplingFraction, type SourceRow } from './database-source.js';

/** A table of `size` rows whose draw keeps every row with the chance given, evenly (as a random draw does on average). */
function table(size: number) {
  const draws: number[] = [];
  let counts = 0;
  const draw = async (fraction: number, limit: number): Promise<SourceRow[]> => {
    draws.push(fraction);
    const kept = Math.round(size * fraction);
    return Array.from({ length: Math.min(kept, limit) }, (_, index) => [String(index)]);
  };
  const count = async () => {
    counts++;
    return size;
  };
  return { draw, count, draws, counts: () => counts };
}

describe('drawSample', () => {
  it('draws with the chance the estimate gives, a little over the rows wanted', async () => {
    const t = table(1_000_000);
    expect(await drawSample(2000, 1_000_000, t.draw, t.count)).toMatchObject({ rows: { length: 2400 }, tableRows: 1_000_000 });
    expect(t.draws).toEqual([samplingFraction(2000, 1_000_000)]);
    expect(t.counts()).toBe(0);
  });

  it('counts a table without an estimate', async () => {
    const t = table(50_000);
    expect((await drawSample(2000, 0, t.draw, t.count)).tableRows).toBe(50_000);
    expect(t.counts()).toBe(1);
    expect(t.draws).toEqual([0.048]);
  });

  it('counts and draws again when the estimate is far too low (the cap reached: only the first rows) or too high', async () => {
    const low = table(1_000_000);
    expect(await drawSample(2000, 1000, low.draw, low.count)).toMatchObject({ rows: { length: 2400 }, tableRows: 1_000_000 });
    expect(low.draws).toEqual([1, 0.0024]);
    const high = table(10_000);
    expect(await drawSample(2000, 1_000_000, high.draw, high.count)).toMatchObject({ rows: { length: 2400 }, tableRows: 10_000 });
    expect(high.draws).toEqual([0.0024, 0.24]);
  });

  it('takes a small table whole, without counting it again', async () => {
    const t = table(300);
    expect((await drawSample(2000, 300, t.draw, t.count)).rows).toHaveLength(300);
    expect(t.counts()).toBe(0);
  });
});
