// `rampart data scan` end to end through the built command: a UTF-8 CSV with a header, a GBK text file,
// a UTF-16 file, a binary file and a 20 MB single-line file, in one temporary folder; and database URLs
// with passwords, which are never printed.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskedLong, residentIdFor } from './identifiers.js';
import { ensureBuilt, runCli } from './cli-helpers.js';
import { MYSQL_ADMIN_URL, POSTGRES_ADMIN_URL } from './databases.js';
import { buildDocx, buildXlsx } from './office-builder.js';

const residentId = residentIdFor;
const masked = maskedLong;

const ID_1 = residentId(11);
const ID_2 = residentId(23);
const ID_3 = residentId(35);
const ID_LONG = residentId(47);
const RAW_VALUES = [ID_1, ID_2, ID_3, ID_LONG, '13812345678', '13987654321', '13711112222', '13622223333', '13533334444', 'wang.wu@example.com', 'chen.liu@example.org'];

const dir = mkdtempSync(join(tmpdir(), 'rampart-cli-data-scan-'));

beforeAll(() => {
  ensureBuilt();
  writeFileSync(join(dir, 'people.csv'), `name,身份证号,手机,notes\n张三,${ID_1},13812345678,"lives in 深圳, mail wang.wu@example.com"\n李四,${ID_2},13987654321,\n王五,${ID_1},,none\n`);
  // "手机：" in GBK (手 CAD6, 机 BBFA, full-width colon A3BA), then the number, then "身份证：" (身 C9ED, 份 B7DD, 证 D6A4).
  writeFileSync(join(dir, 'gbk.txt'), Buffer.concat([Buffer.from('cad6bbfaa3ba', 'hex'), Buffer.from('13711112222\n'), Buffer.from('c9edb7ddd6a4a3ba', 'hex'), Buffer.from(`${ID_3}\n`)]));
  writeFileSync(join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('联系电话 13622223333\r\n', 'utf16le')]));
  writeFileSync(join(dir, 'image.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  const filler = 'abc def '.repeat(1024 * 1024); // 8 MiB of text without a newline
  writeFileSync(join(dir, 'one-line.log'), `${filler}身份证 ${ID_LONG} ${filler}手机 13533334444 ${filler.slice(0, 4 * 1024 * 1024)} mail chen.liu@example.org`);
});

