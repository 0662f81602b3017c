// The database scan against the local PostgreSQL server: a fresh database per run, one table of a
// million rows seeded from test/personal-data-table.ts (COPY FROM STDIN, streamed a batch at a time,
// into an UNLOGGED table: nothing here needs to survive a crash, and the write-ahead log would double
// the seeding time), scanned in full. RAMPART_TEST_POSTGRES_URL names the server, as for the store tests.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanDatabase } from '../src/datasec/scan/scan-database.js';
import { POSTGRES_ADMIN_URL, scratchDatabase, withPostgresClient } from './databases.js';
import { SEEDED_COLUMNS, SEEDED_TABLE, expectSeededVerdicts, seededLines, type ColumnTruth } from './personal-data-table.js';

const { name, url } = scratchDatabase(POSTGRES_ADMIN_URL, 'rampart_scan');
const truth = new Map<string, ColumnTruth>();

beforeAll(async () => {
  const started = Date.now();
  await withPostgresClient(POSTGRES_ADMIN_URL, (client) => client.query(`CREATE DATABASE ${name}`));
  await withPostgresClient(url, async (client) => {
    const columns = SEEDED_COLUMNS.map((column) => `"${column.name}" ${column.postgresType}`).join(', ');
    await client.query(`CREATE UNLOGGED TABLE ${SEEDED_TABLE} (id bigint, ${columns})`);
    // A second schema and a table without personal data: listed and sampled, nothing flagged.
    await client.query(`CREATE SCHEMA archive; CREATE TABLE archive.settings (key text, value text); INSERT INTO archive.settings VALUES ('theme', 'dark'), ('build', '10.0.19045.1')`);
    await pipeline(Readable.from(seededLines(20_000, truth)), client.query(copyFrom(`COPY ${SEEDED_TABLE} FROM STDIN`)));
  });
  console.log(`seeded ${name}.${SEEDED_TABLE} (1,000,000 rows) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}, 300_000);

afterAll(async () => {
  await withPostgresClient(POSTGRES_ADMIN_URL, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
});

describe('scanDatabase on PostgreSQL', () => {
  it('finds every seeded personal column of a million-row table, and no noise column', async () => {
    const started = Date.now();
    const problems: unknown[] = [];
    const phases = new Set<string>();
    const scan = await scanDatabase(url, { onProblem: (problem) => problems.push(problem), onProgress: (progress) => phases.add(progress.phase) });
    console.log(`scanned ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(problems).toEqual([]);
    expect(scan?.kind).toBe('postgres');
    expect([...phases]).toEqual(['sampling', 'confirming']);
    expect(scan!.tables.map((table) => table.location).sort()).toEqual([`${name}.archive.settings`, `${name}.public.${SEEDED_TABLE}`]);
    expect(scan!.tables.find((table) => table.table === 'settings')!.columns.every((column) => column.category === undefined)).toBe(true);
    expectSeededVerdicts(
      scan!.tables.find((table) => table.table === SEEDED_TABLE),
      truth,
    );
    // The id column (bigint) is scanned and holds nothing; date-free types are not listed.
    expect(scan!.tables.find((table) => table.table === SEEDED_TABLE)!.columns.map((column) => column.column)).toEqual(['id', ...SEEDED_COLUMNS.map((column) => column.name)]);
  }, 300_000);
});
