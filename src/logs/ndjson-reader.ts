// The fast path: one JSON object per line. A benchmark holds the hunt against bare JSON.parse over
// the same lines, so this adds as little as possible to it: lines are found with indexOf on whole
// chunks, no character is looked at twice, and a bad line costs only itself.

import type { LogEvent } from '../core/event.js';
import type { DeferredRecord, Found, JsonChunkReader, JsonReadContext } from './json-context.js';
import type { ReadProblem } from './read-problem.js';
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
        else out.push(new UnparsedLine(this, this.pending.join('') + chunk.slice(0, end), line, false));
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
      else if (end > start) out.push(new UnparsedLine(this, chunk.slice(start, end), line, false));
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
    if (!this.skipping && this.pendingLength > 0) out.push(new UnparsedLine(this, this.pending.join(''), this.line, true));
    this.pending = [];
    this.pendingLength = 0;
  }

  /** One line's event, or its problem; undefined for a blank line. */
  parseLine(text: string, line: number, last: boolean): LogEvent | ReadProblem | undefined {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      // Checked only after a failure, so blank lines cost nothing on the hot path.
      const trimmed = text.trim();
      if (trimmed.length === 0) return undefined;
      const truncated = last && trimmed.startsWith('{') && !trimmed.endsWith('}');
      return problemAt(this.context, line, truncated ? 'record is truncated at the end of the file' : describeParseError(error));
    }
    if (isJsonObject(value)) return jsonObjectToEvent(value, { file: this.context.file, line });
    return problemAt(this.context, line, describeNonObject(value));
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

/**
 * A line found in a chunk, parsed only when the reader's consumer comes to it. Parsing a whole chunk
 * first kept its ~700 events alive together, so every young-generation collection copied (and then
 * promoted) hundreds of them; parsed one at a time, an event is garbage before the next is made.
 */
class UnparsedLine implements DeferredRecord {
  readonly deferred = true;

  constructor(
    private readonly reader: NdjsonReader,
    private readonly text: string,
    private readonly line: number,
    private readonly last: boolean,
  ) {}

  parse(): LogEvent | ReadProblem | undefined {
    return this.reader.parseLine(this.text, this.line, this.last);
  }
}
