#!/usr/bin/env node
// bench:evtx — Rampart's EVTX reader and the full hunt over EVTX files, beside their peer measured in
// the same run (DESIGN.md, "Tests and benchmarks").
//
// 1. Parser, single thread: records/s of Rampart's reader (Binary XML → XML text, the same work
//    evtxexport does) over every sample file, beside Debian's `evtxexport -f xml` over the same files
//    (one process per file, as it is used), and the ratio. Target: at least 1.0x.
// 2. The full hunt, every SigmaHQ rule, on all cores, as a user runs it (`rampart hunt`, a fresh
//    process, output to /dev/null):
//    (a) one hunt over the samples: wall time with start-up and rule loading, the loading shown
//        apart, with the number of threads the command picks and then forced onto every core.
//        Targets: rule loading under 1 s, the whole hunt under 2 s;
//    (b) steady state on every core: the samples read repeatedly until at least 300,000 events; events/s is the
//        extra events over the extra time against run (a), so start-up and loading cancel out.
//        Target: at least 50,000 events/s. Peak memory (max RSS of the process) under 300 MB.
//
//   npm run bench:evtx                 build, then everything
//   node bench/evtx.js [--samples DIR] [--threads N] [--min-events 300000] [--runs 3] [--parser-only]
//
// Finds the samples at ../shared/data/evtx-attack-samples beside the repository or $RAMPART_EVTX_SAMPLES_DIR,
// and SigmaHQ at ../shared/data/sigma or $RAMPART_SIGMA_DIR. Exits 0 whatever the figures.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { REPO, RULE_FOLDERS, PLACEHOLDERS_FIXTURE, defaultSigmaDirectory, defaultEvtxSamplesDirectory } from './lib/locations.js';
import { benchCommandLine } from './lib/command-line.js';

const { fail, positiveInteger, parse: parseFlags } = benchCommandLine('bench:evtx', 'node bench/evtx.js [--samples DIR] [--threads N] [--min-events N] [--runs N] [--parser-only]');

const TARGETS = { parserRatio: 1.0, ruleLoadSeconds: 1, huntSeconds: 2, eventsPerSecond: 50_000, memoryMb: 300 };

const options = parseArguments(process.argv.slice(2));
const files = evtxFiles(options.samples);
if (files.length === 0) fail(`no .evtx files under ${options.samples} (set RAMPART_EVTX_SAMPLES_DIR)`);
const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);

console.log('bench:evtx');
console.log(`  machine   ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown cpu'}, Node.js ${process.version}`);
console.log(`  samples   ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB in ${path.relative(process.cwd(), options.samples) || '.'}`);
console.log('');
await parserBenchmark();
if (!options.parserOnly) huntBenchmark();

