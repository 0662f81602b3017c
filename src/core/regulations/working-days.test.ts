import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { errorOfEditedFile } from '../../../test/regulation-files.js';
import { RampartError } from '../errors.js';
import { defaultRegulationsDirectory } from './regulations-directory.js';
import { addWorkingDays, isWorkingDay, loadWorkingDayCalendar } from './working-days.js';

const calendar = loadWorkingDayCalendar();

describe('the built-in calendar', () => {
  it('covers 2024 to 2026 with each notice cited', () => {
    expect(calendar.coveredYears).toEqual([2024, 2025, 2026]);
    for (const year of Object.values(calendar.data.years)) expect(year.source.instrument).toMatch(/国务院办公厅关于20\d\d年部分节假日安排的通知/);
  });

  it.each([
    ['2025-01-27', true, 'the Monday before the Spring Festival'],
    ['2025-01-26', true, 'a Sunday made a working day'],
    ['2025-01-28', false, "Spring Festival's eve, a holiday since 2025"],
    ['2025-02-04', false, 'the last day of the Spring Festival break'],
    ['2025-02-05', true, 'the first day back'],
    ['2025-02-08', true, 'a Saturday made a working day'],
    ['2024-02-09', true, "2024's eve: the notice only encourages a day off"],
    ['2025-10-08', false, 'National Day and Mid-Autumn together'],
    ['2025-10-11', true, 'a Saturday made a working day'],
    ['2026-01-02', false, "New Year's break 2026"],
    ['2026-01-04', true, 'a Sunday made a working day'],
    ['2025-03-15', false, 'an ordinary Saturday'],
  ])('%s is a working day: %s (%s)', (date, working) => {
    expect(isWorkingDay(date, calendar)).toBe(working);
  });
});

describe('addWorkingDays', () => {
  it('steps over the Spring Festival and counts the Sunday worked before it', () => {
    // Friday 2025-01-24: Sun 26 and Mon 27 work, 28 Jan – 4 Feb off, then Wed 5 Feb.
    expect(addWorkingDays('2025-01-24', 1, calendar).date).toBe('2025-01-26');
    expect(addWorkingDays('2025-01-24', 2, calendar).date).toBe('2025-01-27');
    expect(addWorkingDays('2025-01-24', 3, calendar).date).toBe('2025-02-05');
    expect(addWorkingDays('2025-02-05', -1, calendar).date).toBe('2025-01-27');
  });

  it('counts 10 working days from the eve of National Day 2024 to 18 October', () => {
    // 30 Sep is Monday; 1–7 Oct off; Tue 8 to Fri 11 (4), Sat 12 worked (5), 14–18 (10).
    const due = addWorkingDays('2024-09-30', 10, calendar);
    expect(due).toMatchObject({ date: '2024-10-18', calendarCovered: true, warnings: [], confidence: 'secondary' });
  });

  it('counts across the year boundary with both years covered', () => {
    // Wed 2025-12-31 + 1: 1–3 Jan 2026 off, Sun 4 Jan worked.
    expect(addWorkingDays('2025-12-31', 1, calendar)).toMatchObject({ date: '2026-01-04', calendarCovered: true });
    expect(addWorkingDays('2026-01-04', -1, calendar).date).toBe('2025-12-31');
  });

  it('counts 60 working days back, as for an assessment renewal', () => {
    const result = addWorkingDays('2026-05-20', -60, calendar);
    expect(result.calendarCovered).toBe(true);
    // Walk back by hand: count the working days between the result and the expiry.
    let count = 0;
    for (let day = new Date('2026-05-19T00:00:00Z'); day.toISOString().slice(0, 10) >= result.date; day.setUTCDate(day.getUTCDate() - 1)) {
      if (isWorkingDay(day.toISOString().slice(0, 10), calendar)) count++;
    }
    expect(count).toBe(60);
    expect(isWorkingDay(result.date, calendar)).toBe(true);
  });

  it('falls back to Monday–Friday outside the covered years and says so', () => {
    const result = addWorkingDays('2026-12-30', 3, calendar);
    // Wed 30, Thu 31 (1), Fri 1 Jan 2027 (2: not known to be a holiday), Mon 4 (3).
    expect(result).toMatchObject({ date: '2027-01-04', calendarCovered: false });
    expect(result.warnings[0]).toMatch(/^2027: .*Monday to Friday/);
    expect(addWorkingDays('2023-12-29', 1, calendar)).toMatchObject({ date: '2024-01-02', calendarCovered: false });
  });

  it('gives the date back for n = 0 and refuses a bad date', () => {
    expect(addWorkingDays('2025-02-01', 0, calendar).date).toBe('2025-02-01');
    expect(() => addWorkingDays('2025-02-30', 1, calendar)).toThrow(RampartError);
  });
});

describe('bad calendar files', () => {
  const folder = mkdtempSync(join(tmpdir(), 'rampart-working-days-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const original = readFileSync(join(defaultRegulationsDirectory(), 'working-days-cn.yaml'), 'utf8');

  it.each([
    { name: 'a working weekend day that is a weekday', from: "'2025-01-26', '2025-02-08'", to: "'2025-01-27', '2025-02-08'", key: 'years.2025.workingWeekendDays[0]', reason: /not a Saturday or Sunday/ },
    { name: 'a date in the wrong year', from: "from: '2026-02-15'", to: "from: '2025-02-15'", key: 'years.2026.holidays[1].from', reason: /not in 2026/ },
    { name: 'an impossible date', from: "to: '2024-02-17'", to: "to: '2024-02-30'", key: 'years.2024.holidays[1].to', reason: /real date/ },
  ])('names the file, line and key of $name', ({ from, to, key, reason }) => {
    const { error, namedLine } = errorOfEditedFile(loadWorkingDayCalendar, original, folder, { from, to, key });
    expect(error.message).toMatch(reason);
    expect(namedLine).toContain(to);
  });
});
