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

export interface TableSample {
  readonly rows: SourceRow[];
  readonly tableRows: number;
}

export interface DatabaseSource {
  /** `database.schema.table` (PostgreSQL) or `database.table` (MySQL/MariaDB): where findings are. */
  tableLocation(table: SourceTable): string;
  listTables(): Promise<SourceTable[]>;
  /**
   * About `rows` rows chosen at random over the whole table (not its first rows), each with the values of
   * `columns` in that order, and the table's size as far as it is known (the estimate, or a count when
   * it had to be made). Seeded, so the same table gives the same sample.
   */
  sampleRows(table: SourceTable, columns: readonly string[], rows: number): Promise<TableSample>;
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

/**
 * A sample of about `rows` rows (at most twice as many) spread over a table, from `draw`, which keeps
 * each row with the chance it is given. The chance comes from the database's estimate, or a count when
 * there is none; when the draw shows the estimate wrong (under half the rows asked for, or the cap
 * reached, which would leave the sample at the table's first rows), the table is counted and drawn again.
 */
export async function drawSample(rows: number, estimatedRows: number, draw: (fraction: number, limit: number) => Promise<SourceRow[]>, count: () => Promise<number>): Promise<TableSample> {
  const limit = rows * 2;
  const estimate = estimatedRows > 0 ? estimatedRows : await count();
  const fraction = samplingFraction(rows, estimate);
  const sample = await draw(fraction, limit);
  const tooFew = sample.length < rows / 2 && fraction < 1;
  const capped = sample.length >= limit;
  if (!tooFew && !capped) return { rows: sample, tableRows: estimate };
  const counted = await count();
  const recounted = samplingFraction(rows, counted);
  return { rows: recounted === fraction ? sample : await draw(recounted, limit), tableRows: counted };
}
