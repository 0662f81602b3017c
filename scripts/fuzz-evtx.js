#!/usr/bin/env node
// Fuzzes the EVTX reader: mutates real EVTX files (bit flips, cuts, chunks moved or zeroed, header,
// record and Binary XML fields corrupted) and checks that every read finishes, throws nothing, names
// chunk and offset in every warning, and still reads every chunk the mutation left intact
// (src/logs/evtx/fuzz/ has the mutations and the properties; docs/evtx-fuzzing.md explains them).
//
// Usage: npm run fuzz:evtx -- [options]      (builds first; this file runs over dist/)
//   --iterations N   stop after N cases            --seconds S   stop after S seconds
//                    (neither: run until Ctrl-C)
//   --files PATH     a sample file or folder; repeat for more (default: every .evtx under
//                    $RAMPART_EVTX_SAMPLES_DIR or ../shared/data/evtx-attack-samples)
//   --seed N         replay the one case with this seed (on each --files file) and show it
//   --run-seed N     the run's seed (default: random); case i's seed is derived from it
//   --workers N      cases run in parallel (default 1: the machine is shared)
//   --budget S       seconds one case may take before it counts as a hang (default 60)
//   --out DIR        where failing mutated files are saved (default: a new temp folder)
//
// Exit status 0 when every case passed, 1 when one failed, 2 on bad usage.
import { randomInt } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clearInterval, clearTimeout, setInterval, setTimeout } from 'node:timers';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fuzzCaseModule = path.join(root, 'dist', 'logs', 'evtx', 'fuzz', 'fuzz-case.js');
if (!existsSync(fuzzCaseModule)) {
  console.error('fuzz-evtx: dist/ is not built; run `npm run build` (or `npm run fuzz:evtx`, which builds first)');
  process.exit(2);
}
const { mutatedSample } = await import(fuzzCaseModule);
const { caseSeed } = await import(path.join(root, 'dist', 'core', 'seeded-random.js'));

const options = readOptions();
const files = sampleFiles(options.files);
if (files.length === 0) {
  console.error(`fuzz-evtx: no .evtx files found in ${options.files.join(', ')}`);
  process.exit(2);
}
const runSeed = options.runSeed ?? randomInt(2 ** 32);
const scratchDir = mkdtempSync(path.join(tmpdir(), 'rampart-evtx-fuzz-scratch-'));
let outDir = options.out;

// A case is (file, seed). Replay: the one seed on each file. Run: case i takes file i mod n and the
// seed derived from the run seed, so a run is reproducible and each case on its own as well.
const replay = options.seed !== undefined;
const limit = replay ? files.length : (options.iterations ?? Infinity);
const caseAt = (i) => (replay ? { file: files[i], seed: options.seed } : { file: files[i % files.length], seed: caseSeed(runSeed, i) });

const started = Date.now();
const deadline = options.seconds === undefined ? Infinity : started + options.seconds * 1000;
const stats = { cases: 0, failures: 0, records: 0, problems: 0 };
let next = 0;
let stopping = false;

console.log(replay
  ? `replaying seed ${options.seed} on ${files.length} file(s)`
  : `fuzzing ${files.length} file(s), run seed ${runSeed}${Number.isFinite(limit) ? `, ${limit} cases` : ''}${options.seconds ? `, ${options.seconds} s` : ''}; Ctrl-C stops`);

process.on('SIGINT', () => {
  if (stopping) process.exit(1);
  console.error('\nstopping (Ctrl-C again to quit at once)');
  stopping = true;
});

const progress = setInterval(() => {
  const seconds = (Date.now() - started) / 1000;
  console.error(`[${seconds.toFixed(0).padStart(5)} s] ${stats.cases} cases (${(stats.cases / seconds).toFixed(1)}/s), ${stats.failures} failed, ${stats.records} records and ${stats.problems} warnings read`);
}, 10_000);
progress.unref();

await Promise.all(Array.from({ length: Math.max(1, options.workers) }, (_, i) => runWorker(i)));
clearInterval(progress);
rmSync(scratchDir, { recursive: true, force: true });

const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`${stats.cases} cases over ${files.length} file(s) in ${seconds} s: ${stats.failures} failed, ${stats.records} records and ${stats.problems} warnings read${replay ? '' : `; run seed ${runSeed}`}`);
if (stats.failures > 0) console.log(`failing mutated files are in ${outDir}`);
process.exit(stats.failures > 0 ? 1 : 0);

