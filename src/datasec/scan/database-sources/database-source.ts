// The one interface the database scan reads through, so that scan-database.ts never sees a driver:
// list the user tables with their scannable columns, sample rows spread over a table, and read a
// table's columns in batches (bounded memory, whatever the table's size). Values come back as text
// (numbers cast by the database) or null. Each driver is one small file beside this one.

export interface SourceColumn {
  readonly name: string;
  /** The type as the database names it (`character varying`, `bigint`, `varchar`, …). */
  readonly type: string;
}

export interface SourceTable {
  /** PostgreSQL: the schema; MySQL/MariaDB: the database. */
  readonly schema: string;
  readonly name: string;
  /** The database's own estimate (statistics), not a count; 0 when it has none. */
  readonly estimatedRows: number;
  /** Only the columns that can hold an identifier (see each driver for the types). */
  readonly columns: readonly SourceColumn[];
}

export type SourceRow = readonly (string | null)[];

export interface DatabaseSource {
  /** `database.schema.table` (PostgreSQL) or `database.table` (MySQL/MariaDB): where findings are. */
  tableLocation(table: SourceTable): string;
  listTables(): Promise<SourceTable[]>;
  /**
   * About `rows` rows chosen at random over the whole table (not its first rows), each with the values of
   * `columns` in that order. Seeded, so the same table gives the same sample.
   */
  sampleRows(table: SourceTable, columns: readonly string[], rows: number): Promise<SourceRow[]>;
  /** Every row (or the first `maxRows`) of `columns`, `batchSize` rows at a time. */
  readRows(table: SourceTable, columns: readonly string[], options: { batchSize: number; maxRows?: number }): AsyncIterable<SourceRow[]>;
  close(): Promise<void>;
}

/**
 * Values longer than this are read up to it: a document in a text column is scanned in its first
 * 32 Ki characters, so a batch of rows stays within memory whatever the column holds.
 */
export const MAX_VALUE_CHARACTERS = 32 * 1024;

/**
 * The share of the table's rows to draw so that about `rows` come back: a little over, since the
 * draw is random; every row when the table is small or its size unknown.
 */
export function samplingFraction(rows: number, estimatedRows: number): number {
  if (estimatedRows <= 0) return 1;
  return Math.min(1, (rows * 1.2) / estimatedRows);
}
