// Damaged input must never escape as an exception or stall the reader, and damage must cost only
// the records it touches. Seeded, so a failure reproduces exactly.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { LogEvent } from '../core/event.js';
import { readJsonEvents } from './json.js';
import type { ReadProblem } from './read-problem.js';
import { seededRandom } from '../core/seeded-random.js';

const ITERATIONS = 300;
// Fixed, so every run checks the same cases; RAMPART_FUZZ_SEED explores others.
const SEED = Number(process.env.RAMPART_FUZZ_SEED ?? 0x5eed);
const dir = mkdtempSync(join(tmpdir(), 'rampart-json-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fuzzers' seeded PRNG (mulberry32): the same sequence for the same seed on every machine. */
function prng(seed: number): () => number {
  return seededRandom(seed).next;
}

/** Characters that matter to a JSON reader; flips may also produce a line break. */
const SPECIAL = Buffer.from('{}[]",:\\ \r0a-\n');
/** The same without the line break, for garbage that gets at most one, placed on purpose. */
const GARBAGE = SPECIAL.subarray(0, SPECIAL.length - 1);

function baseRecords(random: () => number, count: number): Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [];
  for (let id = 1; id <= count; id++) {
    records.push({
      id,
      text: ['plain', 'brace { and } inside', 'quote \\" and \\\\', '[ bracket', 'ünïcødé 漢字'][id % 5],
      nested: { list: [id, { deep: id % 3 === 0 }], empty: {} },
      ...(random() < 0.3 ? { '@timestamp': new Date(1_700_000_000_000 + id * 1000).toISOString() } : {}),
    });
  }
  return records;
}

function mutate(input: Buffer, random: () => number): Buffer {
  let buffer = Buffer.from(input);
  const mutations = 1 + Math.floor(random() * 3);
  for (let m = 0; m < mutations && buffer.length > 0; m++) {
    const at = Math.floor(random() * buffer.length);
    switch (Math.floor(random() * 4)) {
      case 0: // byte flip, to a structural character or to any byte (invalid UTF-8 included)
        buffer[at] = random() < 0.6 ? SPECIAL[Math.floor(random() * SPECIAL.length)] : Math.floor(random() * 256);
        break;
      case 1: // truncation
        buffer = buffer.subarray(0, at);
        break;
      case 2: {
        // inserted garbage, with at most one line break
        const garbage = Buffer.alloc(1 + Math.floor(random() * 12));
        for (let g = 0; g < garbage.length; g++) garbage[g] = GARBAGE[Math.floor(random() * GARBAGE.length)];
        if (random() < 0.3) garbage[Math.floor(random() * garbage.length)] = 10;
        buffer = Buffer.concat([buffer.subarray(0, at), garbage, buffer.subarray(at)]);
        break;
      }
      default: {
        // a duplicated brace or bracket
        const from = buffer.findIndex((byte, index) => index >= at && (byte === 123 || byte === 125 || byte === 91 || byte === 93));
        if (from >= 0) buffer = Buffer.concat([buffer.subarray(0, from + 1), buffer.subarray(from)]);
      }
    }
  }
  return buffer;
}

async function readAll(file: string): Promise<{ events: LogEvent[]; problems: ReadProblem[] }> {
  const events: LogEvent[] = [];
  const problems: ReadProblem[] = [];
  for await (const event of readJsonEvents(file, { onProblem: (problem) => problems.push(problem), maxRecordBytes: 4096 })) {
    events.push(event);
  }
  return { events, problems };
}

describe('readJsonEvents under fuzzed input', () => {
  it('reads every untouched NDJSON line, whatever damage surrounds it', async () => {
    const random = prng(SEED);
    let checkedLines = 0;
    for (let iteration = 0; iteration < ITERATIONS; iteration++) {
      const records = baseRecords(random, 5 + Math.floor(random() * 30));
      const newline = iteration % 7 === 0 ? '\r\n' : '\n';
      const originalLines = new Map(records.map((record) => [JSON.stringify(record) + newline.slice(0, -1), record.id]));
      const mutated = mutate(Buffer.from(records.map((record) => JSON.stringify(record)).join(newline) + newline), random);
      const gzip = iteration % 10 === 0;
      const file = join(dir, `${iteration}.jsonl`);
      writeFileSync(file, gzip ? gzipSync(mutated) : mutated);

      const { events, problems } = await readAll(file);
      const lines = mutated.toString('utf8').split('\n');
      const label = `iteration ${iteration}`;
      for (const problem of problems) expect(problem.file, label).toBe(file);
      for (const [index, line] of lines.entries()) {
        const id = originalLines.get(line);
        if (id === undefined) continue;
        checkedLines++;
        const event = events.find((candidate) => candidate.ref.line === index + 1);
        expect(event?.fields.id, `${label}, line ${index + 1}`).toBe(id);
      }
      for (const event of events) {
        expect(event.ref.line, label).toBeGreaterThanOrEqual(1);
        expect(event.ref.line, label).toBeLessThanOrEqual(lines.length);
      }
    }
    // The assertion above must have had something to check.
    expect(checkedLines).toBeGreaterThan(ITERATIONS * 5);
  });

  it('never throws or stalls on damaged pretty-printed objects, arrays or gzip', async () => {
    const random = prng(SEED ^ 0xfa11);
    for (let iteration = 0; iteration < ITERATIONS; iteration++) {
      const records = baseRecords(random, 3 + Math.floor(random() * 10));
      const layout = iteration % 3;
      const text =
        layout === 0
          ? records.map((record) => JSON.stringify(record, null, 2)).join('\n')
          : layout === 1
            ? JSON.stringify(records, null, iteration % 2 === 0 ? 2 : undefined)
            : records.map((record) => JSON.stringify(record)).join('\n');
      let bytes = mutate(Buffer.from(text), random);
      if (iteration % 5 === 0) bytes = mutate(gzipSync(bytes), random);
      const file = join(dir, `pretty-${iteration}.json`);
      writeFileSync(file, bytes);

      const { events, problems } = await readAll(file);
      const label = `iteration ${iteration}`;
      const lineCount = bytes.toString('utf8').split('\n').length;
      for (const event of events) {
        expect(typeof event.fields === 'object' && !Array.isArray(event.fields), label).toBe(true);
        expect(event.ref.file, label).toBe(file);
        expect(event.ref.line, label).toBeGreaterThanOrEqual(1);
        if (iteration % 5 !== 0) expect(event.ref.line, label).toBeLessThanOrEqual(lineCount);
        if (event.ref.record !== undefined) expect(Number.isInteger(event.ref.record) && event.ref.record > 0, label).toBe(true);
      }
      for (const problem of problems) expect(problem.file, label).toBe(file);
      // Reports come per record, per array value or per line of junk, never per character.
      expect(events.length + problems.length, label).toBeLessThanOrEqual(bytes.length / 2 + lineCount + 2);
    }
  });
});