/** Feeds cases to one worker until the run ends; replaces the worker when a case hangs or kills it. */
async function runWorker(id) {
  let worker;
  while (!stopping && next < limit && Date.now() < deadline) {
    const current = caseAt(next++);
    worker ??= startWorker(id);
    const result = await runCase(worker, current);
    if (result.lostWorker) worker = undefined;
    stats.cases++;
    stats.records += result.records ?? 0;
    stats.problems += result.problems ?? 0;
    if (replay || result.violations.length > 0) report(current, result);
  }
  await worker?.terminate();
}

function startWorker(id) {
  const worker = new Worker(path.join(root, 'scripts', 'evtx-fuzz-worker.js'), {
    workerData: { scratchFile: path.join(scratchDir, `case-${id}.evtx`) },
    // A reader that builds something huge from a small file is a bug too: it fails the case
    // instead of taking the machine's memory.
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
  });
  return worker;
}

/** One case on `worker`, within the time budget. */
function runCase(worker, { file, seed }) {
  return new Promise((resolve) => {
    const finish = (result) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve(result);
    };
    const lost = (violation) => {
      worker.terminate();
      finish({ file, seed, mutations: undefined, violations: [violation], lostWorker: true });
    };
    const onMessage = (result) => finish(result);
    const onError = (error) => lost(`the reader crashed its thread: ${error?.stack ?? error}`);
    const onExit = (code) => lost(`the worker exited (code ${code})`);
    const timer = setTimeout(() => lost(`hang: the case ran over its ${options.budget} s budget`), options.budget * 1000);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ file, seed });
  });
}

/** Prints a case (a failure, or any case when replaying) and saves its mutated file. */
function report({ file, seed }, result) {
  const failed = result.violations.length > 0;
  if (failed) stats.failures++;
  // Rebuilt here from the seed (the worker may be gone): the same bytes the worker read.
  const { file: bytes, mutations } = mutatedSample(readFileSync(file), seed);
  outDir ??= mkdtempSync(path.join(tmpdir(), 'rampart-evtx-fuzz-'));
  mkdirSync(outDir, { recursive: true });
  const saved = path.join(outDir, `${path.basename(file, '.evtx')}.seed-${seed}.evtx`);
  writeFileSync(saved, bytes);
  const lines = [
    `${failed ? 'FAIL' : 'PASS'} ${file}`,
    `  seed ${seed}  replay: npm run fuzz:evtx -- --files '${file}' --seed ${seed}`,
    ...mutations.map((mutation) => `  mutation: ${mutation}`),
    ...result.violations.map((violation) => `  violation: ${violation.split('\n').slice(0, 6).join('\n    ')}`),
    `  mutated file: ${saved}`,
  ];
  console.log(lines.join('\n'));
}

function readOptions() {
  const usage = 'usage: fuzz-evtx.js [--iterations N] [--seconds S] [--files PATH]... [--seed N] [--run-seed N] [--workers N] [--budget S] [--out DIR]';
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        iterations: { type: 'string' }, seconds: { type: 'string' }, files: { type: 'string', multiple: true },
        seed: { type: 'string' }, 'run-seed': { type: 'string' }, workers: { type: 'string' }, budget: { type: 'string' },
        out: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`fuzz-evtx: ${error.message}\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const number = (name, fallback) => {
    if (values[name] === undefined) return fallback;
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 0) {
      console.error(`fuzz-evtx: --${name} must be a whole number, not ${values[name]}\n${usage}`);
      process.exit(2);
    }
    return value;
  };
  const samples = process.env.RAMPART_EVTX_SAMPLES_DIR ?? path.join(root, '..', 'shared', 'data', 'evtx-attack-samples');
  return {
    iterations: number('iterations'),
    seconds: number('seconds'),
    files: values.files ?? [samples],
    seed: number('seed'),
    runSeed: number('run-seed'),
    workers: number('workers', 1),
    budget: number('budget', 60),
    out: values.out,
  };
}

/** The .evtx files named, folders walked, sorted so that case i means the same file every run. */
function sampleFiles(paths) {
  const found = [];
  const walk = (entry) => {
    if (!existsSync(entry)) return;
    if (statSync(entry).isDirectory()) for (const name of readdirSync(entry)) walk(path.join(entry, name));
    else if (entry.toLowerCase().endsWith('.evtx')) found.push(entry);
  };
  for (const entry of paths) walk(entry);
  return [...new Set(found)].sort();
}
