// An EVTX file as a stream of parsed records, chunk by chunk. Memory is one read batch of chunks
// (1 MiB) plus the current chunk's names and templates, whatever the file size.
//
// Damage is reported and read past, never thrown: a bad file header (chunks are still tried), a chunk
// with a bad signature or checksum, a record whose size and size copy disagree, Binary XML that does
// not parse. Each warning names the file, the chunk and the byte offset in the file. With `recover`,
// records are also carved out of chunk slack space and damaged chunks, as libevtx and Hayabusa do;
// a carved record whose identifier was already read is a stale copy and is dropped.
//
// Reads are synchronous, with a turn of the event loop between batches. A read of a cached 1 MiB batch
// takes far less than a thread-pool round trip, and most .evtx files are one batch: awaiting
// fs/promises' open, stat, read and close for each left the thread idle about a sixth of a hunt over
// many small files. The turn between batches keeps progress, output and Ctrl-C alive on a large file.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ReaderOptions } from '../read-problem.js';
import { filetimeToIso } from './binxml-values.js';
import { ChunkContext, parseRecordXml } from './binxml-parser.js';
import { EvtxFormatError } from './evtx-format-error.js';
import {
  CHUNK_BYTES,
  CHUNK_HEADER_BYTES,
  chunkState,
  FILE_HEADER_BYTES,
  MIN_RECORD_BYTES,
  readChunkHeader,
  readFileHeader,
  RECORD_HEADER_BYTES,
  RECORD_SIGNATURE,
  recordsEnd,
} from './evtx-layout.js';
import type { XmlElement } from './xml-tree.js';

/** A record's place and header, whatever its Binary XML is read into. */
export interface EvtxRecordHeader {
  readonly recordId: number;
  /** When the record was written, from its header (the event's own time is in the XML). */
  readonly writtenTime: string;
  /** 0-based index of the chunk in the file. */
  readonly chunk: number;
  /** Byte offset of the record in the file. */
  readonly offset: number;
  /** True when carved out of slack space or a damaged region by `recover`. */
  readonly recovered: boolean;
}

export interface EvtxRecord extends EvtxRecordHeader {
  readonly xml: XmlElement;
}

/**
 * Reads one record's Binary XML (`start` to `end` in the chunk) into what the caller wants: its XML
 * tree for `evtx dump`, its fields for the hunt. Throws on a record it cannot read. `header` reads
 * from the chunk's bytes, which the next read batch overwrites: use it during the call only.
 */
export type EvtxRecordParser<R> = (context: ChunkContext, start: number, end: number, header: EvtxRecordHeader) => R;

const parseRecordTree: EvtxRecordParser<EvtxRecord> = (context, start, end, header) => {
  const xml = parseRecordXml(context, start, end);
  return { recordId: header.recordId, writtenTime: header.writtenTime, chunk: header.chunk, offset: header.offset, recovered: header.recovered, xml };
};

/** A record's header, its written time worked out only when asked: the event's own time usually serves. */
class RecordHeader implements EvtxRecordHeader {
  constructor(
    private readonly chunkBytes: Buffer,
    private readonly at: number,
    readonly recordId: number,
    readonly chunk: number,
    readonly offset: number,
    readonly recovered: boolean,
  ) {}

  get writtenTime(): string {
    return filetimeToIso(this.chunkBytes.readUInt32LE(this.at + 16), this.chunkBytes.readUInt32LE(this.at + 20));
  }
}

export interface EvtxReaderOptions extends ReaderOptions {
  /** Also carve intact records out of slack space and damaged chunks. */
  readonly recover?: boolean;
}

/** Chunks read from disk per read call. */
const CHUNKS_PER_READ = 16;
const BATCH_BYTES = CHUNKS_PER_READ * CHUNK_BYTES;

// Read buffers are reused from file to file. A fresh 1 MiB buffer per file is memory outside the heap
// that only a full garbage collection gives back: over hundreds of small .evtx files it set off a
// mark-compact every few hundred milliseconds. Each reader holds its own buffer while it reads, so
// readers running at the same time never share one.
const spareBatches: Buffer[] = [];
const MAX_SPARE_BATCHES = 4;

/** The records of an EVTX file, each as its XML tree. */
export function readEvtxRecords(file: string, options: EvtxReaderOptions = {}): AsyncGenerator<EvtxRecord, void, undefined> {
  return readEvtxFile(file, options, parseRecordTree);
}

