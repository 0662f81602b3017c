#!/usr/bin/env node
// bench:rules — loading all of SigmaHQ's rules against its floor, measured in the same run (DESIGN.md,
// "Tests and benchmarks"). The figure is `loadRuleSet` (what `rampart hunt` and `rules check` run first)
// over rules, rules-emerging-threats, rules-threat-hunting and rules-placeholder, split by stage; the
// floor is reading the same files and JSON.parse of their content re-serialised as JSON, the least any
// loader must do to have the rules' data in hand. The target (issue "rule loading under 1 s") is under
// one second in a fresh process, so every measurement runs in a new `node` process, as `rampart` would:
// nothing is warm but the operating system's file cache.
//
//   npm run bench:rules                      build, then 3 rounds
//   node bench/rules.js [--rounds N] [--no-located]
//
// Each round runs, in this order, one process each: the floor; loadRuleSet without a cache (cold): as
// configured (parse threads only on free cores), with RAMPART_PARSE_THREADS=0 and with 1; loadRuleSet
// on an empty cache folder (the first run ever: parses and writes the cache); loadRuleSet
// on that cache (warm). Modes alternate within a round so a burst of load from elsewhere on the machine
// hits them alike; the best and the median of the rounds are printed. Imports dist/ (npm run build);
// finds SigmaHQ at ../shared/data/sigma beside the repository or at $RAMPART_SIGMA_DIR.
// Exits 0 whatever the figures: a benchmark informs, it does not gate.

import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { memoryEnv, memoryFlags } from '../bin/heap-limit.js';
import { REPO, RULE_FOLDERS, PLACEHOLDERS_FIXTURE, defaultSigmaDirectory } from './lib/locations.js';
import { benchCommandLine } from './lib/command-line.js';

const { positiveInteger, parse: parseFlags } = benchCommandLine('bench:rules', 'node bench/rules.js [--rounds N] [--no-located]');

const THIS_FILE = fileURLToPath(import.meta.url);
const PLACEHOLDERS = PLACEHOLDERS_FIXTURE;
const TARGET_MS = 1000;

const args = parseArguments(process.argv.slice(2));
const sigmaDir = args.sigmaDir ?? defaultSigmaDirectory();
const ruleFolders = RULE_FOLDERS.map((folder) => path.join(sigmaDir, folder));

if (args.child !== undefined) await child(args.child);
else await main();

