// Scans files and folders for personal data: walks the paths, reads each file as a stream, detects its
// encoding from the first chunk, decodes (GB18030 and UTF-16 through a streaming TextDecoder), and feeds
// the text to a TextScanner. CSV/TSV findings are named by header column; JSON, NDJSON, logs and any other
// file that detects as text are scanned as plain text, line by line. A file that cannot be read, is binary
// or is not valid text becomes a problem naming it, and the scan goes on with the rest.
// This is the I/O edge of datasec/scan: file reads only, no console, no process state.
import { createReadStream } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { TextDecoder } from 'node:util';
import { detectEncoding, type TextEncoding } from './detect-encoding.js';
import { TextScanner, type ScannedFinding } from './scan-text.js';
import type { DatabaseScan } from './scan-database.js';
import { Tally, type CategoryTally } from './tally.js';

export const READ_CHUNK_SIZE = 64 * 1024;

export interface ScanProblem {
  readonly path: string;
  readonly message: string;
}

export interface ScanGroup {
  /** CSV/TSV: the header's column name; absent for findings in plain text. */
  readonly column?: string;
  readonly categories: readonly CategoryTally[];
}

export interface FileScan {
  readonly path: string;
  readonly encoding: TextEncoding;
  readonly bytes: number;
  readonly lines: number;
  readonly groups: readonly ScanGroup[];
}

export interface ScanReport {
  /** Files scanned with at least one finding. */
  readonly files: readonly FileScan[];
  /** Databases reached (scan-targets.ts), each with a verdict per column; empty for scanFiles. */
  readonly databases: readonly DatabaseScan[];
  /** Per category over every file and database column: the same person in two places counts once. */
  readonly totals: readonly CategoryTally[];
  readonly problems: readonly ScanProblem[];
  readonly filesScanned: number;
  readonly bytesScanned: number;
}

export interface ScanProgress {
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly file: string;
}

export interface ScanFilesOptions {
  readonly minScore?: number;
  readonly onProgress?: (progress: ScanProgress) => void;
  readonly onProblem?: (problem: ScanProblem) => void;
  /** For tests: smaller windows for long lines. */
  readonly windowSize?: number;
  /** A tally to count the findings into as well, shared with the database scans of the same report. */
  readonly totals?: Tally;
}

interface InputFile {
  readonly path: string;
  readonly bytes: number;
}

export async function scanFiles(paths: readonly string[], options: ScanFilesOptions = {}): Promise<ScanReport> {
  const problems: ScanProblem[] = [];
  const problem = (path: string, message: string): void => {
    const found = { path, message };
    problems.push(found);
    options.onProblem?.(found);
  };
  const inputs: InputFile[] = [];
  for (const path of paths) await walk(path, inputs, problem, true);
  const bytesTotal = inputs.reduce((sum, input) => sum + input.bytes, 0);
  const totals = options.totals ?? new Tally();
  const files: FileScan[] = [];
  let bytesDone = 0;
  let filesScanned = 0;
  for (const input of inputs) {
    const before = bytesDone;
    const result = await scanFile(input, totals, options, problem, (bytes) => {
      bytesDone = before + bytes;
      options.onProgress?.({ bytesDone, bytesTotal, file: input.path });
    });
    bytesDone = before + input.bytes;
    options.onProgress?.({ bytesDone, bytesTotal, file: input.path });
    if (result === undefined) continue;
    filesScanned++;
    if (result.groups.length > 0) files.push(result);
  }
  return { files, databases: [], totals: totals.result(), problems, filesScanned, bytesScanned: bytesDone };
}

async function walk(path: string, into: InputFile[], problem: (path: string, message: string) => void, given: boolean): Promise<void> {
  try {
    // Paths given are followed through symbolic links; links met inside folders are not, so a loop cannot trap the walk.
    const info = given ? await stat(path) : await lstat(path);
    if (info.isDirectory()) {
      const names = (await readdir(path)).sort();
      for (const name of names) await walk(join(path, name), into, problem, false);
    } else if (info.isFile()) into.push({ path, bytes: info.size });
    else if (given) problem(path, 'not a file or folder');
  } catch (error) {
    problem(path, describeError(error));
  }
}

const TABLE_EXTENSIONS: Record<string, 'csv' | 'tsv'> = { '.csv': 'csv', '.tsv': 'tsv', '.tab': 'tsv' };

async function scanFile(
  input: InputFile,
  totals: Tally,
  options: ScanFilesOptions,
  problem: (path: string, message: string) => void,
  onBytes: (bytes: number) => void,
): Promise<FileScan | undefined> {
  const table = TABLE_EXTENSIONS[extname(input.path).toLowerCase()];
  const byColumn = new Map<string, Tally>();
  const record = (finding: ScannedFinding, value: string): void => {
    const key = finding.columnName ?? '';
    let tally = byColumn.get(key);
    if (tally === undefined) byColumn.set(key, (tally = new Tally()));
    const location = `${input.path}:${finding.line}` + (finding.columnName !== undefined ? ` (${finding.columnName})` : '');
    const sample = { masked: finding.masked, location };
    tally.add(finding.category, value, sample);
    totals.add(finding.category, value, sample);
  };
  const scanner = new TextScanner(record, { minScore: options.minScore, table, windowSize: options.windowSize });
  let decoder: TextDecoder | undefined;
  let encoding: TextEncoding | undefined;
  let fatal = true;
  let bytes = 0;
  try {
    const stream = createReadStream(input.path, { highWaterMark: READ_CHUNK_SIZE });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (decoder === undefined) {
        const verdict = detectEncoding(chunk, { complete: chunk.length >= input.bytes });
        if (verdict.kind !== 'text') {
          stream.destroy();
          problem(input.path, verdict.kind === 'binary' ? `binary (${verdict.reason}), not scanned` : `invalid text encoding: ${verdict.reason}, not scanned`);
          return undefined;
        }
        encoding = verdict.encoding;
        decoder = new TextDecoder(encoding, { fatal: true });
      }
      scanner.push(decodeChunk(chunk, bytes));
      bytes += chunk.length;
      onBytes(bytes);
    }
    if (decoder !== undefined) scanner.push(decodeChunk(undefined, bytes));
    scanner.end();
  } catch (error) {
    problem(input.path, `${describeError(error)}; ${bytes > 0 ? `stopped after ${bytes} bytes, findings before that are reported` : 'not scanned'}`);
    if (bytes === 0) return undefined;
  }
  if (encoding === undefined) encoding = 'utf-8'; // an empty file
  const groups = [...byColumn.entries()]
    .sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : 0))
    .map(([column, tally]) => ({ ...(column !== '' ? { column } : {}), categories: tally.result() }));
  return { path: input.path, encoding, bytes: input.bytes, lines: scanner.lines, groups };

  // A byte sequence that is not valid in the detected encoding further in is reported once; the rest is
  // decoded with replacement characters, so one bad byte does not hide the findings after it.
  function decodeChunk(chunk: Buffer | undefined, offset: number): string {
    try {
      return chunk === undefined ? decoder!.decode() : decoder!.decode(chunk, { stream: true });
    } catch {
      if (!fatal) throw new Error('decoder failed');
      fatal = false;
      problem(input.path, `invalid ${encoding} within bytes ${offset}–${offset + (chunk?.length ?? 0)}; scanned with replacement characters from there`);
      decoder = new TextDecoder(encoding, { fatal: false });
      return chunk === undefined ? '' : decoder.decode(chunk, { stream: true });
    }
  }
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'not found';
  if (code === 'EISDIR') return 'is a folder';
  return (error as Error)?.message ?? String(error);
}
