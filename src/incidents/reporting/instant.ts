// Times come in from forms and APIs as ISO strings or Dates; a time that does not parse is a bad
// argument naming which time, never an Invalid Date that makes every deadline NaN. A string must say
// its offset (Z or +08:00): without one, JavaScript reads it in the server's own time zone, and a
// legal deadline would move with wherever Rampart happens to run.
import { rampartError } from '../../core/errors.js';

export type TimeInput = string | Date;

export function toInstant(value: TimeInput, argument: string): Date {
  const instant = value instanceof Date ? new Date(value.getTime()) : new Date(value);
  if (Number.isNaN(instant.getTime()) || (typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}T.*(?:Z|[+-]\d{2}:?\d{2})$/i.test(value))) {
    throw rampartError('RAMPART_E_BAD_ARGUMENT', { argument, reason: 'expected an ISO 8601 date and time with its offset, e.g. 2025-11-03T09:30:00+08:00' });
  }
  return instant;
}
