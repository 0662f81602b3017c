// PostgreSQL through `pg`: the database named in the URL, every schema but the system ones. Columns
// scanned: text types (text, varchar, char, citext), the numbers wide enough for a phone, card or ID
// without its check letter (bigint, numeric/decimal), and addresses (inet). Samples are drawn with
// TABLESAMPLE BERNOULLI (each row kept with the same chance, so a sample covers the whole table, and
// REPEATABLE, so the same table gives the same sample); whole columns are read through a server-side
// cursor in a read-only, repeatable-read transaction, a batch at a time.
import pg from 'pg';
import { MAX_VALUE_CHARACTERS, drawSample, type DatabaseSource, type SourceRow, type SourceTable } from './database-source.js';

const SCANNED_TYPES = new Set(['text', 'character varying', 'character', 'bigint', 'numeric', 'inet']);
const SCANNED_USER_TYPES = new Set(['citext']);
const SAMPLE_SEED = 7;
const CONNECT_TIMEOUT_MS = 10_000;

const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

export async function openPostgresSource(url: string): Promise<DatabaseSource> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, application_name: 'rampart data scan' });
  // A server that drops the connection mid-scan emits 'error' on the client: the query in flight
  // rejects with it as well, so the scan reports it there; without a listener it would end the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  const database = (await client.query<{ name: string }>('SELECT current_database() AS name')).rows[0]!.name;
  const from = (table: SourceTable) => `${quote(table.schema)}.${quote(table.name)}`;
  const selectList = (columns: readonly string[]) => columns.map((column) => `left(${quote(column)}::text, ${MAX_VALUE_CHARACTERS})`).join(', ');
  const arrays = async (text: string): Promise<SourceRow[]> => (await client.query<unknown[]>({ text, rowMode: 'array' })).rows as SourceRow[];

  return {
    tableLocation: (table) => `${database}.${table.schema}.${table.name}`,

    async listTables() {
      const { rows } = await client.query<{ schema: string; table: string; column: string; type: string; user_type: string; estimate: number | null }>(`
        SELECT c.table_schema AS schema, c.table_name AS table, c.column_name AS column, c.data_type AS type, c.udt_name AS user_type,
               (SELECT cl.reltuples FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
                 WHERE n.nspname = c.table_schema AND cl.relname = c.table_name) AS estimate
          FROM information_schema.columns c
          JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
         WHERE t.table_type = 'BASE TABLE'
           AND c.table_schema NOT IN ('pg_catalog', 'information_schema') AND c.table_schema NOT LIKE 'pg\\_%'
         ORDER BY c.table_schema, c.table_name, c.ordinal_position`);
      const tables = new Map<string, SourceTable & { columns: { name: string; type: string }[] }>();
      for (const row of rows) {
        const key = `${row.schema}\0${row.table}`;
        let table = tables.get(key);
        if (table === undefined) tables.set(key, (table = { schema: row.schema, name: row.table, estimatedRows: Math.max(0, Number(row.estimate ?? 0)), columns: [] }));
        if (SCANNED_TYPES.has(row.type) || (row.type === 'USER-DEFINED' && SCANNED_USER_TYPES.has(row.user_type))) table.columns.push({ name: row.column, type: row.type === 'USER-DEFINED' ? row.user_type : row.type });
      }
      return [...tables.values()];
    },

    async sampleRows(table, columns, rows) {
      // reltuples is -1 for a table never analysed: drawSample counts it then.
      return drawSample(
        rows,
        table.estimatedRows,
        (fraction, limit) => arrays(`SELECT ${selectList(columns)} FROM ${from(table)} TABLESAMPLE BERNOULLI (${fraction * 100}) REPEATABLE (${SAMPLE_SEED}) LIMIT ${limit}`),
        () => countRows(table),
      );
    },

    async *readRows(table, columns, { batchSize, maxRows }) {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      let open = true;
      try {
        await client.query(`DECLARE rampart_scan NO SCROLL CURSOR FOR SELECT ${selectList(columns)} FROM ${from(table)}${maxRows !== undefined ? ` LIMIT ${maxRows}` : ''}`);
        for (;;) {
          const batch = await arrays(`FETCH FORWARD ${batchSize} FROM rampart_scan`);
          if (batch.length === 0) break;
          yield batch;
        }
        await client.query('COMMIT');
        open = false;
      } finally {
        if (open) await client.query('ROLLBACK').catch(() => undefined);
      }
    },

    close: () => client.end(),
  };

  async function countRows(table: SourceTable): Promise<number> {
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) AS count FROM ${from(table)}`);
    return Number(rows[0]!.count);
  }
}
