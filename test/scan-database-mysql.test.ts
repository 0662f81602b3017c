// The database scan against the local MariaDB (or MySQL) server: a fresh database with a random name,
// one table of a million rows seeded from test/personal-data-table.ts (LOAD DATA LOCAL INFILE, the rows
// streamed from the generator a batch at a time), scanned in full, then dropped.
// RAMPART_TEST_MYSQL_URL names the server (default: the local one as CI runs it, root without password).
import { Readable } from 'node:stream';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanDatabase } from '../src/datasec/scan/scan-database.js';
import { MYSQL_ADMIN_URL, scratchDatabase } from './databases.js';
import { SEEDED_COLUMNS, SEEDED_TABLE, expectSeededVerdicts, seededLines, type ColumnTruth } from './personal-data-table.js';

const { name, url } = scratchDatabase(MYSQL_ADMIN_URL, 'rampart_scan');
const truth = new Map<string, ColumnTruth>();

beforeAll(async () => {
  const started = Date.now();
  const connection = await mysql.createConnection({ uri: MYSQL_ADMIN_URL, infileStreamFactory: () => Readable.from(seededLines(20_000, truth)) });
  try {
    await connection.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4`);
    await connection.query(`USE ${name}`);
    const columns = SEEDED_COLUMNS.map((column) => `\`${column.name}\` ${column.mysqlType}`).join(', ');
    await connection.query(`CREATE TABLE ${SEEDED_TABLE} (id bigint, ${columns}) CHARACTER SET utf8mb4`);
    // A second table without personal data: listed and sampled, nothing flagged.
    await connection.query('CREATE TABLE settings (`key` varchar(40), value text)');
    await connection.query(`INSERT INTO settings VALUES ('theme', 'dark'), ('build', '10.0.19045.1')`);
    await connection.query(`LOAD DATA LOCAL INFILE 'seeded-rows' INTO TABLE ${SEEDED_TABLE} CHARACTER SET utf8mb4`);
  } finally {
    await connection.end();
  }
  console.log(`seeded ${name}.${SEEDED_TABLE} (1,000,000 rows) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}, 300_000);

afterAll(async () => {
  const connection = await mysql.createConnection({ uri: MYSQL_ADMIN_URL });
  await connection.query(`DROP DATABASE IF EXISTS ${name}`);
  await connection.end();
});

describe('scanDatabase on MariaDB', () => {
  it('finds every seeded personal column of a million-row table, and no noise column', async () => {
    const started = Date.now();
    const problems: unknown[] = [];
    const scan = await scanDatabase(url, { onProblem: (problem) => problems.push(problem) });
    console.log(`scanned ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(problems).toEqual([]);
    expect(scan?.kind).toBe('mysql');
    expect(scan!.tables.map((table) => table.location)).toEqual([`${name}.${SEEDED_TABLE}`, `${name}.settings`]);
    expect(scan!.tables[1]!.columns.every((column) => column.category === undefined)).toBe(true);
    expectSeededVerdicts(scan!.tables[0], truth);
    expect(scan!.tables[0]!.columns.map((column) => column.column)).toEqual(['id', ...SEEDED_COLUMNS.map((column) => column.name)]);
  }, 300_000);
});
