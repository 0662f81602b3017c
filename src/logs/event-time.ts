// Event times as ISO 8601 strings. Sources write times many ways (ISO with microseconds, a space
// instead of `T`, epoch seconds or milliseconds); the rest of Rampart compares and sorts one form.

// ISO-like date and time, with `T` or a space, optional fraction and zone. Matched by hand rather
// than by Date so sub-millisecond precision (EVTX has 100 ns ticks) survives.
const ISO_LIKE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
const DIGITS = /^\d{9,19}(?:\.\d+)?$/;

/**
 * Converts a time value to ISO 8601, or undefined when it is not a recognisable time.
 * Times without a zone are taken as UTC, as Windows and most log shippers write them.
 */
export function toIsoTime(value: unknown): string | undefined {
  if (typeof value === 'number') return epochToIso(value);
  if (typeof value !== 'string') return undefined;
  if (isCanonicalUtc(value)) return value;
  const text = value.trim();
  const iso = ISO_LIKE.exec(text);
  if (iso) {
    const zone = iso[3] === undefined ? 'Z' : iso[3] === 'z' ? 'Z' : iso[3];
    const normalised = `${iso[1]}T${iso[2].replace(',', '.')}${zone}`;
    return Number.isNaN(Date.parse(normalised)) ? undefined : normalised;
  }
  if (DIGITS.test(text)) return epochToIso(Number(text));
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
}

/**
 * `YYYY-MM-DDTHH:MM:SS[.fraction]Z` with fields in range: what EVTX and most shippers write, checked
 * with charCodeAt because this runs once per event and a regex plus Date.parse costs a microsecond.
 */
function isCanonicalUtc(text: string): boolean {
  const length = text.length;
  if (length < 20 || text.charCodeAt(length - 1) !== 90 /* Z */) return false;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84) return false;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return false;
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (twoDigits(text, 0) < 0 || twoDigits(text, 2) < 0 || month < 1 || month > 12 || day < 1 || day > 31) return false;
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return false;
  if (length === 20) return true;
  if (text.charCodeAt(19) !== 46 /* . */ || length === 21) return false;
  for (let i = 20; i < length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The two-digit number at `at`, or -1 when either character is not a digit. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const units = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && units >= 0 && units <= 9 ? tens * 10 + units : -1;
}

/** Epoch numbers come in seconds, milliseconds, microseconds or nanoseconds; the magnitude tells which. */
function epochToIso(value: number): string | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined;
  let millis: number;
  if (value < 1e11) millis = value * 1000;
  else if (value < 1e14) millis = value;
  else if (value < 1e17) millis = value / 1e3;
  else millis = value / 1e6;
  const date = new Date(millis);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

// Where flat JSON events usually keep their time: ECS, generic shippers, Windows exports.
const FLAT_TIME_KEYS = ['@timestamp', 'timestamp', 'time', 'TimeCreated', 'eventTime', 'EventTime'] as const;

/** The time of a flat JSON event: the first well-known time key holding a recognisable time. */
export function flatEventTime(fields: Record<string, unknown>): string | undefined {
  for (const key of FLAT_TIME_KEYS) {
    const value = fields[key];
    if (typeof value === 'string' || typeof value === 'number') {
      const time = toIsoTime(value);
      if (time !== undefined) return time;
    }
  }
  return undefined;
}
