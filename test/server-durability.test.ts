// Durability: `rampart serve` killed with SIGKILL in the middle of ingestion. After a restart, every
// batch the server acknowledged has all its alerts, the batch in flight has all or none of its alerts
// (never some), and sending every batch again adds nothing. On PGlite (a data directory) and on
// PostgreSQL, each with the real command in its own process.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alertId } from '../src/store/alert-id.js';
import { openDatabase, type DatabaseTarget } from '../src/store/open-database.js';
import { createOrganisation } from '../src/store/organisations.js';
import { createToken, createUser } from '../src/store/users.js';
import { ensureBuilt } from './cli-helpers.js';
import { testDatabases } from './databases.js';
import { demoNdjson } from './server-fixture.js';
import { repositoryRoot } from './sigma-corpus.js';

const BATCHES = 6;
/** Events per batch: the demo Sysmon events, each copy with its own record ids so every batch is new. */
const COPIES_PER_BATCH = 20;

function batch(number: number): string {
  const lines = demoNdjson().split('\n').filter((line) => line.trim() !== '');
  const out: string[] = [];
  for (let copy = 0; copy < COPIES_PER_BATCH; copy++) {
    for (const line of lines) {
      const event = JSON.parse(line) as { Event: { System: { EventRecordID: number } } };
      event.Event.System.EventRecordID = number * 1_000_000 + copy * 1000 + event.Event.System.EventRecordID % 1000;
      out.push(JSON.stringify(event));
    }
  }
  return out.join('\n');
}

async function startServer(target: DatabaseTarget): Promise<{ child: ChildProcess; url: string }> {
  const env = { ...process.env, NO_COLOR: '1' } as NodeJS.ProcessEnv;
  delete env.DATABASE_URL;
  if (target.url) env.DATABASE_URL = target.url;
  else env.RAMPART_DATA_DIR = target.dataDirectory;
  // With a heap cap already set, bin/rampart.js runs the server in this very process instead of in a
  // child of its own, so the SIGKILL below hits the server itself, as a crash would.
  env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --max-old-space-size=192`.trim();
  const child = spawn(process.execPath, [path.join(repositoryRoot, 'bin', 'rampart.js'), 'serve', '--port', '0', '--quiet'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(text);
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`rampart serve exited (${code}): ${text}`)));
  });
  return { child, url };
}

async function killed(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

for (const database of testDatabases()) {
  describe(`durability on ${database.name}`, () => {
    const folders: string[] = [];
    afterAll(async () => {
      await database.cleanUp();
      for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    });

    it('keeps every acknowledged batch, all or nothing of the one in flight, none twice', async () => {
      ensureBuilt();
      // PGlite in a folder of its own (one process at a time opens it); PostgreSQL in a fresh database.
      let target: DatabaseTarget;
      if (database.name === 'pglite') {
        const folder = mkdtempSync(path.join(tmpdir(), 'rampart-durability-'));
        folders.push(folder);
        target = { dataDirectory: path.join(folder, 'db') };
      } else {
        await database.open();
        target = database.target();
      }
      const setup = await openDatabase(target);
      const hub = await createOrganisation(setup, { name: 'Hub', kind: 'hub' }, 'test');
      const bank = await createOrganisation(setup, { name: 'Bank', kind: 'operator', hubId: hub.id }, 'test');
      const user = await createUser(setup, { organisationId: bank.id, username: 'shipper', role: 'analyst' }, 'test');
      const { token } = await createToken(setup, user, 'shipper', 'test');
      await setup.close();
      const send = (url: string, body: string): Promise<Response> =>
        fetch(`${url}/api/ingest`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' }, body });

      const bodies = Array.from({ length: BATCHES }, (_, i) => batch(i + 1));
      let server = await startServer(target);
      const acknowledged: number[] = [];
      let stored = 0;
      for (let i = 0; i < BATCHES - 1; i++) {
        const response = await send(server.url, bodies[i]);
        expect(response.status).toBe(200);
        stored += ((await response.json()) as { stored: number }).stored;
        acknowledged.push(i);
      }
      // The last batch is in flight when the server dies.
      const inFlight = send(server.url, bodies[BATCHES - 1]).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 30));
      await killed(server.child);
      await inFlight;

      const after = await openDatabase(target);
      try {
        const ids = new Set((await after.query<{ id: string }>('SELECT id FROM alerts')).map((row) => row.id));
        const [{ n }] = await after.query<{ n: number }>('SELECT count(*) AS n FROM alerts');
        expect(n).toBe(ids.size);
        // Every alert of every acknowledged batch is there; the batch in flight is all or nothing.
        const { LiveDetection } = await import('../src/server/live-detection.js');
        const { builtinRulesDirectory } = await import('../src/hunt/package-paths.js');
        const { parseNdjsonText } = await import('../src/logs/ndjson-text.js');
        const detection = await LiveDetection.start({ rulePaths: [builtinRulesDirectory()], cacheDirectory: null });
        const expectedIds = (index: number): string[] =>
          detection.detect(parseNdjsonText(bodies[index], 'ingest').events, 'ingest', new Date().toISOString()).map((alert) => alertId(bank.id, alert.ruleId, alert.identity));
        for (const index of acknowledged) for (const id of expectedIds(index)) expect(ids.has(id), `batch ${index + 1} alert ${id}`).toBe(true);
        const last = expectedIds(BATCHES - 1);
        const lastPresent = last.filter((id) => ids.has(id)).length;
        expect([0, last.length]).toContain(lastPresent);
        expect(ids.size).toBe(stored + lastPresent);
      } finally {
        await after.close();
      }

      // Restarted, the shipper sends everything again: nothing is stored twice.
      server = await startServer(target);
      try {
        let duplicates = 0;
        let again = 0;
        for (const body of bodies) {
          const result = (await (await send(server.url, body)).json()) as { stored: number; duplicates: number };
          again += result.stored;
          duplicates += result.duplicates;
        }
        expect(duplicates).toBeGreaterThanOrEqual(stored);
        const check = (await fetch(`${server.url}/api/alerts?limit=500`, { headers: { authorization: `Bearer ${token}` } }).then((response) => response.json())) as { alerts: { id: string }[] };
        expect(new Set(check.alerts.map((alert) => alert.id)).size).toBe(check.alerts.length);
        expect(again + duplicates).toBe(bodies.length * (stored / (BATCHES - 1)));
      } finally {
        await killed(server.child);
      }
    }, 120_000);
  });
}
