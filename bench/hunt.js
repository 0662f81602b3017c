#!/usr/bin/env node
// bench:hunt — the hunt's throughput against its floor, measured in the same run (DESIGN.md,
// "Tests and benchmarks"). The floor is JSON.parse alone over the same NDJSON lines, read the same
// way; the figure is `runHunt` (what `rampart hunt` runs) with every SigmaHQ rule. Absolute rates
// drift on a shared machine, so the ratio is the figure that counts.
//
//   npm run bench:hunt                       build, then 500,000 events
//   node --expose-gc bench/hunt.js --events 200000 [--seed 1] [--attack-share 0.05] [--no-scale]
//
// Imports the compiled code from dist/ (npm run build). Finds SigmaHQ at ../shared/data/sigma
// beside the repository, or at $RAMPART_SIGMA_DIR (the folder holding rules/ and regression_data/).
// Exits 0 whatever the figures: a benchmark informs, it does not gate.

import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { readTemplates, writeCorpus } from './lib/windows-event-corpus.js';
import { memoryEnv, memoryFlags } from '../bin/heap-limit.js';
import { REPO, RULE_FOLDERS, defaultSigmaDirectory } from './lib/locations.js';
import { benchCommandLine } from './lib/command-line.js';

const { fail, positiveInteger, parse: parseFlags } = benchCommandLine('bench:hunt', 'node --expose-gc bench/hunt.js [--events N] [--seed N] [--attack-share 0..1] [--no-scale]');

const THIS_FILE = fileURLToPath(import.meta.url);
const TARGET_RATIO = 0.25;
const AIM_RATIO = 0.5;
const MEMORY_LIMIT_MB = 300;
const CHUNK_BYTES = 1024 * 1024;

/**
 * Values for the `|expand` placeholders (nearly all in rules-placeholder), as a small estate would set them.
 * A placeholder SigmaHQ adds later gets a dummy value (and is counted in the output), so no rule is
 * rejected just because this table is behind.
 */
const PLACEHOLDERS = {
  Administrators: ['CORP\\administrator', 'CORP\\it.ops', 'administrator', 'it.ops'],
  Admins_Workstations: ['ADM-WKS-01', 'ADM-WKS-02', '10.0.5.10', '10.0.5.11'],
  ApprovedUserUpn: ['it.ops@corp.example.org'],
  Approved_Inviters: ['it.ops@corp.example.org'],
  'DC-MACHINE-NAME': ['DC01$', 'DC02$'],
  DomainControllers: ['DC01', 'DC02'],
  HomeTenantID: ['00000000-0000-0000-0000-000000000001'],
  Important_AppIds: ['00000003-0000-0000-c000-000000000000'],
  KNOWN_LOCATION: ['DE', 'FR', 'NL'],
  Known_Location: ['DE', 'FR', 'NL'],
  Legitimate_Countries: ['DE', 'FR', 'NL'],
  Legitimate_IP_Ranges: ['198.51.100.', '203.0.113.'],
  ServerSystems: ['FS01', 'SQL01', 'APP01', 'APP02', 'WEB01'],
  UnApprovedDevice: ['unknown-device'],
  UnApprovedIp: ['192.0.2.66'],
  UnLegitCountries: ['KP', 'IR'],
  Workstations: ['WKS-FIN-*', 'WKS-OPS-*', 'WKS-ENG-*'],
  dc_ip_addresses: ['10.0.0.10', '10.0.0.11'],
  dc_machine_accounts: ['DC01$', 'DC02$'],
  domain_controller_hostnames: ['DC01.corp.example.org', 'DC02.corp.example.org'],
  internal_domains: ['*.corp.example.org'],
  known_cdcs: ['DC01.corp.example.org', 'DC02.corp.example.org', '10.0.0.10', '10.0.0.11'],
  legit_ips: ['10.0.0.10', '10.0.0.11', '10.0.0.20'],
  legtimate_identifiers: ['@corp.example.org'],
  userdomain: ['CORP'],
};

const args = parseArguments(process.argv.slice(2));
const sigmaDir = args.sigmaDir ?? defaultSigmaDirectory();

if (args.huntFile !== undefined) await childHunt(args.huntFile);
else await main();