async function parserBenchmark() {
  const { readEvtxRecords } = await importDist('logs/evtx/evtx-records.js');
  const { recordToXml } = await importDist('logs/evtx/evtx-xml.js');
  const rampartRuns = [];
  const peerRuns = [];
  let records = 0;
  for (let run = 0; run < options.runs; run++) {
    // Alternate the two, so a slow patch on a shared machine hurts both alike.
    const started = performance.now();
    records = 0;
    let characters = 0;
    for (const file of files) {
      for await (const record of readEvtxRecords(file)) {
        characters += recordToXml(record.xml).length;
        records++;
      }
    }
    rampartRuns.push((performance.now() - started) / 1000);
    if (characters === 0) fail('the reader produced no XML');
    const peerStarted = performance.now();
    for (const file of files) {
      const result = spawnSync('evtxexport', ['-f', 'xml', file], { stdio: 'ignore' });
      if (result.error) {
        console.log(`1. Parser: evtxexport is not installed (Debian package libevtx-utils); Rampart alone: ${rate(records, Math.min(...rampartRuns))} records/s`);
        return;
      }
    }
    peerRuns.push((performance.now() - peerStarted) / 1000);
  }
  const ours = records / Math.min(...rampartRuns);
  const theirs = records / Math.min(...peerRuns);
  console.log(`1. Parser, single thread, ${records.toLocaleString('en-US')} records, best of ${options.runs}`);
  console.log(`  evtxexport -f xml     ${rate(records, Math.min(...peerRuns)).padStart(10)} records/s   (one process per file, as it is run)`);
  console.log(`  Rampart reader → XML  ${rate(records, Math.min(...rampartRuns)).padStart(10)} records/s   (in process)`);
  console.log(`  ratio                 ${(ours / theirs).toFixed(2)}x   target ≥ ${TARGETS.parserRatio.toFixed(1)}x  ${verdict(ours / theirs >= TARGETS.parserRatio)}`);
  // Most samples are small, so evtxexport's process start-up weighs in above; the largest file alone
  // shows the per-record speed with that mostly gone.
  const largest = files.reduce((a, b) => (statSync(b).size > statSync(a).size ? b : a));
  let largestRecords = 0;
  const ourLargest = [];
  const theirLargest = [];
  for (let run = 0; run < options.runs; run++) {
    let started = performance.now();
    largestRecords = 0;
    for await (const record of readEvtxRecords(largest)) {
      recordToXml(record.xml);
      largestRecords++;
    }
    ourLargest.push((performance.now() - started) / 1000);
    started = performance.now();
    spawnSync('evtxexport', ['-f', 'xml', largest], { stdio: 'ignore' });
    theirLargest.push((performance.now() - started) / 1000);
  }
  const ratio = Math.min(...theirLargest) / Math.min(...ourLargest);
  console.log(`  largest file alone (${largestRecords} records, ${(statSync(largest).size / 1e6).toFixed(1)} MB): evtxexport ${rate(largestRecords, Math.min(...theirLargest))}, Rampart ${rate(largestRecords, Math.min(...ourLargest))} records/s, ratio ${ratio.toFixed(2)}x`);
  console.log('');
}

function huntBenchmark() {
  const sigma = defaultSigmaDirectory();
  if (!existsSync(path.join(sigma, 'rules'))) {
    console.log(`2. Hunt: skipped, SigmaHQ not found at ${sigma} (set RAMPART_SIGMA_DIR)`);
    return;
  }
  const ruleArgs = RULE_FOLDERS.flatMap((folder) => ['--rules', path.join(sigma, folder)]);
  const placeholders = ['--placeholders', PLACEHOLDERS_FIXTURE];
  const hunt = (repeat, threads) => runHunt([...ruleArgs, ...placeholders, ...(threads ? ['--threads', String(threads)] : []), '-f', 'jsonl', '-o', os.devNull, ...Array(repeat).fill(options.samples)]);

  // (a) as a user runs it: the command picks the number of threads from the input's size (one thread
  // below 128 MB per thread, since each worker loads and warms up its own rules), then forced onto
  // every core, as the issue states the target.
  const chosen = best(options.runs, () => hunt(1));
  const once = best(options.runs, () => hunt(1, options.threads));
  console.log(`2. Full hunt, every SigmaHQ rule (${once.rules}), fresh process each run, best of ${options.runs}`);
  console.log(`  (a) one hunt over the samples: ${once.events.toLocaleString('en-US')} events, ${once.detections} detections`);
  for (const [label, run] of [[`threads as chosen (${chosen.threads})`, chosen], [`--threads ${options.threads}`, once]]) {
    console.log(`      ${label}`);
    console.log(`        rule loading  ${run.loadSeconds.toFixed(2)} s   target < ${TARGETS.ruleLoadSeconds} s  ${verdict(run.loadSeconds < TARGETS.ruleLoadSeconds)}`);
    console.log(`        whole hunt    ${run.wallSeconds.toFixed(2)} s   target < ${TARGETS.huntSeconds} s  ${verdict(run.wallSeconds < TARGETS.huntSeconds)}   (start-up and loading included)`);
    console.log(`        peak memory   ${run.peakMb.toFixed(0)} MB   target < ${TARGETS.memoryMb} MB  ${verdict(run.peakMb < TARGETS.memoryMb)}`);
  }
  const repeat = Math.max(2, Math.ceil(options.minEvents / Math.max(1, once.events)));
  const many = hunt(repeat, options.threads);
  const steady = (many.events - once.events) / (many.wallSeconds - once.wallSeconds);
  console.log(`  (b) steady state, --threads ${options.threads}: the samples ${repeat} times, ${many.events.toLocaleString('en-US')} events in ${many.wallSeconds.toFixed(2)} s`);
  console.log(`      events/s        ${rate(1, 1 / steady).padStart(8)}   target ≥ ${TARGETS.eventsPerSecond.toLocaleString('en-US')}  ${verdict(steady >= TARGETS.eventsPerSecond)}   (extra events / extra time over run (a) with --threads ${options.threads})`);
  console.log(`      peak memory     ${many.peakMb.toFixed(0)} MB   target < ${TARGETS.memoryMb} MB  ${verdict(many.peakMb < TARGETS.memoryMb)}`);
  console.log('  Hayabusa publishes ~12,800 events/s on 4 cores with 3,633 rules (its README), for scale.');
}

