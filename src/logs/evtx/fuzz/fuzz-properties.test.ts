// The property checker must see what it is there to see; a checker that passes everything would make
// the fuzzer pass everything too. Files here are fake (random chunk bytes, hand-written outcomes):
// the checker compares bytes and outcomes, it does not parse.

import { describe, expect, it } from 'vitest';
import type { EvtxMap } from './evtx-map.js';
import { findViolations, type FuzzSubject } from './fuzz-properties.js';
import { seededRandom } from '../../../core/seeded-random.js';
import type { ReadOutcome, ReadRecord } from './read-outcome.js';

const CHUNK = 65536;
const chunkOffset = (index: number): number => 4096 + index * CHUNK;

function fakeFile(chunks: number): Buffer {
  const random = seededRandom(7);
  const file = Buffer.alloc(4096 + chunks * CHUNK);
  for (let i = 0; i < file.length; i++) file[i] = random.below(256);
  return file;
}

/** Chunk i holds two records of 100 bytes at 0x200 and 0x264, identifiers 10·i+1 and 10·i+2. */
function fakeMap(file: Buffer, chunks: number): EvtxMap {
  return {
    size: file.length,
    chunks: Array.from({ length: chunks }, (_, index) => ({
      index,
      offset: chunkOffset(index),
      used: true,
      records: [
        { at: 0x200, size: 100, fields: [] },
        { at: 0x264, size: 100, fields: [] },
      ],
    })),
  };
}

function record(chunk: number, slot = chunk, n = 0): ReadRecord {
  return { chunk: slot, offset: chunkOffset(slot) + 0x200 + n * 100, recordId: chunk * 10 + n + 1, recovered: false, xml: `<Event n="${chunk}.${n}"/>`, sameFields: true };
}

function outcome(records: ReadRecord[], problems: string[] = []): ReadOutcome {
  return { records, problems };
}

function subject(mutated: Buffer, result: ReadOutcome, chunks = 3): FuzzSubject {
  const original = fakeFile(chunks);
  const all = Array.from({ length: chunks }, (_, c) => [record(c, c, 0), record(c, c, 1)]).flat();
  return { original, map: fakeMap(original, chunks), baseline: outcome(all), mutated, outcome: result };
}

describe('the fuzz properties', () => {
  const original = fakeFile(3);
  const allRecords = [0, 1, 2].flatMap((c) => [record(c, c, 0), record(c, c, 1)]);

  it('pass an unchanged read of an unchanged file', () => {
    expect(findViolations(subject(Buffer.from(original), outcome(allRecords)))).toEqual([]);
  });

  it('see an exception and an internal error inside a warning', () => {
    const violations = findViolations(subject(Buffer.from(original), { records: allRecords, problems: ['chunk 1, offset 0x11200: record 11: RangeError: out of range; skipped'], thrown: 'TypeError: x' }));
    expect(violations.join('\n')).toMatch(/exception escaped: TypeError/);
    expect(violations.join('\n')).toMatch(/internal exception reached a warning/);
  });

  it('see warnings that name no place, or an offset outside the chunk they name', () => {
    const damaged = Buffer.from(original);
    damaged[chunkOffset(2) + 5] ^= 1;
    const problems = ['record size does not fit', 'chunk 2, offset 0x10 has no records', 'chunk 2 lost its header'];
    const violations = findViolations(subject(damaged, outcome(allRecords.slice(0, 4), problems)));
    expect(violations).toEqual([
      'names no place: "record size does not fit"',
      'offset 0x10 is not in chunk 2: "chunk 2, offset 0x10 has no records"',
      'names a chunk but no offset in it: "chunk 2 lost its header"',
    ]);
  });

  it('see raw control characters and file-sized text in a warning', () => {
    const damaged = Buffer.from(original);
    damaged[chunkOffset(2) + 5] ^= 1;
    const problems = ['chunk 2, offset 0x21200: record 21: unexpected token inside <\u001b[2J>', `chunk 2, offset 0x21200: record 21: unexpected token inside <${'x'.repeat(500)}>`];
    const violations = findViolations(subject(damaged, outcome(allRecords.slice(0, 4), problems)));
    expect(violations.map((violation) => violation.split(':')[0])).toEqual(['a control character in a warning', 'a warning of 562 characters']);
  });

  it('accept file-level verdicts and header problems at offset 0x0', () => {
    const problems = ['file header checksum 0x1 does not match its content (0x2) (offset 0x0)', 'not an EVTX file: no chunk; skipped'];
    expect(findViolations(subject(Buffer.from(original), outcome(allRecords, problems)))).toEqual([]);
  });

  it('see a record missing, changed or added in an intact chunk, and a warning about it', () => {
    const changed = [record(0), { ...record(0, 0, 1), xml: '<Other/>' }, record(1), record(2, 2, 0), record(2, 2, 1), { ...record(2, 2, 1), recordId: 99 }];
    const violations = findViolations(subject(Buffer.from(original), outcome(changed, ['chunk 1, offset 0x11200: odd'])));
    expect(violations).toEqual([
      'intact chunk 0: record 2 reads differently',
      'intact chunk 1: record 12 (2 of 2) is missing; 1 read',
      'intact chunk 1 was warned about: chunk 1, offset 0x11200: odd',
      'intact chunk 2: an extra record 99 at offset 0x21264',
    ]);
  });

  it('see a record whose hunt fields differ from its XML tree\'s', () => {
    const records = allRecords.map((r, i) => (i === 3 ? { ...r, sameFields: false } : r));
    expect(findViolations(subject(Buffer.from(original), outcome(records)))).toEqual([`record 12 at offset 0x${allRecords[3].offset.toString(16)}: the hunt's fields differ from its XML's`]);
  });

  it('follow a moved chunk by its content', () => {
    const swapped = Buffer.from(original);
    original.copy(swapped, chunkOffset(0), chunkOffset(2), chunkOffset(3));
    original.copy(swapped, chunkOffset(2), chunkOffset(0), chunkOffset(1));
    const read = [record(2, 0, 0), record(2, 0, 1), record(1, 1, 0), record(1, 1, 1), record(0, 2, 0), record(0, 2, 1)];
    expect(findViolations(subject(swapped, outcome(read)))).toEqual([]);
    expect(findViolations(subject(swapped, outcome(allRecords)))).toContain('chunk 0 (intact chunk 2 moved): record 1 is 1, expected 21');
  });

  it('ask a damaged chunk with an intact header for the records before the damage only', () => {
    const damaged = Buffer.from(original);
    damaged[chunkOffset(1) + 0x264 + 10] ^= 0x80; // inside chunk 1's second record
    const firstOnly = [record(0, 0, 0), record(0, 0, 1), record(1, 1, 0), record(2, 2, 0), record(2, 2, 1)];
    expect(findViolations(subject(damaged, outcome(firstOnly)))).toEqual([]);
    const none = firstOnly.filter((r) => r.chunk !== 1);
    expect(findViolations(subject(damaged, outcome(none)))).toEqual(['chunk 1, damaged from offset 0x1126e, lost a record before the damage: record 11 (1 of 1) is missing; 0 read']);
  });

  it('count records carved by recover in no property', () => {
    const carved = [...allRecords, { ...record(1, 1, 0), recordId: 500, recovered: true }];
    expect(findViolations(subject(Buffer.from(original), outcome(carved)))).toEqual([]);
  });
});
