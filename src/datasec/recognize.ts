// One pass of every recognizer over a text: context words applied, findings under the threshold
// dropped, overlaps resolved so that each character belongs to at most one finding, the best one
// (an 18-digit resident ID is not also reported as a bank card, a +86 mobile not also as an E.164 phone).

import { applyContext } from './recognizers/context.js';
import { RECOGNIZERS } from './recognizers/index.js';
import type { Finding, Recognizer } from './recognizers/recognizer.js';

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
    const mayMatch = MAY_MATCH[recognizer.id];
    if (mayMatch !== undefined && !mayMatch(shape)) return;
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

/** What one pass over the text tells about it, enough to know which recognizers cannot match. */
interface TextShape {
  /** The longest run of consecutive ASCII digits. */
  longestDigitRun: number;
  at: boolean;
  /** Colons, and whether two stand together: an IPv6 address has seven (six before an embedded IPv4), or a `::`. */
  colons: number;
  doubleColon: boolean;
  plus: boolean;
  dot: boolean;
  upper: boolean;
  nonAscii: boolean;
}

function textShape(text: string): TextShape {
  const shape: TextShape = { longestDigitRun: 0, at: false, colons: 0, doubleColon: false, plus: false, dot: false, upper: false, nonAscii: false };
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      run++;
      if (run > shape.longestDigitRun) shape.longestDigitRun = run;
      continue;
    }
    run = 0;
    if (code >= 65 && code <= 90) shape.upper = true;
    else if (code === 64) shape.at = true;
    else if (code === 58) {
      shape.colons++;
      if (i > 0 && text.charCodeAt(i - 1) === 58) shape.doubleColon = true;
    }
    else if (code === 43) shape.plus = true;
    else if (code === 46) shape.dot = true;
    else if (code > 127) shape.nonAscii = true;
  }
  return shape;
}

/**
 * For each built-in recognizer, what its pattern cannot match without (read off the patterns: an
 * 18-digit ID needs 17 digits in a row, a card four, an e-mail an @, a plate a province character and a
 * capital letter, an IPv6 address six colons or a `::`). A line that lacks it skips that recognizer's
 * pass: running all fourteen patterns over every line was nearly all of a scan's time. Conditions are necessary, never sufficient, so nothing a
 * recognizer would find is lost; a recognizer not listed always runs.
 */
const MAY_MATCH: Readonly<Record<string, (shape: TextShape) => boolean>> = {
  'cn-resident-id': (shape) => shape.longestDigitRun >= 17,
  'cn-residence-permit': (shape) => shape.longestDigitRun >= 17,
  'cn-uscc': (shape) => shape.longestDigitRun >= 6,
  'cn-mobile': (shape) => shape.longestDigitRun >= 3,
  'bank-card': (shape) => shape.longestDigitRun >= 4,
  'credit-card': (shape) => shape.longestDigitRun >= 4,
  'cn-passport': (shape) => shape.longestDigitRun >= 7 && shape.upper,
  'cn-travel-permit': (shape) => shape.longestDigitRun >= 7 && shape.upper,
  'cn-vehicle-plate': (shape) => shape.nonAscii && shape.upper,
  iban: (shape) => shape.longestDigitRun >= 2 && shape.upper,
  email: (shape) => shape.at,
  ipv4: (shape) => shape.dot && shape.longestDigitRun >= 1,
  ipv6: (shape) => shape.doubleColon || shape.colons >= 6,
  'e164-phone': (shape) => shape.plus && shape.longestDigitRun >= 1,
};
