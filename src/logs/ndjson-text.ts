// NDJSON already in memory (an ingestion request's body) → events, with every bad line named by its
// number. The file readers stream; a request body is bounded by the server's body limit, so it is
// simply split.
import type { LogEvent } from '../core/event.js';
import { describeNonObject, describeParseError, isJsonObject, jsonObjectToEvent } from './json-record.js';

export interface NdjsonTextResult {
  readonly events: LogEvent[];
  readonly problems: { readonly line: number; readonly message: string }[];
}

/** `source` names the events' origin in their ref (e.g. `ingest`). Blank lines are skipped. */
export function parseNdjsonText(text: string, source: string): NdjsonTextResult {
  const events: LogEvent[] = [];
  const problems: { line: number; message: string }[] = [];
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    const content = text.slice(start, end).trim();
    start = end + 1;
    if (content === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch (error) {
      problems.push({ line, message: describeParseError(error) });
      continue;
    }
    if (isJsonObject(value)) events.push(jsonObjectToEvent(value, { file: source, line }));
    else problems.push({ line, message: describeNonObject(value) });
  }
  return { events, problems };
}
