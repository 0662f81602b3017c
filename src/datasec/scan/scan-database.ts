// Scans a PostgreSQL or MySQL/MariaDB database for personal data, a column at a time: lists the user
// tables and the columns that can hold an identifier, samples each table (rows spread over all of it),
// makes the columns whose sample holds a category candidates, then confirms the candidates by reading
// each such table once, in batches, counting findings, distinct individuals and masked samples. Every
// scanned column gets a verdict. A database that cannot be reached, or a table that cannot be read,
// becomes a problem naming it (URL password masked) and the scan goes on with the rest.
// No console, no process state: the drivers are behind database-sources/.
import type { Category } from '../recognizers/recognizer.js';
import { DEFAULT_MIN_SCORE } from '../recognize.js';
import { ColumnConfirmation, ColumnSample, DEFAULT_MIN_MATCHES, DEFAULT_MIN_SHARE, evenlySpaced, type ColumnCategory, type VerdictThresholds } from './column-verdict.js';
import type { DatabaseSource, SourceColumn, SourceTable } from './database-sources/database-source.js';
import { databaseKindOf, maskDatabaseUrl, scrubPassword } from './database-sources/database-url.js';
import { openMysqlSource } from './database-sources/mysql-source.js';
import { openPostgresSource } from './database-sources/postgres-source.js';
import type { ScanProblem } from './scan-files.js';
import type { Tally } from './tally.js';

/** Non-null values sampled per column: enough to see a 2 % share as 20 values, few enough to sample a thousand tables in a minute. */
export const DEFAULT_SAMPLE_SIZE = 1000;
/** Rows per batch while confirming: with values cut at 32 Ki characters, at most 64 MiB per column even for documents. */
export const CONFIRM_BATCH_ROWS = 2000;

export interface ColumnVerdict {
  readonly column: string;
  readonly type: string;
  /** `database.schema.table.column` (PostgreSQL) or `database.table.column` (MySQL/MariaDB). */
  readonly location: string;
  /** Non-null, non-blank values sampled. */
  readonly sampled: number;
  /** The categories found in the sample, with the number of sampled values holding each. */
  readonly sampleMatches: readonly { readonly category: Category; readonly values: number }[];
  /** The verdict: the category most of the column's values hold, once confirmed; absent when none. */
  readonly category?: Category;
  /** Every confirmed category, most values first. */
  readonly categories: readonly ColumnCategory[];
  /** Whether the column was read (in full, or up to maxRows) to confirm a candidate. */
  readonly confirmed: boolean;
  /** Non-null, non-blank values read while confirming. */
  readonly valuesRead: number;
}

export interface TableScan {
  /** `database.schema.table` or `database.table`. */
  readonly location: string;
  readonly schema: string;
  readonly table: string;
  /** The database's estimate, before the scan. */
  readonly estimatedRows: number;
  /** Rows read to confirm candidates (0 when none): all of them unless maxRows cut the read short. */
  readonly rowsRead: number;
  readonly columns: readonly ColumnVerdict[];
}

export interface DatabaseScan {
  /** The URL as given, password masked. */
  readonly url: string;
  readonly kind: 'postgres' | 'mysql';
  /** Tables with at least one column that can hold an identifier, each column with its verdict. */
  readonly tables: readonly TableScan[];
  readonly columnsScanned: number;
  readonly columnsFlagged: number;
  readonly rowsRead: number;
}

export interface DatabaseScanProgress {
  /** The masked URL. */
  readonly database: string;
  readonly phase: 'sampling' | 'confirming';
  readonly table: string;
  readonly tablesDone: number;
  readonly tablesTotal: number;
  /** Confirming: rows read so far, of the candidate tables' estimated rows. */
  readonly rowsDone: number;
  readonly rowsTotal: number;
}

export interface ScanDatabaseOptions {
  /** Non-null values sampled per column (1,000 by default). */
  readonly sampleSize?: number;
  /** Rows read per table to confirm (all by default). */
  readonly maxRows?: number;
  readonly minScore?: number;
  readonly minShare?: number;
  readonly minMatches?: number;
  readonly batchSize?: number;
  /** The report's totals: confirmed findings are added to it. */
  readonly totals?: Tally;
  readonly onProgress?: (progress: DatabaseScanProgress) => void;
  readonly onProblem?: (problem: ScanProblem) => void;
}

