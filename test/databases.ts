// The two databases every store test runs against (DESIGN.md: one contract suite, both adapters): the
// embedded PGlite in memory, and a fresh database on the local PostgreSQL server, created for the
// test file and dropped after it. RAMPART_TEST_POSTGRES_URL names the server (default: the local one,
// as CI runs it); RAMPART_TEST_POSTGRES=off skips the PostgreSQL half with a printed reason.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../src/store/open-database.js';
import type { Database } from '../src/store/database.js';

export const POSTGRES_ADMIN_URL = process.env.RAMPART_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** The local MariaDB (or MySQL) server of the database-scan tests: root without a password, as CI runs it. */
export const MYSQL_ADMIN_URL = process.env.RAMPART_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

/** A fresh database name on the server of `adminUrl`, unique to this run, and its URL. */
export function scratchDatabase(adminUrl: string, prefix: string): { name: string; url: string } {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/** Runs `work` with a PostgreSQL client connected to `url`, closed afterwards whatever happens. */
export async function withPostgresClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  readonly name: 'pglite' | 'postgres';
  /** A new, migrated database; each call gives an empty one. */
  open(): Promise<Database>;
  /** Drops what open() created. */
  cleanUp(): Promise<void>;
  /** The URL or data directory of the last database opened, for a second process (durability tests). */
  target(): { url?: string; dataDirectory?: string };
}

export function testDatabases(): TestDatabase[] {
  const databases: TestDatabase[] = [pgliteInMemory()];
  if (process.env.RAMPART_TEST_POSTGRES === 'off') console.log('skipped: PostgreSQL half of the store tests (RAMPART_TEST_POSTGRES=off)');
  else databases.push(postgresServer());
  return databases;
}

function pgliteInMemory(): TestDatabase {
  const opened: Database[] = [];
  return {
    name: 'pglite',
    async open() {
      const db = await openDatabase({ dataDirectory: 'memory' });
      opened.push(db);
      return db;
    },
    async cleanUp() {
      await Promise.all(opened.splice(0).map((db) => db.close().catch(() => undefined)));
    },
    target: () => ({ dataDirectory: 'memory' }),
  };
}

function postgresServer(): TestDatabase {
  const created: string[] = [];
  const opened: Database[] = [];
  let last = '';
  const admin = <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => withPostgresClient(POSTGRES_ADMIN_URL, work);
  return {
    name: 'postgres',
    async open() {
      const { name, url } = scratchDatabase(POSTGRES_ADMIN_URL, 'rampart_test');
      await admin((client) => client.query(`CREATE DATABASE ${name}`));
      created.push(name);
      last = url;
      const db = await openDatabase({ url: last });
      opened.push(db);
      return db;
    },
    async cleanUp() {
      await Promise.all(opened.splice(0).map((db) => db.close().catch(() => undefined)));
      const names = created.splice(0);
      if (names.length > 0) await admin(async (client) => {
        for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
    },
    target: () => ({ url: last }),
  };
}
