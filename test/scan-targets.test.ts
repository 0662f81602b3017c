// scanTargets over a mix of a file and databases that cannot be scanned: a server not listening, a
// database that does not exist on the local PostgreSQL and MariaDB servers, wrong credentials. Each is a
// problem naming its URL (password masked) and the file is still scanned.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanTargets } from '../src/datasec/scan/scan-targets.js';
import { MYSQL_ADMIN_URL, POSTGRES_ADMIN_URL } from './databases.js';

const withPath = (url: string, path: string, password?: string): string => {
  const parsed = new URL(url);
  parsed.pathname = path;
  if (password !== undefined) parsed.password = password;
  return parsed.toString();
};

describe('scanTargets', () => {
  it('reports unreachable and unknown databases as problems and scans the file all the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-scan-targets-'));
    const file = join(dir, 'contacts.txt');
    writeFileSync(file, '手机 13812345678\n');
    const missingPostgres = withPath(POSTGRES_ADMIN_URL, '/rampart_no_such_database');
    const missingMysql = withPath(MYSQL_ADMIN_URL, '/rampart_no_such_database');
    const wrongPassword = withPath(MYSQL_ADMIN_URL, '/test', 'Wrong-Pa55');
    const seen: string[] = [];
    const report = await scanTargets([file, 'postgres://rampart:S3cret@127.0.0.1:1/crm', missingPostgres, missingMysql, wrongPassword], { onProblem: (problem) => seen.push(problem.path) });
    expect(report.files.map((scanned) => scanned.path)).toEqual([file]);
    expect(report.totals).toEqual([expect.objectContaining({ category: 'cn-mobile', count: 1 })]);
    expect(report.databases).toEqual([]);
    expect(report.problems.map((problem) => problem.path)).toEqual(['postgres://rampart:***@127.0.0.1:1/crm', missingPostgres, missingMysql, wrongPassword.replace('Wrong-Pa55', '***')]);
    expect(seen).toEqual(report.problems.map((problem) => problem.path));
    const [refused, noPostgres, noMysql, denied] = report.problems.map((problem) => problem.message);
    expect(refused).toBe('cannot connect: connection refused (127.0.0.1:1): is the server running, on that host and port?; not scanned');
    expect(noPostgres).toContain('database "rampart_no_such_database" does not exist');
    expect(noMysql).toMatch(/Unknown database 'rampart_no_such_database'|Access denied/);
    expect(denied).toContain('Access denied');
    expect(JSON.stringify(report)).not.toMatch(/S3cret|Wrong-Pa55/);
  }, 60_000);
});
