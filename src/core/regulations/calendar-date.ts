// Calendar dates as the law counts them: a day in China, written YYYY-MM-DD. Deadlines in days,
// working days and years fall on dates, not instants, so they are computed on day numbers and never
// pass through the server's own time zone. An instant (with its offset) becomes the China date it
// falls on: China Standard Time is UTC+8 all year, with no daylight saving.
import { rampartError } from '../errors.js';

/** A calendar date, `YYYY-MM-DD`. */
export type CalendarDate = string;

const CHINA_UTC_OFFSET_MINUTES = 8 * 60;
const MILLISECONDS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T.*(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Whether the value is a real date written YYYY-MM-DD: `2025-02-30` is not. */
export function isCalendarDate(value: unknown): value is CalendarDate {
  const match = typeof value === 'string' ? DATE_PATTERN.exec(value) : null;
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The date, checked: `2025-02-30` is refused, not rolled over into March. */
export function parseCalendarDate(value: unknown, argument: string): CalendarDate {
  if (isCalendarDate(value)) return value;
  throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument, reason: `expected a calendar date YYYY-MM-DD, got ${JSON.stringify(value)}` });
}

/**
 * The China date of a date or an instant. `YYYY-MM-DD` is taken as a date in China as it stands; an
 * ISO instant must carry its offset (`Z`, `+08:00`), so `2025-12-31T20:00:00Z` is 2026-01-01.
 */
export function chinaDateOf(value: unknown, argument: string): CalendarDate {
  if (typeof value === 'string' && DATE_PATTERN.test(value)) return parseCalendarDate(value, argument);
  const instant = typeof value === 'string' && INSTANT_PATTERN.test(value) ? new Date(value) : undefined;
  if (instant === undefined || Number.isNaN(instant.getTime())) {
    throw rampartError('RAMPART_E_BAD_ARGUMENT', {
      argument,
      reason: `expected a date YYYY-MM-DD (taken in China time) or an ISO instant with its offset, got ${JSON.stringify(value)}`,
    });
  }
  return fromDayNumber(Math.floor((instant.getTime() + CHINA_UTC_OFFSET_MINUTES * 60_000) / MILLISECONDS_PER_DAY));
}

/** Days since 1970-01-01, so dates can be stepped and compared as integers. */
export function dayNumber(date: CalendarDate): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / MILLISECONDS_PER_DAY;
}

export function fromDayNumber(days: number): CalendarDate {
  return new Date(days * MILLISECONDS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** The same day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  const [year, month, day] = date.split('-').map(Number);
  const target = year + years;
  const lastDay = new Date(Date.UTC(target, month, 0)).getUTCDate();
  return `${String(target).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: CalendarDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}
