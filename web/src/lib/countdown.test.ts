import { describe, expect, it } from 'vitest';
import { deadlineColour, describeCountdown, formatDuration } from './countdown.js';

const minute = 60_000;
const hour = 60 * minute;

describe('deadlineColour', () => {
  // A one-hour clock (a CII operator's first report) started at 0.
  const start = 0;
  const due = hour;
  it.each([
    { now: 0, colour: 'green', why: 'all the time left' },
    { now: 29 * minute, colour: 'green', why: '31 of 60 minutes left, more than half' },
    { now: 30 * minute, colour: 'amber', why: 'exactly half left is no longer more than half' },
    { now: 44 * minute, colour: 'amber', why: '16 minutes left, 27%' },
    { now: 45 * minute + 1, colour: 'red', why: 'under 15 minutes left' },
    { now: hour, colour: 'red', why: 'at the deadline' },
    { now: hour + 1, colour: 'overdue', why: 'past it' },
  ])('$why → $colour', ({ now, colour }) => {
    expect(deadlineColour(now, start, due)).toBe(colour);
  });

  it('is red under a quarter of a long clock even with hours left', () => {
    const thirtyDays = 30 * 24 * hour;
    expect(deadlineColour(0.8 * thirtyDays, 0, thirtyDays)).toBe('red');
    expect(deadlineColour(0.6 * thirtyDays, 0, thirtyDays)).toBe('amber');
  });

  it('says met once the report is in, even past the deadline', () => {
    expect(deadlineColour(2 * hour, start, due, true)).toBe('met');
  });

  it('judges a clock of no length by the minutes left', () => {
    expect(deadlineColour(0, hour, hour)).toBe('red');
    expect(deadlineColour(hour + 1, hour, hour)).toBe('overdue');
  });
});

describe('formatDuration and describeCountdown', () => {
  it.each([
    [12_000, '12 s'],
    [4 * minute + 9_000, '4 min 09 s'],
    [hour + 5 * minute + 59_000, '1 h 05 min'],
    [2 * 24 * hour + 3 * hour, '2 d 03 h'],
    [-90_000, '1 min 30 s'],
  ])('%d ms → %s', (milliseconds, text) => {
    expect(formatDuration(milliseconds)).toBe(text);
  });

  it('says left, overdue or submitted', () => {
    expect(describeCountdown(0, hour)).toBe('1 h 00 min left');
    expect(describeCountdown(hour + 3 * minute, hour)).toBe('overdue by 3 min 00 s');
    expect(describeCountdown(0, hour, true)).toBe('submitted');
  });
});
