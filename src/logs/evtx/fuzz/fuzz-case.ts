// One fuzz case: a sample file, a seed, and the verdict. The intact file is mapped and read once per
// sample (a FuzzTarget); each case mutates a copy by its seed, writes it to a scratch file (the
// reader takes a path), reads it plainly and with `recover`, and checks the properties.

import { readFile, writeFile } from 'node:fs/promises';
import { mapEvtx, type EvtxMap } from './evtx-map.js';
import { findViolations } from './fuzz-properties.js';
import { mutateEvtx, type MutatedFile } from './mutate.js';
import { READ_MODES, readOutcome, type ReadMode, type ReadOutcome } from './read-outcome.js';

export interface FuzzTarget {
  readonly file: string;
  readonly original: Buffer;
  readonly map: EvtxMap;
  readonly baseline: Readonly<Record<ReadMode, ReadOutcome>>;
}

export interface FuzzCaseResult {
  readonly file: string;
  readonly seed: number;
  readonly mutations: readonly string[];
  /** Each broken property, prefixed with the read mode; empty when the case passed. */
  readonly violations: readonly string[];
  readonly records: number;
  readonly problems: number;
}

export async function loadFuzzTarget(file: string): Promise<FuzzTarget> {
  const original = await readFile(file);
  return {
    file,
    original,
    map: mapEvtx(original),
    baseline: { plain: await readOutcome(file, 'plain'), recover: await readOutcome(file, 'recover') },
  };
}

/** The mutated bytes of a case, the same on every run: for saving a failing case to replay it. */
export function mutatedSample(original: Buffer, seed: number): MutatedFile {
  return mutateEvtx(original, mapEvtx(original), seed);
}

export async function runFuzzCase(target: FuzzTarget, seed: number, scratchFile: string): Promise<FuzzCaseResult> {
  const { file: mutated, mutations } = mutateEvtx(target.original, target.map, seed);
  await writeFile(scratchFile, mutated);
  const violations: string[] = [];
  let records = 0;
  let problems = 0;
  for (const mode of READ_MODES) {
    const outcome = await readOutcome(scratchFile, mode);
    records += outcome.records.length;
    problems += outcome.problems.length;
    const found = findViolations({ original: target.original, map: target.map, baseline: target.baseline[mode], mutated, outcome });
    violations.push(...found.map((violation) => `${mode}: ${violation}`));
  }
  return { file: target.file, seed, mutations, violations, records, problems };
}
