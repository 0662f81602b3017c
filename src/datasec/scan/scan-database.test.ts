// The driver-free part of the database scan, over an in-memory source: verdicts per column, batches and
// maxRows, and a table that fails part-way becoming a problem while the rest is scanned.
import { describe, expect, it } from 'vitest';
import type { DatabaseSource, SourceRow, SourceTable } from './database-sources/database-source.js';
import { scanDatabase, scanDatabaseSource, type DatabaseScanProgress } from './scan-database.js';
import type { ScanProblem } from './scan-files.js';
import { Tally } from './tally.js';

interface MemoryTable extends SourceTable {
  readonly rows: readonly Record<string, string | null>[];
  readonly failAfter?: number;
  readonly failSampling?: boolean;
}

function memorySource(tables: readonly MemoryTable[], calls: string[] = []): DatabaseSource {
  const project = (table: MemoryTable, columns: readonly string[]) => table.rows.map((row) => columns.map((column) => row[column] ?? null) as SourceRow);
  return {
    tableLocation: (table) => `shop.${table.schema}.${table.name}`,
    listTables: async () => [...tables],
    async sampleRows(table, columns, rows) {
      const memory = table as MemoryTable;
      if (memory.failSampling) throw new Error('permission denied for table secrets');
      calls.push(`sample ${table.name} ${rows}`);
      const all = project(memory, columns);
      const step = Math.max(1, Math.floor(all.length / rows));
      return { rows: all.filter((_, index) => index % step === 0), tableRows: all.length };
    },
    async *readRows(table, columns, { batchSize, maxRows }) {
      const memory = table as MemoryTable;
      calls.push(`read ${table.name} [${columns.join(',')}] ${batchSize} ${maxRows ?? 'all'}`);
      const all = project(memory, columns).slice(0, maxRows);
      for (let start = 0; start < all.length; start += batchSize) {
        if (memory.failAfter !== undefined && start >= memory.failAfter) throw new Error('connection lost');
        yield all.slice(start, start + batchSize);
      }
    },
    close: async () => undefined,
  };
}

const mobile = (i: number) => `139${String(i).padStart(8, '0')}`;
const customers: MemoryTable = {
  schema: 'public',
  name: 'customers',
  estimatedRows: 3000,
  columns: [
    { name: 'phone', type: 'character varying' },
    { name: 'email', type: 'text' },
    { name: 'order_no', type: 'character' },
    { name: 'notes', type: 'text' },
  ],
  rows: Array.from({ length: 3000 }, (_, i) => ({
    phone: i % 10 === 0 ? null : i % 10 === 1 ? '' : mobile(i % 2500),
    email: i < 1500 ? null : `user${i}@example.com`,
    order_no: `2026112${String(i).padStart(11, '0')}`,
    notes: '客户要求周末送货',
  })),
};