/** The records of an EVTX file, each read by `parse`. Damage goes to `options.onProblem`, never thrown. */
export async function* readEvtxFile<R>(file: string, options: EvtxReaderOptions, parse: EvtxRecordParser<R>): AsyncGenerator<R, void, undefined> {
  const warn = (message: string): void => options.onProblem?.({ file, message });
  let handle: number;
  let batch: Buffer | undefined;
  try {
    handle = openSync(file, 'r');
  } catch (error) {
    warn(`cannot open: ${(error as Error).message}`);
    return;
  }
  try {
    const size = fstatSync(handle).size;
    const head = Buffer.alloc(Math.min(FILE_HEADER_BYTES, size));
    readSync(handle, head, 0, head.length, 0);
    if (head[0] === 0x1f && head[1] === 0x8b) {
      warn('is gzip-compressed; decompress it first (EVTX files are read as they are); skipped');
      return;
    }
    const { header, problems } = readFileHeader(head);
    // Without a header the file may still be an EVTX file whose first pages were damaged: that is
    // decided by whether any chunk follows, and only then said, once.
    if (header !== undefined) for (const problem of problems) warn(`${problem} (offset 0x0)`);
    if (size <= FILE_HEADER_BYTES) {
      if (header === undefined) warn(`not an EVTX file: ${problems[0]}; skipped`);
      else if (size < FILE_HEADER_BYTES) warn(`file ends inside its header (${size} of ${FILE_HEADER_BYTES} bytes)`);
      return;
    }
    const seen = options.recover ? new Set<number>() : undefined;
    batch = spareBatches.pop() ?? Buffer.allocUnsafe(BATCH_BYTES);
    let chunkIndex = 0;
    let filePosition = FILE_HEADER_BYTES;
    // Without a file header, chunks are held back until one has a signature: then only the file's
    // first pages were damaged, it is read, and each held-back chunk without one is warned about;
    // if none has, the file is not EVTX and one warning says so at the end.
    let headerless = header === undefined;
    const heldBack: number[] = [];
    const noSignature = (index: number): string => `chunk ${index} at offset 0x${(FILE_HEADER_BYTES + index * CHUNK_BYTES).toString(16)} has no chunk signature; ${options.recover ? 'carving records from it' : 'skipped'}`;
    while (filePosition < size) {
      if (filePosition > FILE_HEADER_BYTES) await nextTurn();
      const bytesRead = readSync(handle, batch, 0, BATCH_BYTES, filePosition);
      if (bytesRead === 0) break;
      for (let at = 0; at < bytesRead; at += CHUNK_BYTES) {
        const chunk = batch.subarray(at, Math.min(at + CHUNK_BYTES, bytesRead));
        const chunkOffset = filePosition + at;
        const state = chunkState(chunk);
        // A chunk reader (its names and templates) is made only for a chunk that is read: preallocated
        // files are mostly empty chunks.
        const read = (): ChunkReader<R> => new ChunkReader(chunk, chunkIndex, chunkOffset, warn, seen, parse);
        if (headerless && state !== 'ok' && !options.recover) {
          if (state === 'not-a-chunk') heldBack.push(chunkIndex);
        } else {
          if (headerless) {
            headerless = false;
            warn(`${problems[0]} (offset 0x0); reading its chunks anyway`);
            for (const index of heldBack.splice(0)) warn(noSignature(index));
          }
          if (state === 'ok') {
            yield* read().records();
          } else if (state === 'not-a-chunk') {
            warn(noSignature(chunkIndex));
            if (options.recover) yield* read().carve(0);
          }
        }
        chunkIndex++;
      }
      filePosition += bytesRead;
      options.onBytes?.(filePosition);
    }
    if (headerless) warn(`not an EVTX file: ${problems[0]} and no chunk signature in it; skipped`);
  } catch (error) {
    warn(`read failed: ${(error as Error).message}`);
  } finally {
    if (batch !== undefined && spareBatches.length < MAX_SPARE_BATCHES) spareBatches.push(batch);
    closeSync(handle);
  }
}

type Warn = (message: string) => void;

/** Reads the records of one chunk (or carves them out of damaged bytes). */
class ChunkReader<R> {
  private readonly context: ChunkContext;

