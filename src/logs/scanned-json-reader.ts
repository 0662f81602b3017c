// JSON that is not one record per line: pretty-printed objects one after another (as evtx_dump
// writes them) or a top-level array, however large. The scanner cuts the records out; each is
// parsed on its own, so one bad record costs only itself.

import type { EventRef } from '../core/event.js';
import type { Found, JsonChunkReader, JsonReadContext } from './json-context.js';
import { problemAt } from './json-context.js';
import { describeNonObject, describeParseError, isJsonObject, jsonObjectToEvent } from './json-record.js';
import { JsonRecordScanner } from './json-scanner.js';

export class ScannedJsonReader implements JsonChunkReader {
  private readonly scanner: JsonRecordScanner;
  /** Where the scanner's findings go while one chunk is scanned. */
  private out: Found[] = [];

  constructor(private readonly context: JsonReadContext) {
    this.scanner = new JsonRecordScanner(
      {
        record: (text, line, index) => {
          let value: unknown;
          try {
            value = JSON.parse(text);
          } catch (error) {
            this.out.push(problemAt(context, line, describeParseError(error)));
            return;
          }
          this.out.push(
            isJsonObject(value)
              ? jsonObjectToEvent(value, this.reference(line, index))
              : problemAt(context, line, describeNonObject(value)),
          );
        },
        candidate: (text, line, index) => {
          let value: unknown;
          try {
            value = JSON.parse(text);
          } catch {
            return false;
          }
          if (!isJsonObject(value)) return false;
          this.out.push(jsonObjectToEvent(value, this.reference(line, index)));
          return true;
        },
        problem: (line, message) => this.out.push(problemAt(context, line, message)),
      },
      context.maxRecordChars,
    );
  }

  push(chunk: string, out: Found[]): void {
    this.out = out;
    this.scanner.scan(chunk);
  }

  finish(out: Found[]): void {
    this.out = out;
    this.scanner.finish();
  }

  private reference(line: number, index: number | undefined): EventRef {
    return index === undefined ? { file: this.context.file, line } : { file: this.context.file, line, record: index };
  }
}
