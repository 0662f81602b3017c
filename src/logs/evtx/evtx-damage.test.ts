// Regressions found by the EVTX fuzzer (docs/evtx-fuzzing.md), each the smallest damaged file that
// showed the bug: the read must finish, throw nothing, and say where each problem is.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crc32 } from './crc32.js';
import { readChunkHeader } from './evtx-layout.js';
import { readEvtxRecords, type EvtxRecord } from './evtx-records.js';

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
});
