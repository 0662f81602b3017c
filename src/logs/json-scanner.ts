// Finds where each JSON record starts and ends in text that is not one record per line: objects
// pretty-printed over many lines and written one after another (what `evtx_dump` writes), or the
// elements of a top-level array, which may be far too big to JSON.parse whole. It only tracks
// string and bracket state, one pass with charCodeAt, and hands each record's text to the caller,
// which parses it; memory is one record plus one chunk.
//
// Broken input must cost only the broken record. A record that never closes would otherwise swallow
// the rest of the file, so when a line starts with `{` at the indentation where the current record
// started, and a `{` cannot legally appear there (or the line break fell inside a string, which JSON
// never allows), the current record is reported as incomplete and a new one starts on that line.
// Valid JSON never triggers this, since it only fires where valid JSON cannot be.
//
// Two speed-ups, each in its own file: inside a record the bracket and string state runs in a tight
// loop (compound-scan.ts), and an indented record is first cut at its closing line and handed over
// whole, the careful scan taking over only when that cut does not parse (pretty-record.ts).

import {
  BACKSLASH,
  CLOSE_BRACKET,
  COMMA,
  LINE_FEED,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
  SPACE,
  TAB,
  isDelimiter,
  startsBareValue,
} from './json-chars.js';
import { CompoundState, scanCompound, type LinePosition } from './compound-scan.js';
import { countLineBreaks, prettyRecordEnd } from './pretty-record.js';

// What the scanner is inside of, carried between chunks.
/** Between records. */
const NONE = 0;
/** An object or array, ended by its matching bracket. */
const COMPOUND = 1;
/** A string standing where a record should be (the caller reports it as not an object). */
const STRING = 2;
/** A number, `true`, `false`, `null` or other bare word inside an array. */
const BARE = 3;
/** Text that cannot start a record (stray brackets, colons, words outside an array); reported once per line, never parsed. */
const JUNK = 4;

export interface ScannerSink {
  /** A complete record's text; `index` is its 1-based position when it is an array element. */
  record(text: string, line: number, index: number | undefined): void;
  /**
   * Text that is the record if it parses as a JSON object (see the pretty-printed fast path). On
   * success the sink takes it as a record and returns true; otherwise it reports nothing and returns
   * false, and the scanner finds the record the careful way.
   */
  candidate(text: string, line: number, index: number | undefined): boolean;
  problem(line: number, message: string): void;
}

export class JsonRecordScanner {
  /** Where the scan is: line, and indentation so far when still at the start of a line. */
  private readonly at: LinePosition = { line: 1, atLineStart: true, lineIndent: 0 };
  /** Line of the `[` of the top-level array being read, 0 when not inside one. */
  private arrayLine = 0;
  private elementCount = 0;

  private kind: number = NONE;
  /** Bracket and string state inside the current object or array. */
  private readonly compound = new CompoundState();
  private recordLine = 0;
  private recordIndex: number | undefined;
  /** After a backslash inside a string standing where a record should be. */
  private escaped = false;
  /** Text of the current record from earlier chunks. */
  private parts: string[] = [];
  private partsLength = 0;
  /** The current record outgrew the limit: it is still scanned to find its end, but not kept. */
  private oversized = false;
  private junkReportedLine = 0;
  /** Whether the pretty-printed fast path is still worth trying on this file. */
  private fastPath = true;
  private fastPathSuccesses = 0;
  private fastPathFailures = 0;

  constructor(
    private readonly sink: ScannerSink,
    private readonly maxRecordChars: number,
  ) {}

  /** Scans the next chunk of text. */
  scan(text: string): void {
    const length = text.length;
    let start = 0;
    let i = 0;
    while (i < length) {
      if (this.kind === COMPOUND) {
        const stop = scanCompound(this.compound, this.at, text, i);
        if (this.compound.depth === 0) {
          this.complete(text, start, stop);
        } else if (stop < length) {
          // A line starting with `{` where no `{` can be: the record was cut short.
          this.endBroken('record is incomplete: the next record starts before it ends');
        }
        i = stop;
        continue;
      }

      const c = text.charCodeAt(i);
      const firstOnLine = this.at.atLineStart;
      if (firstOnLine) {
        if (c === SPACE || c === TAB) this.at.lineIndent++;
        else if (c !== LINE_FEED) this.at.atLineStart = false;
      }

      switch (this.kind) {
        case STRING:
          i++;
          if (this.escaped) this.escaped = false;
          else if (c === QUOTE) this.complete(text, start, i);
          else if (c === BACKSLASH) this.escaped = true;
          else if (c === LINE_FEED) {
            this.endBroken('string is not closed before the end of the line');
            this.newLine();
          }
          continue;

        case BARE:
          if (!isDelimiter(c)) {
            i++;
            continue;
          }
          this.complete(text, start, i);
          break; // the delimiter itself is handled below, between records

        case JUNK:
          if (c !== LINE_FEED && c !== OPEN_BRACE && c !== OPEN_BRACKET && c !== CLOSE_BRACKET) {
            i++;
            continue;
          }
          this.endJunk();
          break;
      }

      // Between records.
      if (c === LINE_FEED) {
        this.newLine();
      } else if (c <= SPACE) {
        // whitespace between records
      } else if (c === OPEN_BRACE && firstOnLine && this.fastPath) {
        const end = this.tryPrettyRecord(text, i);
        if (end !== -1) {
          i = end;
          continue;
        }
        start = i;
        this.begin(c, this.arrayLine !== 0);
      } else if (this.arrayLine !== 0) {
        if (c === CLOSE_BRACKET) {
          this.arrayLine = 0;
        } else if (c !== COMMA) {
          start = i;
          this.begin(c, true);
        }
      } else if (c === OPEN_BRACKET) {
        this.arrayLine = this.at.line;
        this.elementCount = 0;
      } else {
        start = i;
        this.begin(c, false);
      }
      i++; // every character between records is consumed here, a record's first one included
    }

    if (this.kind !== NONE && this.kind !== JUNK && !this.oversized) {
      const rest = length - start;
      if (this.partsLength + rest > this.maxRecordChars) {
        this.markOversized();
      } else if (rest > 0) {
        this.parts.push(start === 0 ? text : text.slice(start));
        this.partsLength += rest;
      }
    }
  }

