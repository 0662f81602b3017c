// One pass of every recognizer over a text: context words applied, findings under the threshold
// dropped, overlaps resolved so that each character belongs to at most one finding, the best one
// (an 18-digit resident ID is not also reported as a bank card, a +86 mobile not also as an E.164 phone).

import { applyContext } from './recognizers/context.js';
import { RECOGNIZERS } from './recognizers/index.js';
import { canReach, sumOfChanges, type Finding, type Recognizer } from './recognizers/recognizer.js';
import { sortSmall } from './recognizers/sort-small.js';
import { SHAPE_WITHOUT_ANCHOR, boundOf, hasAnchor, textShapeBeyond, type ShapeBound } from './recognizers/text-shape.js';

export interface RecognizeOptions {
  /** Findings scoring below this are dropped; 0.5 by default. Lower it (e.g. 0.15) to see likely typos too. */
  minScore?: number;
}

export const DEFAULT_MIN_SCORE = 0.5;

export function recognize(text: string, recognizers: readonly Recognizer[] = RECOGNIZERS, options: RecognizeOptions = {}): Finding[] {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  if (needsAnchor(recognizers) && !hasAnchor(text)) return [];
  // A text whose shape is within one no recognizer woke on (most log lines) is answered here.
  const shape = textShapeBeyond(text, quiet);
  if (shape === undefined) return [];
  // Most lines give no candidate at all: nothing is allocated for them but the shape.
  let candidates: { finding: Finding; order: number }[] | undefined;
  let woke = false;
  for (let order = 0; order < recognizers.length; order++) {
    const recognizer = recognizers[order];
    if (recognizer.mayMatch !== undefined && !recognizer.mayMatch(shape)) continue;
    woke = true;
    // Given the threshold, the built-in recognizers do not build what cannot reach it; another may.
    for (const found of recognizer.find(text, shape, minScore)) {
      // Context words raise a score by CONTEXT_RAISE at most: a finding that cannot reach the threshold
      // even so is dropped without reading them (the same sum, in the same order, as applyContext makes).
      if (!canReach(sumOfChanges(found.reasons), minScore)) continue;
      const finding = applyContext(text, found);
      if (finding.score >= minScore) (candidates ??= []).push({ finding, order });
    }
  }
  if (!woke) rememberQuiet(boundOf(shape));
  if (candidates === undefined) return [];
  if (candidates.length === 1) return [candidates[0].finding];
  // Best first: higher score, then the longer span, then the recognizer registered first.
  sortSmall(candidates, bestFirst);
  const kept: Finding[] = [];
  for (const { finding } of candidates) {
    if (!overlapsAny(finding, kept)) kept.push(finding);
  }
  return sortSmall(kept, inTextOrder);
}

// The orders, made once rather than as a new closure at each text with two findings or more.
const bestFirst = (a: { finding: Finding; order: number }, b: { finding: Finding; order: number }): number =>
  b.finding.score - a.finding.score || b.finding.end - b.finding.start - (a.finding.end - a.finding.start) || a.order - b.order;
const inTextOrder = (a: Finding, b: Finding): number => a.start - b.start || a.end - b.end;

function overlapsAny(finding: Finding, others: readonly Finding[]): boolean {
  for (const other of others) if (finding.start < other.end && other.start < finding.end) return true;
  return false;
}

/**
 * Whether none of `recognizers` can match a text without a digit, @ or colon (true of the built-in
 * ones): such a text, most prose, is then answered without making its shape. Worked out once per list.
 */
function needsAnchor(recognizers: readonly Recognizer[]): boolean {
  // The list of the last call, as a rule the same one every time: no lookup.
  if (recognizers === lastList) return lastNeeds;
  // Another list: what was quiet for the last one may not be for this one.
  quiet.length = 0;
  nextQuiet = 0;
  let needs = NEEDS_ANCHOR.get(recognizers);
  if (needs === undefined) {
    needs = recognizers.every((recognizer) => recognizer.mayMatch !== undefined && !recognizer.mayMatch(SHAPE_WITHOUT_ANCHOR));
    NEEDS_ANCHOR.set(recognizers, needs);
  }
  lastList = recognizers;
  lastNeeds = needs;
  return needs;
}

const NEEDS_ANCHOR = new WeakMap<readonly Recognizer[], boolean>();
let lastList: readonly Recognizer[] | undefined;
let lastNeeds = false;
/**
 * The counts and flags of the last texts no recognizer of `lastList` woke on (every `mayMatch` false).
 * `mayMatch` only asks for things to be present and reads the shape's counts and flags, not the runs'
 * offsets (see `Recognizer.mayMatch`), so a text whose shape is within one of them wakes none either.
 */
const quiet: ShapeBound[] = [];
let nextQuiet = 0;

/**
 * Kept for the next texts, in place of the oldest of QUIET_BOUNDS: texts of a few kinds take turns (log
 * lines and CSV rows, say), and one bound for each keeps them all answered.
 */
function rememberQuiet(bound: ShapeBound): void {
  quiet[nextQuiet] = bound;
  nextQuiet = (nextQuiet + 1) % QUIET_BOUNDS;
}

const QUIET_BOUNDS = 4;