async function main() {
  const regressionDir = path.join(sigmaDir, 'regression_data');
  const missing = ['regression_data', ...RULE_FOLDERS].filter((folder) => !existsSync(path.join(sigmaDir, folder)));
  if (missing.length > 0) {
    console.error(`bench:hunt: SigmaHQ data not found in ${sigmaDir} (missing ${missing.join(', ')}).`);
    console.error('Set RAMPART_SIGMA_DIR to the folder that holds rules/, rules-*/ and regression_data/.');
    process.exit(1);
  }
  const dist = await importDist();
  const started = performance.now();
  const inputs = [];
  const removeInputs = () => {
    for (const file of inputs) {
      try {
        unlinkSync(file);
      } catch {
        // already gone
      }
    }
  };
  process.on('SIGINT', () => {
    removeInputs();
    process.exit(130);
  });

  try {
    printHeader();
    const templates = readTemplates(regressionDir);
    console.log(`templates  ${templates.sysmon.length} Sysmon + ${templates.security.length} Security events from ${templates.files} regression files (${templates.records} records)`);

    const input = tempInput('main');
    inputs.push(input);
    const peaks = { start: peakMegabytes() };
    const generated = await generate(input, args.events, templates);
    peaks.generate = peakMegabytes();
    console.log(`input      ${formatCount(args.events)} events, ${formatMegabytes(generated.bytes)} NDJSON, ${formatPercent(generated.attacks / args.events)} attacks as recorded, written in ${generated.seconds.toFixed(1)} s`);

    const ruleSet = await loadRules(dist);
    peaks.rules = peakMegabytes();
    printRuleSet(ruleSet);

    // Alternate floor and hunt so a burst of load from elsewhere hits both; keep the best of each.
    const floors = [];
    const hunts = [];
    for (let round = 1; round <= 2; round++) {
      floors.push(await measureFloor(input));
      if (round === 1) peaks.floor = peakMegabytes();
      hunts.push(await measureHunt(dist, ruleSet.engine, input, generated.bytes));
      peaks.hunt = peakMegabytes();
      const [floorRun, huntRun] = [floors.at(-1), hunts.at(-1)];
      console.log(`round ${round}    floor ${formatRate(floorRun.rate)}   hunt ${formatRate(huntRun.rate)}   ratio ${(huntRun.rate / floorRun.rate).toFixed(3)}×   (${formatCount(huntRun.detections)} detections)`);
    }
    const floor = best(floors);
    const hunt = best(hunts);
    if (floor.events !== args.events || hunt.events !== args.events) {
      console.log(`warning    events read: floor ${floor.events}, hunt ${hunt.events}, expected ${args.events}`);
    }

    peaks.main = peakMegabytes();

    let scale;
    if (!args.noScale) {
      // The hunt alone in a fresh process over a file twice as long (the same events twice), noting
      // the peak when half the events are read and at the end: memory held per event would show as
      // a second peak well above the first.
      const double = tempInput('double');
      inputs.push(double);
      await concatenate(double, [input, input]);
      scale = await childMeasure(double, args.events * 2);
    }

    printSummary({ floor, hunt, ruleSet, peaks, scale, seconds: (performance.now() - started) / 1000 });
  } finally {
    removeInputs();
  }
}

/** Child mode (--hunt-file): load the rules, run one hunt, report its figures and peak RSS as JSON. */
async function childHunt(file) {
  const dist = await importDist();
  const ruleSet = await loadRules(dist);
  const afterRules = peakMegabytes();
  let atHalf;
  const onProgress = (progress) => {
    if (atHalf === undefined && progress.events >= args.halfway) atHalf = { events: progress.events, peak: peakMegabytes() };
  };
  const result = await measureHunt(dist, ruleSet.engine, file, statSync(file).size, onProgress);
  process.stdout.write(JSON.stringify({ ...result, afterRules, atHalf, peak: peakMegabytes() }) + '\n');
}

async function importDist() {
  const load = (relative) => import(pathToFileURL(path.join(REPO, 'dist', relative)).href);
  try {
    const [{ loadRuleSet }, { runHunt }] = await Promise.all([load('hunt/load-rule-set.js'), load('hunt/run-hunt.js')]);
    return { loadRuleSet, runHunt };
  } catch (error) {
    console.error(`bench:hunt: cannot load the compiled code in dist/ (${error.message}). Run \`npm run build\` first, or use \`npm run bench:hunt\`.`);
    process.exit(1);
  }
}

async function generate(file, events, templates) {
  const started = performance.now();
  const { attacks } = await writeCorpus(file, events, templates, { seed: args.seed, attackShare: args.attackShare });
  return { attacks, bytes: statSync(file).size, seconds: (performance.now() - started) / 1000 };
}

async function loadRules(dist) {
  const placeholders = { ...PLACEHOLDERS };
  const defaulted = [];
  for (const name of placeholderNames(RULE_FOLDERS.map((folder) => path.join(sigmaDir, folder)))) {
    if (placeholders[name] === undefined) {
      placeholders[name] = ['rampart-bench-unset'];
      defaulted.push(name);
    }
  }
  const ruleSet = await dist.loadRuleSet({ rulePaths: RULE_FOLDERS.map((folder) => path.join(sigmaDir, folder)), placeholders });
  return { ...ruleSet, defaulted };
}