const OPENERS: Readonly<Record<'postgres' | 'mysql', (url: string) => Promise<DatabaseSource>>> = {
  postgres: openPostgresSource,
  mysql: openMysqlSource,
};

/** Scans the database a URL names; undefined (and a problem) when it cannot be reached. */
export async function scanDatabase(url: string, options: ScanDatabaseOptions = {}): Promise<DatabaseScan | undefined> {
  const kind = databaseKindOf(url);
  const masked = maskDatabaseUrl(url);
  if (kind === undefined) {
    options.onProblem?.({ path: masked, message: 'not a postgres://, postgresql://, mysql:// or mariadb:// URL' });
    return undefined;
  }
  let source: DatabaseSource;
  try {
    source = await OPENERS[kind](url);
  } catch (error) {
    options.onProblem?.({ path: masked, message: `cannot connect: ${scrubPassword(describeDatabaseError(error), url)}; not scanned` });
    return undefined;
  }
  try {
    return await scanDatabaseSource(source, { url: masked, kind }, { ...options, onProblem: (problem) => options.onProblem?.({ path: problem.path, message: scrubPassword(problem.message, url) }) });
  } finally {
    await source.close().catch(() => undefined);
  }
}

interface SampledTable {
  readonly table: SourceTable;
  /** The estimate, or the count sampling made when the estimate was missing or wrong. */
  readonly tableRows: number;
  readonly location: string;
  readonly samples: ReadonlyMap<string, ColumnSample>;
  readonly candidates: ReadonlyMap<string, Category[]>;
}

/** The scan over an open source: the driver-free part, so it can be tested on an in-memory source. */
export async function scanDatabaseSource(source: DatabaseSource, target: { url: string; kind: 'postgres' | 'mysql' }, options: ScanDatabaseOptions = {}): Promise<DatabaseScan> {
  const thresholds: VerdictThresholds = {
    minScore: options.minScore ?? DEFAULT_MIN_SCORE,
    minShare: options.minShare ?? DEFAULT_MIN_SHARE,
    minMatches: options.minMatches ?? DEFAULT_MIN_MATCHES,
  };
  const sampleSize = options.sampleSize ?? DEFAULT_SAMPLE_SIZE;
  const problem = (path: string, message: string) => options.onProblem?.({ path, message });
  let tables: SourceTable[];
  try {
    tables = (await source.listTables()).filter((table) => table.columns.length > 0);
  } catch (error) {
    problem(target.url, `cannot list the tables: ${describeDatabaseError(error)}; not scanned`);
    return { ...target, tables: [], columnsScanned: 0, columnsFlagged: 0, rowsRead: 0 };
  }
  const progress = (phase: 'sampling' | 'confirming', table: string, tablesDone: number, rowsDone = 0, rowsTotal = 0) =>
    options.onProgress?.({ database: target.url, phase, table, tablesDone, tablesTotal: tables.length, rowsDone, rowsTotal });

  // Sampling every table first, so the confirming step knows how many rows it has to read.
  const sampled: SampledTable[] = [];
  for (const [index, table] of tables.entries()) {
    const location = source.tableLocation(table);
    progress('sampling', location, index);
    try {
      sampled.push(await sampleTable(source, table, location, sampleSize, thresholds));
    } catch (error) {
      problem(location, `cannot sample the table: ${describeDatabaseError(error)}; not scanned`);
    }
  }
  progress('sampling', '', tables.length);

  const candidateTables = sampled.filter((entry) => entry.candidates.size > 0);
  const rowsTotal = candidateTables.reduce((sum, entry) => sum + Math.min(entry.tableRows, options.maxRows ?? Infinity), 0);
  let rowsDone = 0;
  const results: TableScan[] = [];
  for (const entry of sampled) {
    const { table, location } = entry;
    const confirmations = new Map<string, ColumnConfirmation>();
    for (const [column, categories] of entry.candidates) {
      const sampledCategories = entry.samples.get(column)!.matches().map((match) => match.category);
      confirmations.set(column, new ColumnConfirmation(column, `${location}.${column}`, categories, thresholds, sampledCategories));
    }
    let rowsRead = 0;
    if (confirmations.size > 0) {
      const columns = [...confirmations.keys()];
      const readers = columns.map((column) => confirmations.get(column)!);
      progress('confirming', location, results.length, rowsDone, rowsTotal);
      try {
        for await (const batch of source.readRows(table, columns, { batchSize: options.batchSize ?? CONFIRM_BATCH_ROWS, maxRows: options.maxRows })) {
          for (const row of batch) {
            for (let index = 0; index < readers.length; index++) {
              const value = row[index];
              if (value !== null && value !== undefined && value.trim() !== '') readers[index]!.add(value);
            }
          }
          rowsRead += batch.length;
          rowsDone += batch.length;
          progress('confirming', location, results.length, rowsDone, Math.max(rowsTotal, rowsDone));
        }
      } catch (error) {
        problem(location, `reading the table failed after ${rowsRead} rows: ${describeDatabaseError(error)}; the counts cover the rows read`);
      }
    }
    results.push({
      location,
      schema: table.schema,
      table: table.name,
      estimatedRows: table.estimatedRows,
      rowsRead,
      columns: table.columns.map((column) => columnVerdict(column, `${location}.${column.name}`, entry.samples.get(column.name)!, confirmations.get(column.name), options.totals)),
    });
  }
  const columns = results.flatMap((table) => table.columns);
  return {
    ...target,
    tables: results,
    columnsScanned: columns.length,
    columnsFlagged: columns.filter((column) => column.category !== undefined).length,
    rowsRead: results.reduce((sum, table) => sum + table.rowsRead, 0),
  };
}

