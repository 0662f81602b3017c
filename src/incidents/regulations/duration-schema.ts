// Deadlines of the incident reporting rules: a duration of elapsed time, in one unit.
import { z } from 'zod';

const MILLISECONDS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

/** `{ hours: 1 }`: exactly one unit, a positive number of it. */
export const durationSchema = z
  .strictObject({
    minutes: z.number().positive().optional(),
    hours: z.number().positive().optional(),
    days: z.number().positive().optional(),
  })
  .refine((duration) => Object.values(duration).filter((value) => value !== undefined).length === 1, {
    message: 'give exactly one of minutes, hours or days',
  });
export type RegulationDuration = z.output<typeof durationSchema>;

/** Elapsed milliseconds of a duration; a day is 24 hours (no calendar or working-day counting). */
export function durationMilliseconds(duration: RegulationDuration): number {
  let total = 0;
  for (const unit of Object.keys(MILLISECONDS) as (keyof typeof MILLISECONDS)[]) total += (duration[unit] ?? 0) * MILLISECONDS[unit];
  return total;
}

/** "1 h", "30 min", "30 days": how a duration is shown beside a deadline. */
export function describeDuration(duration: RegulationDuration): string {
  if (duration.minutes !== undefined) return `${duration.minutes} min`;
  if (duration.hours !== undefined) return `${duration.hours} h`;
  return `${duration.days} day${duration.days === 1 ? '' : 's'}`;
}