/**
 * One `rampart hunt` in a fresh process, under /usr/bin/time for its peak memory. The launcher is run
 * as the installed `rampart` command runs it (its first line starts Node with the heap cap).
 */
function runHunt(args) {
  const command = [path.join(REPO, 'bin', 'rampart.js'), 'hunt', '--no-progress', ...args];
  const timed = existsSync('/usr/bin/time');
  const started = performance.now();
  const result = timed
    ? spawnSync('/usr/bin/time', ['-f', 'maxrss-kb %M', ...command], { encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(command[0], command.slice(1), { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wallSeconds = (performance.now() - started) / 1000;
  if (result.status !== 0) fail(`rampart hunt failed (${result.status}):\n${result.stderr}`);
  const summary = result.stderr;
  const number = (pattern) => Number((pattern.exec(summary)?.[1] ?? 'NaN').replace(/,/g, ''));
  return {
    wallSeconds,
    events: number(/events\s+([\d,]+) read/),
    detections: number(/detections\s+([\d,]+)/),
    rules: `${number(/rules\s+([\d,]+) loaded/).toLocaleString('en-US')} rules`,
    loadSeconds: number(/loaded, .*? in ([\d.]+) s/),
    threads: /events\/s \([\d.]+ s, ([^)]+)\)/.exec(summary)?.[1] ?? 'unknown',
    peakMb: timed ? (number(/maxrss-kb (\d+)/) * 1024) / 1e6 : NaN,
  };
}

function best(runs, measure) {
  let fastest;
  for (let i = 0; i < runs; i++) {
    const run = measure();
    if (fastest === undefined || run.wallSeconds < fastest.wallSeconds) fastest = { ...run, peakMb: Math.max(run.peakMb, fastest?.peakMb ?? 0) };
    else fastest.peakMb = Math.max(fastest.peakMb, run.peakMb);
  }
  return fastest;
}

function evtxFiles(directory) {
  if (!existsSync(directory)) return [];
  const found = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.toLowerCase().endsWith('.evtx')) found.push(full);
    }
  };
  walk(directory);
  return found.sort();
}

async function importDist(module) {
  const file = path.join(REPO, 'dist', module);
  if (!existsSync(file)) fail(`${file} is missing: run npm run build first`);
  return import(pathToFileURL(file).href);
}

function parseArguments(argv) {
  const parsed = {
    samples: defaultEvtxSamplesDirectory(),
    threads: os.availableParallelism(),
    minEvents: 300_000,
    runs: 3,
    parserOnly: false,
  };
  parseFlags(argv, (flag, value) => {
    if (flag === '--samples') parsed.samples = path.resolve(value());
    else if (flag === '--threads') parsed.threads = positiveInteger(flag, value());
    else if (flag === '--min-events') parsed.minEvents = positiveInteger(flag, value());
    else if (flag === '--runs') parsed.runs = positiveInteger(flag, value());
    else if (flag === '--parser-only') parsed.parserOnly = true;
    else return false;
    return true;
  });
  return parsed;
}


function rate(count, seconds) {
  return Math.round(count / seconds).toLocaleString('en-US');
}

function verdict(ok) {
  return ok ? 'met' : 'NOT met';
}

