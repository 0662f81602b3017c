// Chinese working days, from the State Council's yearly holiday notices (data/regulations/
// working-days-cn.yaml). Deadlines the law sets in working days are counted here. A year without a
// notice falls back to Monday–Friday, and the result says so: a deadline counted over an unknown
// holiday may be a few days early or late, and the person relying on it must know.
import { join } from 'node:path';
import { addDays, weekdayOf, yearOf, type CalendarDate, parseCalendarDate } from './calendar-date.js';
import { leastSure, type Confidence } from './confidence.js';
import { loadRegulationFile, type LoadedRegulation } from './load-regulation-file.js';
import { defaultRegulationsDirectory } from './regulations-directory.js';
import { workingDaysFileSchema, type WorkingDaysFile } from './working-days-schema.js';

export type WorkingDayCalendarData = LoadedRegulation<WorkingDaysFile>;

/** The calendar's data with each year's days off and working weekend days as sets, for quick lookup. */
export interface WorkingDayCalendar {
  readonly data: WorkingDayCalendarData;
  readonly coveredYears: readonly number[];
  readonly daysOff: ReadonlySet<CalendarDate>;
  readonly workingWeekendDays: ReadonlySet<CalendarDate>;
}

export interface WorkingDayCount {
  readonly date: CalendarDate;
  /** False when a day counted lies in a year with no notice encoded (Monday–Friday were counted). */
  readonly calendarCovered: boolean;
  readonly warnings: readonly string[];
  /** The least sure of the notices used; undefined when none was. */
  readonly confidence?: Confidence;
}

export function loadWorkingDayCalendar(file = join(defaultRegulationsDirectory(), 'working-days-cn.yaml')): WorkingDayCalendar {
  const data = loadRegulationFile(workingDaysFileSchema, file, 'docs/data-governance.md');
  const daysOff = new Set<CalendarDate>();
  const workingWeekendDays = new Set<CalendarDate>();
  for (const year of Object.values(data.years)) {
    for (const holiday of year.holidays) {
      for (let day = holiday.from; day <= holiday.to; day = addDays(day, 1)) daysOff.add(day);
    }
    for (const day of year.workingWeekendDays) workingWeekendDays.add(day);
  }
  const coveredYears = Object.keys(data.years).map(Number).sort((a, b) => a - b);
  return Object.freeze({ data, coveredYears: Object.freeze(coveredYears), daysOff, workingWeekendDays });
}

export function isCoveredYear(year: number, calendar: WorkingDayCalendar): boolean {
  return calendar.coveredYears.includes(year);
}

/** Whether `date` is a working day; in a year not covered, Monday to Friday are. */
export function isWorkingDay(date: CalendarDate, calendar: WorkingDayCalendar): boolean {
  if (calendar.workingWeekendDays.has(date)) return true;
  if (calendar.daysOff.has(date)) return false;
  const weekday = weekdayOf(date);
  return weekday !== 0 && weekday !== 6;
}

/**
 * The `n`th working day after `date` (n > 0) or before it (n < 0); `date` itself is not counted, so
 * "within 10 working days after 30 September" ends on the tenth working day that follows it. n = 0
 * gives `date` back.
 */
export function addWorkingDays(date: CalendarDate, n: number, calendar: WorkingDayCalendar): WorkingDayCount {
  parseCalendarDate(date, 'date');
  if (!Number.isInteger(n)) throw new TypeError(`addWorkingDays: n must be an integer, got ${n}`);
  const step = n < 0 ? -1 : 1;
  const years = new Set<number>([yearOf(date)]);
  let day = date;
  for (let left = Math.abs(n); left > 0; ) {
    day = addDays(day, step);
    years.add(yearOf(day));
    if (isWorkingDay(day, calendar)) left--;
  }
  return describeCount(day, years, calendar);
}

function describeCount(date: CalendarDate, years: ReadonlySet<number>, calendar: WorkingDayCalendar): WorkingDayCount {
  const uncovered = [...years].filter((year) => !isCoveredYear(year, calendar)).sort((a, b) => a - b);
  const marks = [...years].filter((year) => isCoveredYear(year, calendar)).map((year) => calendar.data.years[String(year)].confidence);
  const warnings = uncovered.length === 0 ? [] : [`${uncovered.join(', ')}: ${calendar.data.fallback.note}`];
  return { date, calendarCovered: uncovered.length === 0, warnings, confidence: leastSure(marks) };
}
