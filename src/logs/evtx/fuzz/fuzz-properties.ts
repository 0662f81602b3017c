// The properties every read of a damaged EVTX file must keep, checked against the intact file:
//
// 1. nothing is thrown, and no internal exception leaks into a warning;
// 2. every warning names where: a chunk and an offset inside that chunk, or (for the file header
//    and verdicts on the whole file) an offset in the header or no place at all; and it is a short
//    line without control characters, since warnings go to a terminal and text from a hostile file
//    (an element name) must not bring its own escape sequences or bury the screen;
// 3. a chunk whose 64 KiB are byte for byte a chunk of the intact file — wherever it now sits — gives
//    exactly the records that chunk gave, and no warning if it gave none: names and templates are
//    chunk-relative, so nothing outside a chunk may change how it reads;
// 4. in a damaged chunk whose header is untouched, the records wholly before the first damaged byte
//    are still read: damage costs the records it touches, not the ones before it;
// 5. the hunt's fields of every record read (straight from its template instance) are those of its
//    XML tree, in the same order.
//
// Records carved by `recover` are left out of 3 and 4: whether a stale copy is kept depends on which
// identifiers were read before it, which damage elsewhere legitimately changes.

import { CHUNK_BYTES, CHUNK_HEADER_BYTES, FILE_HEADER_BYTES } from '../evtx-layout.js';
import type { EvtxMap } from './evtx-map.js';
import type { ReadOutcome, ReadRecord } from './read-outcome.js';

export interface FuzzSubject {
  readonly original: Buffer;
  readonly map: EvtxMap;
  /** The intact file read the same way. */
  readonly baseline: ReadOutcome;
  readonly mutated: Buffer;
  readonly outcome: ReadOutcome;
}

/** Verdicts on the file as a whole, which have no better place than the file's name. */
const FILE_LEVEL = /^(not an EVTX file|is gzip-compressed|file ends inside its header|file is \d+ bytes)/;
const INTERNAL_ERROR = /\b(RangeError|TypeError|ReferenceError|SyntaxError|ERR_[A-Z_]+|Maximum call stack)\b/;
const CHUNK_PLACE = /\bchunk (\d+)(?:,| at) offset 0x([0-9a-f]+)/;
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
const MAX_WARNING_LENGTH = 400;
const MAX_REPORTED = 8;

export function findViolations(subject: FuzzSubject): string[] {
  const { outcome } = subject;
  const violations: string[] = [];
  if (outcome.thrown !== undefined) violations.push(`exception escaped: ${outcome.thrown}`);
  for (const message of outcome.problems) {
    const wrong = misplacedWarning(message, subject.mutated.length);
    if (wrong !== undefined) violations.push(`${wrong}: ${JSON.stringify(message.slice(0, MAX_WARNING_LENGTH))}`);
  }
  for (const record of outcome.records) {
    if (!record.sameFields) violations.push(`record ${record.recordId} at offset 0x${record.offset.toString(16)}: the hunt's fields differ from its XML's`);
  }
  violations.push(...intactChunkViolations(subject), ...damagedChunkPrefixViolations(subject));
  return violations.slice(0, MAX_REPORTED);
}

/** What is wrong with where a warning says the problem is; undefined when nothing is. */
function misplacedWarning(message: string, fileSize: number): string | undefined {
  if (message.startsWith('read failed')) return 'an exception stopped the read';
  if (INTERNAL_ERROR.test(message)) return 'an internal exception reached a warning';
  if (CONTROL_CHARACTER.test(message)) return 'a control character in a warning';
  if (message.length > MAX_WARNING_LENGTH) return `a warning of ${message.length} characters`;
  const place = CHUNK_PLACE.exec(message);
  if (place !== null) {
    const chunk = Number(place[1]);
    const offset = parseInt(place[2], 16);
    const start = FILE_HEADER_BYTES + chunk * CHUNK_BYTES;
    if (offset < start || offset >= start + CHUNK_BYTES || offset >= fileSize) return `offset 0x${place[2]} is not in chunk ${chunk}`;
    return undefined;
  }
  if (/\bchunk \d+/.test(message)) return 'names a chunk but no offset in it';
  if (FILE_LEVEL.test(message) || /\(offset 0x[0-9a-f]+\)/.test(message)) return undefined;
  return 'names no place';
}

