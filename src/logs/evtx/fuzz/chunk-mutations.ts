// Mutations that move whole 64 KiB chunks: zeroed, swapped, copied over another, inserted twice,
// removed. A moved chunk is still intact (its offsets are chunk-relative), which is what the
// property check relies on when it compares chunks by content rather than by position.

import { CHUNK_BYTES } from '../evtx-layout.js';
import { usedChunks } from './evtx-map.js';
import type { ChunkSpan } from './evtx-map.js';
import type { Random } from '../../../core/seeded-random.js';
import type { Mutation } from './mutation.js';

function twoChunks(chunks: readonly ChunkSpan[], random: Random): [ChunkSpan, ChunkSpan] | undefined {
  if (chunks.length < 2) return undefined;
  const first = random.pick(chunks);
  const others = chunks.filter((chunk) => chunk !== first);
  return [first, random.pick(others)];
}

export const zeroChunk: Mutation = (file, map, random) => {
  const chunks = usedChunks(map);
  if (chunks.length === 0) return undefined;
  const chunk = random.pick(chunks);
  file.fill(0, chunk.offset, chunk.offset + CHUNK_BYTES);
  return { file, description: `zero chunk ${chunk.index}` };
};

export const swapChunks: Mutation = (file, map, random) => {
  // One of the two may be an unused (zero) chunk: a used chunk moved into the tail.
  const pair = twoChunks(random.chance(0.7) ? usedChunks(map) : map.chunks, random);
  if (pair === undefined) return undefined;
  const [a, b] = pair;
  const saved = Buffer.from(file.subarray(a.offset, a.offset + CHUNK_BYTES));
  file.copy(file, a.offset, b.offset, b.offset + CHUNK_BYTES);
  saved.copy(file, b.offset);
  return { file, description: `swap chunks ${a.index} and ${b.index}` };
};

export const copyChunkOver: Mutation = (file, map, random) => {
  const pair = twoChunks(map.chunks, random);
  if (pair === undefined) return undefined;
  const [from, to] = pair;
  file.copy(file, to.offset, from.offset, from.offset + CHUNK_BYTES);
  return { file, description: `copy chunk ${from.index} over chunk ${to.index}` };
};

export const insertChunkCopy: Mutation = (file, map, random) => {
  const chunks = usedChunks(map);
  if (chunks.length === 0) return undefined;
  const chunk = random.pick(chunks);
  const before = random.pick(map.chunks).offset;
  const copy = Buffer.from(file.subarray(chunk.offset, chunk.offset + CHUNK_BYTES));
  return {
    file: Buffer.concat([file.subarray(0, before), copy, file.subarray(before)]),
    description: `insert a copy of chunk ${chunk.index} at chunk ${(before - 4096) / CHUNK_BYTES}`,
  };
};

export const removeChunk: Mutation = (file, map, random) => {
  const chunks = usedChunks(map);
  if (chunks.length < 2) return undefined;
  const chunk = random.pick(chunks);
  return { file: Buffer.concat([file.subarray(0, chunk.offset), file.subarray(chunk.offset + CHUNK_BYTES)]), description: `remove chunk ${chunk.index}` };
};
