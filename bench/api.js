#!/usr/bin/env node
// bench:api — the API server (`rampart serve`) measured over HTTP, beside its peer in the same run
// (DESIGN.md, "Tests and benchmarks"):
//
// 1. Ingestion: N events (bench:hunt's corpus, attacks among them) sent as NDJSON to POST /api/ingest
//    in batches, into PGlite and into PostgreSQL; events/s from the first request to the last answer,
//    beside `rampart hunt --threads 1` over the same file with the same rules (its summary's events/s).
//    Target: at least 0.5× the CLI. The alerts stored must equal the detections the CLI found.
// 2. Alert queries: 1,000,000 alerts of one operator (made in SQL, plus some of a second operator),
//    GET /api/alerts through the server with a realistic mix of filters and deep paging; p50/p95/p99
//    latency per kind and overall. Target: p95 under 100 ms.
// Peak RSS of the server process is printed beside the figures.
//
//   npm run bench:api                       build, then everything (a few minutes)
//   node bench/api.js [--events 200000] [--batch 5000] [--concurrency 2] [--rules builtin|sigmahq]
//                     [--alerts 1000000] [--requests 30] [--pages 20] [--databases pglite,postgres]
//                     [--no-ingest] [--no-queries] [--seed 1] [--attack-share 0.05] [--postgres URL]
//
// Imports the compiled code from dist/ (npm run build). Finds SigmaHQ at ../shared/data/sigma beside the
// repository, or at $RAMPART_SIGMA_DIR. PostgreSQL: the local server (postgres@127.0.0.1:5432), or
// --postgres / $RAMPART_TEST_POSTGRES_URL; a database is created for each part and dropped after it.
// Exits 0 whatever the figures: a benchmark informs, it does not gate.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { URLSearchParams, fileURLToPath } from 'node:url';
import { memoryEnv, memoryFlags } from '../bin/heap-limit.js';
import { readTemplates, seededRandom, writeCorpus } from './lib/windows-event-corpus.js';
import { PLACEHOLDERS_FIXTURE, REPO, RULE_FOLDERS, defaultSigmaDirectory } from './lib/locations.js';
import { benchCommandLine } from './lib/command-line.js';
import { buildWorld, freshDatabase, loadStore, postgresCpuSeconds, postgresReachable, startServer } from './lib/api-server.js';
import { DAYS, HOSTS, RULES, TEXT_TERMS, fillAlerts, hostName, ruleId, ruleTags } from './lib/alert-fill.js';

const USAGE =
  'node bench/api.js [--events N] [--batch N] [--concurrency N] [--rules builtin|sigmahq] [--alerts N] [--requests N] [--pages N] ' +
  '[--databases pglite,postgres] [--no-ingest] [--no-queries] [--seed N] [--attack-share 0..1] [--postgres URL]';
const { fail, positiveInteger, parse: parseFlags } = benchCommandLine('bench:api', USAGE);

const THIS_FILE = fileURLToPath(import.meta.url);
const TARGET_INGEST_RATIO = 0.5;
const TARGET_P95_MS = 100;
/** Alerts of a second operator, so every query has another organisation's rows to skip. */
const OTHER_OPERATOR_SHARE = 0.05;
/** Time one query kind may take in all before it stops short of --requests, and the fewest samples it then has. */
const KIND_BUDGET_MS = 30_000;
const MIN_SAMPLES = 8;

const options = parseArguments(process.argv.slice(2));
const sigmaDir = defaultSigmaDirectory();
const started = performance.now();
const cleanups = [];
process.on('SIGINT', async () => {
  await runCleanups();
  process.exit(130);
});

try {
  await main();
} finally {
  await runCleanups();
}

