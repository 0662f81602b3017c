// The preset time ranges of the overview, as from/to ISO times ending at `now`.

export const TIME_RANGES = [
  { id: '24h', label: 'Last 24 hours', milliseconds: 86_400_000 },
  { id: '7d', label: 'Last 7 days', milliseconds: 7 * 86_400_000 },
  { id: '30d', label: 'Last 30 days', milliseconds: 30 * 86_400_000 },
  { id: '365d', label: 'Last 12 months', milliseconds: 365 * 86_400_000 },
] as const;

export type TimeRangeId = (typeof TIME_RANGES)[number]['id'];

export function timeRange(id: TimeRangeId, now: number): { from: string; to: string } {
  const range = TIME_RANGES.find((candidate) => candidate.id === id) ?? TIME_RANGES[1];
  return { from: new Date(now - range.milliseconds).toISOString(), to: new Date(now).toISOString() };
}
