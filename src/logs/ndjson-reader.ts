// The fast path: one JSON object per line. A benchmark holds the hunt against bare JSON.parse over
// the same lines, so this adds as little as possible to it: lines are found with indexOf on whole
// chunks, no character is looked at twice, and a bad line costs only itself.

import type { Found, JsonChunkReader, JsonReadContext } from './json-context.js';
import { problemAt } from './json-context.js';
import { describeNonObject, describeParseError, isJsonObject, jsonObjectToEvent } from './json-record.js';

/** NDJSON: blank lines and CRLF endings are accepted. */
export class NdjsonReader implements JsonChunkReader {
  // The start of the current line when it began in an earlier chunk. Kept as pieces, not
  // concatenated, so a line spanning many chunks is copied once, not once per chunk.
  private pending: string[] = [];
  private pendingLength = 0;
  /** Inside a line already reported as too long: everything up to its end is dropped unread. */
  private skipping = false;
  private line = 1;

  constructor(private readonly context: JsonReadContext) {}

  push(chunk: string, out: Found[]): void {
    const max = this.context.maxRecordChars;
    let line = this.line;
    let start = 0;
    let end = chunk.indexOf('\n');

    if (this.skipping || this.pendingLength > 0) {
      if (end === -1) {
        if (!this.skipping) {
          this.pending.push(chunk);
          this.pendingLength += chunk.length;
          if (this.pendingLength > max) this.skipLongLine(out);
        }
        return;
      }
      if (!this.skipping) {
        if (this.pendingLength + end > max) out.push(this.tooLong(line));
        else this.parseLine(this.pending.join('') + chunk.slice(0, end), line, out, false);
        this.pending = [];
        this.pendingLength = 0;
      }
      this.skipping = false;
      line++;
      start = end + 1;
      end = chunk.indexOf('\n', start);
    }

    while (end !== -1) {
      if (end - start > max) out.push(this.tooLong(line));
      else if (end > start) this.parseLine(chunk.slice(start, end), line, out, false);
      line++;
      start = end + 1;
      end = chunk.indexOf('\n', start);
    }
    this.line = line;

    const rest = chunk.length - start;
    if (rest > max) {
      out.push(this.tooLong(line));
      this.skipping = true;
    } else if (rest > 0) {
      this.pending.push(start === 0 ? chunk : chunk.slice(start));
      this.pendingLength = rest;
    }
  }

  finish(out: Found[]): void {
    // A last line without a line break: complete if it parses, otherwise the file was cut off.
    if (!this.skipping && this.pendingLength > 0) this.parseLine(this.pending.join(''), this.line, out, true);
    this.pending = [];
    this.pendingLength = 0;
  }

  private parseLine(text: string, line: number, out: Found[], last: boolean): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      // Checked only after a failure, so blank lines cost nothing on the hot path.
      const trimmed = text.trim();
      if (trimmed.length === 0) return;
      const truncated = last && trimmed.startsWith('{') && !trimmed.endsWith('}');
      out.push(problemAt(this.context, line, truncated ? 'record is truncated at the end of the file' : describeParseError(error)));
      return;
    }
    if (isJsonObject(value)) out.push(jsonObjectToEvent(value, { file: this.context.file, line }));
    else out.push(problemAt(this.context, line, describeNonObject(value)));
  }

  private skipLongLine(out: Found[]): void {
    out.push(this.tooLong(this.line));
    this.skipping = true;
    this.pending = [];
    this.pendingLength = 0;
  }

  private tooLong(line: number) {
    return problemAt(this.context, line, `record is longer than the limit of ${this.context.maxRecordChars} characters; skipped`);
  }
}
