// Query strings for the API: empty values left out (a blank filter means "any", not "equal to ''"),
// arrays as repeated keys (`level=high&level=critical`, as Fastify reads them), keys in a stable order.

export type QueryValue = string | number | boolean | undefined | null | readonly (string | number)[];

export function buildQuery(params: Readonly<Record<string, QueryValue>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (item !== '') search.append(key, String(item));
    } else {
      search.append(key, String(value));
    }
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/** The alert filters of the Alerts page, as the form holds them. */
export interface AlertFilters {
  /** datetime-local values (the browser's local time) or ISO times; blank for no bound. */
  readonly from?: string;
  readonly to?: string;
  readonly levels?: readonly string[];
  readonly minLevel?: string;
  readonly rule?: string;
  readonly host?: string;
  readonly tag?: string;
  readonly q?: string;
}

/** GET /api/alerts's query for the filters, one page of `limit` from `cursor`. */
export function alertListQuery(filters: AlertFilters, cursor?: string, limit = 200): string {
  return buildQuery({
    from: toIsoTime(filters.from),
    to: toIsoTime(filters.to),
    // The server takes either the levels or a minimum; the explicit levels win when both are set.
    level: filters.levels && filters.levels.length > 0 ? filters.levels : undefined,
    minLevel: filters.levels && filters.levels.length > 0 ? undefined : filters.minLevel,
    rule: filters.rule?.trim(),
    host: filters.host?.trim(),
    tag: filters.tag?.trim(),
    q: filters.q?.trim(),
    cursor,
    limit,
  });
}

/** An ISO time for a datetime-local value ("2026-11-20T10:00", local time) or an ISO time; undefined if blank or invalid. */
export function toIsoTime(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
