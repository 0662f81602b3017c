// Syslog timestamps → ISO 8601. RFC 5424 (and rsyslog's file format) write ISO with a zone; RFC 3164
// writes `Mmm dd hh:mm:ss`, local time without year or zone. Both are read by fixed-width scans of a
// bounded prefix, so the cost does not depend on what follows the timestamp.

import { toIsoTime } from '../event-time.js';

/** A timestamp and the index just past it. */
export interface ReadTime {
  /** ISO 8601; zone-less BSD times are taken as UTC, as elsewhere in Rampart (event-time.ts). */
  readonly time: string;
  readonly end: number;
}

/** Longest ISO timestamp accepted: `2024-01-15T10:00:00.123456789+01:00` is 35 characters. */
const MAX_ISO_CHARS = 40;

// Full date, `T`, time, optional fraction, optional zone: what RFC 5424 §6.2.3 and rsyslog write.
// Anchored, no nested quantifiers, and run on at most MAX_ISO_CHARS characters.
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})?$/;

/** Reads an ISO timestamp that ends at a space or the end of the text; undefined if there is none. */
export function readIsoTime(text: string, start: number): ReadTime | undefined {
  let end = text.indexOf(' ', start);
  if (end === -1) end = text.length;
  if (end - start > MAX_ISO_CHARS || end - start < 19) return undefined;
  const token = text.slice(start, end);
  if (!ISO_TIMESTAMP.test(token)) return undefined;
  const time = toIsoTime(token);
  return time === undefined ? undefined : { time, end };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** How far after the reference time a BSD timestamp may lie: clocks disagree by seconds, not days. */
const FUTURE_SLACK_MS = 2 * 24 * 60 * 60 * 1000;

/** Where a BSD timestamp's missing year comes from: a fixed year, or inferred from a reference time. */
export type YearSource = { readonly year: number } | { readonly referenceMs: number };

/**
 * Reads `Mmm dd hh:mm:ss` (RFC 3164 §4.1.2; the day space-padded or zero-padded, an optional
 * fraction of a second, and an optional year before the time as Cisco writes it). A timestamp without
 * a year gets the fixed year if there is one, else the latest year that does not put it more than two
 * days after the reference: the last lines of a file written on 2 January are from that January, the
 * lines before them from December of the year before, and a sender whose clock is a little ahead on
 * New Year's Eve is still believed.
 */
export function readBsdTime(text: string, start: number, years: YearSource): ReadTime | undefined {
  const month = MONTHS.indexOf(text.slice(start, start + 3).toLowerCase());
  if (month === -1 || text.charCodeAt(start + 3) !== 32) return undefined;
  let at = start + 4;
  if (text.charCodeAt(at) === 32) at++;
  const day = readDigits(text, at, 1, 2);
  if (day === undefined || day.value < 1 || day.value > 31 || text.charCodeAt(day.end) !== 32) return undefined;
  at = day.end + 1;
  let year: number | undefined;
  const maybeYear = readDigits(text, at, 4, 4);
  if (maybeYear !== undefined && text.charCodeAt(maybeYear.end) === 32) {
    year = maybeYear.value;
    at = maybeYear.end + 1;
  }
  const hour = readDigits(text, at, 2, 2);
  if (hour === undefined || hour.value > 23 || text.charCodeAt(hour.end) !== 58 /* : */) return undefined;
  const minute = readDigits(text, hour.end + 1, 2, 2);
  if (minute === undefined || minute.value > 59 || text.charCodeAt(minute.end) !== 58) return undefined;
  const second = readDigits(text, minute.end + 1, 2, 2);
  if (second === undefined || second.value > 60) return undefined;
  at = second.end;
  let fraction = '';
  if (text.charCodeAt(at) === 46 /* . */) {
    const digits = readDigits(text, at + 1, 1, 9);
    if (digits === undefined) return undefined;
    fraction = text.slice(at, digits.end);
    at = digits.end;
  }
  if (at < text.length && text.charCodeAt(at) !== 32) return undefined;

  const resolvedYear =
    year ?? ('year' in years ? years.year : inferYear(month, day.value, hour.value, minute.value, second.value, years.referenceMs));
  if (resolvedYear === undefined || !isRealDate(resolvedYear, month, day.value)) return undefined;
  const time =
    `${String(resolvedYear).padStart(4, '0')}-${pad(month + 1)}-${pad(day.value)}` +
    `T${pad(hour.value)}:${pad(minute.value)}:${pad(second.value)}${fraction}Z`;
  return { time, end: at };
}

/** The latest year, from the reference's next year back, in which the date exists and is not too far ahead. */
function inferYear(month: number, day: number, hour: number, minute: number, second: number, referenceMs: number): number | undefined {
  const referenceYear = new Date(referenceMs).getUTCFullYear();
  // Eight years back always reaches a leap year for 29 February.
  for (let year = referenceYear + 1; year >= referenceYear - 8; year--) {
    if (!isRealDate(year, month, day)) continue;
    if (Date.UTC(year, month, day, hour, minute, second) <= referenceMs + FUTURE_SLACK_MS) return year;
  }
  return undefined;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month, day));
  return date.getUTCMonth() === month && date.getUTCDate() === day;
}

function readDigits(text: string, start: number, min: number, max: number): { value: number; end: number } | undefined {
  let value = 0;
  let at = start;
  while (at - start < max) {
    const code = text.charCodeAt(at);
    if (!(code >= 48 && code <= 57)) break;
    value = value * 10 + (code - 48);
    at++;
  }
  return at - start < min ? undefined : { value, end: at };
}

function pad(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