/** The `%name%` placeholders in every rule file that uses `|expand`. */
function placeholderNames(folders) {
  const names = new Set();
  const walk = (directory) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/i.test(entry.name)) {
        const text = readFileSync(full, 'utf8');
        if (!text.includes('|expand')) continue;
        for (const match of text.matchAll(/%([A-Za-z0-9_.-]+)%/g)) names.add(match[1]);
      }
    }
  };
  for (const folder of folders) walk(folder);
  return names;
}

/** The floor: the same file read in the same 1 MiB chunks, lines found with indexOf, JSON.parse each. */
async function measureFloor(file) {
  globalThis.gc?.();
  const started = performance.now();
  const stream = createReadStream(file, { highWaterMark: CHUNK_BYTES });
  stream.setEncoding('utf8');
  let events = 0;
  let objects = 0;
  let pending = '';
  const parse = (line) => {
    const value = JSON.parse(line);
    events++;
    // Touch the result so no engine could treat the parse as dead code.
    if (value.Event !== undefined) objects++;
  };
  for await (const chunk of stream) {
    let start = 0;
    let end = chunk.indexOf('\n');
    if (pending.length > 0) {
      if (end === -1) {
        pending += chunk;
        continue;
      }
      parse(pending + chunk.slice(0, end));
      start = end + 1;
      end = chunk.indexOf('\n', start);
    }
    while (end !== -1) {
      if (end > start) parse(chunk.slice(start, end));
      start = end + 1;
      end = chunk.indexOf('\n', start);
    }
    pending = chunk.slice(start);
  }
  if (pending.length > 0) parse(pending);
  const seconds = (performance.now() - started) / 1000;
  if (objects !== events) console.log(`warning    ${events - objects} floor lines were not Windows events`);
  return { events, seconds, rate: events / seconds };
}

/** The figure: the real hunt job, with a sink that only counts. */
async function measureHunt(dist, engine, file, bytes, onProgress) {
  globalThis.gc?.();
  let written = 0;
  const sink = { write: () => void written++, close: async () => {} };
  const summary = await dist.runHunt({ inputs: [{ path: file, bytes }], engine, sink, onProgress });
  const topRules = summary.byRule.slice(0, 5).map((rule) => ({ title: rule.title, level: rule.level, count: rule.count }));
  return {
    events: summary.events,
    detections: summary.detections,
    written,
    problems: summary.problems,
    seconds: summary.seconds,
    rate: summary.events / summary.seconds,
    topRules,
    rulesFired: summary.byRule.length,
  };
}

async function childMeasure(file, events) {
  // The hunt alone runs as `rampart` runs: with the command's memory settings.
  const childArgs = ['--expose-gc', ...memoryFlags(), THIS_FILE, '--hunt-file', file, '--halfway', String(Math.floor(events / 2)), '--sigma-dir', sigmaDir];
  try {
    const { stdout } = await promisify(execFile)(process.execPath, childArgs, { maxBuffer: 16 * 1024 * 1024, env: memoryEnv() });
    const result = JSON.parse(stdout.trim().split('\n').at(-1));
    return { ...result, expected: events };
  } catch (error) {
    return { error: String(error.stderr || error.message).trim().split('\n')[0], expected: events };
  }
}

/** Writes the files one after another into `target`, streaming. */
async function concatenate(target, sources) {
  const out = createWriteStream(target);
  for (const source of sources) await pipeline(createReadStream(source, { highWaterMark: CHUNK_BYTES }), out, { end: false });
  out.end();
  await once(out, 'finish');
}

function best(runs) {
  return runs.reduce((a, b) => (b.rate > a.rate ? b : a));
}

function peakMegabytes() {
  // maxRSS is in KiB; the target is in MB (10^6 bytes).
  return (process.resourceUsage().maxRSS * 1024) / 1e6;
}

function tempInput(label) {
  return path.join(os.tmpdir(), `rampart-bench-hunt-${process.pid}-${label}.ndjson`);
}

function printHeader() {
  const cpus = os.cpus();
  const command = process.env.npm_lifecycle_event
    ? `npm run ${process.env.npm_lifecycle_event}${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}`
    : ['node', ...process.execArgv, path.relative(process.cwd(), THIS_FILE), ...process.argv.slice(2)].join(' ');
  console.log('Rampart hunt benchmark');
  console.log(`command    ${command}`);
  console.log(`node       ${process.version} ${process.platform} ${process.arch}, ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), single thread`);
  console.log(`date       ${new Date().toISOString()}`);
  console.log(`sigma      ${RULE_FOLDERS.join(', ')}`);
}

