// Builds small EVTX files for tests, written from the format reference: a file header, chunks with
// correct checksums, and records whose Binary XML is one template instance (the definition inline,
// as Windows writes the first use in a chunk) with typed substitution values. Tests use it to cover
// every value type and to damage files in known places; the real attack samples cover the rest.
import { crc32 } from '../src/logs/evtx/crc32.js';

export type Part = { readonly text: string } | { readonly sub: number; readonly optional?: boolean };
export interface ElementSpec {
  readonly name: string;
  readonly attributes?: readonly (readonly [string, Part])[];
  readonly children?: readonly (ElementSpec | Part)[];
}
export interface ValueSpec {
  readonly type: number;
  readonly bytes: Buffer;
}
export interface RecordSpec {
  readonly id: number;
  readonly template: ElementSpec;
  readonly values: readonly ValueSpec[];
}

const le16 = (n: number): Buffer => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const le32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};
const le64 = (n: number | bigint): Buffer => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
};
const utf16 = (text: string): Buffer => Buffer.from(text, 'utf16le');

/** Writes Binary XML at a known chunk offset, so inline names and definitions point at themselves. */
class BinXmlWriter {
  private readonly parts: Buffer[] = [];
  private length = 0;

  constructor(private readonly base: number) {}

  get position(): number {
    return this.base + this.length;
  }

  put(buffer: Buffer): void {
    this.parts.push(buffer);
    this.length += buffer.length;
  }

  byte(value: number): void {
    this.put(Buffer.from([value]));
  }

  /** A name offset followed by the name itself, inline. */
  name(name: string): void {
    this.put(le32(this.position + 4));
    this.put(Buffer.concat([le32(0), le16(0), le16(name.length), utf16(name), le16(0)]));
  }

  text(part: Part, more: boolean): void {
    if ('text' in part) {
      this.byte(more ? 0x45 : 0x05);
      this.byte(0x01);
      this.put(Buffer.concat([le16(part.text.length), utf16(part.text)]));
    } else {
      this.byte(part.optional ? 0x0e : 0x0d);
      this.put(le16(part.sub));
      this.byte(0x01);
    }
  }

  element(spec: ElementSpec): void {
    const attributes = spec.attributes ?? [];
    this.byte(attributes.length > 0 ? 0x41 : 0x01);
    this.put(le16(0xffff));
    this.put(le32(0)); // data size: not used by readers
    this.name(spec.name);
    if (attributes.length > 0) {
      this.put(le32(0)); // attribute list size, patched below
      const sizeAt = this.length - 4;
      const start = this.length;
      attributes.forEach(([name, value], i) => {
        this.byte(i < attributes.length - 1 ? 0x46 : 0x06);
        this.name(name);
        this.text(value, false);
      });
      this.patch32(sizeAt, this.length - start);
    }
    const children = spec.children ?? [];
    if (children.length === 0) {
      this.byte(0x03);
      return;
    }
    this.byte(0x02);
    for (const child of children) {
      if ('name' in child) this.element(child);
      else this.text(child, false);
    }
    this.byte(0x04);
  }

  patch32(at: number, value: number): void {
    const whole = Buffer.concat(this.parts);
    whole.writeUInt32LE(value, at);
    this.parts.length = 0;
    this.parts.push(whole);
  }

  bytes(): Buffer {
    return Buffer.concat(this.parts);
  }
}

/** One record's bytes, placed at `offset` in its chunk. */
export function buildRecord(spec: RecordSpec, offset: number, writtenFiletime = 132_000_000_000_000_000n): Buffer {
  const xml = new BinXmlWriter(offset + 24);
  xml.put(Buffer.from([0x0f, 0x01, 0x01, 0x00]));
  xml.byte(0x0c);
  xml.byte(0x01);
  xml.put(le32(spec.id)); // template identifier: any number
  xml.put(le32(xml.position + 4));
  const definition = new BinXmlWriter(xml.position + 24);
  definition.put(Buffer.from([0x0f, 0x01, 0x01, 0x00]));
  definition.element(spec.template);
  definition.byte(0x00);
  const definitionBytes = definition.bytes();
  xml.put(Buffer.concat([le32(0), Buffer.alloc(16, 0xab), le32(definitionBytes.length)]));
  xml.put(definitionBytes);
  xml.put(le32(spec.values.length));
  for (const value of spec.values) xml.put(Buffer.concat([le16(value.bytes.length), Buffer.from([value.type, 0])]));
  for (const value of spec.values) xml.put(value.bytes);
  xml.byte(0x00);
  const body = xml.bytes();
  const size = 24 + body.length + 4;
  return Buffer.concat([le32(0x2a2a), le32(size), le64(spec.id), le64(writtenFiletime), body, le32(size)]);
}

