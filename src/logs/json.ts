// The JSON log reader: NDJSON, a top-level array, or pretty-printed objects one after another,
// plain or gzip, told apart by content. It streams with bounded memory (one chunk plus one record),
// and a bad record is reported with its line and skipped; nothing about the input makes it throw.

import type { LogEvent } from '../core/event.js';
import type { Found, JsonChunkReader, JsonReadContext } from './json-context.js';
import { detectJsonLayout, type JsonLayout } from './json-layout.js';
import { NdjsonReader } from './ndjson-reader.js';
import type { ReaderOptions } from './read-problem.js';
import { ScannedJsonReader } from './scanned-json-reader.js';
import { readTextChunks } from './text-chunks.js';

export type { ReadProblem } from './read-problem.js';

export interface JsonReaderOptions extends ReaderOptions {
  /**
   * Longest record kept (default 64 MiB); a longer one is reported and skipped without being held
   * in memory. Counted in decoded characters, which for UTF-8 never exceed the bytes.
   */
  readonly maxRecordBytes?: number;
}

export const DEFAULT_MAX_RECORD_BYTES = 64 * 1024 * 1024;

/** Events from a JSON log file; problems go to `options.onProblem`, never thrown. */
export async function* readJsonEvents(
  file: string,
  options: JsonReaderOptions = {},
): AsyncIterable<LogEvent> {
  const onProblem = options.onProblem;
  const context: JsonReadContext = {
    file,
    maxRecordChars: Math.max(1, options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES),
  };
  let chunks: AsyncIterator<string> | undefined;
  try {
    chunks = readTextChunks(file, options.onBytes)[Symbol.asyncIterator]();
    const { head, layout } = await readHead(chunks, context.maxRecordChars);
    if (layout === 'not-json') {
      onProblem?.({ file, message: 'does not look like JSON (binary, or no JSON object in its first lines); skipped' });
      return;
    }
    const reader: JsonChunkReader = layout === 'ndjson' ? new NdjsonReader(context) : new ScannedJsonReader(context);
    // One generator, one loop: the layout readers work a chunk at a time, synchronously, so the
    // cost of async iteration is paid once per event here and nowhere else.
    const found: Found[] = [];
    let next: IteratorResult<string> = { done: false, value: head };
    while (next.done !== true) {
      reader.push(next.value, found);
      for (const entry of found) {
        const item = 'deferred' in entry ? entry.parse() : entry;
        if (item === undefined) continue;
        if ('fields' in item) yield item;
        else onProblem?.(item);
      }
      found.length = 0;
      next = await chunks.next();
    }
    reader.finish(found);
    for (const entry of found) {
      const item = 'deferred' in entry ? entry.parse() : entry;
      if (item === undefined) continue;
      if ('fields' in item) yield item;
      else onProblem?.(item);
    }
  } catch (error) {
    onProblem?.({ file, message: `cannot read the file: ${describeError(error)}` });
  } finally {
    await chunks?.return?.();
  }
}

/**
 * Reads just enough of the file to choose its layout. Chunks are kept as a list and joined once, so
 * a very long first line is not copied again with every chunk.
 */
async function readHead(chunks: AsyncIterator<string>, maxRecordChars: number): Promise<{ head: string; layout: JsonLayout }> {
  const pieces: string[] = [];
  let length = 0;
  for (;;) {
    const next = await chunks.next();
    if (next.done) {
      const head = pieces.join('');
      return { head, layout: detectJsonLayout(head, true) ?? 'scanned' };
    }
    pieces.push(next.value);
    length += next.value.length;
    // Only a new line break can change the answer; a first line longer than any record may be is
    // not worth waiting for, and the scanner copes with anything.
    const tooLong = length > maxRecordChars;
    if (next.value.indexOf('\n') !== -1 || tooLong) {
      const head = pieces.join('');
      const layout = detectJsonLayout(head, false) ?? (tooLong ? 'scanned' : undefined);
      if (layout !== undefined) return { head, layout };
      pieces.length = 0;
      pieces.push(head);
    }
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    // Node's file errors already start with their code (`ENOENT: no such file…`); zlib's do not.
    const code = (error as NodeJS.ErrnoException).code;
    return code === undefined || error.message.includes(code) ? error.message : `${code}: ${error.message}`;
  }
  return String(error);
}
