// Regressions found by the EVTX fuzzer (docs/evtx-fuzzing.md), each the smallest damaged file that
// showed the bug: the read must finish, throw nothing, and say where each problem is.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crc32 } from './crc32.js';
import { readChunkHeader } from './evtx-layout.js';
import { readEvtxRecords, type EvtxRecord } from './evtx-records.js';
import { readEvtxEvents } from './evtx-reader.js';
import { recordToXml } from './evtx-xml.js';

const dir = mkdtempSync(join(tmpdir(), 'rampart-evtx-damage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A valid 4 KiB file header (version 3.1, checksum right) followed by `rest`. */
function evtxFile(rest: Buffer): Buffer {
  const header = Buffer.alloc(4096);
  header.write('ElfFile\0', 0, 'latin1');
  header.writeUInt32LE(128, 32);
  header.writeUInt16LE(1, 36);
  header.writeUInt16LE(3, 38);
  header.writeUInt16LE(4096, 40);
  header.writeUInt32LE(crc32(header.subarray(0, 120)), 124);
  return Buffer.concat([header, rest]);
}

/** A 64 KiB chunk holding records with these Binary XML bodies (identifiers 1, 2, …), checksums right. */
function chunkOf(bodies: Buffer[]): Buffer {
  const chunk = Buffer.alloc(65536);
  chunk.write('ElfChnk\0', 0, 'latin1');
  let at = 512;
  bodies.forEach((body, i) => {
    const size = 24 + body.length + 4;
    chunk.writeUInt32LE(0x2a2a, at);
    chunk.writeUInt32LE(size, at + 4);
    chunk.writeBigUInt64LE(BigInt(i + 1), at + 8);
    body.copy(chunk, at + 24);
    chunk.writeUInt32LE(size, at + size - 4);
    at += size;
  });
  chunk.writeBigUInt64LE(1n, 8);
  chunk.writeBigUInt64LE(BigInt(bodies.length), 16);
  chunk.writeBigUInt64LE(1n, 24);
  chunk.writeBigUInt64LE(BigInt(bodies.length), 32);
  chunk.writeUInt32LE(128, 40);
  chunk.writeUInt32LE(at, 48);
  chunk.writeUInt32LE(crc32(chunk.subarray(512, at)), 52);
  chunk.writeUInt32LE(crc32(chunk.subarray(128, 512), crc32(chunk.subarray(0, 120))), 124);
  return chunk;
}

/** Binary XML of one element `<name/>` whose name is stored inline, closed by `closeToken`. */
function elementBody(name: string, closeToken: number): Buffer {
  const nameBytes = Buffer.alloc(8 + name.length * 2 + 2);
  nameBytes.writeUInt16LE(name.length, 6);
  nameBytes.write(name, 8, 'utf16le');
  const start = Buffer.alloc(11);
  start[0] = 0x01;
  start.writeUInt16LE(0xffff, 1);
  // The name offset points right after itself: at 512 (first record) + 24 (record header) + 4
  // (fragment header) + 11 (element start).
  start.writeUInt32LE(512 + 24 + 4 + 11, 7);
  return Buffer.concat([Buffer.from([0x0f, 0x01, 0x01, 0x00]), start, nameBytes, Buffer.from([closeToken, 0x00])]);
}

/**
 * A record that nests one template `depth` times, made to blow up: `array`, each level repeats
 * itself once per item of a two-item array; `shared`, each level uses one Binary XML value (the
 * level below) twice. Both expand as 2^depth from a few hundred bytes. `nested` uses the value
 * once, inside `elementDepth` nested elements: depth × elementDepth elements, one inside the other.
 */
function explodingBody(kind: 'array' | 'shared' | 'nested', depth: number, elementDepth = 1): Buffer {
  const base = 512 + 24; // the first record's Binary XML, in the chunk
  const parts: Buffer[] = [];
  let pos = base;
  const put = (...bytes: (number | Buffer)[]): void => {
    for (const part of bytes) {
      const buffer = typeof part === 'number' ? Buffer.from([part]) : part;
      parts.push(buffer);
      pos += buffer.length;
    }
  };
  const u16 = (n: number): Buffer => Buffer.from([n & 0xff, n >> 8]);
  const u32 = (n: number): Buffer => Buffer.from([n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24]);
  put(0x0f, 1, 1, 0, 0x0c, 1, u32(0));
  const definition = pos + 4; // the template definition follows inline
  put(u32(definition), u32(0), Buffer.alloc(16));
  const sizeAt = parts.length;
  put(u32(0));
  const dataStart = pos;
  put(0x0f, 1, 1, 0);
  const name = pos + 11; // <A>, its name stored inline at its first use
  const levels = kind === 'array' ? depth : elementDepth;
  for (let level = 0; level < levels; level++) {
    put(0x01, u16(0xffff), u32(0), u32(name));
    if (level === 0) put(u32(0), u16(0), u16(1), Buffer.from('A\0\0\0', 'latin1'));
    put(0x02);
    if (kind === 'array') put(0x0d, u16(0), 0x84); // substitution 0: an array of bytes
    else if (kind === 'shared') put(0x0d, u16(0), 0x21, 0x0d, u16(0), 0x21); // substitution 0, a Binary XML value, twice
    else if (level === levels - 1) put(0x0d, u16(0), 0x21);
  }
  for (let level = 0; level < levels; level++) put(0x04);
  put(0x00);
  parts[sizeAt] = u32(pos - dataStart);
  if (kind === 'array') {
    put(u32(1), u16(2), 0x84, 0, 1, 2);
  } else {
    // Each level is an instance of the same template whose value 0 is the level below.
    let inner = Buffer.from([0x00]);
    for (let level = 1; level < depth; level++) inner = Buffer.concat([Buffer.from([0x0c, 1]), u32(0), u32(definition), u32(1), u16(inner.length), Buffer.from([0x21, 0]), inner]);
    put(u32(1), u16(inner.length), 0x21, 0, inner);
  }
  return Buffer.concat(parts);
}

async function read(name: string, bytes: Buffer, recover = false): Promise<{ records: EvtxRecord[]; warnings: string[] }> {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const records: EvtxRecord[] = [];
  const warnings: string[] = [];
  for await (const record of readEvtxRecords(file, { recover, onProblem: (problem) => warnings.push(problem.message) })) records.push(record);
  return { records, warnings };
}

describe('EVTX damage found by the fuzzer', () => {
  it('a file cut inside a chunk header, before its fields: warned at the chunk, not thrown', async () => {
    // Was: readChunkHeader read the header fields before checking the length, the RangeError
    // stopped the read and surfaced as an unlocated "read failed: The value of "offset" is out of range".
    const cut = Buffer.from('ElfChnk\0\u0001\u0000\u0000\u0000', 'latin1');
    expect(readChunkHeader(cut).problems).toEqual(['chunk header is cut short (12 bytes)']);
    for (const recover of [false, true]) {
      const { records, warnings } = await read('cut-chunk-header.evtx', evtxFile(cut), recover);
      expect(records).toEqual([]);
      expect(warnings).toEqual([
        'chunk 0, offset 0x1000: chunk header is cut short (12 bytes)',
        'chunk 0, offset 0x1000: file ends inside this chunk (12 of 65536 bytes); reading the records that are whole',
      ]);
    }
  });

  it('an element name from damaged bytes is quoted short and without control characters', async () => {
    // Was: the warning carried the "name" a bad offset pointed at as it was — up to 65535 characters,
    // terminal escape sequences included — onto the analyst's terminal.
    const name = '\u001b]0;owned\u0007' + 'x'.repeat(100);
    const { records, warnings } = await read('control-name.evtx', evtxFile(chunkOf([elementBody(name, 0x99)])));
    expect(records).toEqual([]);
    expect(warnings).toEqual([`chunk 0, offset 0x1200: record 1: expected the end of <\\u001b]0;owned\\u0007${'x'.repeat(30)}…>'s start tag, found token 0x99 (at offset 0x130d); skipped`]);
  });

  it('a file whose header and first chunk are damaged still gives its intact chunks', async () => {
    // Was: with no file header and no signature on chunk 0, the file was called "not an EVTX file"
    // and skipped, losing every intact chunk after the damaged first page.
    const file = evtxFile(Buffer.concat([chunkOf([elementBody('Event', 0x03)]), chunkOf([elementBody('Event', 0x03)])]));
    file[4] ^= 0x10; // ElfFile → ElfVile
    file[4096 + 5] ^= 0x04; // chunk 0: ElfChnk → ElfCjnk
    const { records, warnings } = await read('damaged-first-page.evtx', file);
    expect(records.map((record) => [record.chunk, record.recordId])).toEqual([[1, 1]]);
    expect(warnings).toEqual(['file header has no ElfFile signature (offset 0x0); reading its chunks anyway', 'chunk 0 at offset 0x1000 has no chunk signature; skipped']);
    // A zeroed first page and chunk, as a wiped disk block leaves them: read on just the same.
    file.fill(0, 0, 4096 + 65536);
    const wiped = await read('wiped-first-page.evtx', file);
    expect(wiped.records.map((record) => [record.chunk, record.recordId])).toEqual([[1, 1]]);
    expect(wiped.warnings).toEqual(['file header has no ElfFile signature (offset 0x0); reading its chunks anyway']);
  });

  it('a file with neither a header nor any chunk is one "not an EVTX file" warning', async () => {
    const junk = Buffer.alloc(4096 + 3 * 65536, 0x41);
    expect(await read('not-evtx.evtx', junk)).toEqual({ records: [], warnings: ['not an EVTX file: file header has no ElfFile signature and no chunk signature in it; skipped'] });
  });

  for (const kind of ['array', 'shared'] as const) {
    it(`a record whose template expands exponentially (${kind}) is skipped, not expanded`, async () => {
      // Was: 2^depth elements. At depth 22 a 467-byte record took 14 s to parse into 373 MB of XML
      // (array), or rendering it threw "Invalid string length" (shared); at depth 64, never ends.
      const { records, warnings } = await read(`exploding-${kind}.evtx`, evtxFile(chunkOf([explodingBody(kind, 64)])));
      expect(records).toEqual([]);
      expect(warnings).toEqual([expect.stringMatching(/^chunk 0, offset 0x1200: record 1: (record expands to more than 10000 elements|Binary XML nested too deeply) \(at offset 0x[0-9a-f]+\); skipped$/)]);
      const deepButSmall = await read(`exploding-${kind}-15.evtx`, evtxFile(chunkOf([explodingBody(kind, 15)])));
      expect(deepButSmall.warnings).toEqual(['chunk 0, offset 0x1200: record 1: record expands to more than 10000 elements (at offset 0x1218); skipped']);
    });
  }

  it('a record nesting Binary XML values one inside the other is charged for each element once', async () => {
    // A value's first use is paid for by parsing it: charging the level below again at that use
    // would make a plain chain of 14 one-element levels cost 2^14 and be refused.
    const { records, warnings } = await read('nested-14.evtx', evtxFile(chunkOf([explodingBody('nested', 14)])));
    expect(warnings).toEqual([]);
    expect(recordToXml(records[0].xml).match(/<A\b/g)?.length).toBe(14);
  });

  it('a record nested deeper than renderers can recurse is skipped, not thrown at them', async () => {
    // Was: 60 levels of Binary XML values, each in 64 nested elements (3840 elements deep, 2 KB):
    // parsed, then recordToXml and readEvtxEvents threw "Maximum call stack size exceeded".
    const deep = await read('deep.evtx', evtxFile(chunkOf([explodingBody('nested', 60, 64)])));
    expect(deep.records).toEqual([]);
    expect(deep.warnings).toEqual([expect.stringMatching(/^chunk 0, offset 0x1200: record 1: Binary XML nested too deeply \(at offset 0x[0-9a-f]+\); skipped$/)]);
    const events = [];
    for await (const event of readEvtxEvents(join(dir, 'deep.evtx'))) events.push(event);
    expect(events).toEqual([]);
    // 15 levels of 64 still read and render.
    const allowed = await read('deep-allowed.evtx', evtxFile(chunkOf([explodingBody('nested', 15, 64)])));
    expect(allowed.warnings).toEqual([]);
    expect(recordToXml(allowed.records[0].xml).match(/<A\b/g)?.length).toBe(15 * 64);
  });

  it('a record that nests a template a few times still reads (the exploding records are built right)', async () => {
    for (const kind of ['array', 'shared'] as const) {
      const { records, warnings } = await read(`nested-${kind}.evtx`, evtxFile(chunkOf([explodingBody(kind, 3)])));
      expect(warnings).toEqual([]);
      expect(recordToXml(records[0].xml).match(/<A\b/g)?.length).toBe(1 + 2 + 4);
    }
  });

  it('an intact element reads with its name (the file builder is sound)', async () => {
    const { records, warnings } = await read('intact.evtx', evtxFile(chunkOf([elementBody('Event', 0x03)])));
    expect(warnings).toEqual([]);
    expect(records.map((record) => [record.recordId, record.xml.name])).toEqual([[1, 'Event']]);
  });
});