describe('scanDatabaseSource', () => {
  it('gives each scanned column a verdict, confirming only the candidates, one read per table', async () => {
    const calls: string[] = [];
    const progress: DatabaseScanProgress[] = [];
    const totals = new Tally();
    const empty: MemoryTable = { schema: 'public', name: 'counters', estimatedRows: 5, columns: [], rows: [] };
    const scan = await scanDatabaseSource(memorySource([customers, empty], calls), { url: 'postgres://u:***@h/shop', kind: 'postgres' }, { sampleSize: 500, batchSize: 700, totals, onProgress: (p) => progress.push(p) });
    expect(calls).toEqual(['sample customers 1000', 'read customers [phone,email] 700 all']);
    expect(scan).toMatchObject({ url: 'postgres://u:***@h/shop', kind: 'postgres', columnsScanned: 4, columnsFlagged: 2, rowsRead: 3000 });
    const [table] = scan.tables;
    expect(scan.tables).toHaveLength(1);
    expect(table).toMatchObject({ location: 'shop.public.customers', schema: 'public', table: 'customers', estimatedRows: 3000, rowsRead: 3000 });
    const [phone, email, orderNo, notes] = table!.columns;
    expect(phone).toMatchObject({ column: 'phone', location: 'shop.public.customers.phone', category: 'cn-mobile', confirmed: true, valuesRead: 2400 });
    expect(phone!.sampled).toBe(500);
    expect(phone!.categories[0]).toMatchObject({ category: 'cn-mobile', count: 2400, values: 2400, share: 1, individuals: 2000 });
    expect(email).toMatchObject({ category: 'email', valuesRead: 1500 });
    expect(email!.categories[0]).toMatchObject({ count: 1500, individuals: 1500 });
    // One order number in 500 passes for a credit code by chance: seen in the sample, not a verdict.
    expect(orderNo).toEqual({ column: 'order_no', type: 'character', location: 'shop.public.customers.order_no', sampled: 500, sampleMatches: [{ category: 'cn-uscc', values: 1 }], categories: [], confirmed: false, valuesRead: 0 });
    expect(notes!.category).toBeUndefined();
    expect(totals.result().map((tally) => [tally.category, tally.count])).toEqual([
      ['cn-mobile', 2400],
      ['email', 1500],
    ]);
    expect(progress[0]).toMatchObject({ phase: 'sampling', tablesDone: 0, tablesTotal: 1 });
    expect(progress.at(-1)).toMatchObject({ phase: 'confirming', rowsDone: 3000, rowsTotal: 3000 });
  });

  it('reads at most maxRows rows per table to confirm', async () => {
    const calls: string[] = [];
    const scan = await scanDatabaseSource(memorySource([customers], calls), { url: 'mysql://h/shop', kind: 'mysql' }, { maxRows: 1000 });
    expect(calls[1]).toBe('read customers [phone,email] 2000 1000');
    expect(scan.rowsRead).toBe(1000);
    // Only the first 1,000 rows were read, and the e-mail addresses start at row 1,500.
    expect(scan.tables[0]!.columns[1]).toMatchObject({ confirmed: true, valuesRead: 0, categories: [] });
    expect(scan.tables[0]!.columns[1]!.category).toBeUndefined();
  });

  it('turns a table that cannot be sampled, or fails part-way, into a problem and scans the rest', async () => {
    const problems: ScanProblem[] = [];
    const secrets: MemoryTable = { ...customers, name: 'secrets', failSampling: true };
    const flaky: MemoryTable = { ...customers, name: 'flaky', failAfter: 1000 };
    const scan = await scanDatabaseSource(memorySource([secrets, flaky, customers]), { url: 'postgres://h/shop', kind: 'postgres' }, { batchSize: 500, onProblem: (problem) => problems.push(problem) });
    expect(problems).toEqual([
      { path: 'shop.public.secrets', message: 'cannot sample the table: permission denied for table secrets; not scanned' },
      { path: 'shop.public.flaky', message: 'reading the table failed after 1000 rows: connection lost; the counts cover the rows read' },
    ]);
    expect(scan.tables.map((table) => [table.table, table.rowsRead])).toEqual([
      ['flaky', 1000],
      ['customers', 3000],
    ]);
    expect(scan.tables[0]!.columns[0]).toMatchObject({ category: 'cn-mobile', valuesRead: 800 });
  });

  it('reports a database whose tables cannot be listed', async () => {
    const problems: ScanProblem[] = [];
    const source = { ...memorySource([]), listTables: async () => Promise.reject(new Error('permission denied for schema public')) };
    const scan = await scanDatabaseSource(source, { url: 'postgres://h/shop', kind: 'postgres' }, { onProblem: (problem) => problems.push(problem) });
    expect(scan.tables).toEqual([]);
    expect(problems).toEqual([{ path: 'postgres://h/shop', message: 'cannot list the tables: permission denied for schema public; not scanned' }]);
  });
});

describe('scanDatabase', () => {
  it('refuses what is not a database URL, as a problem', async () => {
    const problems: ScanProblem[] = [];
    expect(await scanDatabase('redis://h/0', { onProblem: (problem) => problems.push(problem) })).toBeUndefined();
    expect(problems).toEqual([{ path: 'redis://h/0', message: 'not a postgres://, postgresql://, mysql:// or mariadb:// URL' }]);
  });
});
