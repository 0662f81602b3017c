// Scans decoded text pushed in chunks, in bounded memory. Text is split on lines; a line longer than
// `windowSize` is scanned in overlapping windows (the overlap longer than any identifier), so a 1 GB line
// never needs 1 GB of memory; a finding that starts before a window's overlap is reported from that
// window, and the next window (which also repeats the context words' reach before the overlap) skips
// anything that begins before the overlap or inside a finding already reported.
// For CSV/TSV the first line is the header, and each finding on a (not windowed) line is given its column's
// name; each value is read with its column's name before it as context words, as a person reading the
// table would (a number under 银行卡号 is a bank card even when Luhn fails, under 订单号 it is not a phone).
// A header cell that itself holds an identifier is neither a name nor context: it would print unmasked.
// Quoted fields are understood within a line; a quoted field spanning lines is not followed.
// Findings leave this module masked; the raw value goes only to the `onFinding` callback's `value`, which
// callers hash and drop (see tally.ts).
import { recognize } from '../recognize.js';
import { RECOGNIZERS } from '../recognizers/index.js';
import { CONTEXT_WINDOW } from '../recognizers/context.js';
import type { Category, Finding } from '../recognizers/recognizer.js';
import { maskValue } from './mask.js';

export const DEFAULT_WINDOW_SIZE = 1024 * 1024;
/** Longer than any identifier (an e-mail address is at most 254 characters) and the context words around it. */
export const DEFAULT_OVERLAP = 320;
/** Text kept before the next window's first reportable finding, so its context words are still seen. */
const LOOK_BEHIND = CONTEXT_WINDOW * 2;
/** Characters of a column's name put before each of its values as context words. */
const HEADER_CONTEXT_LENGTH = 40;

/** What goes before a column's value so its name is read as context words: `手机: `, the name cut at 40 characters. */
export function columnNamePrefix(name: string): string {
  return `${name.slice(0, HEADER_CONTEXT_LENGTH).replace(/\t/g, ' ')}: `;
}

export interface ScannedFinding {
  readonly category: Category;
  /** 1-based line number. */
  readonly line: number;
  /** 1-based character position in the line. */
  readonly column: number;
  /** CSV/TSV: the header's name of the field the finding is in. */
  readonly columnName?: string;
  readonly masked: string;
  readonly score: number;
}

export interface TextScanOptions {
  readonly minScore?: number;
  /** 'csv' or 'tsv' reads the first line as a header and names each finding's column. */
  readonly table?: 'csv' | 'tsv';
  readonly windowSize?: number;
  readonly overlap?: number;
}

/** The raw value is given for counting distinct individuals only: never store or print it. */
export type FindingListener = (finding: ScannedFinding, value: string) => void;

export class TextScanner {
  private pending = '';
  /** Offset in the current line of `pending[0]`; above 0 once the line is being scanned in windows. */
  private pendingOffset = 0;
  /** Offset in the current line up to which findings were reported from earlier windows. */
  private reportedUpTo = 0;
  /** Offset in `pending` before which the previous window reported. */
  private reportFrom = 0;
  private readonly lookBehind: number;
  private lineNumber = 1;
  /** The header's names; undefined for a cell that is empty or holds an identifier itself. */
  private header: (string | undefined)[] | undefined;
  private readonly windowSize: number;
  private readonly overlap: number;

  constructor(
    private readonly onFinding: FindingListener,
    private readonly options: TextScanOptions = {},
  ) {
    this.windowSize = options.windowSize ?? DEFAULT_WINDOW_SIZE;
    this.overlap = Math.min(options.overlap ?? DEFAULT_OVERLAP, Math.floor(this.windowSize / 2));
    this.lookBehind = Math.min(LOOK_BEHIND, Math.floor(this.windowSize / 4));
  }

  /** Lines completed so far (the line being read is not counted until it ends). */
  get lines(): number {
    return this.lineNumber - 1;
  }

  push(chunk: string): void {
    let from = 0;
    for (;;) {
      const newline = chunk.indexOf('\n', from);
      if (newline < 0) {
        this.pending += chunk.slice(from);
        while (this.pending.length >= this.windowSize) this.scanWindow();
        return;
      }
      this.pending += chunk.slice(from, newline);
      this.endLine();
      from = newline + 1;
    }
  }

  /** Scans what is left after the last newline. */
  end(): void {
    if (this.pending.length > 0 || this.pendingOffset > 0) this.endLine();
  }

