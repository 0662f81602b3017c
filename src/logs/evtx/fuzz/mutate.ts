// One fuzz case's damage, decided by its seed alone: a few in-place mutations (aimed or blind), then
// perhaps chunks moved around, then perhaps the end cut or extended. In-place mutations come first
// because they aim with the intact file's map, whose offsets a move or a cut would invalidate.

import { appendGarbage, flipBits, overwriteRun, truncate } from './byte-mutations.js';
import { copyChunkOver, insertChunkCopy, removeChunk, swapChunks, zeroChunk } from './chunk-mutations.js';
import type { EvtxMap } from './evtx-map.js';
import { corruptBinXmlField, corruptChunkHeader, corruptFileHeader, corruptRecordSize } from './field-mutations.js';
import type { Mutation } from './mutation.js';
import { seededRandom } from '../../../core/seeded-random.js';

/** In-place mutations, repeated by weight so that the aimed ones come up more often. */
const IN_PLACE: readonly Mutation[] = [
  flipBits, flipBits,
  overwriteRun,
  corruptFileHeader,
  corruptChunkHeader, corruptChunkHeader,
  corruptRecordSize, corruptRecordSize,
  corruptBinXmlField, corruptBinXmlField, corruptBinXmlField, corruptBinXmlField,
];
/** Chunk moves that keep the length, so several can be combined. */
const SAME_LENGTH_MOVES: readonly Mutation[] = [zeroChunk, swapChunks, copyChunkOver];
const LENGTH_CHANGING_MOVES: readonly Mutation[] = [insertChunkCopy, removeChunk];
const ENDINGS: readonly Mutation[] = [truncate, truncate, truncate, appendGarbage];

export interface MutatedFile {
  readonly file: Buffer;
  /** What was done, in order; empty never (a case always changes something). */
  readonly mutations: readonly string[];
}

export function mutateEvtx(original: Buffer, map: EvtxMap, seed: number): MutatedFile {
  const random = seededRandom(seed);
  let file: Buffer = Buffer.from(original);
  const mutations: string[] = [];
  const apply = (mutation: Mutation): void => {
    const result = mutation(file, map, random);
    if (result === undefined) return;
    file = result.file;
    mutations.push(result.description);
  };
  const inPlace = random.pick([0, 1, 1, 1, 2, 2, 3, 5]);
  for (let i = 0; i < inPlace; i++) apply(random.pick(IN_PLACE));
  if (random.chance(0.25)) apply(random.pick(SAME_LENGTH_MOVES));
  if (random.chance(0.08)) apply(random.pick(LENGTH_CHANGING_MOVES));
  if (random.chance(0.2) || mutations.length === 0) apply(random.pick(ENDINGS));
  return { file, mutations };
}
