// The verdict on one database column, in two steps. Sampling: a bounded number of the column's values,
// spread over the table, are run through the recognizers; a category found in enough of them makes the
// column a candidate. Confirming: every value of a candidate column is read and counted, with distinct
// individuals and masked samples, and the category is kept if it still holds for the whole column.
// Pure: values in, counts out; the raw value goes only to the tally, which hashes it.
import { recognize } from '../recognize.js';
import { RECOGNIZERS } from '../recognizers/index.js';
import type { Category, Finding, Recognizer } from '../recognizers/recognizer.js';
import { maskValue } from './mask.js';
import { Tally, type CategoryTally } from './tally.js';

export interface VerdictThresholds {
  /** Findings scoring below this are ignored (as `recognize`'s minScore). */
  readonly minScore: number;
  /** The share of a column's non-null values that must hold the category. */
  readonly minShare: number;
  /** The number of values that must hold it, unless the column has fewer than twice as many. */
  readonly minMatches: number;
}

/** 2 %: a free-text column where one value in fifty holds a phone is flagged; noise that matches by chance (one in tens of thousands) is not. */
export const DEFAULT_MIN_SHARE = 0.02;
export const DEFAULT_MIN_MATCHES = 5;
/** Findings this low are look-alikes: the shape of an identifier whose check digit (or context) failed. */
export const LOOK_ALIKE_SCORE = 0.1;
/**
 * A check digit passes by chance about once in ten (Luhn; one in eleven for the resident ID's), so a
 * column of other numbers of the same shape — transaction ids, serials — shows about nine look-alikes for
 * each value that passes, while a column of real identifiers shows almost none. More than this many
 * look-alikes per passing value, and the passes are taken for chance.
 */
export const CHANCE_LOOK_ALIKES_PER_MATCH = 2;

export interface ColumnCategory extends CategoryTally {
  /** Values holding at least one finding of the category (`count` counts findings, a value may hold two). */
  readonly values: number;
  /** `values` over the non-null values read. */
  readonly share: number;
}

/**
 * The findings in one value, read with the column's name before it as context, as a person reading the
 * table would: a column named `mobile`, `手机` or `bank_card` raises a number in it as a label written
 * before it in a text does, and `order_no` lowers it. Findings within the name itself are dropped.
 */
export function findingsInColumnValue(column: string, value: string, minScore: number, recognizers: readonly Recognizer[] = RECOGNIZERS): Finding[] {
  const prefix = `${column}: `;
  return recognize(prefix + value, recognizers, { minScore }).filter((finding) => finding.start >= prefix.length);
}

/** Whether `values` of `read` non-null values are enough to call the column a holder of a category. */
export function meetsThresholds(values: number, read: number, thresholds: VerdictThresholds): boolean {
  if (values === 0 || read === 0) return false;
  return values / read >= thresholds.minShare && values >= Math.min(thresholds.minMatches, Math.ceil(read / 2));
}

/** The sampling step of one column: which categories its sample holds, and in how many values. */
export class ColumnSample {
  private readonly valuesWith = new Map<Category, number>();
  private readonly lookAlikesOf = new Map<Category, number>();
  private read = 0;

  constructor(
    private readonly column: string,
    private readonly thresholds: VerdictThresholds,
  ) {}

  add(value: string): void {
    this.read++;
    const findings = findingsInColumnValue(this.column, value, Math.min(LOOK_ALIKE_SCORE, this.thresholds.minScore));
    const found = new Set(findings.filter((finding) => finding.score >= this.thresholds.minScore).map((finding) => finding.category));
    for (const category of found) this.valuesWith.set(category, (this.valuesWith.get(category) ?? 0) + 1);
    for (const category of new Set(findings.filter((finding) => finding.score < this.thresholds.minScore && !found.has(finding.category)).map((finding) => finding.category))) {
      this.lookAlikesOf.set(category, (this.lookAlikesOf.get(category) ?? 0) + 1);
    }
  }

