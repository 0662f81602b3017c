// A failure is only useful if its seed replays it: the same seed must give the same bytes and the
// same description, and the aimed mutations must land where they say.

import { describe, expect, it } from 'vitest';
import { mapEvtx } from './evtx-map.js';
import { mutateEvtx } from './mutate.js';
import { caseSeed, seededRandom } from '../../../core/seeded-random.js';

/** A file header and two chunks, each with one small record (an empty Binary XML fragment). */
function tinyEvtx(): Buffer {
  const file = Buffer.alloc(4096 + 2 * 65536);
  file.write('ElfFile\0', 0, 'latin1');
  for (let chunk = 0; chunk < 2; chunk++) {
    const at = 4096 + chunk * 65536;
    file.write('ElfChnk\0', at, 'latin1');
    file.writeUInt32LE(512 + 32, at + 48); // free space offset
    const record = at + 512;
    file.writeUInt32LE(0x2a2a, record);
    file.writeUInt32LE(32, record + 4);
    file.writeBigUInt64LE(BigInt(chunk + 1), record + 8);
    file.set([0x0f, 0x01, 0x01, 0x00], record + 24);
    file.writeUInt32LE(32, record + 28);
  }
  return file;
}

describe('mutateEvtx', () => {
  const original = tinyEvtx();
  const map = mapEvtx(original);

  it('maps the chunks and records it aims at', () => {
    expect(map.chunks.map((chunk) => [chunk.used, chunk.records.map((record) => [record.at, record.size])])).toEqual([
      [true, [[512, 32]]],
      [true, [[512, 32]]],
    ]);
  });

  it('gives the same bytes and descriptions for the same seed, and leaves the original alone', () => {
    const copy = Buffer.from(original);
    for (let i = 0; i < 200; i++) {
      const seed = caseSeed(42, i);
      const first = mutateEvtx(original, map, seed);
      const second = mutateEvtx(original, map, seed);
      expect(second.mutations).toEqual(first.mutations);
      expect(second.file.equals(first.file)).toBe(true);
      expect(first.mutations.length).toBeGreaterThan(0);
    }
    expect(original.equals(copy)).toBe(true);
  });

  it('spreads over every kind of mutation', () => {
    const kinds = new Set<string>();
    for (let i = 0; i < 2000; i++) for (const mutation of mutateEvtx(original, map, caseSeed(1, i)).mutations) kinds.add(mutation.split(/ \d| 0x| chunk| at/)[0]);
    for (const kind of ['flip bits', 'overwrite', 'truncate to', 'append', 'zero', 'swap', 'copy', 'insert a copy of', 'remove', 'file header']) expect([...kinds]).toContain(kind);
  });
});

describe('seededRandom and caseSeed', () => {
  it('are the same on every run', () => {
    const random = seededRandom(123);
    expect([random.below(1000), random.below(1000), random.below(1000)]).toEqual([seededRandomValues[0], seededRandomValues[1], seededRandomValues[2]]);
    expect(caseSeed(1, 0)).not.toBe(caseSeed(1, 1));
    expect(caseSeed(1, 5)).toBe(caseSeed(1, 5));
  });
});

const seededRandomValues = ((): number[] => {
  const random = seededRandom(123);
  return [random.below(1000), random.below(1000), random.below(1000)];
})();
