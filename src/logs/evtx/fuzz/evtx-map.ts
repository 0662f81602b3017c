// The layout of an intact EVTX file as the fuzzer aims at it: where its chunks and records are, and
// the Binary XML fields inside each record. Mapped once per sample, before any mutation.

import { CHUNK_BYTES, CHUNK_HEADER_BYTES, chunkState, FILE_HEADER_BYTES, MIN_RECORD_BYTES, RECORD_HEADER_BYTES, RECORD_SIGNATURE } from '../evtx-layout.js';
import { binXmlFields, type BinXmlField } from './binxml-fields.js';

export interface RecordSpan {
  /** Offset of the record in its chunk. */
  readonly at: number;
  readonly size: number;
  /** Binary XML fields, offsets in the chunk. */
  readonly fields: readonly BinXmlField[];
}

export interface ChunkSpan {
  readonly index: number;
  /** Offset of the chunk in the file. */
  readonly offset: number;
  /** Whether it starts with a chunk signature (unused chunks are all zero bytes). */
  readonly used: boolean;
  readonly records: readonly RecordSpan[];
}

export interface EvtxMap {
  readonly size: number;
  readonly chunks: readonly ChunkSpan[];
}

export function mapEvtx(file: Buffer): EvtxMap {
  const chunks: ChunkSpan[] = [];
  for (let offset = FILE_HEADER_BYTES, index = 0; offset + CHUNK_BYTES <= file.length; offset += CHUNK_BYTES, index++) {
    const chunk = file.subarray(offset, offset + CHUNK_BYTES);
    const used = chunkState(chunk) === 'ok';
    chunks.push({ index, offset, used, records: used ? mapRecords(chunk) : [] });
  }
  return { size: file.length, chunks };
}

/** The chunk's records in order, up to the first thing that is not a well-formed record. */
function mapRecords(chunk: Buffer): RecordSpan[] {
  const free = chunk.readUInt32LE(48);
  const end = free >= CHUNK_HEADER_BYTES && free <= chunk.length ? free : chunk.length;
  const records: RecordSpan[] = [];
  let at = CHUNK_HEADER_BYTES;
  while (at + MIN_RECORD_BYTES <= end && chunk.readUInt32LE(at) === RECORD_SIGNATURE) {
    const size = chunk.readUInt32LE(at + 4);
    if (size < MIN_RECORD_BYTES || at + size > end || chunk.readUInt32LE(at + size - 4) !== size) break;
    records.push({ at, size, fields: binXmlFields(chunk, at + RECORD_HEADER_BYTES, at + size - 4) });
    at += size;
  }
  return records;
}

/** The used chunks; the fuzzer aims chunk mutations at them rather than at the zeroed tail. */
export function usedChunks(map: EvtxMap): readonly ChunkSpan[] {
  return map.chunks.filter((chunk) => chunk.used);
}
