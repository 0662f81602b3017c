// The schema of data/regulations/working-days-cn.yaml: per year, the State Council's notice of public
// holidays, the days off it sets and the weekend days it makes working days (调休).
import { z } from 'zod';
import { isCalendarDate, weekdayOf } from './calendar-date.js';
import { citation, sourcesSchema, text } from './citation-schema.js';

const date = z.string().refine(isCalendarDate, 'must be a real date written YYYY-MM-DD (quote it in YAML)');

const holidaySchema = z
  .strictObject({ name: text, nameZh: text.optional(), from: date, to: date })
  .refine((holiday) => holiday.from <= holiday.to, { message: 'from must not be after to', path: ['to'] });

const yearSchema = z.strictObject({
  holidays: z.array(holidaySchema).min(1),
  /** Saturdays and Sundays worked to make up for a holiday bridge. */
  workingWeekendDays: z.array(date).default([]),
  ...citation,
  note: text.optional(),
});

export const workingDaysFileSchema = z
  .strictObject({
    sources: sourcesSchema,
    /** What counts outside the covered years: Monday to Friday, said so in every result that needed it. */
    fallback: z.strictObject({ weekdays: z.literal('monday-to-friday'), note: text }),
    years: z.record(z.string().regex(/^\d{4}$/, 'years are four digits'), yearSchema),
  })
  .superRefine((file, context) => {
    // A date typed into the wrong year, or a "working weekend day" that is a weekday, is a typo that
    // would move every deadline counted across it.
    for (const [year, data] of Object.entries(file.years)) {
      data.holidays.forEach((holiday, index) => {
        for (const end of ['from', 'to'] as const) {
          if (!holiday[end].startsWith(`${year}-`)) context.addIssue({ code: 'custom', path: ['years', year, 'holidays', index, end], message: `is not in ${year}` });
        }
      });
      data.workingWeekendDays.forEach((day, index) => {
        const path = ['years', year, 'workingWeekendDays', index];
        if (!day.startsWith(`${year}-`)) context.addIssue({ code: 'custom', path, message: `is not in ${year}` });
        else if (![0, 6].includes(weekdayOf(day))) context.addIssue({ code: 'custom', path, message: 'is not a Saturday or Sunday' });
      });
    }
  });

export type WorkingDaysFile = z.output<typeof workingDaysFileSchema>;