/** A 64 KiB chunk holding the records, with correct checksums. */
export function buildChunk(records: readonly RecordSpec[]): Buffer {
  const chunk = Buffer.alloc(65536);
  Buffer.from('ElfChnk\0', 'latin1').copy(chunk, 0);
  let pos = 512;
  let last = 512;
  for (const record of records) {
    const bytes = buildRecord(record, pos);
    if (pos + bytes.length > chunk.length) throw new Error('records do not fit one chunk');
    bytes.copy(chunk, pos);
    last = pos;
    pos += bytes.length;
  }
  const first = records[0]?.id ?? 0;
  const lastId = records.at(-1)?.id ?? 0;
  chunk.writeBigUInt64LE(BigInt(first), 8);
  chunk.writeBigUInt64LE(BigInt(lastId), 16);
  chunk.writeBigUInt64LE(BigInt(first), 24);
  chunk.writeBigUInt64LE(BigInt(lastId), 32);
  chunk.writeUInt32LE(128, 40);
  chunk.writeUInt32LE(last, 44);
  chunk.writeUInt32LE(pos, 48);
  fixChunkChecksums(chunk);
  return chunk;
}

/** Recomputes a chunk's records and header checksums (after a test edits it on purpose). */
export function fixChunkChecksums(chunk: Buffer): void {
  const free = chunk.readUInt32LE(48);
  chunk.writeUInt32LE(crc32(chunk.subarray(512, free)), 52);
  chunk.writeUInt32LE(crc32(chunk.subarray(128, 512), crc32(chunk.subarray(0, 120))), 124);
}

/** A whole file: header (version 3.1, checksum) and the chunks. */
export function buildFile(chunks: readonly Buffer[], flags = 0): Buffer {
  const header = Buffer.alloc(4096);
  Buffer.from('ElfFile\0', 'latin1').copy(header, 0);
  header.writeBigUInt64LE(0n, 8);
  header.writeBigUInt64LE(BigInt(Math.max(0, chunks.length - 1)), 16);
  header.writeUInt32LE(128, 32);
  header.writeUInt16LE(1, 36);
  header.writeUInt16LE(3, 38);
  header.writeUInt16LE(4096, 40);
  header.writeUInt16LE(chunks.length, 42);
  header.writeUInt32LE(flags, 120);
  header.writeUInt32LE(crc32(header.subarray(0, 120)), 124);
  return Buffer.concat([header, ...chunks]);
}

/** Typed value bytes for the common substitution types. */
export const value = {
  string: (text: string): ValueSpec => ({ type: 0x01, bytes: utf16(text) }),
  uint16: (n: number): ValueSpec => ({ type: 0x06, bytes: le16(n) }),
  uint32: (n: number): ValueSpec => ({ type: 0x08, bytes: le32(n) }),
  uint64: (n: number | bigint): ValueSpec => ({ type: 0x0a, bytes: le64(n) }),
  filetime: (ticks: bigint): ValueSpec => ({ type: 0x11, bytes: le64(ticks) }),
  raw: (type: number, bytes: Buffer | number[]): ValueSpec => ({ type, bytes: Buffer.from(bytes) }),
  null: (): ValueSpec => ({ type: 0x00, bytes: Buffer.alloc(0) }),
};

/** A Windows-like event: System with id, time, record id, channel, computer; EventData of named values. */
export function windowsRecord(id: number, eventId: number, data: readonly (readonly [string, ValueSpec])[], channel = 'Security'): RecordSpec {
  const template: ElementSpec = {
    name: 'Event',
    attributes: [['xmlns', { text: 'http://schemas.microsoft.com/win/2004/08/events/event' }]],
    children: [
      {
        name: 'System',
        children: [
          { name: 'Provider', attributes: [['Name', { text: 'Rampart-Test' }]] },
          { name: 'EventID', children: [{ sub: 0 }] },
          { name: 'TimeCreated', attributes: [['SystemTime', { sub: 1 }]] },
          { name: 'EventRecordID', children: [{ sub: 2 }] },
          { name: 'Channel', children: [{ sub: 3 }] },
          { name: 'Computer', children: [{ sub: 4 }] },
        ],
      },
      { name: 'EventData', children: data.map(([name], i) => ({ name: 'Data', attributes: [['Name', { text: name }]] as const, children: [{ sub: 5 + i, optional: true }] })) },
    ],
  };
  const values = [value.uint16(eventId), value.filetime(132_223_104_000_000_000n + BigInt(id) * 10_000_000n), value.uint64(id), value.string(channel), value.string('HOST1'), ...data.map(([, v]) => v)];
  return { id, template, values };
}
