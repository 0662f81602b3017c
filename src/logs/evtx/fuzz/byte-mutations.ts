// Mutations that know nothing of the format: flipped bits, overwritten runs of bytes, a cut or a
// tail of garbage. They find what the aimed mutations did not think of.

import { hex, pickOffset, type Mutation } from './mutation.js';

export const flipBits: Mutation = (file, map, random) => {
  const flips: string[] = [];
  for (let i = random.between(1, 8); i > 0; i--) {
    const at = pickOffset(map, random, file.length);
    const bit = random.below(8);
    file[at] ^= 1 << bit;
    flips.push(`${hex(at)}.${bit}`);
  }
  return { file, description: `flip bits ${flips.join(' ')}` };
};

export const overwriteRun: Mutation = (file, map, random) => {
  const at = pickOffset(map, random, file.length);
  // Mostly short runs; sometimes a lost page or more, enough to wipe a header and what follows it.
  const length = Math.min(random.chance(0.8) ? random.between(1, 64) : random.between(65, 8192), file.length - at);
  const fill = random.pick(['random', 'zero', '0xff', 'copied'] as const);
  if (fill === 'copied') {
    // Bytes from elsewhere in the file: stale data as a crashed writer or a bad sector leaves it.
    const from = random.below(file.length - length + 1);
    file.copyWithin(at, from, from + length);
    return { file, description: `overwrite ${length} bytes at ${hex(at)} with the bytes at ${hex(from)}` };
  }
  for (let i = at; i < at + length; i++) file[i] = fill === 'random' ? random.below(256) : fill === 'zero' ? 0 : 0xff;
  return { file, description: `overwrite ${length} bytes at ${hex(at)} with ${fill} bytes` };
};

/** A cut anywhere, or where it hurts: inside the file header, a chunk header, a record, at a chunk boundary. */
export const truncate: Mutation = (file, map, random) => {
  const chunks = map.chunks.filter((chunk) => chunk.used && chunk.offset < file.length);
  const chunk = chunks.length > 0 ? random.pick(chunks) : undefined;
  const record = chunk !== undefined && chunk.records.length > 0 ? random.pick(chunk.records) : undefined;
  const places: [string, () => number][] = [
    ['anywhere', () => random.below(file.length)],
    ['inside the file header', () => random.below(4096)],
  ];
  if (chunk !== undefined) {
    places.push(['inside a chunk header', () => chunk.offset + random.below(512)]);
    places.push(['at a chunk boundary', () => chunk.offset + random.pick([0, 65536])]);
    places.push(['near a chunk boundary', () => chunk.offset + random.between(-8, 8)]);
  }
  if (chunk !== undefined && record !== undefined) places.push(['inside a record', () => chunk.offset + record.at + random.between(1, record.size - 1)]);
  const [where, choose] = random.pick(places);
  const length = Math.max(0, Math.min(choose(), file.length - 1));
  return { file: file.subarray(0, length), description: `truncate to ${hex(length)} bytes (${where})` };
};

export const appendGarbage: Mutation = (file, _map, random) => {
  const length = random.chance(0.5) ? random.between(1, 600) : random.between(601, 70000);
  const garbage = Buffer.alloc(length);
  for (let i = 0; i < length; i++) garbage[i] = random.below(256);
  return { file: Buffer.concat([file, garbage]), description: `append ${length} random bytes` };
};
