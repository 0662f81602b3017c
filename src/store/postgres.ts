// The server adapter: a pool of connections to PostgreSQL (`DATABASE_URL`). A transaction holds one
// connection from BEGIN to COMMIT, or ROLLBACK when the work throws.
import pg from 'pg';
import type { Database, Queryable } from './database.js';

import { COLUMN_PARSERS } from './column-types.js';

// Per pool, not pg's global parsers: other code in the process may use pg with its defaults.
const types = { getTypeParser: (oid: number, format?: string) => COLUMN_PARSERS[oid] ?? pg.types.getTypeParser(oid, format as 'text') };

export async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 8, types: types as pg.CustomTypesConfig, options: '-c TimeZone=UTC' });
  // An idle connection that the server drops must not crash the process: the next query reconnects.
  pool.on('error', () => undefined);
  // Fail at start-up, with the server's own message, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  const run = async <Row>(target: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]): Promise<Row[]> =>
    (await target.query(sql, params as unknown[] | undefined)).rows as Row[];
  return {
    kind: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    // Without parameters pg uses the simple query protocol, which takes several statements.
    execScript: async (sql) => void (await pool.query(sql)),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const scoped: Queryable = { query: (sql, params) => run(client, sql, params), execScript: async (sql) => void (await client.query(sql)) };
        const result = await work(scoped);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
