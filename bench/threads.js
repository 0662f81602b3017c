#!/usr/bin/env node
// bench:threads — the parallel hunt (`--threads N`) against the same hunt in one thread, measured in
// the same run over the same files (DESIGN.md, "Tests and benchmarks"): wall time, CPU time and peak
// RSS of the whole process (worker threads included), and whether both wrote the same detections.
//
//   npm run bench:threads                          build, then 4 files × 50,000 events, --threads 2
//   node bench/threads.js --files 8 --events-per-file 25000 --threads 2 [--rounds 2] [--seed 1]
//
// Each measurement runs in a fresh process with the command's heap cap (bin/heap-limit.js), through
// prepareHunt, the code `rampart hunt` runs, with every SigmaHQ rule and a sink that only counts and
// hashes the detections in output order. Runs alternate (1, N, 1, N) and the best of each is kept, so
// a burst of load from elsewhere on the machine hits both. Exits 0 whatever the figures.

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { readTemplates, writeCorpus } from './lib/windows-event-corpus.js';
import { memoryEnv, memoryFlags } from '../bin/heap-limit.js';
import { REPO, RULE_FOLDERS, PLACEHOLDERS_FIXTURE, defaultSigmaDirectory } from './lib/locations.js';
import { benchCommandLine } from './lib/command-line.js';

const { positiveInteger, parse: parseFlags } = benchCommandLine('bench:threads', 'node bench/threads.js [--files N] [--events-per-file N] [--threads N] [--rounds N] [--seed N]');

const THIS_FILE = fileURLToPath(import.meta.url);
const PLACEHOLDERS = PLACEHOLDERS_FIXTURE;
const MEMORY_LIMIT_MB = 300;

const args = parseArguments(process.argv.slice(2));
const sigmaDir = args.sigmaDir ?? defaultSigmaDirectory();

if (args.child !== undefined) await child(args.child);
else await main();