async function sampleTable(source: DatabaseSource, table: SourceTable, location: string, sampleSize: number, thresholds: VerdictThresholds): Promise<SampledTable> {
  const names = table.columns.map((column) => column.name);
  // Twice the rows wanted, so that a column half empty still gets its full sample.
  const { rows, tableRows } = await source.sampleRows(table, names, sampleSize * 2);
  const samples = new Map<string, ColumnSample>();
  const candidates = new Map<string, Category[]>();
  names.forEach((name, index) => {
    const values = rows.map((row) => row[index]).filter((value): value is string => value !== null && value !== undefined && value.trim() !== '');
    const sample = new ColumnSample(name, thresholds);
    for (const value of evenlySpaced(values, sampleSize)) sample.add(value);
    samples.set(name, sample);
    const found = sample.candidates();
    if (found.length > 0) candidates.set(name, found);
  });
  return { table, tableRows, location, samples, candidates };
}

function columnVerdict(column: SourceColumn, location: string, sample: ColumnSample, confirmation: ColumnConfirmation | undefined, totals: Tally | undefined): ColumnVerdict {
  const categories = confirmation?.result(totals) ?? [];
  return {
    column: column.name,
    type: column.type,
    location,
    sampled: sample.sampled,
    sampleMatches: sample.matches(),
    ...(categories.length > 0 ? { category: categories[0]!.category } : {}),
    categories,
    confirmed: confirmation !== undefined,
    valuesRead: confirmation?.valuesRead ?? 0,
  };
}

/** A driver's error as a person can act on it; network errors name the address tried. */
export function describeDatabaseError(error: unknown): string {
  const failure = error as (Error & { code?: string; address?: string; port?: number; errors?: unknown[] }) | undefined;
  if (failure?.errors !== undefined && failure.errors.length > 0 && (failure.message ?? '') === '') return describeDatabaseError(failure.errors[0]);
  const where = failure?.address !== undefined ? ` (${failure.address}${failure.port !== undefined ? `:${failure.port}` : ''})` : '';
  switch (failure?.code) {
    case 'ECONNREFUSED': return `connection refused${where}: is the server running, on that host and port?`;
    case 'ENOTFOUND': case 'EAI_AGAIN': return `host not found${where}`;
    case 'ETIMEDOUT': return `connection timed out${where}`;
  }
  const message = failure?.message ?? String(error);
  if (/timeout/i.test(message)) return `connection timed out${where}`;
  return message;
}