async function main() {
  const missing = RULE_FOLDERS.filter((folder) => !existsSync(path.join(sigmaDir, folder)));
  if (missing.length > 0) {
    console.error(`bench:rules: SigmaHQ rules not found in ${sigmaDir} (missing ${missing.join(', ')}); set RAMPART_SIGMA_DIR.`);
    process.exit(1);
  }
  const dist = await importDist();
  const work = mkdtempSync(path.join(os.tmpdir(), 'rampart-bench-rules-'));
  process.on('SIGINT', () => {
    rmSync(work, { recursive: true, force: true });
    process.exit(130);
  });
  try {
    printHeader();
    const twins = path.join(work, 'json');
    const files = writeJsonTwins(dist, twins);
    console.log(`rules      ${formatCount(files)} files; placeholders from ${path.relative(REPO, PLACEHOLDERS)}`);
    console.log(`processes  node ${memoryFlags().join(' ')} (as rampart runs), one per measurement, ${args.rounds} rounds\n`);

    const runs = { floor: [], cold: [], cold1: [], coldThread: [], first: [], warm: [], located: [] };
    for (let round = 1; round <= args.rounds; round++) {
      const cache = path.join(work, `cache-${round}`);
      runs.floor.push(await measure('floor', [twins]));
      runs.cold.push(await measure('cold', []));
      runs.cold1.push(await measure('cold', [], { RAMPART_PARSE_THREADS: '0' }));
      runs.coldThread.push(await measure('cold', [], { RAMPART_PARSE_THREADS: '1' }));
      runs.first.push(await measure('cached', [cache]));
      runs.warm.push(await measure('cached', [cache]));
      if (round === 1 && args.located) runs.located.push(await measure('located', []));
      const last = (mode) => runs[mode].at(-1);
      console.log(
        `round ${round}    floor ${seconds(last('floor').load)}   cold ${seconds(last('cold').load)}   one thread ${seconds(last('cold1').load)}   parse thread ${seconds(last('coldThread').load)}   first ${seconds(last('first').load)}   warm ${seconds(last('warm').load)}` +
          (round === 1 && args.located ? `   old yaml path ${seconds(last('located').load)}` : ''),
      );
    }
    printSummary(runs);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** For the floor: every rule file as JSON (parsed with `yaml`, as the rules mean it), one file each. */
function writeJsonTwins(dist, directory) {
  let count = 0;
  for (const folder of ruleFolders) {
    for (const file of dist.listRuleFiles(folder)) {
      const twin = path.join(directory, path.relative(sigmaDir, file) + '.json');
      mkdirSync(path.dirname(twin), { recursive: true });
      writeFileSync(twin, JSON.stringify(dist.parseAllDocuments(readFileSync(file, 'utf8')).map((document) => document.toJSON())));
      count++;
    }
  }
  return count;
}

async function measure(mode, extra, env = {}) {
  const childArgs = [...memoryFlags(), THIS_FILE, '--child', mode, '--sigma-dir', sigmaDir, ...extra];
  try {
    const { stdout } = await promisify(execFile)(process.execPath, childArgs, { maxBuffer: 16 * 1024 * 1024, env: memoryEnv({ ...process.env, RAMPART_CACHE: 'off', ...env }) });
    return JSON.parse(stdout.trim().split('\n').at(-1));
  } catch (error) {
    console.error(`bench:rules: the ${mode} measurement failed: ${String(error.stderr || error.message).trim().split('\n')[0]}`);
    process.exit(1);
  }
}

/** One measurement in this fresh process; prints JSON. Times are from just before the first import. */
async function child(mode) {
  const started = performance.now();
  const result = { mode };
  if (mode === 'floor') {
    const { listRuleFiles } = await import(distUrl('sigma/parse/load-rules.js'));
    const twins = args.rest[0];
    let objects = 0;
    for (const folder of ruleFolders) {
      for (const file of listRuleFiles(folder)) {
        readFileSync(file, 'utf8');
        if (JSON.parse(readFileSync(path.join(twins, path.relative(sigmaDir, file) + '.json'), 'utf8')).length > 0) objects++;
      }
    }
    result.load = performance.now() - started;
    result.files = objects;
  } else if (mode === 'located') {
    const [{ listRuleFiles }, { parseRuleFileLocated }, { loadPlaceholderFile }] = await Promise.all([
      import(distUrl('sigma/parse/load-rules.js')),
      import(distUrl('sigma/parse/parse-rule-file.js')),
      import(distUrl('core/config.js')),
    ]);
    const placeholders = loadPlaceholderFile(PLACEHOLDERS);
    const loadStarted = performance.now();
    let rules = 0;
    for (const folder of ruleFolders) for (const file of listRuleFiles(folder)) rules += parseRuleFileLocated(readFileSync(file, 'utf8'), file, { placeholders }).rules.length;
    result.load = performance.now() - loadStarted;
    result.parsed = rules;
  } else {
    const [{ loadRuleSet }, { loadPlaceholderFile }] = await Promise.all([import(distUrl('hunt/load-rule-set.js')), import(distUrl('core/config.js'))]);
    const placeholders = loadPlaceholderFile(PLACEHOLDERS);
    const imported = performance.now();
    const cpu = process.cpuUsage();
    const set = await loadRuleSet({ rulePaths: ruleFolders, placeholders, cacheDirectory: mode === 'cached' ? args.rest[0] : null });
    const loadCpu = process.cpuUsage(cpu);
    Object.assign(result, {
      load: set.loadMilliseconds,
      stages: set.stageMilliseconds,
      cpu: (loadCpu.user + loadCpu.system) / 1000,
      imports: imported - started,
      // From the process's start (node's own boot included) to rules ready.
      process: performance.now(),
      parsed: set.parsed,
      loaded: set.engine.ruleCount,
      rejected: set.rejected.length,
    });
    if (mode === 'cold') {
      // Rules compile when a group of events first needs them; this is the cost deferred from loading.
      const compileStarted = performance.now();
      result.variants = set.engine.compiled.length;
      result.compileAll = performance.now() - compileStarted;
    }
  }
  result.peakMb = (process.resourceUsage().maxRSS * 1024) / 1e6;
  process.stdout.write(JSON.stringify(result) + '\n');
}

function distUrl(relative) {
  return pathToFileURL(path.join(REPO, 'dist', relative)).href;
}

async function importDist() {
  try {
    const [{ listRuleFiles }, { parseAllDocuments }] = await Promise.all([import(distUrl('sigma/parse/load-rules.js')), import('yaml')]);
    return { listRuleFiles, parseAllDocuments };
  } catch (error) {
    console.error(`bench:rules: cannot load the compiled code in dist/ (${error.message}). Run \`npm run build\` first, or use \`npm run bench:rules\`.`);
    process.exit(1);
  }
}

function printHeader() {
  const cpus = os.cpus();
  const command = process.env.npm_lifecycle_event
    ? `npm run ${process.env.npm_lifecycle_event}${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}`
    : ['node', ...process.execArgv, path.relative(process.cwd(), THIS_FILE), ...process.argv.slice(2)].join(' ');
  console.log('Rampart rule-loading benchmark');
  console.log(`command    ${command}`);
  console.log(`node       ${process.version} ${process.platform} ${process.arch}, ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), load average ${os.loadavg()[0].toFixed(2)}`);
  console.log(`date       ${new Date().toISOString()}`);
  console.log(`sigma      ${RULE_FOLDERS.join(', ')}`);
}

function printSummary(runs) {
  const floor = summarise(runs.floor);
  const rows = [['', 'best', 'median', 'mappings', 'rule files', 'engine', 'CPU', 'from start', 'peak RSS', '× floor']];
  const row = (name, list, withStages = true) => {
    const s = summarise(list);
    const best = s.bestRun;
    rows.push([
      name,
      seconds(s.best),
      seconds(s.median),
      withStages && best.stages ? seconds(best.stages.mappings) : '',
      withStages && best.stages ? seconds(best.stages.rules) : '',
      withStages && best.stages ? seconds(best.stages.engine) : '',
      best.cpu !== undefined ? seconds(best.cpu) : '',
      best.process !== undefined ? seconds(best.process) : '',
      `${best.peakMb.toFixed(0)} MB`,
      `${(s.best / floor.best).toFixed(1)}×`,
    ]);
    return s;
  };
  row('floor: read + JSON.parse', runs.floor, false);
  const cold = row('loadRuleSet, no cache (cold)', runs.cold);
  row('  the same, parsing on one thread', runs.cold1);
  row('  the same, one parse thread beside', runs.coldThread);
  const first = row('loadRuleSet, empty cache (first run)', runs.first);
  const warm = row('loadRuleSet, cache written (warm)', runs.warm);
  if (runs.located.length > 0) row('old path: yaml reader, parse only', runs.located, false);
  const widths = rows[0].map((_, column) => Math.max(...rows.map((cells) => cells[column].length)));
  console.log('');
  for (const cells of rows) console.log(cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column]))).join('  '));
  const compile = summarise(runs.cold.map((run) => ({ ...run, load: run.compileAll })));
  const sample = runs.cold[0];
  console.log('');
  console.log(`rules      ${formatCount(sample.parsed)} parsed, ${formatCount(sample.loaded)} loaded, ${formatCount(sample.rejected)} rejected; ${formatCount(sample.variants)} compiled variants`);
  console.log(`deferred   compiling every variant (rules check; a hunt compiles what its events need): ${seconds(compile.best)} best, ${seconds(compile.median)} median`);
  console.log(`imports    ${seconds(summarise(runs.cold.map((run) => ({ ...run, load: run.imports }))).best)} to import the code before loadRuleSet (in "from start", not in "best")`);
  const verdict = (s) => (s.best < TARGET_MS ? `MET (best ${seconds(s.best)}, median ${seconds(s.median)})` : `NOT MET (best ${seconds(s.best)}, median ${seconds(s.median)})`);
  console.log('');
  console.log(`target     loadRuleSet under ${seconds(TARGET_MS)} in a fresh process`);
  console.log(`           cold, no cache:        ${verdict(cold)}`);
  console.log(`           first run, empty cache: ${verdict(first)}`);
  console.log(`           warm cache:            ${verdict(warm)}`);
}

function summarise(list) {
  const sorted = [...list].sort((a, b) => a.load - b.load);
  return { best: sorted[0].load, median: sorted[Math.floor((sorted.length - 1) / 2)].load, bestRun: sorted[0] };
}

function parseArguments(argv) {
  const options = { rounds: 3, located: true, rest: [] };
  parseFlags(argv, (flag, value) => {
    if (flag === '--rounds') options.rounds = positiveInteger(flag, value());
    else if (flag === '--no-located') options.located = false;
    else if (flag === '--sigma-dir') options.sigmaDir = value();
    else if (flag === '--child') options.child = value();
    else if (options.child !== undefined && !flag.startsWith('--')) options.rest.push(flag);
    else return false;
    return true;
  });
  return options;
}



function seconds(milliseconds) {
  return `${(milliseconds / 1000).toFixed(2)} s`;
}

function formatCount(n) {
  return n.toLocaleString('en-US');
}
