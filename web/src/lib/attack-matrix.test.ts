import { describe, expect, it } from 'vitest';
import { attackMatrix, tacticLabel } from './attack-matrix.js';

describe('attackMatrix', () => {
  it('orders tactics as the matrix does and techniques by count', () => {
    const matrix = attackMatrix([
      { tactic: 'impact', technique: 'T1490', count: 2 },
      { tactic: 'execution', technique: 'T1059.001', count: 1 },
      { tactic: 'execution', technique: 'T1204', count: 4 },
      { tactic: 'made-up', technique: 'T9999', count: 1 },
      { tactic: 'discovery', technique: 'T1046', count: 0 },
    ]);
    expect(matrix.tactics).toEqual(['execution', 'impact', 'made-up']);
    expect(matrix.cells).toEqual([
      [0, 0, 4, 'T1204'],
      [0, 1, 1, 'T1059.001'],
      [1, 0, 2, 'T1490'],
      [2, 0, 1, 'T9999'],
    ]);
    expect(matrix.rows).toBe(2);
    expect(matrix.maxCount).toBe(4);
  });

  it('is empty for no techniques', () => {
    expect(attackMatrix([])).toEqual({ tactics: [], rows: 0, cells: [], maxCount: 0 });
  });
});

describe('tacticLabel', () => {
  it('capitalises the words but "and"', () => {
    expect(tacticLabel('command-and-control')).toBe('Command and Control');
  });
});
