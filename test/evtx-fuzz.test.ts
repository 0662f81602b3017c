// Acceptance for the EVTX fuzzer: a bounded run inside `npm test` over a few attack samples of every
// shape (one chunk, two, several), through scripts/fuzz-evtx.js itself, so the hang guard (a worker
// thread stopped after its time budget) is the one `npm run fuzz:evtx` uses. The seed is fixed so
// every run checks the same cases; RAMPART_FUZZ_SEED explores others. Prints cases and seeds.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECORD_HEADER_BYTES } from '../src/logs/evtx/evtx-layout.js';
import { mapEvtx } from '../src/logs/evtx/fuzz/evtx-map.js';
import { evtxSampleFiles, evtxSamplesDirectory, evtxSamplesPresent } from './evtx-corpus.js';
import { repositoryRoot } from './sigma-corpus.js';

const CASES = 240;
const RUN_SEED = Number(process.env.RAMPART_FUZZ_SEED ?? 0x5eed);

if (!evtxSamplesPresent) console.log(`skipped: EVTX fuzzing: samples not found at ${evtxSamplesDirectory} (set RAMPART_EVTX_SAMPLES_DIR)`);

/** A spread of samples: every 6th of the multi-chunk files and every 60th of the one-chunk files, by name. */
function chosenSamples(): string[] {
  const files = evtxSampleFiles();
  const multiChunk = files.filter((file) => statSync(file).size > 4096 + 65536);
  const oneChunk = files.filter((file) => !multiChunk.includes(file));
  return [...multiChunk.filter((_, i) => i % 6 === 1), ...oneChunk.filter((_, i) => i % 60 === 0)];
}

function ensureFuzzerBuilt(): void {
  if (!existsSync(join(repositoryRoot, 'dist', 'logs', 'evtx', 'fuzz', 'fuzz-case.js'))) {
    execFileSync(process.execPath, [join(repositoryRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: repositoryRoot });
  }
}

describe.runIf(evtxSamplesPresent)('the EVTX fuzzer over attack samples', () => {
  it('finds the Binary XML fields it aims at in every record', () => {
    for (const file of chosenSamples()) {
      const map = mapEvtx(readFileSync(file));
      const records = map.chunks.flatMap((chunk) => chunk.records);
      expect(records.length).toBeGreaterThan(0);
      for (const record of records) {
        const kinds = new Set(record.fields.map((field) => field.kind));
        expect(kinds.has('template definition offset') && kinds.has('substitution count')).toBe(true);
        for (const field of record.fields) expect(field.at >= record.at + RECORD_HEADER_BYTES && field.at + field.width <= record.at + record.size - 4).toBe(true);
      }
    }
  });

  it(`keeps every property over ${CASES} mutated files`, { timeout: 600_000 }, () => {
    ensureFuzzerBuilt();
    const files = chosenSamples();
    expect(files.length).toBeGreaterThanOrEqual(6);
    const args = ['scripts/fuzz-evtx.js', '--iterations', String(CASES), '--run-seed', String(RUN_SEED), ...files.flatMap((file) => ['--files', file])];
    const run = spawnSync(process.execPath, args, { cwd: repositoryRoot, encoding: 'utf8', timeout: 540_000 });
    const lines = run.stdout.trim().split('\n');
    // The summary line says how many cases ran and the run seed; failures print their own seeds.
    console.log(`EVTX fuzz over ${files.length} samples: ${lines.at(-1)}`);
    if (run.status !== 0) console.log(run.stdout + run.stderr);
    expect(run.status).toBe(0);
    expect(lines.at(-1)).toMatch(new RegExp(`^${CASES} cases .*: 0 failed`));
  });
});
