// The embedded adapter: PGlite (PostgreSQL compiled to WebAssembly) in this process, its data in a
// directory, or in memory for tests. PGlite has one connection; its own queue serialises queries and
// transactions, which is what a single-process server needs.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { COLUMN_PARSERS } from './column-types.js';
import type { Database, Queryable } from './database.js';

/** `dataDirectory`: a folder (created if missing), or undefined for a throwaway in-memory database. */
export async function openPglite(dataDirectory?: string): Promise<Database> {
  // pg_trgm serves the alerts' free-text filter (migration 0005); a PostgreSQL server has it in contrib.
  const options = { parsers: COLUMN_PARSERS, extensions: { pg_trgm } };
  const db = dataDirectory === undefined ? new PGlite(options) : new PGlite(dataDirectory, options);
  await db.waitReady;
  await db.query("SET TIME ZONE 'UTC'");
  const run = async <Row>(target: Pick<PGlite, 'query'>, sql: string, params?: readonly unknown[]): Promise<Row[]> =>
    (await target.query<Row>(sql, params as unknown[] | undefined)).rows;
  return {
    kind: 'pglite',
    query: (sql, params) => run(db, sql, params),
    execScript: async (sql) => void (await db.exec(sql)),
    transaction: (work) =>
      db.transaction(async (tx) => {
        const scoped: Queryable = { query: (sql, params) => run(tx, sql, params), execScript: async (sql) => void (await tx.exec(sql)) };
        return work(scoped);
      }),
    close: () => db.close(),
  };
}