async function main() {
  const missing = ['regression_data', ...RULE_FOLDERS].filter((folder) => !existsSync(path.join(sigmaDir, folder)));
  if (missing.length > 0) {
    console.error(`bench:threads: SigmaHQ data not found in ${sigmaDir} (missing ${missing.join(', ')}); set RAMPART_SIGMA_DIR.`);
    process.exit(1);
  }
  if (!existsSync(path.join(REPO, 'dist', 'hunt', 'prepare-hunt.js'))) {
    console.error('bench:threads: dist/ is not built; run `npm run build` first, or use `npm run bench:threads`.');
    process.exit(1);
  }
  const directory = mkdtempSync(path.join(os.tmpdir(), 'rampart-bench-threads-'));
  process.on('SIGINT', () => {
    rmSync(directory, { recursive: true, force: true });
    process.exit(130);
  });
  try {
    const cpus = os.cpus();
    console.log('Rampart parallel hunt benchmark');
    console.log(`command    node ${path.relative(process.cwd(), THIS_FILE)} ${process.argv.slice(2).join(' ')}`.trimEnd());
    console.log(`node       ${process.version} ${process.platform} ${process.arch}, ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`);
    console.log(`date       ${new Date().toISOString()}`);
    const started = performance.now();
    const templates = readTemplates(path.join(sigmaDir, 'regression_data'));
    for (let file = 0; file < args.files; file++) {
      await writeCorpus(path.join(directory, `part-${file}.ndjson`), args.eventsPerFile, templates, { seed: args.seed + file });
    }
    console.log(`input      ${args.files} NDJSON files × ${args.eventsPerFile.toLocaleString('en-US')} events, written in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const runs = { 1: [], [args.threads]: [] };
    for (let round = 1; round <= args.rounds; round++) {
      for (const threads of [1, args.threads]) {
        const run = await measure(directory, threads);
        runs[threads].push(run);
        console.log(`round ${round}    --threads ${threads}: ${describe(run)}`);
      }
    }
    const one = best(runs[1]);
    const many = best(runs[args.threads]);
    const same = [...runs[1], ...runs[args.threads]].every((run) => run.digest === one.digest && run.events === one.events);
    console.log('');
    console.log(`best       --threads 1: ${describe(one)}`);
    console.log(`best       --threads ${args.threads}: ${describe(many)}`);
    console.log(`speed-up   whole run ${(one.wall / many.wall).toFixed(2)}×, hunt after loading ${(one.hunt / many.hunt).toFixed(2)}×`);
    console.log(`memory     peak RSS ${one.peakMb.toFixed(0)} MB → ${many.peakMb.toFixed(0)} MB (limit ${MEMORY_LIMIT_MB} MB: ${many.peakMb < MEMORY_LIMIT_MB ? 'PASS' : 'OVER'})`);
    console.log(`output     ${same ? 'identical' : 'DIFFERENT'}: ${one.detections.toLocaleString('en-US')} detections, digest ${one.digest.slice(0, 16)}`);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** One hunt in a fresh process, as `rampart` runs it (with its heap cap). */
async function measure(directory, threads) {
  const childArgs = [...memoryFlags(), THIS_FILE, '--child', directory, '--threads', String(threads), '--sigma-dir', sigmaDir];
  try {
    const { stdout } = await promisify(execFile)(process.execPath, childArgs, { maxBuffer: 16 * 1024 * 1024, env: memoryEnv() });
    return JSON.parse(stdout.trim().split('\n').at(-1));
  } catch (error) {
    console.error(`bench:threads: the --threads ${threads} run failed: ${String(error.stderr || error.message).trim().split('\n')[0]}`);
    process.exit(1);
  }
}

/** Child mode: load and hunt through prepareHunt; print the figures as JSON. */
async function child(directory) {
  const started = performance.now();
  const load = (relative) => import(pathToFileURL(path.join(REPO, 'dist', relative)).href);
  const [{ prepareHunt }, { collectInputs }, { loadPlaceholderFile }] = await Promise.all([
    load('hunt/prepare-hunt.js'),
    load('hunt/collect-inputs.js'),
    load('core/config.js'),
  ]);
  const inputs = await collectInputs([directory]);
  const ruleSet = { rulePaths: RULE_FOLDERS.map((folder) => path.join(sigmaDir, folder)), placeholders: loadPlaceholderFile(PLACEHOLDERS) };
  const prepared = await prepareHunt({ inputs, ruleSet, filters: {}, threads: args.threads, problemsPerFile: 20 });
  const cpuSeconds = () => {
    const usage = process.resourceUsage();
    return (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  };
  // CPU used so far: loading in this thread, or by the first worker (the others may still be loading).
  const cpuBeforeHunt = cpuSeconds();
  const hash = createHash('sha256');
  let detections = 0;
  const sink = {
    write: (detection) => {
      detections++;
      hash.update(JSON.stringify(detection) + '\n');
    },
    close: async () => {},
  };
  try {
    const summary = await prepared.run({ sink });
    const usage = process.resourceUsage();
    const result = {
      threads: args.threads,
      workers: prepared.workers,
      rules: prepared.rules.ruleCount,
      events: summary.events,
      detections,
      digest: hash.digest('hex'),
      wall: (performance.now() - started) / 1000,
      hunt: summary.seconds,
      cpu: cpuSeconds(),
      cpuBeforeHunt,
      // maxRSS is in KiB; the limit is in MB (10^6 bytes).
      peakMb: (usage.maxRSS * 1024) / 1e6,
    };
    process.stdout.write(JSON.stringify(result) + '\n');
  } finally {
    await prepared.close();
  }
}

function describe(run) {
  const rate = Math.round(run.events / run.hunt).toLocaleString('en-US');
  const cpu = `CPU ${run.cpu.toFixed(1)} s (${run.cpuBeforeHunt.toFixed(1)} s before the hunt started)`;
  return `${run.wall.toFixed(1)} s wall (hunt ${run.hunt.toFixed(1)} s, ${rate} events/s), ${cpu}, peak RSS ${run.peakMb.toFixed(0)} MB, ${run.workers} worker(s)`;
}

function best(runs) {
  return runs.reduce((a, b) => (b.wall < a.wall ? b : a));
}

function parseArguments(argv) {
  const options = { files: 4, eventsPerFile: 50_000, threads: 2, rounds: 2, seed: 1 };
  parseFlags(argv, (flag, value) => {
    if (flag === '--files') options.files = positiveInteger(flag, value());
    else if (flag === '--events-per-file') options.eventsPerFile = positiveInteger(flag, value());
    else if (flag === '--threads') options.threads = positiveInteger(flag, value());
    else if (flag === '--rounds') options.rounds = positiveInteger(flag, value());
    else if (flag === '--seed') options.seed = positiveInteger(flag, value());
    else if (flag === '--sigma-dir') options.sigmaDir = value();
    else if (flag === '--child') options.child = value();
    else return false;
    return true;
  });
  return options;
}


