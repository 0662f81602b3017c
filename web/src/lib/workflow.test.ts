import { describe, expect, it } from 'vitest';
import { TRANSITIONS } from '../../../src/incidents/handling/workflow.js';
import { STATUS_MOVES, moveLabel } from './workflow.js';

describe('STATUS_MOVES', () => {
  it('offers exactly the moves the server allows', () => {
    expect(STATUS_MOVES).toEqual(TRANSITIONS);
  });
  it('names reopening as such', () => {
    expect(moveLabel('resolved', 'triage')).toMatch(/Reopen/);
    expect(moveLabel('new', 'triage')).toBe('Start triage');
  });
});
