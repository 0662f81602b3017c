// A server for the API tests: a fresh database (PGlite or PostgreSQL, test/databases.ts), the built-in
// rule pack, and a small world — a coordination centre and two operators, each with one user of every
// role and a token for each — built through the store, as `rampart org add` and `rampart user add` do.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { builtinRulesDirectory, demoDataDirectory } from '../src/hunt/package-paths.js';
import { buildServer, type ServerLimits } from '../src/server/app.js';
import { LiveDetection } from '../src/server/live-detection.js';
import type { Database } from '../src/store/database.js';
import { createOrganisation, type Organisation } from '../src/store/organisations.js';
import { createToken, createUser, ROLES, type Role } from '../src/store/users.js';
import { ensureBuilt } from './cli-helpers.js';
import { testDatabases, type TestDatabase } from './databases.js';

export interface Member {
  readonly organisation: Organisation;
  readonly role: Role;
  readonly username: string;
  readonly userId: string;
  readonly token: string;
  readonly tokenId: string;
}

export interface TestWorld {
  readonly app: FastifyInstance;
  readonly db: Database;
  readonly hub: Organisation;
  readonly bank: Organisation;
  readonly rail: Organisation;
  /** `bank.analyst`, `hub.admin`, … */
  readonly members: Readonly<Record<string, Member>>;
  close(): Promise<void>;
}

let detection: Promise<LiveDetection> | undefined;

/** The built-in rules, loaded once per test file. */
export function sharedDetection(): Promise<LiveDetection> {
  detection ??= LiveDetection.start({ rulePaths: [builtinRulesDirectory()], cacheDirectory: null });
  return detection;
}

export async function buildWorld(database: TestDatabase, limits: Partial<ServerLimits> = {}): Promise<TestWorld> {
  const db = await database.open();
  const hub = await createOrganisation(db, { name: 'National Coordination Centre', kind: 'hub' }, 'system');
  const bank = await createOrganisation(db, { name: 'Example Bank', kind: 'operator', hubId: hub.id, sector: 'finance', province: 'Shanghai', cii: true, mlpsLevel: 3 }, 'system');
  const rail = await createOrganisation(db, { name: 'Example Railway', kind: 'operator', hubId: hub.id, sector: 'transport', province: 'Hubei', cii: true, mlpsLevel: 3 }, 'system');
  const members: Record<string, Member> = {};
  for (const [key, organisation] of [['hub', hub], ['bank', bank], ['rail', rail]] as const) {
    for (const role of ROLES) {
      const username = `${key}.${role}`;
      const user = await createUser(db, { organisationId: organisation.id, username, role, password: `${username}-password` }, 'system');
      const { token, record } = await createToken(db, user, 'test', 'system');
      members[username] = { organisation, role, username, userId: user.id, token, tokenId: record.id };
    }
  }
  const app = await buildServer({ db, detection: await sharedDetection(), logger: false, limits });
  await app.ready();
  return { app, db, hub, bank, rail, members, close: async () => void (await app.close()) };
}

/** The demo Sysmon events as NDJSON: they set off several of the built-in rules. */
export function demoNdjson(): string {
  return readFileSync(path.join(demoDataDirectory(), 'sysmon.jsonl'), 'utf8');
}

export function bearer(member: Member): Record<string, string> {
  return { authorization: `Bearer ${member.token}` };
}

/** The demo Sysmon events again, each with new record ids: new events to the server, not a retry. */
export function renumberedDemoNdjson(round: number): string {
  return demoNdjson()
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const event = JSON.parse(line) as { Event: { System: { EventRecordID: number } } };
      event.Event.System.EventRecordID += round * 1_000_000;
      return JSON.stringify(event);
    })
    .join('\n');
}

export interface ServedWorld {
  world: TestWorld;
  /** The server's base URL, http://127.0.0.1:PORT */
  url: string;
}

/**
 * For a test file whose built `rampart` command talks to a server (hunt --push, data scan --catalog):
 * the command built, a world on the first test database listening on a free local port before the
 * file's tests, closed and dropped after them. The fields are set once the tests run.
 */
export function servedWorld(): ServedWorld {
  const [database] = testDatabases();
  const served = {} as ServedWorld;
  beforeAll(async () => {
    ensureBuilt();
    served.world = await buildWorld(database);
    served.url = await served.world.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await served.world?.close();
    await database.cleanUp();
  });
  return served;
}
