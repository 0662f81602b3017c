// The coordination centre's tallies, made in the browser from the report list and the operator list
// (the API gives each report's operator id, and each operator's sector and province).

export interface Tally {
  readonly key: string;
  readonly count: number;
}

/** Counts by key, largest first, then by key; a missing key counts as "unknown". */
export function tally<T>(items: readonly T[], keyOf: (item: T) => string | null | undefined): Tally[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item) || 'unknown';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Counts by two keys, for stacked bars: the first keys (rows), the second keys (series), and the count grid. */
export function crossTally<T>(items: readonly T[], rowOf: (item: T) => string | null | undefined, seriesOf: (item: T) => string | null | undefined): { rows: string[]; series: string[]; counts: number[][] } {
  const rows = tally(items, rowOf).map((entry) => entry.key);
  const series = tally(items, seriesOf).map((entry) => entry.key);
  const counts = series.map(() => rows.map(() => 0));
  for (const item of items) {
    counts[series.indexOf(seriesOf(item) || 'unknown')][rows.indexOf(rowOf(item) || 'unknown')] += 1;
  }
  return { rows, series, counts };
}

export interface ReportTimeliness {
  readonly timeliness?: { readonly status: string } | null;
}

/** Submitted reports on time against late; reports with no deadline (a follow-up) are "no deadline". */
export function timelinessCounts(reports: readonly ReportTimeliness[]): Record<'on-time' | 'late' | 'no deadline', number> {
  const counts = { 'on-time': 0, 'late': 0, 'no deadline': 0 };
  for (const report of reports) {
    const status = report.timeliness?.status;
    if (status === 'on-time' || status === 'due') counts['on-time'] += 1;
    else if (status === 'late' || status === 'overdue') counts.late += 1;
    else counts['no deadline'] += 1;
  }
  return counts;
}