  /** Sampled values holding only a look-alike of the category (below the threshold). */
  lookAlikes(category: Category): number {
    return this.lookAlikesOf.get(category) ?? 0;
  }

  get sampled(): number {
    return this.read;
  }

  /** Categories found in the sample, most values first, each with how many sampled values held it. */
  matches(): { category: Category; values: number }[] {
    return [...this.valuesWith.entries()].map(([category, values]) => ({ category, values })).sort((a, b) => b.values - a.values || a.category.localeCompare(b.category));
  }

  /**
   * The categories that make the column a candidate, to be confirmed over the whole column: found in
   * enough values, and not outnumbered by look-alikes as matches by chance are.
   */
  candidates(): Category[] {
    return this.matches()
      .filter((match) => meetsThresholds(match.values, this.read, this.thresholds))
      .filter((match) => this.lookAlikes(match.category) <= CHANCE_LOOK_ALIKES_PER_MATCH * match.values)
      .map((match) => match.category);
  }
}

/**
 * The confirming step of one column: every value read, only the candidate categories counted. Only the
 * recognizers of the categories the column's sample held run (the candidates, and any other category
 * seen there, so that overlaps are resolved as they were in the sample): a tenth of the recognizers,
 * and a half to a quarter of the time, over a column of a million values. The
 * confirmed categories' findings are merged into `totals` (the whole report's tally) by `result`, so the
 * same person in a file and a table counts once, and a candidate dropped in the end counts nowhere.
 */
export class ColumnConfirmation {
  private readonly tally = new Tally();
  private readonly valuesWith = new Map<Category, number>();
  private readonly recognizers: readonly Recognizer[];
  private read = 0;

  /** `sampled`: every category the sample held, candidates included. */
  constructor(
    private readonly column: string,
    private readonly location: string,
    private readonly candidates: readonly Category[],
    private readonly thresholds: VerdictThresholds,
    sampled: readonly Category[] = candidates,
  ) {
    this.recognizers = RECOGNIZERS.filter((recognizer) => candidates.includes(recognizer.category) || sampled.includes(recognizer.category));
  }

  add(value: string): void {
    this.read++;
    const findings = findingsInColumnValue(this.column, value, this.thresholds.minScore, this.recognizers);
    if (findings.length === 0) return;
    const seen: Category[] = [];
    for (const finding of findings) {
      if (!this.candidates.includes(finding.category)) continue;
      if (!seen.includes(finding.category)) seen.push(finding.category);
      this.tally.add(finding.category, finding.text, () => ({ masked: maskValue(finding.category, finding.text), location: this.location }));
    }
    for (const category of seen) this.valuesWith.set(category, (this.valuesWith.get(category) ?? 0) + 1);
  }

  /** Non-null values read. */
  get valuesRead(): number {
    return this.read;
  }

  /**
   * The confirmed categories, most values first; a candidate that does not hold over the whole column
   * is dropped. Those kept are added to `totals`: call once.
   */
  result(totals?: Tally): ColumnCategory[] {
    const confirmed = this.tally
      .result()
      .map((tally) => {
        const values = this.valuesWith.get(tally.category) ?? 0;
        return { ...tally, values, share: this.read === 0 ? 0 : values / this.read };
      })
      .filter((category) => meetsThresholds(category.values, this.read, this.thresholds))
      .sort((a, b) => b.values - a.values || a.category.localeCompare(b.category));
    totals?.merge(
      this.tally,
      confirmed.map((category) => category.category),
    );
    return confirmed;
  }
}

/** Up to `size` items of `items`, evenly spaced, so that a sample thinned to size still covers all of it. */
export function evenlySpaced<T>(items: readonly T[], size: number): T[] {
  if (items.length <= size) return [...items];
  const step = items.length / size;
  return Array.from({ length: size }, (_, index) => items[Math.floor(index * step)]!);
}
