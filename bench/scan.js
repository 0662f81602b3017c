#!/usr/bin/env node
// bench:scan — the data recognizers' speed over text, beside a plain read of the same bytes in the same
// run (DESIGN.md, "Tests and benchmarks"). Issue 6: MB/s of text scanned with every recognizer, single
// thread; target at least 100 MB/s.
//
// The text: realistic lines — English and Chinese prose, log lines with times, counters and addresses,
// CSV rows — of which one in ten carries identifiers (the labelled corpus of src/datasec/corpus), written
// once to a temporary file. Then, alternately, best of N rounds:
//   floor:   read the file and decode it as UTF-8 (what any scanner must do at least);
//   Rampart: read, decode, and run recognize() (every recognizer, context words, overlaps) line by line.
// Each in wall time and in CPU time, with the ratio of each; then a digest of every finding, made in an
// untimed pass, which a change made for speed must leave as it was.
//
//   npm run bench:scan                 build, then 64 MB, 3 rounds
//   node bench/scan.js [--mb 64] [--rounds 3] [--seed 1]
//
// Imports the compiled code from dist/ (npm run build). Exits 0 whatever the figures.

import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { TextDecoder } from 'node:util';
import { REPO } from './lib/locations.js';
import { benchCommandLine } from './lib/command-line.js';

const TARGET_MB_PER_SECOND = 100;
const { positiveInteger, parse } = benchCommandLine('bench:scan', 'node bench/scan.js [--mb 64] [--rounds 3] [--seed 1]');
const options = { mb: 64, rounds: 3, seed: 1 };
parse(process.argv.slice(2), (flag, value) => {
  if (flag === '--mb') options.mb = positiveInteger(flag, value());
  else if (flag === '--rounds') options.rounds = positiveInteger(flag, value());
  else if (flag === '--seed') options.seed = positiveInteger(flag, value());
  else return false;
  return true;
});

const dist = (module) => import(pathToFileURL(path.join(REPO, 'dist', 'datasec', module)).href);
const { recognize } = await dist('recognize.js');
const { generateCorpus } = await dist('corpus/generate-corpus.js');
const { seededRandom } = await import(pathToFileURL(path.join(REPO, 'dist', 'core', 'seeded-random.js')).href);