  constructor(
    private readonly chunk: Buffer,
    private readonly index: number,
    private readonly fileOffset: number,
    private readonly warn: Warn,
    private readonly seen: Set<number> | undefined,
    private readonly parseRecord: EvtxRecordParser<R>,
  ) {
    this.context = new ChunkContext(chunk);
  }

  *records(): Generator<R> {
    const { header, problems } = readChunkHeader(this.chunk);
    for (const problem of problems) this.warn(`${this.where(0)}: ${problem}`);
    if (this.chunk.length < CHUNK_BYTES) this.warn(`${this.where(0)}: file ends inside this chunk (${this.chunk.length} of ${CHUNK_BYTES} bytes); reading the records that are whole`);
    if (this.chunk.length < CHUNK_HEADER_BYTES) return;
    const end = recordsEnd(header, this.chunk.length);
    let pos = CHUNK_HEADER_BYTES;
    while (pos + MIN_RECORD_BYTES <= end) {
      const signature = this.chunk.readUInt32LE(pos);
      if (signature !== RECORD_SIGNATURE) {
        if (!this.isZeroFrom(pos, end)) this.warn(`${this.where(pos)}: no record signature where a record should start; ${this.seen ? 'carving the rest of the chunk' : 'rest of the chunk skipped'}`);
        break;
      }
      const size = this.chunk.readUInt32LE(pos + 4);
      if (size < MIN_RECORD_BYTES || pos + size > this.chunk.length) {
        this.warn(`${this.where(pos)}: record size ${size} does not fit the chunk; ${this.seen ? 'carving the rest of the chunk' : 'rest of the chunk skipped'}`);
        break;
      }
      const copy = this.chunk.readUInt32LE(pos + size - 4);
      if (copy !== size) {
        this.warn(`${this.where(pos)}: record size ${size} does not match its copy at the end (${copy}); ${this.seen ? 'carving the rest of the chunk' : 'rest of the chunk skipped'}`);
        break;
      }
      const record = this.parse(pos, size, false);
      if (record !== undefined) yield record;
      pos += size;
    }
    if (this.seen) yield* this.carve(pos);
  }

  /** Records found by signature from `from` to the chunk's end, size and size copy agreeing. */
  *carve(from: number): Generator<R> {
    const chunk = this.chunk;
    let pos = Math.max(from, 0);
    while (pos + MIN_RECORD_BYTES <= chunk.length) {
      const found = chunk.indexOf(0x2a, pos);
      if (found < 0 || found + MIN_RECORD_BYTES > chunk.length) break;
      if (chunk.readUInt32LE(found) !== RECORD_SIGNATURE) {
        pos = found + 1;
        continue;
      }
      const size = chunk.readUInt32LE(found + 4);
      if (size < MIN_RECORD_BYTES || found + size > chunk.length || chunk.readUInt32LE(found + size - 4) !== size) {
        pos = found + 1;
        continue;
      }
      const id = Number(chunk.readBigUInt64LE(found + 8));
      if (this.seen?.has(id)) {
        pos = found + size;
        continue;
      }
      const record = this.parse(found, size, true);
      if (record !== undefined) yield record;
      pos = record !== undefined ? found + size : found + 1;
    }
  }

  private parse(pos: number, size: number, recovered: boolean): R | undefined {
    const recordId = Number(this.chunk.readBigUInt64LE(pos + 8));
    try {
      const header = new RecordHeader(this.chunk, pos, recordId, this.index, this.fileOffset + pos, recovered);
      const record = this.parseRecord(this.context, pos + RECORD_HEADER_BYTES, pos + size - 4, header);
      this.seen?.add(recordId);
      return record;
    } catch (error) {
      // A carved candidate that does not parse was not a record after all: no warning for it.
      if (recovered) return undefined;
      const reason = error instanceof EvtxFormatError ? `${error.message} (at offset 0x${(this.fileOffset + error.offset).toString(16)})` : String(error);
      this.warn(`${this.where(pos)}: record ${recordId}: ${reason}; skipped`);
      return undefined;
    }
  }

  private isZeroFrom(pos: number, end: number): boolean {
    for (let i = pos; i < end; i++) if (this.chunk[i] !== 0) return false;
    return true;
  }

  private where(pos: number): string {
    return `chunk ${this.index}, offset 0x${(this.fileOffset + pos).toString(16)}`;
  }
}
