// How far a regulation record has been checked. Shared by every body of law Rampart encodes as data
// (data/regulations/*.yaml), so a decision can say how sure it is of the rule it applied.

/**
 * verified: read in the primary text; secondary: from a secondary source (law firm, news);
 * unverified: recalled, not checked; draft: taken from a draft whose final text was not confirmed.
 */
export const CONFIDENCES = ['verified', 'secondary', 'unverified', 'draft'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** The least sure of some marks (the list is ordered from most to least sure); undefined for none. */
export function leastSure(marks: readonly Confidence[]): Confidence | undefined {
  let worst: Confidence | undefined;
  for (const mark of marks) if (worst === undefined || CONFIDENCES.indexOf(mark) > CONFIDENCES.indexOf(worst)) worst = mark;
  return worst;
}
