// MySQL and MariaDB through `mysql2`: the database named in the URL, or every database but the system
// ones when the URL names none. Columns scanned: char, varchar and the text types, and the numbers wide
// enough for a phone, card or ID without its check letter (bigint, decimal). Samples are drawn with a
// seeded RAND() per row (every row has the same chance, so a sample covers the whole table; one pass
// over it, as MySQL has no TABLESAMPLE); whole columns are read as one streamed query, which mysql2
// pauses while a batch is scanned, so memory holds one batch whatever the table's size.
import mysql from 'mysql2';
import type { Connection } from 'mysql2';
import { MAX_VALUE_CHARACTERS, drawSample, type DatabaseSource, type SourceRow, type SourceTable } from './database-source.js';

const SCANNED_TYPES = new Set(['char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext', 'bigint', 'decimal']);
const SYSTEM_DATABASES = ['mysql', 'information_schema', 'performance_schema', 'sys'];
const SAMPLE_SEED = 7;
const CONNECT_TIMEOUT_MS = 10_000;

const quote = (identifier: string): string => `\`${identifier.replace(/`/g, '``')}\``;

export async function openMysqlSource(url: string): Promise<DatabaseSource> {
  const connection: Connection = mysql.createConnection({ uri: url, connectTimeout: CONNECT_TIMEOUT_MS, charset: 'utf8mb4', supportBigNumbers: true, bigNumberStrings: true, dateStrings: true });
  // A connection lost mid-scan is also reported by the query in flight; without a listener it would end the process.
  connection.on('error', () => undefined);
  try {
    await new Promise<void>((resolve, reject) => connection.connect((error) => (error ? reject(error) : resolve())));
  } catch (error) {
    connection.destroy();
    throw error;
  }
  const client = connection.promise();
  const database = ((await client.query({ sql: 'SELECT DATABASE()', rowsAsArray: true }))[0] as unknown[][])[0]![0] as string | null;
  const from = (table: SourceTable) => `${quote(table.schema)}.${quote(table.name)}`;
  const selectList = (columns: readonly string[]) => columns.map((column) => `LEFT(CAST(${quote(column)} AS CHAR), ${MAX_VALUE_CHARACTERS})`).join(', ');
  const arrays = async (sql: string): Promise<SourceRow[]> => (await client.query({ sql, rowsAsArray: true }))[0] as SourceRow[];

  return {
    tableLocation: (table) => `${table.schema}.${table.name}`,

    async listTables() {
      const [rows] = await client.query({
        sql: `SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE, t.TABLE_ROWS
                FROM information_schema.COLUMNS c
                JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
               WHERE t.TABLE_TYPE = 'BASE TABLE' AND c.TABLE_SCHEMA NOT IN (?)${database !== null ? ' AND c.TABLE_SCHEMA = ?' : ''}
               ORDER BY c.TABLE_SCHEMA, c.TABLE_NAME, c.ORDINAL_POSITION`,
        values: database !== null ? [SYSTEM_DATABASES, database] : [SYSTEM_DATABASES],
        rowsAsArray: true,
      });
      const tables = new Map<string, SourceTable & { columns: { name: string; type: string }[] }>();
      for (const [schema, name, column, type, estimate] of rows as [string, string, string, string, string | number | null][]) {
        const key = `${schema}\0${name}`;
        let table = tables.get(key);
        if (table === undefined) tables.set(key, (table = { schema, name, estimatedRows: Number(estimate ?? 0), columns: [] }));
        if (SCANNED_TYPES.has(type.toLowerCase())) table.columns.push({ name: column, type: type.toLowerCase() });
      }
      return [...tables.values()];
    },

    async sampleRows(table, columns, rows) {
      // InnoDB's TABLE_ROWS is an estimate, 0 for a table just filled: drawSample counts it when it is off.
      return drawSample(
        rows,
        table.estimatedRows,
        (fraction, limit) => arrays(`SELECT ${selectList(columns)} FROM ${from(table)} WHERE RAND(${SAMPLE_SEED}) < ${fraction} LIMIT ${limit}`),
        () => countRows(table),
      );
    },

    async *readRows(table, columns, { batchSize, maxRows }) {
      const query = connection.query({ sql: `SELECT ${selectList(columns)} FROM ${from(table)}${maxRows !== undefined ? ` LIMIT ${maxRows}` : ''}`, rowsAsArray: true });
      const stream = query.stream({ highWaterMark: batchSize });
      let batch: SourceRow[] = [];
      try {
        for await (const row of stream as AsyncIterable<SourceRow>) {
          batch.push(row);
          if (batch.length >= batchSize) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length > 0) yield batch;
      } finally {
        stream.destroy();
      }
    },

    close: () => client.end(),
  };

  async function countRows(table: SourceTable): Promise<number> {
    const rows = await arrays(`SELECT COUNT(*) FROM ${from(table)}`);
    return Number(rows[0]![0]);
  }
}
