// What the JSON layout readers share: the file being read, and the shape every layout reader has,
// so json.ts drives them all with one loop.

import type { LogEvent } from '../core/event.js';
import type { ReadProblem } from './read-problem.js';

/** The file being read and the limit on one record. */
export interface JsonReadContext {
  readonly file: string;
  /** Longest record kept, in decoded characters (a UTF-8 byte is at most one character). */
  readonly maxRecordChars: number;
}

/** Events and problems in file order; a record may be left to parse when its turn comes. */
export type Found = LogEvent | ReadProblem | DeferredRecord;

/** A record whose parsing waits until the consumer reaches it (undefined: nothing there, a blank line). */
export interface DeferredRecord {
  readonly deferred: true;
  parse(): LogEvent | ReadProblem | undefined;
}

/**
 * Turns text chunks into events, synchronously: a whole chunk at a time into `out`, so the async
 * machinery runs once per event at the outermost generator only, not once per layer.
 */
export interface JsonChunkReader {
  push(chunk: string, out: Found[]): void;
  /** The end of the text: a last record without a line break, or one cut off. */
  finish(out: Found[]): void;
}

export function problemAt(context: JsonReadContext, line: number, message: string): ReadProblem {
  return { file: context.file, line, message };
}
