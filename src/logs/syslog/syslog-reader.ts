// The syslog file reader: one message per line, as rsyslog, syslog-ng and journald's forwarders
// write /var/log/syslog, auth.log and the like (BSD or ISO timestamps, usually no `<PRI>`), or RFC
// 5424 lines as some collectors store them. Plain or gzip, streamed with one chunk plus one line in
// memory. A line that is not syslog is reported with file:line and still kept as a message-only
// event, so keyword rules see its text; reading goes on with the next line.

import { stat } from 'node:fs/promises';
import type { LogEvent } from '../../core/event.js';
import type { ReaderOptions } from '../read-problem.js';
import { readTextChunks } from '../text-chunks.js';
import { LineSplitter, type NumberedLine } from './text-lines.js';
import { DEFAULT_MAX_SYSLOG_CHARS, isSyslogProblem, parseSyslogMessage, type SyslogParseOptions } from './parse-syslog.js';
import { messageOnlyEvent, syslogEvent } from './syslog-event.js';

export interface SyslogReaderOptions extends ReaderOptions {
  /** Longest line read (default 64 KiB for syslog); a longer one is reported and skipped unread. */
  readonly maxRecordBytes?: number;
  /**
   * The year of BSD timestamps, which carry none. Default: inferred from the file's modification
   * time (the latest year that does not put a line after it), which is right for a live or rotated
   * log; give the year for a file copied or touched since.
   */
  readonly syslogYear?: number;
}

/** NUL never appears in syslog text; it does in binaries and UTF-16 without a byte order mark. */
const BINARY_PROBE_CHARS = 4096;

/** Events from a syslog file; problems go to `options.onProblem`, never thrown. */
export async function* readSyslogEvents(file: string, options: SyslogReaderOptions = {}): AsyncIterable<LogEvent> {
  const onProblem = options.onProblem;
  const maxLength = Math.max(1, options.maxRecordBytes ?? DEFAULT_MAX_SYSLOG_CHARS);
  let chunks: AsyncIterator<string> | undefined;
  try {
    const parse: SyslogParseOptions = {
      maxLength,
      defaultYear: options.syslogYear,
      receivedAt: options.syslogYear === undefined ? (await stat(file)).mtime : undefined,
    };
    chunks = readTextChunks(file, options.onBytes)[Symbol.asyncIterator]();
    const splitter = new LineSplitter(maxLength);
    const lines: NumberedLine[] = [];
    let first = true;
    for (let next = await chunks.next(); next.done !== true; next = await chunks.next()) {
      if (first) {
        first = false;
        if (next.value.lastIndexOf('\u0000', BINARY_PROBE_CHARS) !== -1) {
          onProblem?.({ file, message: 'does not look like syslog (binary); skipped' });
          return;
        }
      }
      splitter.push(next.value, lines);
      yield* toEvents(file, lines, parse, onProblem);
      lines.length = 0;
    }
    splitter.finish(lines);
    yield* toEvents(file, lines, parse, onProblem);
  } catch (error) {
    onProblem?.({ file, message: `cannot read the file: ${error instanceof Error ? error.message : String(error)}` });
  } finally {
    await chunks?.return?.();
  }
}

function* toEvents(file: string, lines: readonly NumberedLine[], parse: SyslogParseOptions, onProblem: ReaderOptions['onProblem']): Iterable<LogEvent> {
  for (const item of lines) {
    if ('tooLong' in item) {
      onProblem?.({ file, line: item.line, message: `line is longer than the limit of ${parse.maxLength} characters; skipped` });
      continue;
    }
    if (item.text.trim().length === 0) continue;
    const ref = { file, line: item.line };
    const parsed = parseSyslogMessage(item.text, parse);
    if (!isSyslogProblem(parsed)) {
      yield syslogEvent(parsed, ref);
      continue;
    }
    onProblem?.({ file, line: item.line, message: `not a syslog line (${parsed.problem}); kept as a message-only event` });
    yield messageOnlyEvent(parsed.text, ref);
  }
}

/**
 * Whether a file's first chunk looks like syslog: its first non-blank line (of the first 64 KiB)
 * parses as a syslog message. Used to pick the reader for a `.log` file.
 */
export function looksLikeSyslog(head: string): boolean {
  const limit = Math.min(head.length, DEFAULT_MAX_SYSLOG_CHARS);
  let start = 0;
  while (start < limit) {
    let end = head.indexOf('\n', start);
    if (end === -1 || end > limit) end = limit;
    const line = head.slice(start, end);
    if (line.trim().length > 0) return !isSyslogProblem(parseSyslogMessage(line));
    start = end + 1;
  }
  return false;
}
