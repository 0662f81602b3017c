// Scans files and folders for personal data: walks the paths, reads each file as a stream, detects its
// encoding from the first chunk, decodes (GB18030 and UTF-16 through a streaming TextDecoder), and feeds
// the text to a TextScanner. CSV/TSV findings are named by header column; JSON, NDJSON, logs and any other
// file that detects as text are scanned as plain text, line by line. Workbooks and Word documents (.xlsx,
// .docx and their macro and template kinds) that start as a zip archive go to office-scan.ts; one that
// does not is said so and scanned as text. A file that cannot be read, is binary, is not valid text, or is
// a corrupt, encrypted or oversized archive becomes a problem naming it, and the scan goes on with the rest.
// This is the I/O edge of datasec/scan: file reads only, no console, no process state.
import { createReadStream } from 'node:fs';
import { lstat, open, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { TextDecoder } from 'node:util';
import type { Category } from '../recognizers/recognizer.js';
import { detectEncoding, type TextEncoding } from './detect-encoding.js';
import { scanOfficeFile, type OfficeScanProgress } from './office-scan.js';
import { TextScanner, type ScannedFinding } from './scan-text.js';
import type { DatabaseScan } from './scan-database.js';
import { Tally, type CategoryTally, type MaskedSample } from './tally.js';
import type { ZipLimits } from './zip-archive.js';

export const READ_CHUNK_SIZE = 64 * 1024;

export interface ScanProblem {
  readonly path: string;
  readonly message: string;
}

export interface ScanGroup {
  /** Workbooks: the sheet's name. */
  readonly sheet?: string;
  /** CSV/TSV and workbooks: the header's column name; absent for findings in plain text and documents. */
  readonly column?: string;
  readonly categories: readonly CategoryTally[];
}

export interface FileScan {
  readonly path: string;
  /** Present for a workbook or Word document (whose XML is read as UTF-8 or by its BOM). */
  readonly format?: 'xlsx' | 'docx';
  readonly encoding: TextEncoding;
  readonly bytes: number;
  /** Lines of text; rows of a workbook (non-empty ones); paragraphs of a document. */
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
  /** For tests: lower zip-bomb limits (zip-archive.ts). */
  readonly zipLimits?: ZipLimits;
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
/** Office Open XML workbooks and documents, with macros (m) and templates (t). */
const OFFICE_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xltx', '.xltm', '.docx', '.docm', '.dotx', '.dotm']);
const ZIP_SIGNATURE = Buffer.from('504b0304', 'hex');
/** An OLE compound file: a password-protected Office file (encrypted OOXML inside) or a .xls/.doc of before 2007. */
const OLE_SIGNATURE = Buffer.from('d0cf11e0a1b11ae1', 'hex');

/** Findings of one file grouped by sheet and column (both absent for plain text). */
class FileTallies {
  private readonly groups = new Map<string, { readonly sheet?: string; readonly column?: string; readonly tally: Tally }>();

  constructor(private readonly totals: Tally) {}

  add(category: Category, value: string, sample: MaskedSample, sheet?: string, column?: string): void {
    const key = `${sheet ?? ''}\u0000${column ?? ''}`;
    let group = this.groups.get(key);
    if (group === undefined) this.groups.set(key, (group = { ...(sheet !== undefined ? { sheet } : {}), ...(column !== undefined ? { column } : {}), tally: new Tally() }));
    group.tally.add(category, value, sample);
    this.totals.add(category, value, sample);
  }

  /** Ungrouped findings first, then groups in the order first met. */
  result(): ScanGroup[] {
    return [...this.groups.values()]
      .sort((a, b) => (a.sheet === undefined && a.column === undefined ? -1 : b.sheet === undefined && b.column === undefined ? 1 : 0))
      .map(({ tally, ...group }) => ({ ...group, categories: tally.result() }));
  }
}

async function scanFile(
  input: InputFile,
  totals: Tally,
  options: ScanFilesOptions,
  problem: (path: string, message: string) => void,
  onBytes: (bytes: number) => void,
): Promise<FileScan | undefined> {
  const extension = extname(input.path).toLowerCase();
  if (OFFICE_EXTENSIONS.has(extension)) {
    let signature: Buffer;
    try {
      signature = await readSignature(input.path);
    } catch (error) {
      problem(input.path, `${describeError(error)}; not scanned`);
      return undefined;
    }
    if (signature.subarray(0, 4).equals(ZIP_SIGNATURE)) return scanOffice(input, totals, options, problem);
    if (signature.equals(OLE_SIGNATURE)) {
      problem(input.path, 'an OLE compound file, not a zip archive: a password-protected (encrypted) Office file or the binary format of before 2007; not scanned');
      return undefined;
    }
    problem(input.path, `named ${extension} but not a zip archive (no zip signature): scanned as text instead`);
  }
  return scanText(input, totals, options, problem, onBytes);
}

async function readSignature(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(8), 0, 8, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function scanOffice(input: InputFile, totals: Tally, options: ScanFilesOptions, problem: (path: string, message: string) => void): Promise<FileScan | undefined> {
  const tallies = new FileTallies(totals);
  const progress: OfficeScanProgress = { lines: 0, notes: [] };
  let found = false;
  try {
    await scanOfficeFile(input.path, input.bytes, { minScore: options.minScore, windowSize: options.windowSize, limits: options.zipLimits }, (finding, value) => {
      found = true;
      tallies.add(finding.category, value, { masked: finding.masked, location: `${input.path}:${finding.location}` }, finding.sheet, finding.column);
    }, progress);
  } catch (error) {
    const scanned = progress.lines > 0 || found;
    problem(input.path, `${(error as Error).message}; ${scanned ? 'stopped there, findings before that are reported' : 'not scanned'}`);
    if (!scanned) return undefined;
  } finally {
    for (const note of progress.notes) problem(input.path, note);
  }
  return { path: input.path, ...(progress.format !== undefined ? { format: progress.format } : {}), encoding: 'utf-8', bytes: input.bytes, lines: progress.lines, groups: tallies.result() };
}

async function scanText(
  input: InputFile,
  totals: Tally,
  options: ScanFilesOptions,
  problem: (path: string, message: string) => void,
  onBytes: (bytes: number) => void,
): Promise<FileScan | undefined> {
  const table = TABLE_EXTENSIONS[extname(input.path).toLowerCase()];
  const tallies = new FileTallies(totals);
  const record = (finding: ScannedFinding, value: string): void => {
    const location = `${input.path}:${finding.line}` + (finding.columnName !== undefined ? ` (${finding.columnName})` : '');
    tallies.add(finding.category, value, { masked: finding.masked, location }, undefined, finding.columnName);
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
  return { path: input.path, encoding, bytes: input.bytes, lines: scanner.lines, groups: tallies.result() };

  // A byte sequence that is not valid in the detected encoding further in is reported once; the rest is
  // decoded with replacement characters, so one bad byte does not hide the findings after it.
  function decodeChunk(chunk: Buffer | undefined, offset: number): string {
    try {
      return chunk === undefined ? decoder!.decode() : decoder!.decode(chunk, { stream: true });
    } catch {
      if (!fatal) throw new Error('decoder failed');
      fatal = false;
      problem(input.path, chunk === undefined ? `invalid ${encoding} at the end: a character cut short after byte ${offset}; the rest was scanned` : `invalid ${encoding} within bytes ${offset}–${offset + chunk.length}; scanned with replacement characters from there`);
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