describe('rampart data scan', () => {
  it('reports findings per file and CSV column, masked, with totals, as JSON', () => {
    const result = runCli(['data', 'scan', '--format', 'json', dir]);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    const file = (name: string) => report.files.find((scanned: { path: string }) => scanned.path === join(dir, name));

    const csv = file('people.csv');
    expect(csv.encoding).toBe('utf-8');
    expect(csv.groups.map((group: { column: string; categories: { category: string; count: number; individuals: number }[] }) => [group.column, group.categories.map((tally) => [tally.category, tally.count, tally.individuals])])).toEqual([
      ['身份证号', [['cn-resident-id', 3, 2]]],
      ['手机', [['cn-mobile', 2, 2]]],
      ['notes', [['email', 1, 1]]],
    ]);
    expect(csv.groups[0].categories[0].samples).toEqual([
      { masked: masked(ID_1), location: `${join(dir, 'people.csv')}:2 (身份证号)` },
      { masked: masked(ID_2), location: `${join(dir, 'people.csv')}:3 (身份证号)` },
    ]);
    expect(csv.groups[2].categories[0].samples[0].masked).toBe('w***@example.com');

    expect(file('gbk.txt')).toMatchObject({ encoding: 'gb18030', groups: [{ categories: expect.arrayContaining([expect.objectContaining({ category: 'cn-mobile', count: 1, samples: [{ masked: '137******22', location: `${join(dir, 'gbk.txt')}:1` }] }), expect.objectContaining({ category: 'cn-resident-id', count: 1 })]) }] });
    expect(file('utf16.txt')).toMatchObject({ encoding: 'utf-16le', groups: [{ categories: [{ category: 'cn-mobile', count: 1, samples: [{ masked: '136******33' }] }] }] });

    const long = file('one-line.log');
    expect(long.lines).toBe(1);
    expect(long.groups[0].categories.map((tally: { category: string; count: number }) => [tally.category, tally.count]).sort()).toEqual([
      ['cn-mobile', 1],
      ['cn-resident-id', 1],
      ['email', 1],
    ]);

    expect(report.totals.find((tally: { category: string }) => tally.category === 'cn-resident-id')).toMatchObject({ count: 5, individuals: 4 });
    expect(report.totals.find((tally: { category: string }) => tally.category === 'cn-mobile')).toMatchObject({ count: 5, individuals: 5 });
    expect(report.problems).toEqual([{ path: join(dir, 'image.bin'), message: 'binary (NUL byte at offset 8), not scanned' }]);
    expect(report.filesScanned).toBe(4);
    expect(result.stderr).toContain(`warning: ${join(dir, 'image.bin')}: binary (NUL byte at offset 8), not scanned`);
    for (const raw of RAW_VALUES) expect(result.stdout + result.stderr).not.toContain(raw);
  }, 60_000);

  it('prints a table by default, and writes the report to a file with -o', () => {
    const output = join(dir, 'report.txt');
    const result = runCli(['data', 'scan', '-o', output, join(dir, 'people.csv'), join(dir, 'image.bin')]);
    expect(result.status).toBe(0);
    const table = readFileSync(output, 'utf8');
    expect(table).toContain('Scanned 1 file');
    expect(table).toMatch(/column 身份证号\n {4}cn-resident-id +3 found +2 individuals {2}440\*+\d\w, 440\*+\w\w\n/);
    expect(table).toContain('Problems');
    for (const raw of RAW_VALUES) expect(table).not.toContain(raw);
  });

  it('writes a self-contained HTML page with -o, workbooks and Word documents included, every name escaped', async () => {
    const office = mkdtempSync(join(tmpdir(), 'rampart-cli-data-scan-office-'));
    const workbook = join(office, '<script>alert(1)<!--.xlsx');
    writeFileSync(workbook, await buildXlsx([{ name: 'Sheet1', rows: [['身份证号', '<b>手机</b>'], [ID_1, { raw: '1.3812345678E10' }]] }]));
    writeFileSync(join(office, 'letter.docx'), await buildDocx([{ table: [['邮箱'], ['wang.wu@example.com']] }]));
    writeFileSync(join(office, 'fake.docx'), 'plain text 13987654321\n');
    const output = join(office, 'report.html');
    const result = runCli(['data', 'scan', '--format', 'html', '-o', output, office]);
    expect(result.status).toBe(0);
    const html = readFileSync(output, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<b>/);
    expect(html).toContain(`${join(office, '&lt;script&gt;alert(1)&lt;!--.xlsx')}:Sheet1!B2`);
    expect(html).toContain('<td>Sheet1</td><td>&lt;b&gt;手机&lt;/b&gt;</td><td>cn-mobile</td>');
    expect(html).toContain(`${join(office, 'letter.docx')}:paragraph 2 (table 1, row 2, cell 1)`);
    expect(html).toContain('named .docx but not a zip archive (no zip signature): scanned as text instead');
    for (const raw of RAW_VALUES) expect(html).not.toContain(raw);
    expect(result.stderr).toContain(`warning: ${join(office, 'fake.docx')}: named .docx`);
    const table = runCli(['data', 'scan', workbook]).stdout;
    expect(table).toContain('(xlsx, 2 rows)');
    expect(table).toContain('  sheet Sheet1, column 身份证号\n');
  }, 60_000);

  it('names a missing path and a bad option, exit code 2', () => {
    const missing = runCli(['data', 'scan', join(dir, 'nope')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Input not found');
    const badScore = runCli(['data', 'scan', '--min-score', 'high', dir]);
    expect(badScore.status).toBe(2);
    expect(badScore.stderr).toContain('--min-score');
  });
});

describe('rampart data scan of databases', () => {
  const name = `rampart_cli_scan_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string, url = POSTGRES_ADMIN_URL) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const withPassword = (url: string, database: string, password: string) => {
    const parsed = new URL(url);
    parsed.pathname = `/${database}`;
    parsed.password = password;
    return parsed.toString();
  };
  // The local server trusts local connections, so the password is sent in the URL and ignored.
  const postgresUrl = withPassword(POSTGRES_ADMIN_URL, name, 'TopS3cret-pg');
  const mysqlUrl = withPassword(MYSQL_ADMIN_URL, 'test', 'TopS3cret-my');

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name}`);
    const rows = Array.from({ length: 40 }, (_, i) => `(${i}, '${residentId(100 + i)}', 'note ${i}')`).join(', ');
    await admin(`CREATE TABLE people (id int, 身份证号 varchar(18), note text); INSERT INTO people VALUES ${rows}`, withPassword(POSTGRES_ADMIN_URL, name, ''));
  });
  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('reports a section per database with a line per flagged column, and never prints a password', () => {
    const table = runCli(['data', 'scan', postgresUrl, mysqlUrl, 'mariadb://scanner:TopS3cret-x@127.0.0.1:1/shop', join(dir, 'people.csv')]);
    expect(table.status).toBe(0);
    const maskedPostgres = postgresUrl.replace('TopS3cret-pg', '***');
    expect(table.stdout).toContain('Scanned 1 file');
    expect(table.stdout).toContain('; 1 database, 2 columns: 1 with personal data, 2 problems.');
    expect(table.stdout).toContain(`${maskedPostgres}  (1 table, 2 columns scanned, 1 with personal data, 40 rows read)`);
    expect(table.stdout).toMatch(new RegExp(`\\n  ${name}\\.public\\.people\\.身份证号\\n    cn-resident-id +40 found +40 individuals  440\\*+\\w\\w, .*\\(100\\.0 % of 40 values\\)\\n`));
    expect(table.stderr).toContain(`warning: ${mysqlUrl.replace('TopS3cret-my', '***')}: cannot connect: Access denied`);
    expect(table.stderr).toContain('warning: mariadb://scanner:***@127.0.0.1:1/shop: cannot connect: connection refused');

    const json = runCli(['data', 'scan', '--format', 'json', '--sample-size', '10', postgresUrl, mysqlUrl]);
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.databases).toHaveLength(1);
    expect(report.databases[0]).toMatchObject({ url: maskedPostgres, kind: 'postgres', columnsScanned: 2, columnsFlagged: 1, rowsRead: 40 });
    expect(report.databases[0].tables[0].columns[0]).toMatchObject({ column: '身份证号', sampled: 10, category: 'cn-resident-id' });
    expect(report.totals).toEqual([expect.objectContaining({ category: 'cn-resident-id', count: 40, individuals: 40 })]);

    for (const output of [table.stdout, table.stderr, json.stdout, json.stderr]) {
      expect(output).not.toMatch(/TopS3cret/);
      for (let i = 0; i < 40; i++) expect(output).not.toContain(residentId(100 + i));
    }
  }, 60_000);

  it('names a bad --sample-size or --max-rows, exit code 2', () => {
    const result = runCli(['data', 'scan', '--max-rows', '0', postgresUrl]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--max-rows');
    expect(result.stderr).not.toContain('TopS3cret');
  });
});
