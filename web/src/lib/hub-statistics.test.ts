import { describe, expect, it } from 'vitest';
import { crossTally, tally, timelinessCounts } from './hub-statistics.js';

describe('tally', () => {
  it('counts by key, most first, missing as unknown', () => {
    expect(tally([{ s: 'rail' }, { s: 'finance' }, { s: 'rail' }, { s: null }], (item) => item.s)).toEqual([
      { key: 'rail', count: 2 },
      { key: 'finance', count: 1 },
      { key: 'unknown', count: 1 },
    ]);
  });
});

describe('crossTally', () => {
  it('makes the grid of a stacked bar chart', () => {
    const items = [
      { sector: 'rail', level: 'major' },
      { sector: 'rail', level: 'general' },
      { sector: 'finance', level: 'major' },
      { sector: 'rail', level: 'major' },
    ];
    expect(crossTally(items, (item) => item.sector, (item) => item.level)).toEqual({ rows: ['rail', 'finance'], series: ['major', 'general'], counts: [[2, 1], [1, 0]] });
  });
});

describe('timelinessCounts', () => {
  it('puts submitted reports on time or late, and those with no deadline apart', () => {
    expect(timelinessCounts([{ timeliness: { status: 'on-time' } }, { timeliness: { status: 'late' } }, { timeliness: null }, {}])).toEqual({ 'on-time': 1, 'late': 1, 'no deadline': 2 });
  });
});
