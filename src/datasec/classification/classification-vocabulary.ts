// The fixed names the classification data and the code share: levels, affected objects, degrees of
// harm (GB/T 43697-2024). What each combination gives is data (data/regulations/data-classification.yaml);
// only the names live here, because code branches on them.

/** Lowest first, so a level's index is its rank. */
export const DATA_LEVELS = ['general', 'important', 'core'] as const;
export type DataLevel = (typeof DATA_LEVELS)[number];

export const AFFECTED_OBJECTS = ['national-security', 'economy-public-interest', 'individual-organisation-rights'] as const;
export type AffectedObject = (typeof AFFECTED_OBJECTS)[number];

export const HARM_DEGREES = ['particularly-serious', 'serious', 'general'] as const;
export type HarmDegree = (typeof HARM_DEGREES)[number];

export function dataLevelRank(level: DataLevel): number {
  return DATA_LEVELS.indexOf(level);
}
