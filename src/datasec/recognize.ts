// One pass of every recognizer over a text: context words applied, findings under the threshold
// dropped, overlaps resolved so that each character belongs to at most one finding, the best one
// (an 18-digit resident ID is not also reported as a bank card, a +86 mobile not also as an E.164 phone).

import { applyContext } from './recognizers/context.js';
import { RECOGNIZERS } from './recognizers/index.js';
import type { Finding, Recognizer } from './recognizers/recognizer.js';
import { textShape } from './recognizers/text-shape.js';

export interface RecognizeOptions {
  /** Findings scoring below this are dropped; 0.5 by default. Lower it (e.g. 0.15) to see likely typos too. */
  minScore?: number;
}

export const DEFAULT_MIN_SCORE = 0.5;

export function recognize(text: string, recognizers: readonly Recognizer[] = RECOGNIZERS, options: RecognizeOptions = {}): Finding[] {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const candidates: { finding: Finding; order: number }[] = [];
  const shape = textShape(text);
  recognizers.forEach((recognizer, order) => {
    if (recognizer.mayMatch !== undefined && !recognizer.mayMatch(shape)) return;
    for (const found of recognizer.find(text)) {
      const finding = applyContext(text, found);
      if (finding.score >= minScore) candidates.push({ finding, order });
    }
  });
  // Best first: higher score, then the longer span, then the recognizer registered first.
  candidates.sort(
    (a, b) =>
      b.finding.score - a.finding.score ||
      b.finding.end - b.finding.start - (a.finding.end - a.finding.start) ||
      a.order - b.order,
  );
  const kept: Finding[] = [];
  for (const { finding } of candidates) {
    if (!kept.some((other) => finding.start < other.end && other.start < finding.end)) kept.push(finding);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