const folder = mkdtempSync(path.join(os.tmpdir(), 'rampart-bench-scan-'));
const file = path.join(folder, 'text.txt');
try {
  const started = performance.now();
  writeFileSync(file, makeText(options.mb * 1024 * 1024, options.seed));
  const bytes = statSync(file).size;
  console.log('bench:scan');
  console.log(`  machine   ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown cpu'}, Node.js ${process.version}, load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`);
  console.log(`  text      ${(bytes / 1e6).toFixed(1)} MB, one line in ten with identifiers, written in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // Wall time is the figure; CPU time (this process's, user + system) is printed beside it
  // because on a shared machine a run waits for a core, and waiting is not scanning.
  const floorRuns = [];
  const scanRuns = [];
  let findings = 0;
  for (let round = 0; round < options.rounds; round++) {
    // Alternate, so a slow patch on a shared machine hurts both alike.
    let at = measureStart();
    const decoded = new TextDecoder('utf-8').decode(readFileSync(file));
    floorRuns.push(measureEnd(at));
    if (decoded.length === 0) throw new Error('nothing read');
    at = measureStart();
    findings = scanLines(new TextDecoder('utf-8').decode(readFileSync(file)));
    scanRuns.push(measureEnd(at));
    const [floorRun, scanRun] = [floorRuns[round], scanRuns[round]];
    console.log(`  round ${round + 1}   floor ${rate(bytes, floorRun.wall)} MB/s (CPU ${rate(bytes, floorRun.cpu)})   scan ${rate(bytes, scanRun.wall)} MB/s (CPU ${rate(bytes, scanRun.cpu)})   (${findings.toLocaleString('en-US')} findings)`);
  }
  const best = (runs, key) => bytes / 1e6 / Math.min(...runs.map((run) => run[key]));
  const floor = best(floorRuns, 'wall');
  const scan = best(scanRuns, 'wall');
  const floorCpu = best(floorRuns, 'cpu');
  const scanCpu = best(scanRuns, 'cpu');
  const verdict = (rate) => (rate >= TARGET_MB_PER_SECOND ? 'met' : 'NOT met');
  console.log('');
  console.log(`                                   wall time      CPU time   (best of ${options.rounds})`);
  console.log(`floor: read + decode UTF-8     ${floor.toFixed(1).padStart(8)} MB/s ${floorCpu.toFixed(1).padStart(8)} MB/s`);
  console.log(`scan: every recognizer         ${scan.toFixed(1).padStart(8)} MB/s ${scanCpu.toFixed(1).padStart(8)} MB/s   ${findings.toLocaleString('en-US')} findings, single thread`);
  console.log(`ratio scan / floor             ${(scan / floor).toFixed(3).padStart(8)}×      ${(scanCpu / floorCpu).toFixed(3).padStart(8)}×`);
  console.log(`target ${TARGET_MB_PER_SECOND} MB/s                ${verdict(scan).padStart(8)}      ${verdict(scanCpu).padStart(8)}`);
  console.log(`findings digest                ${findingsDigest(new TextDecoder('utf-8').decode(readFileSync(file)))}   (untimed; the same --mb and --seed must keep it)`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}

/**
 * Runs recognize() over each line of `text`, as a scanner would, and returns the findings' count;
 * `onLine(lineIndex, findings)` sees each line's findings when given. A function rather than the loop
 * inline in the module's top level, which V8 optimises less (it cost 10 % of the scan there).
 */
function scanLines(text, onLine) {
  let count = 0;
  let line = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const found = recognize(text.slice(start, end));
    count += found.length;
    if (onLine !== undefined) onLine(line, found);
    line++;
    start = end + 1;
  }
  return count;
}

/**
 * A digest of every finding (line, span, category, score, reasons), in an untimed pass: a change made
 * for speed must leave it as it was for the same --mb and --seed.
 */
function findingsDigest(text) {
  const hash = createHash('sha256');
  scanLines(text, (line, found) => {
    for (const finding of found) {
      const reasons = finding.reasons.map((reason) => `${reason.change} ${reason.why}`).join('|');
      hash.update(`${line}\t${finding.category}\t${finding.start}\t${finding.end}\t${finding.score}\t${reasons}\n`);
    }
  });
  return hash.digest('hex').slice(0, 16);
}

/** The clocks at the start of a measurement. */
function measureStart() {
  return { wall: performance.now(), cpu: process.cpuUsage() };
}

/** Seconds of wall time and of CPU time since `start`. */
function measureEnd(start) {
  const cpu = process.cpuUsage(start.cpu);
  return { wall: (performance.now() - start.wall) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

function rate(bytes, seconds) {
  return (bytes / 1e6 / seconds).toFixed(1);
}

/** About `size` bytes of lines: nine of ten without identifiers, one from the labelled corpus. */
function makeText(size, seed) {
  const random = seededRandom(seed);
  const pick = (list) => list[Math.floor(random.next() * list.length)];
  const words = ['the', 'operator', 'reported', 'a', 'service', 'outage', 'at', 'substation', 'network', 'traffic', 'normal', 'user', 'login', 'completed', 'backup', 'job', 'finished', 'with', 'status', 'ok'];
  const hanzi = ['系统', '运行', '正常', '用户', '登录', '成功', '备份', '任务', '完成', '网络', '流量', '监测', '变电站', '设备', '巡检', '记录'];
  const corpus = generateCorpus(seed, 5000).map((sample) => sample.text);
  const lines = [];
  let total = 0;
  let n = 0;
  while (total < size) {
    let line;
    const kind = n++ % 10;
    if (kind === 0) line = pick(corpus);
    else if (kind < 4) line = Array.from({ length: 8 + Math.floor(random.next() * 12) }, () => pick(words)).join(' ') + '.';
    else if (kind < 6) line = Array.from({ length: 6 + Math.floor(random.next() * 10) }, () => pick(hanzi)).join('') + '。';
    else if (kind < 9) line = `2026-11-${String(1 + (n % 28)).padStart(2, '0')} ${String(n % 24).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}:07 host-${n % 500} service[${1000 + (n % 9000)}]: processed ${n % 100000} records in ${n % 977} ms, queue ${n % 64}`;
    else line = `${n},${pick(words)},${pick(hanzi)},${n % 1000}.${n % 100},${pick(words)}`;
    lines.push(line);
    total += Buffer.byteLength(line) + 1;
  }
  return lines.join('\n') + '\n';
}
