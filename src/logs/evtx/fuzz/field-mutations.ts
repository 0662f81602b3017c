// Mutations aimed at the numbers the reader trusts: the file header, chunk header fields, record
// sizes and their copies, and the offsets, counts and sizes inside a record's Binary XML.

import { OFFSET_FIELD_KINDS } from './binxml-fields.js';
import { usedChunks } from './evtx-map.js';
import { hex, readField, writeField, wrongValue, type Mutation } from './mutation.js';

const FILE_HEADER_FIELDS: readonly (readonly [string, number, 1 | 2 | 4])[] = [
  ['signature', 0, 4],
  ['first chunk number', 8, 4],
  ['last chunk number', 16, 4],
  ['next record identifier', 24, 4],
  ['header size', 32, 4],
  ['major version', 38, 2],
  ['header block size', 40, 2],
  ['chunk count', 42, 2],
  ['flags', 120, 4],
  ['checksum', 124, 4],
];

export const corruptFileHeader: Mutation = (file, _map, random) => {
  const [name, at, width] = random.pick(FILE_HEADER_FIELDS);
  if (at + width > file.length) return undefined;
  const old = readField(file, at, width);
  const value = wrongValue(random, old, width, at);
  writeField(file, at, width, value);
  return { file, description: `file header ${name} at ${hex(at)}: ${hex(old)} → ${hex(value)}` };
};

const CHUNK_HEADER_FIELDS: readonly (readonly [string, number, 1 | 2 | 4])[] = [
  ['signature', 0, 4],
  ['first record number', 8, 4],
  ['last record number', 16, 4],
  ['first record identifier', 24, 4],
  ['last record identifier', 32, 4],
  ['header size', 40, 4],
  ['last record offset', 44, 4],
  ['free space offset', 48, 4],
  ['records checksum', 52, 4],
  ['header checksum', 124, 4],
  ['common string offset', 128 + 4 * 7, 4],
  ['template pointer', 384 + 4 * 3, 4],
];

export const corruptChunkHeader: Mutation = (file, map, random) => {
  const chunks = usedChunks(map);
  if (chunks.length === 0) return undefined;
  const chunk = random.pick(chunks);
  // Free space and last record offsets decide where reading stops: hit them more often.
  const [name, field, width] = random.chance(0.4) ? random.pick(CHUNK_HEADER_FIELDS.slice(6, 8)) : random.pick(CHUNK_HEADER_FIELDS);
  const at = chunk.offset + field;
  const old = readField(file, at, width);
  const value = wrongValue(random, old, width, field);
  writeField(file, at, width, value);
  return { file, description: `chunk ${chunk.index} ${name} at ${hex(at)}: ${hex(old)} → ${hex(value)}` };
};

/** The record's size, its copy at the end, or both set to the same wrong value. */
export const corruptRecordSize: Mutation = (file, map, random) => {
  const chunks = usedChunks(map).filter((chunk) => chunk.records.length > 0);
  if (chunks.length === 0) return undefined;
  const chunk = random.pick(chunks);
  const record = random.pick(chunk.records);
  const sizeAt = chunk.offset + record.at + 4;
  const copyAt = chunk.offset + record.at + record.size - 4;
  const which = random.pick(['size', 'size copy', 'size and copy'] as const);
  const value = wrongValue(random, record.size, 4, record.at);
  if (which !== 'size copy') writeField(file, sizeAt, 4, value);
  if (which !== 'size') writeField(file, copyAt, 4, value);
  return { file, description: `chunk ${chunk.index} record at ${hex(chunk.offset + record.at)}: ${which} ${hex(record.size)} → ${hex(value)}` };
};

/** Value types a parser decodes (some as arrays): a wrong but valid type reaches the decoders. */
const VALUE_TYPES = [0x00, 0x01, 0x02, 0x04, 0x06, 0x08, 0x0a, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x21, 0x81, 0x88, 0x8f, 0x90, 0x93, 0x94];

export const corruptBinXmlField: Mutation = (file, map, random) => {
  const chunks = usedChunks(map).filter((chunk) => chunk.records.some((record) => record.fields.length > 0));
  if (chunks.length === 0) return undefined;
  const chunk = random.pick(chunks);
  const record = random.pick(chunk.records.filter((candidate) => candidate.fields.length > 0));
  // Offsets are the interesting ones (they reach outside the record): half of the picks.
  const offsets = record.fields.filter((field) => OFFSET_FIELD_KINDS.has(field.kind));
  const field = random.pick(offsets.length > 0 && random.chance(0.5) ? offsets : record.fields);
  const at = chunk.offset + field.at;
  const old = readField(file, at, field.width);
  // Plausible wrong values get further than random ones: an offset that points at another name or
  // template of the chunk (a template of the wrong shape), a type that exists but is not this one.
  const sameKind = chunk.records.flatMap((other) => other.fields.filter((candidate) => candidate.kind === field.kind));
  let value = wrongValue(random, old, field.width, field.at);
  const plausible = OFFSET_FIELD_KINDS.has(field.kind) && random.chance(0.4) ? readField(file, chunk.offset + random.pick(sameKind).at, field.width)
    : field.kind.endsWith('type') && random.chance(0.5) ? random.pick(VALUE_TYPES)
    : old;
  if (plausible !== old) value = plausible;
  writeField(file, at, field.width, value);
  return { file, description: `chunk ${chunk.index} record at ${hex(chunk.offset + record.at)}: ${field.kind} at ${hex(at)}: ${hex(old)} → ${hex(value)}` };
};