async function main() {
  if (!existsSync(path.join(REPO, 'dist', 'cli', 'main.js'))) fail('dist/ is not built: run `npm run build` first, or use `npm run bench:api`');
  const regressionDir = path.join(sigmaDir, 'regression_data');
  if (options.ingest && !existsSync(regressionDir)) fail(`SigmaHQ regression data not found in ${sigmaDir} (set RAMPART_SIGMA_DIR)`);
  if (options.rules === 'sigmahq') {
    const missing = RULE_FOLDERS.filter((folder) => !existsSync(path.join(sigmaDir, folder)));
    if (missing.length > 0) fail(`SigmaHQ rule folders missing in ${sigmaDir}: ${missing.join(', ')}`);
  }
  const databases = [...options.databases];
  if (databases.includes('postgres')) {
    const reachable = await postgresReachable(options.postgres);
    if (!reachable.ok) {
      console.log(`postgres   skipped: cannot reach the server (${reachable.reason}); set --postgres or RAMPART_TEST_POSTGRES_URL`);
      databases.splice(databases.indexOf('postgres'), 1);
    } else options.postgresVersion = reachable.version;
  }
  if (databases.length === 0) fail('no database to measure');
  const store = await loadStore();
  printHeader(databases);

  const results = { ingest: [], queries: [] };
  if (options.ingest) {
    const corpus = await makeCorpus(regressionDir);
    const cli = runCli(corpus.file);
    printCli(cli);
    for (const kind of databases) {
      const result = await ingestInto(kind, store, corpus, cli);
      results.ingest.push(result);
    }
    printIngestSummary(cli, results.ingest);
  }
  if (options.queries) {
    for (const kind of databases) results.queries.push(await queryBenchmark(kind, store));
    printQuerySummary(results.queries);
  }
  console.log('');
  console.log(`load average ${os.loadavg().map((load) => load.toFixed(2)).join(' ')} at the end; total ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

// ---------------------------------------------------------------------------------------------
// Part 1: ingestion

async function makeCorpus(regressionDir) {
  const templates = readTemplates(regressionDir);
  const file = path.join(os.tmpdir(), `rampart-bench-api-${process.pid}.ndjson`);
  cleanups.push(async () => unlinkSync(file));
  const t0 = performance.now();
  const { attacks } = await writeCorpus(file, options.events, templates, { seed: options.seed, attackShare: options.attackShare });
  const bytes = statSync(file).size;
  // Batches as slices of the file read once, so the timed loop only sends bytes.
  const content = readFileSync(file);
  const batches = [];
  let start = 0;
  let lines = 0;
  for (let i = content.indexOf(10); i !== -1; i = content.indexOf(10, i + 1)) {
    if (++lines === options.batch) {
      batches.push(content.subarray(start, i + 1));
      start = i + 1;
      lines = 0;
    }
  }
  if (start < content.length) batches.push(content.subarray(start));
  console.log('');
  console.log(
    `input      ${count(options.events)} events, ${(bytes / 1e6).toFixed(1)} MB NDJSON, ${percent(attacks / options.events)} attacks as recorded ` +
      `(${templates.sysmon.length} Sysmon + ${templates.security.length} Security templates), written in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
      `${batches.length} batches of ${count(options.batch)}`,
  );
  return { file, bytes, batches };
}

function ruleArguments() {
  if (options.rules === 'builtin') return [];
  return [...RULE_FOLDERS.flatMap((folder) => ['--rules', path.join(sigmaDir, folder)]), '--placeholders', PLACEHOLDERS_FIXTURE];
}

