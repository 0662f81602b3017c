import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildChunk, buildFile, buildRecord, fixChunkChecksums, value, windowsRecord, type RecordSpec } from '../../../test/evtx-builder.js';
import type { ReadProblem } from '../read-problem.js';
import { crc32, crc32ByTable } from './crc32.js';
import { readEvtxEvents } from './evtx-reader.js';
import { readEvtxRecords, type EvtxRecord } from './evtx-records.js';
import { recordToXml } from './evtx-xml.js';
import { recordToJson } from './evtx-json.js';

const dir = mkdtempSync(join(tmpdir(), 'rampart-evtx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;

function fileOf(bytes: Buffer): string {
  const path = join(dir, `f${counter++}.evtx`);
  writeFileSync(path, bytes);
  return path;
}

async function read(bytes: Buffer, recover = false): Promise<{ records: EvtxRecord[]; problems: ReadProblem[] }> {
  const records: EvtxRecord[] = [];
  const problems: ReadProblem[] = [];
  for await (const record of readEvtxRecords(fileOf(bytes), { recover, onProblem: (problem) => problems.push(problem) })) records.push(record);
  return { records, problems };
}

const records = (from: number, count: number): RecordSpec[] =>
  Array.from({ length: count }, (_, i) => windowsRecord(from + i, 4688, [['NewProcessName', value.string(`C:\\Windows\\p${from + i}.exe`)]]));

describe('crc32', () => {
  it('gives the same checksum natively and by table', () => {
    const data = randomBytes(10_000);
    expect(crc32(data)).toBe(crc32ByTable(data));
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});

describe('value types', () => {
  async function dataOf(values: [string, ReturnType<typeof value.raw>][]): Promise<Record<string, unknown>> {
    const { records: found, problems } = await read(buildFile([buildChunk([windowsRecord(1, 1, values)])]));
    expect(problems).toEqual([]);
    const json = recordToJson(found[0].xml) as { Event: { EventData: Record<string, unknown> } };
    return json.Event.EventData;
  }
  const guidBytes = Buffer.from('33221100554477668899aabbccddeeff', 'hex');
  const sidBytes = Buffer.concat([Buffer.from([1, 2, 0, 0, 0, 0, 0, 5]), Buffer.from([0x20, 0, 0, 0, 0x20, 2, 0, 0])]);

  it('renders every scalar type as Windows shows it', async () => {
    const data = await dataOf([
      ['String', value.string('héllo\u0000')],
      ['Ansi', value.raw(0x02, Buffer.from('abc\u0000', 'latin1'))],
      ['Int8', value.raw(0x03, [0xff])],
      ['UInt8', value.raw(0x04, [0xff])],
      ['Int16', value.raw(0x05, [0xfe, 0xff])],
      ['UInt16', value.raw(0x06, [0xfe, 0xff])],
      ['Int32', value.raw(0x07, [0xff, 0xff, 0xff, 0xff])],
      ['UInt32', value.raw(0x08, [0xff, 0xff, 0xff, 0xff])],
      ['Int64', value.raw(0x09, Buffer.from('feffffffffffffff', 'hex'))],
      ['UInt64Big', value.raw(0x0a, Buffer.from('ffffffffffffffff', 'hex'))],
      ['Real32', value.raw(0x0b, Buffer.from('0000c03f', 'hex'))],
      ['Real64', value.raw(0x0c, Buffer.from('000000000000f83f', 'hex'))],
      ['BoolTrue', value.raw(0x0d, [1, 0, 0, 0])],
      ['BoolFalse', value.raw(0x0d, [0, 0, 0, 0])],
      ['Binary', value.raw(0x0e, [0xde, 0xad, 0x01])],
      ['Guid', value.raw(0x0f, guidBytes)],
      ['Size32', value.raw(0x10, [0x10, 0, 0, 0])],
      ['Size64', value.raw(0x10, Buffer.from('0000000001000000', 'hex'))],
      ['FileTime', value.raw(0x11, Buffer.from('0080350cd1dfd601', 'hex'))],
      ['SysTime', value.raw(0x12, Buffer.from([0xe4, 0x07, 8, 0, 5, 0, 14, 0, 13, 0, 45, 0, 7, 0, 0x7b, 0]))],
      ['Sid', value.raw(0x13, sidBytes)],
      ['Hex32', value.raw(0x14, [0xe7, 0x03, 0, 0])],
      ['Hex64', value.raw(0x15, Buffer.from('4c14030000000000', 'hex'))],
      ['Hex64High', value.raw(0x15, Buffer.from('0000000000000080', 'hex'))],
    ]);
    expect(data).toEqual({
      String: 'héllo',
      Ansi: 'abc',
      Int8: -1,
      UInt8: 255,
      Int16: -2,
      UInt16: 65534,
      Int32: -1,
      UInt32: 4294967295,
      Int64: -2,
      UInt64Big: '18446744073709551615',
      Real32: 1.5,
      Real64: 1.5,
      BoolTrue: true,
      BoolFalse: false,
      Binary: 'DEAD01',
      Guid: '{00112233-4455-6677-8899-AABBCCDDEEFF}',
      Size32: '0x10',
      Size64: '0x100000000',
      FileTime: '2021-01-01T00:00:00.0000000Z',
      SysTime: '2020-08-14T13:45:07.123Z',
      Sid: 'S-1-5-32-544',
      Hex32: '0x3e7',
      Hex64: '0x3144c',
      Hex64High: '0x8000000000000000',
    });
  });

  it('repeats an element once per item of an array value, keeping an empty last string', async () => {
    const { records: found } = await read(buildFile([buildChunk([windowsRecord(1, 1, [['List', value.raw(0x81, Buffer.from('a\u0000bc\u0000\u0000', 'utf16le'))]])])]));
    const xml = recordToXml(found[0].xml);
    expect(xml).toContain('<Data Name="List">a</Data>\n    <Data Name="List">bc</Data>\n    <Data Name="List"/>');
    const numbers = await read(buildFile([buildChunk([windowsRecord(1, 1, [['Ports', value.raw(0x86, [0x50, 0, 0xbb, 0x01])]])])]));
    expect(recordToXml(numbers.records[0].xml)).toContain('<Data Name="Ports">80</Data>\n    <Data Name="Ports">443</Data>');
  });

  it('leaves out an element whose optional value is null, and keeps an empty string', async () => {
    const data = await dataOf([
      ['Missing', value.null()],
      ['Empty', value.string('')],
    ]);
    expect(data).toEqual({ Empty: '' });
  });

  it('escapes text and attribute values in XML', async () => {
    const { records: found } = await read(buildFile([buildChunk([windowsRecord(1, 1, [['Cmd', value.string('a < b && "c" > d')]])])]));
    expect(recordToXml(found[0].xml)).toContain('<Data Name="Cmd">a &lt; b &amp;&amp; "c" &gt; d</Data>');
  });
});

describe('events for the hunt', () => {
  it('gives Sigma field names, the event time and the record id', async () => {
    const events = [];
    for await (const event of readEvtxEvents(fileOf(buildFile([buildChunk(records(41, 2))])))) events.push(event);
    expect(events).toHaveLength(2);
    expect(events[0].fields).toMatchObject({ EventID: 4688, Channel: 'Security', Computer: 'HOST1', Provider_Name: 'Rampart-Test', NewProcessName: 'C:\\Windows\\p41.exe', EventRecordID: 41 });
    expect(events[0].time).toBe('2020-01-01T00:00:41.0000000Z');
    expect(events[0].ref.record).toBe(41);
  });
});

describe('damaged files', () => {
  const twoChunks = (): Buffer => buildFile([buildChunk(records(1, 20)), buildChunk(records(21, 20))]);
  const ids = (found: EvtxRecord[]): number[] => found.map((record) => record.recordId);
  const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  it('reads a clean file without a word', async () => {
    const { records: found, problems } = await read(twoChunks());
    expect(ids(found)).toEqual(range(1, 40));
    expect(problems).toEqual([]);
  });

  it('warns about a file header checksum and reads on', async () => {
    const bytes = twoChunks();
    bytes[16] ^= 0xff;
    const { records: found, problems } = await read(bytes);
    expect(ids(found)).toEqual(range(1, 40));
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/^file header checksum .* \(offset 0x0\)$/)]);
  });

  it('reads the chunks of a file whose header is destroyed', async () => {
    const bytes = twoChunks();
    bytes.fill(0, 0, 4096);
    const { records: found, problems } = await read(bytes);
    expect(ids(found)).toEqual(range(1, 40));
    expect(problems[0].message).toMatch(/no ElfFile signature .*reading its chunks anyway/);
  });

  it('reads every chunk of a dirty file whose header counts too few', async () => {
    const bytes = buildFile([buildChunk(records(1, 5)), buildChunk(records(6, 5)), buildChunk(records(11, 5))], 1);
    bytes.writeUInt16LE(1, 42);
    bytes.writeUInt32LE(crc32(bytes.subarray(0, 120)), 124);
    expect(ids((await read(bytes)).records)).toEqual(range(1, 15));
  });

  it('names the chunk and offset of a chunk checksum mismatch and still reads its records', async () => {
    const bytes = twoChunks();
    bytes[4096 + 65536 + 60] ^= 1; // in the header's unused bytes: only the header checksum breaks
    const { records: found, problems } = await read(bytes);
    expect(ids(found)).toEqual(range(1, 40));
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/^chunk 1, offset 0x11000: chunk header checksum/)]);
  });

  it('skips a record with garbage in its Binary XML, naming it, and reads the next', async () => {
    const chunk = buildChunk(records(1, 3));
    const second = chunk.indexOf(Buffer.from([0x2a, 0x2a, 0, 0]), 513);
    chunk[second + 24 + 4] = 0x7f; // the template instance token
    fixChunkChecksums(chunk);
    const { records: found, problems } = await read(buildFile([chunk]));
    expect(ids(found)).toEqual([1, 3]);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(new RegExp(`^chunk 0, offset 0x${(4096 + second).toString(16)}: record 2: unexpected token 0x7f .*; skipped$`));
  });

  it('stops at a record whose size copy disagrees, and --recover carves the rest', async () => {
    const chunk = buildChunk(records(1, 4));
    const second = chunk.indexOf(Buffer.from([0x2a, 0x2a, 0, 0]), 513);
    chunk.writeUInt32LE(9, second + chunk.readUInt32LE(second + 4) - 4);
    fixChunkChecksums(chunk);
    const plain = await read(buildFile([chunk]));
    expect(ids(plain.records)).toEqual([1]);
    expect(plain.problems[0].message).toMatch(/^chunk 0, offset 0x[0-9a-f]+: record size \d+ does not match its copy at the end \(9\); rest of the chunk skipped$/);
    const recovered = await read(buildFile([chunk]), true);
    expect(ids(recovered.records)).toEqual([1, 3, 4]);
    expect(recovered.records.map((record) => record.recovered)).toEqual([false, true, true]);
  });

  it('reads the whole records of a file cut off in a chunk, and says so', async () => {
    const full = twoChunks();
    const cut = full.subarray(0, 4096 + 65536 + 2000);
    const { records: found, problems } = await read(cut);
    expect(found.length).toBeGreaterThan(20);
    expect(found.length).toBeLessThan(40);
    expect(ids(found)).toEqual(range(1, found.length));
    expect(problems.some((p) => /^chunk 1, offset 0x11000: file ends inside this chunk/.test(p.message))).toBe(true);
  });

  it('carves records from slack space only with --recover, and drops stale copies', async () => {
    const chunk = buildChunk(records(1, 3));
    const free = chunk.readUInt32LE(48);
    // A record that is not counted as allocated (beyond the free space offset), and a stale copy of record 1.
    const extra = buildRecord(records(9, 1)[0], free + 64);
    const size = extra.length;
    extra.copy(chunk, free + 64);
    chunk.subarray(512, 512 + chunk.readUInt32LE(516)).copy(chunk, free + 64 + size + 16);
    fixChunkChecksums(chunk);
    expect(ids((await read(buildFile([chunk]))).records)).toEqual([1, 2, 3]);
    expect(ids((await read(buildFile([chunk]), true)).records)).toEqual([1, 2, 3, 9]);
  });

  it('says once that a file is not EVTX, or is compressed', async () => {
    const text = await read(Buffer.from('{"EventID": 1}\n'.repeat(1000)));
    expect(text.records).toEqual([]);
    expect(text.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^not an EVTX file: file header has no ElfFile signature/)]);
    const gzip = await read(gzipSync(twoChunks()));
    expect(gzip.problems.map((p) => p.message)).toEqual([expect.stringMatching(/gzip-compressed/)]);
  });
});
