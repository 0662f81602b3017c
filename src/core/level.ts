// Sigma rule levels, in increasing order of severity.

export const LEVELS = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export type Level = (typeof LEVELS)[number];

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

/** 0 for informational up to 4 for critical. */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}