/** `rampart hunt` as a user runs it, in one thread, under /usr/bin/time for its peak memory. */
function runCli(file) {
  const command = [...memoryFlags(), path.join(REPO, 'bin', 'rampart.js'), 'hunt', '--threads', '1', '-f', 'jsonl', '-o', os.devNull, '--no-progress', '--no-color', ...ruleArguments(), file];
  const timed = existsSync('/usr/bin/time');
  const t0 = performance.now();
  const result = timed
    ? spawnSync('/usr/bin/time', ['-f', 'maxrss-kb %M', process.execPath, ...command], { encoding: 'utf8', maxBuffer: 1 << 26, env: memoryEnv() })
    : spawnSync(process.execPath, command, { encoding: 'utf8', maxBuffer: 1 << 26, env: memoryEnv() });
  const wallSeconds = (performance.now() - t0) / 1000;
  if (result.status !== 0) fail(`rampart hunt failed (${result.status ?? result.signal}):\n${result.stderr}`);
  const text = result.stderr;
  const number = (pattern) => Number((pattern.exec(text)?.[1] ?? 'NaN').replace(/,/g, ''));
  const byLevel = {};
  const levels = /detections\s+[\d,]+: (.*)/.exec(text)?.[1] ?? '';
  for (const [, level, n] of levels.matchAll(/(\w+) ([\d,]+)/g)) byLevel[level] = Number(n.replace(/,/g, ''));
  return {
    events: number(/events\s+([\d,]+) read/),
    detections: number(/detections\s+([\d,]+)/),
    byLevel,
    rate: number(/speed\s+([\d,]+) events\/s/),
    seconds: number(/speed\s+[\d,]+ events\/s \(([\d.]+) s/),
    rules: number(/rules\s+([\d,]+) loaded/),
    loadSeconds: number(/loaded, [\d,]+ rejected.*?, in ([\d.]+) s/),
    wallSeconds,
    peakMb: timed ? (number(/maxrss-kb (\d+)/) * 1024) / 1e6 : NaN,
  };
}

async function ingestInto(kind, store, corpus, cli) {
  console.log('');
  console.log(`ingest → ${kind}`);
  const database = await freshDatabase(kind, options.postgres);
  cleanups.push(() => database.drop());
  const db = await store.openDatabase(database.target);
  const world = await buildWorld(store, db, 1);
  await db.close();
  const server = await startServer(database, ruleArguments());
  cleanups.push(() => server.stop());
  console.log(`  server   ${database.describe}; ${count(server.rulesLoaded)} rules loaded, ${server.rulesRejected} rejected; listening after ${server.startSeconds.toFixed(1)} s`);
  const token = world.operators[0].token;
  const before = { server: server.usage(), postgres: kind === 'postgres' ? postgresCpuSeconds() : NaN };

  const totals = { events: 0, alerts: 0, stored: 0, duplicates: 0, retries: 0 };
  const latencies = [];
  let next = 0;
  let failure;
  const t0 = performance.now();
  const worker = async () => {
    while (failure === undefined && next < corpus.batches.length) {
      const body = corpus.batches[next++];
      for (;;) {
        const sent = performance.now();
        const response = await globalThis.fetch(`${server.address}/api/ingest`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
          body,
        });
        const answer = await response.json().catch(() => ({}));
        if (response.status === 429) {
          totals.retries++;
          await sleep(1000 * Number(response.headers.get('retry-after') ?? 1));
          continue;
        }
        if (response.status !== 200) {
          failure = `HTTP ${response.status}: ${JSON.stringify(answer).slice(0, 300)}`;
          return;
        }
        latencies.push(performance.now() - sent);
        for (const key of ['events', 'alerts', 'stored', 'duplicates']) totals[key] += answer[key];
        break;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  const after = { server: server.usage(), postgres: kind === 'postgres' ? postgresCpuSeconds() : NaN };
  await server.stop();

  // What is on disk, counted by the store itself once the server has gone (PGlite has one user).
  const check = await store.openDatabase(database.target);
  const rows = await check.query('SELECT level, count(*)::int AS n FROM alerts GROUP BY level');
  await check.close();
  await database.drop();
  const storedByLevel = Object.fromEntries(rows.map((row) => [row.level, row.n]));
  const storedRows = rows.reduce((sum, row) => sum + row.n, 0);

  const rate = totals.events / seconds;
  const result = {
    kind,
    failure,
    events: totals.events,
    seconds,
    rate,
    ratio: rate / cli.rate,
    totals,
    storedRows,
    storedByLevel,
    batchP50: quantile(latencies, 0.5),
    batchMax: Math.max(...latencies),
    peakMb: after.server.peakMb,
    serverCpu: after.server.cpuSeconds - before.server.cpuSeconds,
    postgresCpu: after.postgres - before.postgres,
  };
  if (failure) console.log(`  FAILED   ${failure} (after ${count(totals.events)} events)`);
  const matches = storedRows === cli.detections && Object.entries(cli.byLevel).every(([level, n]) => (storedByLevel[level] ?? 0) === n);
  result.matches = matches;
  console.log(`  sent     ${count(totals.events)} events in ${seconds.toFixed(2)} s: ${rateText(rate)}   CLI ${rateText(cli.rate)}   ratio ${result.ratio.toFixed(2)}×   target ≥ ${TARGET_INGEST_RATIO}×  ${verdict(result.ratio >= TARGET_INGEST_RATIO)}`);
  console.log(`  batches  ${corpus.batches.length} × ${count(options.batch)} events, ${options.concurrency} at a time: answer p50 ${result.batchP50.toFixed(0)} ms, slowest ${result.batchMax.toFixed(0)} ms${totals.retries ? `, ${totals.retries} rate-limited and retried` : ''}`);
  console.log(`  CPU      server ${result.serverCpu.toFixed(1)} s of ${seconds.toFixed(1)} s wall (${percent(result.serverCpu / seconds)} of a core)${kind === 'postgres' ? `; PostgreSQL processes ${result.postgresCpu.toFixed(1)} s` : ''}`);
  console.log(`  memory   server peak RSS ${result.peakMb.toFixed(0)} MB`);
  console.log(
    `  check    detections: CLI ${count(cli.detections)}, server ${count(totals.alerts)} (answers), stored ${count(storedRows)} rows (${count(totals.stored)} new + ${count(totals.duplicates)} duplicates in the answers)  ` +
      `${matches ? 'SAME (count and per level)' : 'DIFFERENT'}`,
  );
  if (!matches) console.log(`           per level: CLI ${JSON.stringify(cli.byLevel)}, stored ${JSON.stringify(storedByLevel)}`);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Part 2: alert queries

async function queryBenchmark(kind, store) {
  console.log('');
  console.log(`queries → ${kind}`);
  const database = await freshDatabase(kind, options.postgres);
  cleanups.push(() => database.drop());
  const db = await store.openDatabase(database.target);
  const world = await buildWorld(store, db, 2);
  const anchor = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
  const t0 = performance.now();
  const other = Math.round(options.alerts * OTHER_OPERATOR_SHARE);
  await fillAlerts(db, world.operators[0].organisation.id, options.alerts, { label: 'a', anchor });
  await fillAlerts(db, world.operators[1].organisation.id, other, { label: 'b', anchor });
  await db.query('ANALYZE alerts');
  const fillSeconds = (performance.now() - t0) / 1000;
  const [size] = await db.query("SELECT pg_size_pretty(pg_total_relation_size('alerts')) AS total, pg_size_pretty(pg_relation_size('alerts')) AS heap");
  const levels = await db.query('SELECT level, count(*)::int AS n FROM alerts WHERE organisation_id = $1 GROUP BY level ORDER BY n DESC', [world.operators[0].organisation.id]);
  await db.close();
  console.log(
    `  data     ${count(options.alerts)} alerts of the operator + ${count(other)} of another, made in ${fillSeconds.toFixed(0)} s (SQL, then ANALYZE); ` +
      `table ${size.heap}, with indexes ${size.total}; levels ${levels.map((row) => `${row.level} ${percent(row.n / options.alerts)}`).join(', ')}`,
  );

  const server = await startServer(database, []);
  cleanups.push(() => server.stop());
  console.log(`  server   ${database.describe}; listening after ${server.startSeconds.toFixed(1)} s`);
  const token = world.operators[0].token;
  const random = seededRandom(options.seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  // Hosts and rules drawn like the data: noisy ones more often, as an analyst clicks on what shows up.
  const host = () => hostName(Math.floor(Math.pow(random(), 1.5) * HOSTS));
  const rule = () => ruleId(Math.floor(Math.pow(random(), 3) * RULES));
  const anchorMs = Date.parse(anchor);
  const kinds = {
    'first page': () => ({}),
    'minLevel=high': () => ({ minLevel: 'high' }),
    'host=X': () => ({ host: host() }),
    'rule=Y': () => ({ rule: rule() }),
    'tag=Z': () => ({ tag: pick(ruleTags(Math.floor(random() * RULES))) }),
    'one day (from, to)': () => {
      const to = anchorMs - Math.floor(random() * (DAYS - 1)) * 86_400_000;
      return { from: new Date(to - 86_400_000).toISOString(), to: new Date(to).toISOString() };
    },
    'q=common text': () => ({ q: pick(TEXT_TERMS.common) }),
    'q=rare text': () => ({ q: pick(TEXT_TERMS.rare) }),
  };
  const get = async (params) => {
    const url = `${server.address}/api/alerts?${new URLSearchParams(params)}`;
    for (;;) {
      const t = performance.now();
      const response = await globalThis.fetch(url, { headers: { authorization: `Bearer ${token}` } });
      const body = await response.json();
      const ms = performance.now() - t;
      if (response.status === 429) {
        await sleep(1000 * Number(response.headers.get('retry-after') ?? 1));
        continue;
      }
      if (response.status !== 200) throw new Error(`GET ${url}: HTTP ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
      return { ms, body };
    }
  };

  // One request of each kind first (connections, compiled code, the database's caches), not counted.
  for (const make of Object.values(kinds)) await get(make());
  const samples = Object.fromEntries([...Object.keys(kinds), 'deep paging'].map((name) => [name, []]));
  const sizes = Object.fromEntries(Object.keys(kinds).map((name) => [name, []]));
  const names = Object.keys(kinds);
  const t1 = performance.now();
  const spent = Object.fromEntries(names.map((name) => [name, 0]));
  const cut = new Set();
  for (let round = 0; round < options.requests; round++) {
    // Kinds in a new order each round, so a slow patch of the machine does not fall on one kind.
    for (const name of shuffle(names, random)) {
      // A kind that takes seconds a request stops at its time budget (with at least MIN_SAMPLES), so
      // one slow kind does not make the run last many minutes; its n shows how many it got.
      if (spent[name] > KIND_BUDGET_MS && samples[name].length >= MIN_SAMPLES) {
        cut.add(name);
        continue;
      }
      const { ms, body } = await get(kinds[name]());
      samples[name].push(ms);
      spent[name] += ms;
      sizes[name].push(body.alerts.length);
    }
  }
  // Deep paging: follow nextCursor from the first page, the way a client walks back in time.
  const chains = Math.max(1, Math.round(options.requests / options.pages));
  let deepest = 0;
  for (let chain = 0; chain < chains; chain++) {
    const filter = chain % 2 === 0 ? {} : { minLevel: 'medium' };
    let cursor = (await get(filter)).body.nextCursor;
    for (let page = 2; page <= options.pages + 1 && cursor; page++) {
      const { ms, body } = await get({ ...filter, cursor });
      samples['deep paging'].push(ms);
      cursor = body.nextCursor;
      deepest = Math.max(deepest, page);
    }
  }
  const querySeconds = (performance.now() - t1) / 1000;
  const usage = server.usage();

  // The plans of the slow kinds, asked of the database as the server's query asks it.
  const stats = Object.entries(samples).map(([name, list]) => ({ name, n: list.length, p50: quantile(list, 0.5), p95: quantile(list, 0.95), p99: quantile(list, 0.99), rows: average(sizes[name] ?? []) }));
  const all = Object.values(samples).flat();
  const overall = { name: 'overall', n: all.length, p50: quantile(all, 0.5), p95: quantile(all, 0.95), p99: quantile(all, 0.99) };
  await server.stop();
  console.log(`  requests ${count(all.length)} in ${querySeconds.toFixed(1)} s, one at a time (default page of 100; deep paging: ${chains} walks of ${options.pages} pages, to page ${deepest}, every other with minLevel=medium)`);
  if (cut.size > 0) console.log(`           stopped at the ${KIND_BUDGET_MS / 1000} s budget of a kind: ${[...cut].join(', ')}`);
  console.log(`  ${'kind'.padEnd(20)} ${'n'.padStart(4)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)}   p95 vs ${TARGET_P95_MS} ms`);
  for (const row of [...stats, overall]) {
    console.log(`  ${row.name.padEnd(20)} ${String(row.n).padStart(4)} ${ms(row.p50)} ${ms(row.p95)} ${ms(row.p99)}   ${verdict(row.p95 < TARGET_P95_MS)}${row.rows !== undefined && !Number.isNaN(row.rows) ? `   (${row.rows.toFixed(0)} alerts a page on average)` : ''}`);
  }
  console.log(`  memory   server peak RSS ${usage.peakMb.toFixed(0)} MB`);

  const slow = stats.filter((row) => row.p95 >= TARGET_P95_MS);
  if (slow.length > 0 && kind === 'postgres') await explainSlow(database, world.operators[0].organisation.id, slow.map((row) => row.name), anchor);
  await database.drop();
  return { kind, stats, overall, peakMb: usage.peakMb, fillSeconds };
}

/** EXPLAIN ANALYZE of the list query for the kinds over the target (PostgreSQL: the server is stopped, the database still there). */
async function explainSlow(database, organisationId, names, anchor) {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: database.target.url });
  await client.connect();
  const columns = 'id, organisation_id, rule_id, rule_title, level, tags, event_time, computer, channel, event_id, source, fields, received_at';
  const queries = {
    // A technique tag of a rule that seldom fires: the walk down the time index finds few rows to keep.
    'tag=Z': ['$2 = ANY(tags)', [ruleTags(RULES - 1)[1]]],
    'q=common text': ["(rule_title ILIKE $2 OR computer ILIKE $2 OR fields::text ILIKE $2)", ['%user007%']],
    'q=rare text': ["(rule_title ILIKE $2 OR computer ILIKE $2 OR fields::text ILIKE $2)", ['%evil-c2.example.net%']],
    'minLevel=high': ['level = ANY($2::text[])', [['high', 'critical']]],
    'host=X': ['computer = $2', [hostName(250)]],
    'rule=Y': ['rule_id = $2', [ruleId(150)]],
    'one day (from, to)': ["event_time >= $2::timestamptz AND event_time < $2::timestamptz + interval '1 day'", [new Date(Date.parse(anchor) - 10 * 86_400_000).toISOString()]],
  };
  try {
    for (const name of names) {
      const query = queries[name];
      if (!query) continue;
      const sql = `EXPLAIN (ANALYZE, BUFFERS) SELECT ${columns} FROM alerts WHERE organisation_id = $1 AND ${query[0]} ORDER BY event_time DESC, id DESC LIMIT 101`;
      const rows = (await client.query(sql, [organisationId, ...query[1]])).rows.map((row) => row['QUERY PLAN']);
      console.log(`  plan of ${name} (${JSON.stringify(query[1][0])}):`);
      for (const line of rows.filter((line) => /Scan|Limit|Filter|Execution|Rows Removed|Sort|Buffers: shared/.test(line)).slice(0, 8)) console.log(`    ${line.trim()}`);
    }
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Output

function printHeader(databases) {
  const cpus = os.cpus();
  const command = process.env.npm_lifecycle_event
    ? `npm run ${process.env.npm_lifecycle_event}${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}`
    : ['node', path.relative(process.cwd(), THIS_FILE), ...process.argv.slice(2)].join(' ');
  console.log('Rampart API benchmark');
  console.log(`command    ${command}`);
  console.log(`node       ${process.version} ${process.platform} ${process.arch}, ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), load average ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  console.log(`date       ${new Date().toISOString()}`);
  console.log(`databases  ${databases.join(', ')}${options.postgresVersion ? ` (PostgreSQL ${options.postgresVersion})` : ''}`);
  console.log(`rules      ${options.rules === 'builtin' ? 'the built-in pack (what rampart serve runs by default)' : `SigmaHQ ${RULE_FOLDERS.join(', ')} with the placeholder fixture`}, the same for the CLI and the server`);
}

function printCli(cli) {
  console.log(
    `CLI        rampart hunt --threads 1 -f jsonl -o /dev/null: ${count(cli.events)} events, ${count(cli.detections)} detections, ${rateText(cli.rate)} ` +
      `(summary: ${cli.seconds.toFixed(2)} s after loading ${count(cli.rules)} rules in ${cli.loadSeconds.toFixed(2)} s; process ${cli.wallSeconds.toFixed(1)} s, peak RSS ${cli.peakMb.toFixed(0)} MB)`,
  );
}

function printIngestSummary(cli, results) {
  console.log('');
  console.log(`Ingestion over HTTP (${count(options.events)} events, batches of ${count(options.batch)}, ${options.concurrency} concurrent) against rampart hunt --threads 1, same events, same rules`);
  const rows = [['CLI: rampart hunt', rateText(cli.rate), '1.00×', '', `${cli.peakMb.toFixed(0)} MB`, `${count(cli.detections)} detections`]];
  for (const result of results) {
    rows.push([
      `API → ${result.kind}`,
      rateText(result.rate),
      `${result.ratio.toFixed(2)}×`,
      `target ≥ ${TARGET_INGEST_RATIO}×  ${verdict(result.ratio >= TARGET_INGEST_RATIO)}`,
      `${result.peakMb.toFixed(0)} MB`,
      `${count(result.storedRows)} alerts stored: ${result.matches ? 'same as the CLI' : 'NOT the same as the CLI'}${result.failure ? `; FAILED: ${result.failure}` : ''}`,
    ]);
  }
  table(['', 'events/s', 'ratio', '', 'peak RSS', 'check'], rows);
}

function printQuerySummary(results) {
  console.log('');
  console.log(`Alert queries over ${count(options.alerts)} alerts (GET /api/alerts, p95 against the ${TARGET_P95_MS} ms target)`);
  const names = results[0].stats.map((row) => row.name);
  const rows = [...names, 'overall'].map((name) => [
    name,
    ...results.flatMap((result) => {
      const row = name === 'overall' ? result.overall : result.stats.find((stat) => stat.name === name);
      return [`${row.p95.toFixed(1)} ms`, verdict(row.p95 < TARGET_P95_MS)];
    }),
  ]);
  rows.push(['server peak RSS', ...results.flatMap((result) => [`${result.peakMb.toFixed(0)} MB`, ''])]);
  table(['p95', ...results.flatMap((result) => [result.kind, ''])], rows);
}

function table(header, rows) {
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => String(row[i] ?? '').length)));
  // Figures right-aligned, words (names, verdicts, notes) left-aligned.
  const cellText = (cell, i) => (i < header.length - 1 && /^[\d.,]+( |×|$)/.test(String(cell)) ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i]));
  for (const row of [header, ...rows]) console.log('  ' + row.map(cellText).join('   ').trimEnd());
}

// ---------------------------------------------------------------------------------------------

function parseArguments(argv) {
  const result = {
    events: 200_000,
    batch: 5_000,
    concurrency: 2,
    rules: 'builtin',
    alerts: 1_000_000,
    requests: 30,
    pages: 20,
    databases: ['pglite', 'postgres'],
    ingest: true,
    queries: true,
    seed: 1,
    attackShare: 0.05,
    postgres: process.env.RAMPART_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  };
  parseFlags(argv, (flag, value) => {
    if (flag === '--events') result.events = positiveInteger(flag, value());
    else if (flag === '--batch') result.batch = positiveInteger(flag, value());
    else if (flag === '--concurrency') result.concurrency = positiveInteger(flag, value());
    else if (flag === '--rules') {
      result.rules = value();
      if (!['builtin', 'sigmahq'].includes(result.rules)) fail(`--rules must be builtin or sigmahq, not ${result.rules}`);
    } else if (flag === '--alerts') result.alerts = positiveInteger(flag, value());
    else if (flag === '--requests') result.requests = positiveInteger(flag, value());
    else if (flag === '--pages') result.pages = positiveInteger(flag, value());
    else if (flag === '--databases') {
      result.databases = value().split(',').filter(Boolean);
      if (result.databases.length === 0 || result.databases.some((name) => !['pglite', 'postgres'].includes(name))) fail('--databases takes pglite, postgres or both, comma-separated');
    } else if (flag === '--no-ingest') result.ingest = false;
    else if (flag === '--no-queries') result.queries = false;
    else if (flag === '--seed') result.seed = positiveInteger(flag, value());
    else if (flag === '--attack-share') {
      result.attackShare = Number(value());
      if (!(result.attackShare >= 0 && result.attackShare <= 1)) fail('--attack-share must be between 0 and 1');
    } else if (flag === '--postgres') result.postgres = value();
    else return false;
    return true;
  });
  if (result.batch > 20_000) fail('--batch must be at most 20000 (the server refuses larger batches)');
  return result;
}

async function runCleanups() {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch {
      // already done
    }
  }
}

function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank: the smallest value with at least q of the samples at or below it.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

function average(values) {
  return values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

function shuffle(list, random) {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function sleep(milliseconds) {
  return delay(milliseconds);
}

function count(n) {
  return Number.isFinite(n) ? n.toLocaleString('en-US') : String(n);
}

function percent(fraction) {
  return `${(fraction * 100).toFixed(1)}%`;
}

function rateText(rate) {
  return `${Math.round(rate).toLocaleString('en-US')} events/s`;
}

function ms(value) {
  return `${value.toFixed(1)} ms`.padStart(8);
}

function verdict(met) {
  return met ? 'met' : 'NOT met';
}