  private scanWindow(): void {
    const cut = this.windowSize - this.overlap;
    this.report(this.pending.slice(0, this.windowSize), cut, false);
    let keep = Math.max(0, cut - this.lookBehind);
    // Never cut a surrogate pair in two.
    const code = this.pending.charCodeAt(keep);
    if (code >= 0xdc00 && code <= 0xdfff) keep--;
    this.pending = this.pending.slice(keep);
    this.pendingOffset += keep;
    this.reportFrom = cut - keep;
  }

  private endLine(): void {
    const text = this.pending.endsWith('\r') ? this.pending.slice(0, -1) : this.pending;
    const isHeader = this.options.table !== undefined && this.lineNumber === 1;
    if (isHeader && this.pendingOffset === 0) this.header = headerNames(text, this.delimiter(), this.options.minScore);
    this.report(text, text.length, this.pendingOffset === 0 && !isHeader);
    this.pending = '';
    this.pendingOffset = 0;
    this.reportedUpTo = 0;
    this.reportFrom = 0;
    this.lineNumber++;
  }

  /** Reports the findings in `text` (at `pendingOffset` in the line) that start before `startsBefore`. */
  private report(text: string, startsBefore: number, wholeLine: boolean): void {
    if (wholeLine && this.header !== undefined) {
      this.reportRow(text);
      return;
    }
    const findings = recognize(text, RECOGNIZERS, { minScore: this.options.minScore });
    for (const finding of findings) {
      const start = this.pendingOffset + finding.start;
      if (finding.start < this.reportFrom || finding.start >= startsBefore || start < this.reportedUpTo) continue;
      this.reportedUpTo = this.pendingOffset + finding.end;
      this.emit(finding, start, undefined);
    }
  }

  /**
   * A CSV/TSV row, field by field: each value after its column's name (its context, and only its own —
   * a neighbouring column's name must not raise a value), each finding placed back in its field.
   */
  private reportRow(text: string): void {
    const fields = splitFields(text, this.delimiter());
    fields.forEach((field, index) => {
      if (field.end === field.start) return;
      const name = this.header?.[index];
      const prefix = name === undefined ? '' : columnNamePrefix(name);
      for (const finding of recognize(prefix + text.slice(field.start, field.end), RECOGNIZERS, { minScore: this.options.minScore })) {
        // A finding within the column's name put before the value is not data of this row.
        if (finding.start < prefix.length) continue;
        this.emit(finding, field.start + finding.start - prefix.length, name ?? `column ${index + 1}`);
      }
    });
  }

  private emit(finding: Finding, start: number, columnName: string | undefined): void {
    const scanned: ScannedFinding = {
      category: finding.category,
      line: this.lineNumber,
      column: start + 1,
      ...(columnName !== undefined ? { columnName } : {}),
      masked: maskValue(finding.category, finding.text),
      score: finding.score,
    };
    this.onFinding(scanned, finding.text);
  }

  private delimiter(): string {
    return this.options.table === 'tsv' ? '\t' : ',';
  }
}

export interface Field {
  readonly start: number;
  /** End exclusive, before the delimiter. */
  readonly end: number;
  /** The field's text without its quotes. */
  readonly value: string;
}

/** The header row's names: a cell that is empty or holds an identifier (it would print unmasked) has none. */
function headerNames(text: string, delimiter: string, minScore: number | undefined): (string | undefined)[] {
  const fields = splitFields(text, delimiter);
  const findings = recognize(text, RECOGNIZERS, { minScore });
  return fields.map((field) => {
    const holdsIdentifier = findings.some((finding) => finding.start < field.end && finding.end > field.start);
    const name = field.value.trim().replace(/\s+/g, ' ');
    return holdsIdentifier || name === '' ? undefined : name;
  });
}

/** Splits one CSV/TSV line into fields, with RFC 4180 quotes ("a, b" and "" for a quote). */
export function splitFields(line: string, delimiter: string): Field[] {
  const fields: Field[] = [];
  let start = 0;
  let value = '';
  let quoted = false;
  for (let i = 0; i <= line.length; i++) {
    const character = line[i];
    if (quoted) {
      if (character === '"' && line[i + 1] === '"') {
        value += '"';
        i++;
      } else if (character === '"') quoted = false;
      else if (character !== undefined) value += character;
      else fields.push({ start, end: i, value });
    } else if (character === delimiter || character === undefined) {
      fields.push({ start, end: i, value });
      start = i + 1;
      value = '';
    } else if (character === '"' && value.trim() === '') {
      quoted = true;
      value = '';
    } else value += character;
  }
  return fields;
}
