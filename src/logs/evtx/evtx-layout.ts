// The fixed structures of an EVTX file: the 4 KiB file header, the 64 KiB chunks with their 512-byte
// headers, and the event record header. Each check returns what is wrong as text instead of throwing,
// so the reader can warn, name the place and go on.

import { crc32 } from './crc32.js';

export const FILE_HEADER_BYTES = 4096;
export const CHUNK_BYTES = 65536;
export const CHUNK_HEADER_BYTES = 512;
/** Signature, size, identifier and written time come before a record's Binary XML. */
export const RECORD_HEADER_BYTES = 24;
/** A record's header, its size copy at the end, and at least one byte of Binary XML. */
export const MIN_RECORD_BYTES = RECORD_HEADER_BYTES + 4 + 1;

const FILE_SIGNATURE = Buffer.from('ElfFile\0', 'latin1');
const CHUNK_SIGNATURE = Buffer.from('ElfChnk\0', 'latin1');
/** `**\0\0` read as a little-endian 32-bit number. */
export const RECORD_SIGNATURE = 0x00002a2a;

export interface FileHeader {
  readonly firstChunk: number;
  readonly lastChunk: number;
  readonly nextRecordId: number;
  readonly majorVersion: number;
  readonly minorVersion: number;
  readonly chunkCount: number;
  readonly dirty: boolean;
  readonly full: boolean;
}

/** The file header, and what is wrong with it (empty when nothing is). */
export function readFileHeader(buf: Buffer): { header?: FileHeader; problems: string[] } {
  if (buf.length < 128) return { problems: [`file is ${buf.length} bytes, too short for an EVTX header`] };
  if (!buf.subarray(0, 8).equals(FILE_SIGNATURE)) return { problems: ['file header has no ElfFile signature'] };
  const problems: string[] = [];
  const stored = buf.readUInt32LE(124);
  const computed = crc32(buf.subarray(0, 120));
  if (stored !== computed) problems.push(`file header checksum 0x${hex8(stored)} does not match its content (0x${hex8(computed)})`);
  const flags = buf.readUInt32LE(120);
  const header: FileHeader = {
    firstChunk: Number(buf.readBigUInt64LE(8)),
    lastChunk: Number(buf.readBigUInt64LE(16)),
    nextRecordId: Number(buf.readBigUInt64LE(24)),
    minorVersion: buf.readUInt16LE(36),
    majorVersion: buf.readUInt16LE(38),
    chunkCount: buf.readUInt16LE(42),
    dirty: (flags & 1) !== 0,
    full: (flags & 2) !== 0,
  };
  if (header.majorVersion !== 3) problems.push(`file format version ${header.majorVersion}.${header.minorVersion} is not 3.x`);
  return { header, problems };
}

export interface ChunkHeader {
  readonly firstRecordNumber: number;
  readonly lastRecordNumber: number;
  readonly firstRecordId: number;
  readonly lastRecordId: number;
  readonly lastRecordOffset: number;
  readonly freeSpaceOffset: number;
}

/** What a chunk header cut short is read as: nothing in it, no records after it. */
const CUT_SHORT_HEADER: ChunkHeader = { firstRecordNumber: 0, lastRecordNumber: 0, firstRecordId: 0, lastRecordId: 0, lastRecordOffset: 0, freeSpaceOffset: 0 };

export type ChunkState = 'ok' | 'empty' | 'not-a-chunk';

/** Whether the buffer starts with a chunk signature; `empty` when it is all zero bytes (unused). */
export function chunkState(chunk: Buffer): ChunkState {
  if (chunk.length >= 8 && chunk.subarray(0, 8).equals(CHUNK_SIGNATURE)) return 'ok';
  // Files are preallocated, so unused zero chunks are common: compared natively, not byte by byte.
  return chunk.equals(ZERO_CHUNK.subarray(0, chunk.length)) ? 'empty' : 'not-a-chunk';
}

const ZERO_CHUNK = Buffer.alloc(CHUNK_BYTES);

/** The chunk header (the chunk must start with the signature), and what is wrong with it. */
export function readChunkHeader(chunk: Buffer): { header: ChunkHeader; problems: string[] } {
  // Checked before any field is read: a file cut a few bytes into a chunk header ends before the
  // fields, and reading them would throw past the reader's per-chunk warnings.
  if (chunk.length < CHUNK_HEADER_BYTES) return { header: CUT_SHORT_HEADER, problems: [`chunk header is cut short (${chunk.length} bytes)`] };
  const problems: string[] = [];
  const header: ChunkHeader = {
    firstRecordNumber: Number(chunk.readBigUInt64LE(8)),
    lastRecordNumber: Number(chunk.readBigUInt64LE(16)),
    firstRecordId: Number(chunk.readBigUInt64LE(24)),
    lastRecordId: Number(chunk.readBigUInt64LE(32)),
    lastRecordOffset: chunk.readUInt32LE(44),
    freeSpaceOffset: chunk.readUInt32LE(48),
  };
  const storedHeaderSum = chunk.readUInt32LE(124);
  const headerSum = crc32(chunk.subarray(128, CHUNK_HEADER_BYTES), crc32(chunk.subarray(0, 120)));
  if (storedHeaderSum !== headerSum) problems.push(`chunk header checksum 0x${hex8(storedHeaderSum)} does not match its content (0x${hex8(headerSum)})`);
  const free = header.freeSpaceOffset;
  if (free < CHUNK_HEADER_BYTES || free > CHUNK_BYTES) {
    problems.push(`free space offset 0x${free.toString(16)} is outside the chunk`);
  } else if (free <= chunk.length) {
    const storedDataSum = chunk.readUInt32LE(52);
    const dataSum = crc32(chunk.subarray(CHUNK_HEADER_BYTES, free));
    if (storedDataSum !== dataSum) problems.push(`event records checksum 0x${hex8(storedDataSum)} does not match the records (0x${hex8(dataSum)})`);
  }
  return { header, problems };
}

/** Where a chunk's allocated records end: the free space offset when it is sane, else the chunk's end. */
export function recordsEnd(header: ChunkHeader, available: number): number {
  const free = header.freeSpaceOffset;
  return free >= CHUNK_HEADER_BYTES && free <= available ? free : available;
}

export function hex8(value: number): string {
  return value.toString(16).padStart(8, '0');
}