  /**
   * The fast path for pretty-printed records. A printer that indents puts the closing brace of a
   * record alone on a line at the indentation of its opening brace, and nothing inside the record
   * there; so the text up to the next such line is the record, if it parses. The sink parses it
   * (`candidate`); a complete object cannot be a proper prefix of a longer one, so a successful parse
   * proves the cut. On failure (damage, or a printer that does not indent) the careful scan takes over
   * this record, and after repeated failures for the rest of the file. Returns the index after the
   * record, or -1.
   */
  private tryPrettyRecord(text: string, from: number): number {
    const end = prettyRecordEnd(text, from, this.at.lineIndent);
    if (end === -1 || end - from > this.maxRecordChars) return -1;

    const index = this.arrayLine !== 0 ? this.elementCount + 1 : undefined;
    if (!this.sink.candidate(text.slice(from, end), this.at.line, index)) {
      this.fastPathFailures++;
      if (this.fastPathFailures >= 16 && this.fastPathFailures * 16 > this.fastPathSuccesses) this.fastPath = false;
      return -1;
    }
    this.fastPathSuccesses++;
    if (index !== undefined) this.elementCount = index;
    this.at.line += countLineBreaks(text, from, end);
    return end;
  }

  /** Ends the input: reports a record cut off by the end of the file, or an array never closed. */
  finish(): void {
    switch (this.kind) {
      case COMPOUND:
      case STRING:
        if (!this.oversized) this.sink.problem(this.recordLine, 'record is truncated at the end of the file');
        this.reset();
        break;
      case BARE:
        this.complete('', 0, 0);
        break;
      case JUNK:
        this.endJunk();
        break;
      case NONE:
        break;
    }
    if (this.arrayLine !== 0) {
      this.sink.problem(this.arrayLine, 'JSON array is not closed at the end of the file');
      this.arrayLine = 0;
    }
  }

  /** Starts whatever begins with `c` between records; only values inside an array are numbered. */
  private begin(c: number, inArray: boolean): void {
    this.recordLine = this.at.line;
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      this.kind = COMPOUND;
      this.compound.open(c, this.at.lineIndent);
    } else if (c === QUOTE) {
      this.kind = STRING;
    } else if (inArray && startsBareValue(c)) {
      this.kind = BARE;
    } else {
      this.kind = JUNK;
      return;
    }
    this.recordIndex = inArray ? ++this.elementCount : undefined;
  }

  /** The record ends at `end` in this chunk. */
  private complete(text: string, start: number, end: number): void {
    if (this.oversized) {
      this.reset();
      return;
    }
    if (this.partsLength + (end - start) > this.maxRecordChars) {
      this.markOversized();
      this.reset();
      return;
    }
    const piece = text.slice(start, end);
    const record = this.parts.length === 0 ? piece : this.parts.join('') + piece;
    const line = this.recordLine;
    const index = this.recordIndex;
    this.reset();
    this.sink.record(record, line, index);
  }

  private markOversized(): void {
    this.sink.problem(this.recordLine, `record is longer than the limit of ${this.maxRecordChars} characters; skipped`);
    this.oversized = true;
    this.parts = [];
    this.partsLength = 0;
  }

  /** Drops a record that cannot be valid, reporting it unless it was already reported as too long. */
  private endBroken(message: string): void {
    if (!this.oversized) this.sink.problem(this.recordLine, message);
    this.reset();
  }

  private endJunk(): void {
    if (this.junkReportedLine !== this.recordLine) {
      this.junkReportedLine = this.recordLine;
      this.sink.problem(this.recordLine, 'text outside any JSON object; skipped');
    }
    this.kind = NONE;
  }

  private reset(): void {
    this.kind = NONE;
    this.compound.reset();
    this.escaped = false;
    this.oversized = false;
    if (this.partsLength > 0 || this.parts.length > 0) {
      this.parts = [];
      this.partsLength = 0;
    }
  }

  private newLine(): void {
    this.at.line++;
    this.at.atLineStart = true;
    this.at.lineIndent = 0;
  }
}
