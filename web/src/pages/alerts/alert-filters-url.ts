// The alert filters in the page's URL: the same names as GET /api/alerts takes.
import type { AlertFilters } from '../../lib/query-string.js';
import { buildQuery } from '../../lib/query-string.js';

export function filtersFromSearch(search: URLSearchParams): AlertFilters {
  const text = (key: string) => search.get(key) ?? undefined;
  return { from: text('from'), to: text('to'), levels: search.getAll('level'), minLevel: text('minLevel'), rule: text('rule'), host: text('host'), tag: text('tag'), q: text('q') };
}

export function searchOfFilters(filters: AlertFilters): string {
  return buildQuery({ from: filters.from, to: filters.to, level: filters.levels, minLevel: filters.minLevel, rule: filters.rule?.trim(), host: filters.host?.trim(), tag: filters.tag?.trim(), q: filters.q?.trim() });
}
