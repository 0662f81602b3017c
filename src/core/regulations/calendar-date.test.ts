import { describe, expect, it } from 'vitest';
import { RampartError } from '../errors.js';
import { addYears, chinaDateOf, isCalendarDate, parseCalendarDate, weekdayOf } from './calendar-date.js';

describe('calendar dates', () => {
  it.each([
    ['2025-12-31T15:59:59Z', '2025-12-31'],
    ['2025-12-31T16:00:00Z', '2026-01-01'],
    ['2025-12-31T20:00:00Z', '2026-01-01'],
    ['2026-01-01T07:59:00+08:00', '2026-01-01'],
    ['2025-12-31T23:30:00-05:00', '2026-01-01'],
    ['2026-01-01', '2026-01-01'],
  ])('%s is %s in China', (input, date) => {
    expect(chinaDateOf(input, 'when')).toBe(date);
  });

  it('refuses a time without its offset and an impossible date, naming the argument', () => {
    expect(() => chinaDateOf('2025-12-31T20:00:00', 'facts.transferDate')).toThrow(/facts\.transferDate/);
    expect(() => parseCalendarDate('2025-02-29', 'due')).toThrow(RampartError);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2024-2-9')).toBe(false);
  });

  it('adds years keeping the day, 29 February becoming 28', () => {
    expect(addYears('2025-03-10', 3)).toBe('2028-03-10');
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('knows the weekday', () => {
    expect(weekdayOf('2026-01-04')).toBe(0);
    expect(weekdayOf('2025-10-11')).toBe(6);
    expect(weekdayOf('1969-12-31')).toBe(3);
  });
});
