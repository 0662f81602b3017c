// How column values come back, the same from both adapters: timestamps as ISO 8601 strings in UTC
// (`2026-11-26T14:00:00.000Z`), 64-bit integers (counts, sequence numbers) as numbers. Left to
// themselves, pg gives Dates and strings and PGlite Dates and BigInts, and a repository would behave
// differently on each database.

/** PostgreSQL type OIDs (pg_type.oid), fixed since PostgreSQL 7. */
export const TYPE_OIDS = { INT8: 20, TIMESTAMP: 1114, TIMESTAMPTZ: 1184 } as const;

/** `2026-11-26 14:00:00.123456+00` (the text PostgreSQL sends, session time zone UTC) → ISO 8601. */
export function parseTimestamp(text: string): string {
  const iso = text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  const date = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`);
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}

export function parseInt8(text: string): number {
  return Number(text);
}

export const COLUMN_PARSERS: Readonly<Record<number, (text: string) => unknown>> = {
  [TYPE_OIDS.INT8]: parseInt8,
  [TYPE_OIDS.TIMESTAMP]: parseTimestamp,
  [TYPE_OIDS.TIMESTAMPTZ]: parseTimestamp,
};