/** The chunk index a warning is about, from its `chunk N`. */
function warningChunk(message: string): number | undefined {
  const match = /\bchunk (\d+)/.exec(message);
  return match === null ? undefined : Number(match[1]);
}

function chunkBytes(file: Buffer, index: number): Buffer {
  const start = FILE_HEADER_BYTES + index * CHUNK_BYTES;
  return file.subarray(Math.min(start, file.length), Math.min(start + CHUNK_BYTES, file.length));
}

function slotCount(file: Buffer): number {
  return Math.max(0, Math.ceil((file.length - FILE_HEADER_BYTES) / CHUNK_BYTES));
}

function plainRecords(outcome: ReadOutcome, chunk: number): ReadRecord[] {
  return outcome.records.filter((record) => record.chunk === chunk && !record.recovered);
}

function warningsAbout(outcome: ReadOutcome, chunk: number): string[] {
  return outcome.problems.filter((message) => warningChunk(message) === chunk);
}

/** Property 3: chunks equal to a chunk of the intact file read as that chunk did. */
function intactChunkViolations({ original, baseline, mutated, outcome }: FuzzSubject): string[] {
  const violations: string[] = [];
  for (let slot = 0; slot < slotCount(mutated); slot++) {
    const bytes = chunkBytes(mutated, slot);
    if (bytes.length < CHUNK_BYTES) continue;
    const source = findEqualChunk(original, bytes);
    if (source === undefined) continue;
    const what = source === slot ? `intact chunk ${slot}` : `chunk ${slot} (intact chunk ${source} moved)`;
    const difference = firstDifference(plainRecords(baseline, source), plainRecords(outcome, slot));
    if (difference !== undefined) violations.push(`${what}: ${difference}`);
    if (warningsAbout(baseline, source).length === 0) {
      const warnings = warningsAbout(outcome, slot);
      if (warnings.length > 0) violations.push(`${what} was warned about: ${warnings[0]}`);
    }
  }
  return violations;
}

/** Property 4: a damaged chunk with its header untouched still gives the records before the damage. */
function damagedChunkPrefixViolations({ original, map, baseline, mutated, outcome }: FuzzSubject): string[] {
  const violations: string[] = [];
  for (const chunk of map.chunks) {
    if (!chunk.used) continue;
    const before = chunkBytes(original, chunk.index);
    const after = chunkBytes(mutated, chunk.index);
    if (after.length < CHUNK_HEADER_BYTES || !after.subarray(0, CHUNK_HEADER_BYTES).equals(before.subarray(0, CHUNK_HEADER_BYTES))) continue;
    const damage = firstDifferentByte(before, after);
    if (damage === undefined) continue; // intact: property 3's business
    const sizes = new Map(chunk.records.map((record) => [chunk.offset + record.at, record.size]));
    const expected = plainRecords(baseline, chunk.index).filter((record) => record.offset + (sizes.get(record.offset) ?? CHUNK_BYTES) <= chunk.offset + damage);
    const actual = plainRecords(outcome, chunk.index).slice(0, expected.length);
    const difference = firstDifference(expected, actual);
    if (difference !== undefined) violations.push(`chunk ${chunk.index}, damaged from offset 0x${(chunk.offset + damage).toString(16)}, lost a record before the damage: ${difference}`);
  }
  return violations;
}

function firstDifferentByte(before: Buffer, after: Buffer): number | undefined {
  const length = Math.min(before.length, after.length);
  for (let i = 0; i < length; i++) if (before[i] !== after[i]) return i;
  return after.length < before.length ? after.length : undefined;
}

/** The chunk of the intact file with exactly these bytes (memcmp stops at the first difference). */
function findEqualChunk(original: Buffer, bytes: Buffer): number | undefined {
  for (let index = 0; index < slotCount(original); index++) if (chunkBytes(original, index).equals(bytes)) return index;
  return undefined;
}

function firstDifference(expected: readonly ReadRecord[], actual: readonly ReadRecord[]): string | undefined {
  for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
    const want = expected[i];
    const got = actual[i];
    if (want === undefined) return `an extra record ${got.recordId} at offset 0x${got.offset.toString(16)}`;
    if (got === undefined) return `record ${want.recordId} (${i + 1} of ${expected.length}) is missing; ${actual.length} read`;
    if (want.recordId !== got.recordId) return `record ${i + 1} is ${got.recordId}, expected ${want.recordId}`;
    if (want.xml !== got.xml) return `record ${want.recordId} reads differently`;
  }
  return undefined;
}