function printRuleSet(ruleSet) {
  const byCode = new Map();
  for (const rejected of ruleSet.rejected) byCode.set(rejected.code, (byCode.get(rejected.code) ?? 0) + 1);
  const reasons = [...byCode].sort((a, b) => b[1] - a[1]).map(([code, count]) => `${code} ${count}`).join(', ');
  console.log(
    `rules      ${formatCount(ruleSet.files)} files, ${formatCount(ruleSet.parsed)} parsed, ${formatCount(ruleSet.engine.ruleCount)} loaded, ` +
      `${formatCount(ruleSet.rejected.length)} rejected${reasons ? ` (${reasons})` : ''}, in ${(ruleSet.loadMilliseconds / 1000).toFixed(1)} s`,
  );
  if (ruleSet.defaulted.length > 0) console.log(`           placeholders given a dummy value: ${ruleSet.defaulted.join(', ')}`);
}

function printSummary({ floor, hunt, ruleSet, peaks, scale, seconds }) {
  const ratio = hunt.rate / floor.rate;
  const verdict = ratio >= AIM_RATIO ? 'PASS (aim met)' : ratio >= TARGET_RATIO ? 'PASS' : 'BELOW';
  const memoryVerdict = (mb) => (mb < MEMORY_LIMIT_MB ? 'PASS' : 'OVER');
  const mainPeak = peaks.main;
  const rows = [
    ['floor: JSON.parse alone', formatRate(floor.rate), `best of 2, ${formatCount(floor.events)} events in ${floor.seconds.toFixed(2)} s`],
    ['hunt: runHunt, all rules', formatRate(hunt.rate), `best of 2, ${formatCount(hunt.events)} events in ${hunt.seconds.toFixed(2)} s, ${formatCount(ruleSet.engine.ruleCount)} rules`],
    ['ratio hunt / floor', `${ratio.toFixed(3)}×`, `target ≥ ${TARGET_RATIO}×, aim ${AIM_RATIO}×   ${verdict}`],
    ['detections', formatCount(hunt.detections), `${formatPercent(hunt.detections / hunt.events)} of events, ${hunt.rulesFired} rules fired, ${hunt.problems} read problems`],
    ['peak RSS, this process', `${mainPeak.toFixed(0)} MB`, `limit ${MEMORY_LIMIT_MB} MB   ${memoryVerdict(mainPeak)}   (peak so far after: generate ${peaks.generate.toFixed(0)}, rules ${peaks.rules.toFixed(0)}, floor ${peaks.floor.toFixed(0)}, hunts ${peaks.hunt.toFixed(0)})`],
  ];
  if (scale?.error) {
    rows.push(['peak RSS, hunt alone, 2N', 'failed', scale.error]);
  } else if (scale) {
    const half = scale.atHalf;
    rows.push(
      ['peak RSS, hunt alone, N', half ? `${half.peak.toFixed(0)} MB` : 'n/a', half ? `fresh process, after rules ${scale.afterRules.toFixed(0)} MB, at event ${formatCount(half.events)}` : 'no progress report reached half way'],
      ['peak RSS, hunt alone, 2N', `${scale.peak.toFixed(0)} MB`, `same process, at event ${formatCount(scale.events)} (${formatRate(scale.rate)})   ${memoryVerdict(scale.peak)}`],
    );
  }
  const width = Math.max(...rows.map((row) => row[0].length));
  const valueWidth = Math.max(...rows.map((row) => row[1].length));
  console.log('');
  for (const [name, value, note] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(valueWidth)}   ${note}`);
  console.log('');
  console.log('top rules  ' + hunt.topRules.map((rule) => `${rule.title} (${rule.level}) ${formatCount(rule.count)}`).join('; '));
  console.log(`total      ${seconds.toFixed(0)} s`);
}

function parseArguments(argv) {
  const options = { events: 500_000, seed: 1, attackShare: 0.05, noScale: false, halfway: Infinity };
  parseFlags(argv, (flag, value) => {
    if (flag === '--events') options.events = positiveInteger(flag, value());
    else if (flag === '--seed') options.seed = positiveInteger(flag, value());
    else if (flag === '--attack-share') options.attackShare = share(flag, value());
    else if (flag === '--no-scale') options.noScale = true;
    else if (flag === '--hunt-file') options.huntFile = value();
    else if (flag === '--sigma-dir') options.sigmaDir = value();
    else if (flag === '--halfway') options.halfway = positiveInteger(flag, value());
    else return false;
    return true;
  });
  return options;
}


function share(flag, text) {
  const number = Number(text);
  if (!(number >= 0 && number <= 1)) fail(`${flag} must be between 0 and 1, not ${text}`);
  return number;
}


function formatCount(n) {
  return n.toLocaleString('en-US');
}

function formatRate(rate) {
  return `${Math.round(rate).toLocaleString('en-US')} events/s`;
}

function formatMegabytes(bytes) {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

function formatPercent(fraction) {
  return `${(fraction * 100).toFixed(1)}%`;
}
