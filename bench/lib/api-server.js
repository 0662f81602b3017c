// The API benchmark's world: a fresh database (PGlite in a temporary folder, or a new database on a
// PostgreSQL server, dropped afterwards), a hub and operators with a user and token each made through
// the store as `rampart org add` / `user add` / `token create` do, and `rampart serve` as a child
// process on a free port, watched for its peak memory.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { clearTimeout, setTimeout } from 'node:timers';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { HEAP_FLAG, heapLimitMb } from '../../bin/heap-limit.js';
import { REPO } from './locations.js';

const importDist = (relative) => import(pathToFileURL(path.join(REPO, 'dist', relative)).href);

/** The compiled store functions the world is built with. */
export async function loadStore() {
  const [{ openDatabase }, { createOrganisation }, { createUser, createToken }] = await Promise.all([
    importDist('store/open-database.js'),
    importDist('store/organisations.js'),
    importDist('store/users.js'),
  ]);
  return { openDatabase, createOrganisation, createUser, createToken };
}

/**
 * A new empty database of the given kind: `{ kind, target, env, describe, drop() }`. `target` is what
 * openDatabase takes; `env` what the server child needs to find it.
 */
export async function freshDatabase(kind, postgresAdminUrl) {
  if (kind === 'pglite') {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'rampart-bench-api-'));
    return {
      kind,
      target: { dataDirectory: directory },
      env: { RAMPART_DATA_DIR: directory, DATABASE_URL: '' },
      describe: 'PGlite (temporary data directory)',
      drop: async () => rmSync(directory, { recursive: true, force: true }),
    };
  }
  const name = `rampart_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(postgresAdminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    kind,
    target: { url: url.toString() },
    env: { DATABASE_URL: url.toString() },
    describe: `PostgreSQL (new database ${name})`,
    drop: async () => adminQuery(postgresAdminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export async function postgresReachable(adminUrl) {
  try {
    const [row] = await adminQuery(adminUrl, 'SHOW server_version');
    return { ok: true, version: row.server_version };
  } catch (error) {
    return { ok: false, reason: error.message };
  }
}

async function adminQuery(adminUrl, sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/**
 * A hub and `operators` operators, each operator with an analyst (who may ingest and read alerts) and
 * a token. Returns `{ hub, operators: [{ organisation, token }] }`.
 */
export async function buildWorld(store, db, operators = 2) {
  const hub = await store.createOrganisation(db, { name: 'National Coordination Centre', kind: 'hub' }, 'bench');
  const made = [];
  for (let i = 1; i <= operators; i++) {
    const organisation = await store.createOrganisation(
      db,
      { name: `Bench Operator ${i}`, kind: 'operator', hubId: hub.id, sector: 'finance', province: 'Shanghai', cii: true, mlpsLevel: 3 },
      'bench',
    );
    const user = await store.createUser(db, { organisationId: organisation.id, username: `operator${i}.analyst`, role: 'analyst', password: `operator${i}-analyst-password` }, 'bench');
    const { token } = await store.createToken(db, user, 'bench', 'bench');
    made.push({ organisation, token });
  }
  return { hub, operators: made };
}

/**
 * `rampart serve` in a child process, run as the `rampart` command runs it (node with the command's
 * heap cap, which bin/rampart.js would otherwise add by re-running itself, so the pid watched is the
 * server's own). Resolves once it prints its address.
 */
export async function startServer(database, ruleArgs) {
  const args = [`${HEAP_FLAG}=${heapLimitMb()}`, path.join(REPO, 'bin', 'rampart.js'), 'serve', '--port', '0', '--quiet', ...ruleArgs];
  const child = spawn(process.execPath, args, { env: { ...process.env, ...database.env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const started = Date.now();
  const address = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`rampart serve did not start within 180 s:\n${stderr}`)), 180_000);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text) => {
      stderr += text;
      const match = /listening on (http:\/\/\S+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`rampart serve exited (${signal ?? code}) before listening:\n${stderr}`));
    });
  });
  const rules = /rules: (\d+) loaded, (\d+) rejected/.exec(stderr);
  return {
    child,
    address,
    startSeconds: (Date.now() - started) / 1000,
    rulesLoaded: rules ? Number(rules[1]) : undefined,
    rulesRejected: rules ? Number(rules[2]) : undefined,
    /** Peak and current RSS (MB) and CPU seconds of the server process so far, from /proc. */
    usage: () => processUsage(child.pid),
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function processUsage(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    // utime and stime, fields 14 and 15 of /proc/pid/stat, in clock ticks (100 per second on Linux).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / 100;
    return { peakMb: (kb('VmHWM') * 1024) / 1e6, rssMb: (kb('VmRSS') * 1024) / 1e6, cpuSeconds };
  } catch {
    return { peakMb: NaN, rssMb: NaN, cpuSeconds: NaN };
  }
}

/** CPU seconds used so far by the PostgreSQL server's backends (all of them), or NaN when not readable. */
export function postgresCpuSeconds() {
  let total = 0;
  let found = false;
  for (const entry of safeReaddir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (!name.startsWith('postgres')) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Own time and the time of children waited for (a backend that exited is counted by the postmaster).
      total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100;
      found = true;
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found ? total : NaN;
}

function safeReaddir(directory) {
  try {
    return readdirSync(directory);
  } catch {
    return [];
  }
}
