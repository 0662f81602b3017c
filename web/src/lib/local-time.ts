// <input type="datetime-local"> speaks local wall-clock time without a zone ("2026-11-20T18:05"); the API
// and the URL speak ISO instants. These convert between the two.

/** The datetime-local value of an ISO instant in the browser's zone, or '' if it is not one. */
export function isoToLocalInput(iso: string | null | undefined, offsetMinutes?: number): string {
  if (!iso) return '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  const offset = offsetMinutes ?? new Date(time).getTimezoneOffset();
  return new Date(time - offset * 60_000).toISOString().slice(0, 16);
}
