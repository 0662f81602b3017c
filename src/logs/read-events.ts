// One entry point for every log format. Each reader is one row in READERS: the extensions a
// directory walk picks up, the extensions read only when named explicitly, and the function that
// reads.

import type { LogEvent } from '../core/event.js';
import { readEvtxEvents, type EvtxReaderOptions } from './evtx/evtx-reader.js';
import { readJsonEvents, type JsonReaderOptions } from './json.js';
import { looksLikeSyslog, readSyslogEvents, type SyslogReaderOptions } from './syslog/syslog-reader.js';
import { readTextChunks } from './text-chunks.js';

/** Options any reader accepts; each reader ignores the ones that are not its own. */
export type ReadEventsOptions = JsonReaderOptions & EvtxReaderOptions & SyslogReaderOptions;

interface LogReader {
  readonly format: string;
  /** Extensions (lower case, with the dot) picked up when walking a directory. */
  readonly extensions: readonly string[];
  /** Whether `.gz` of those extensions are this format too (the reader decompresses them). */
  readonly gzip: boolean;
  /**
   * Extensions read only when the file is named explicitly and its content looks like this format
   * (a `.log` file is as likely syslog as JSON). When several readers sniff one extension, the first
   * whose `looksRight` accepts the file's first chunk reads it.
   */
  readonly sniffedExtensions: readonly string[];
  readonly looksRight: (head: string) => boolean;
  readonly read: (file: string, options: ReadEventsOptions) => AsyncIterable<LogEvent>;
}

const READERS: readonly LogReader[] = [
  {
    format: 'json',
    extensions: ['.json', '.jsonl', '.ndjson'],
    gzip: true,
    sniffedExtensions: ['.log'],
    looksRight: (head) => /^\s*[[{]/.test(head),
    read: readJsonEvents,
  },
  {
    format: 'evtx',
    extensions: ['.evtx'],
    gzip: false,
    sniffedExtensions: [],
    looksRight: () => true,
    read: readEvtxEvents,
  },
  {
    format: 'syslog',
    extensions: ['.syslog'],
    gzip: true,
    sniffedExtensions: ['.log'],
    // After JSON: a syslog line never starts with `{` or `[`, and the first line must parse.
    looksRight: looksLikeSyslog,
    read: readSyslogEvents,
  },
];

/** True when a directory walk should read this file. */
export function isSupportedLogFile(path: string): boolean {
  const extension = extensionOf(path);
  const gzip = path.toLowerCase().endsWith('.gz');
  return READERS.some((reader) => reader.extensions.includes(extension) && (reader.gzip || !gzip));
}

/**
 * Events from a log file of any supported format; an unsupported file is a problem, not a throw.
 * The reader's own iterable is returned, not wrapped, so no extra async step is paid per event.
 */
export function readEvents(file: string, options: ReadEventsOptions = {}): AsyncIterable<LogEvent> {
  const extension = extensionOf(file);
  const reader = READERS.find((candidate) => candidate.extensions.includes(extension));
  if (reader !== undefined) return reader.read(file, options);
  const sniffing = READERS.filter((candidate) => candidate.sniffedExtensions.includes(extension));
  return sniffing.length === 0 ? unsupported(file, options) : readWhatItLooksLike(file, sniffing, options);
}

async function* readWhatItLooksLike(file: string, candidates: readonly LogReader[], options: ReadEventsOptions): AsyncIterable<LogEvent> {
  const reader = await chooseBySniffing(file, candidates);
  if (reader !== undefined) yield* reader.read(file, options);
  else yield* unsupported(file, options);
}

// A generator, so the problem is reported when the caller starts reading, as with every other file.
// eslint-disable-next-line require-yield
async function* unsupported(file: string, options: ReadEventsOptions): AsyncIterable<LogEvent> {
  options.onProblem?.({ file, message: 'not a supported log format; skipped' });
}

/** The file's extension in lower case, looking through a final `.gz`: `a.JSON.gz` → `.json`. */
function extensionOf(path: string): string {
  let name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
  if (name.endsWith('.gz')) name = name.slice(0, -3);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot);
}

/**
 * The first candidate whose format the file's first chunk (decompressed) looks like. An empty file,
 * or one that cannot be read, goes to the first candidate, which reads nothing or reports why.
 */
async function chooseBySniffing(file: string, candidates: readonly LogReader[]): Promise<LogReader | undefined> {
  try {
    for await (const chunk of readTextChunks(file)) return candidates.find((reader) => reader.looksRight(chunk));
    return candidates[0];
  } catch {
    return candidates[0];
  }
}
