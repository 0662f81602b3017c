// What every EVTX mutation shares: its signature and a few helpers to aim it. A mutation changes the
// file in place or returns a new one (when the length changes), and says what it did in words that
// name file offsets, so a failure report reads as a recipe.

import type { EvtxMap } from './evtx-map.js';
import type { Random } from '../../../core/seeded-random.js';

export interface Mutated {
  readonly file: Buffer;
  readonly description: string;
}

/** Undefined when the file has nothing the mutation can aim at (e.g. no second chunk to swap with). */
export type Mutation = (file: Buffer, map: EvtxMap, random: Random) => Mutated | undefined;

export function hex(value: number): string {
  return '0x' + value.toString(16);
}

/** The end of the last used chunk: mutations prefer the bytes a reader actually interprets. */
export function usedEnd(map: EvtxMap): number {
  let end = Math.min(map.size, 4096);
  for (const chunk of map.chunks) if (chunk.used) end = chunk.offset + 65536;
  return end;
}

/**
 * A file offset: often just after the start of a structure (the file, a chunk, a record), where
 * the fields a reader trusts are; otherwise anywhere, mostly inside the used part of the file.
 */
export function pickOffset(map: EvtxMap, random: Random, length: number): number {
  if (random.chance(0.3)) {
    const chunks = map.chunks.filter((chunk) => chunk.used);
    const chunk = chunks.length > 0 ? random.pick(chunks) : undefined;
    const starts = [0, chunk?.offset ?? 0, chunk !== undefined && chunk.records.length > 0 ? chunk.offset + random.pick(chunk.records).at : 0];
    return Math.min(random.pick(starts) + random.below(32), length - 1);
  }
  const limit = random.chance(0.8) ? usedEnd(map) : length;
  return random.below(Math.max(1, Math.min(limit, length)));
}

/**
 * A wrong value for a numeric field of `width` bytes: the values that break parsers most often —
 * zero, all ones, a little more or less than it was, a single bit changed, anything at all, and (for
 * offsets into a 64 KiB chunk) the chunk header, the chunk's last bytes or the field's own position.
 */
export function wrongValue(random: Random, old: number, width: 1 | 2 | 4, ownOffset: number): number {
  const max = 2 ** (width * 8) - 1;
  const candidates = [
    () => 0,
    () => max,
    () => old + random.between(1, 16),
    () => old - random.between(1, 16),
    () => old ^ (1 << random.below(width * 8)),
    () => random.below(max + 1),
    () => random.below(512),
    () => 65536 - random.between(1, 16),
    () => ownOffset,
    () => random.below(65536),
  ];
  const value = random.pick(candidates)();
  const wrapped = ((value % (max + 1)) + (max + 1)) % (max + 1);
  return wrapped === old ? (old + 1) % (max + 1) : wrapped;
}

export function readField(file: Buffer, at: number, width: 1 | 2 | 4): number {
  return file.readUIntLE(at, width);
}

export function writeField(file: Buffer, at: number, width: 1 | 2 | 4, value: number): void {
  file.writeUIntLE(value, at, width);
}
