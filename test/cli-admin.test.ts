// The set-up commands as an administrator runs them against a data directory: organisations, a user
// with a password from standard input, a token, and `rampart audit verify` before and after someone
// edits the audit log behind Rampart's back (exit status 4, the row named).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/open-database.js';
import { authenticateToken } from '../src/store/users.js';
import { ensureBuilt } from './cli-helpers.js';
import { repositoryRoot } from './sigma-corpus.js';

const folder = mkdtempSync(path.join(tmpdir(), 'rampart-admin-'));
const dataDirectory = path.join(folder, 'db');

function rampart(args: string[], input?: string): { status: number; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, RAMPART_DATA_DIR: dataDirectory, NO_COLOR: '1' };
  delete env.DATABASE_URL;
  const result = spawnSync(process.execPath, [path.join(repositoryRoot, 'bin', 'rampart.js'), ...args], { env, input, encoding: 'utf8' });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe('rampart org, user, token and audit verify', () => {
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('sets up a hub, an operator, a user and a token, then verifies the audit chain', async () => {
    ensureBuilt();
    expect(rampart(['org', 'add', 'Hub', '--hub']).stdout).toMatch(/^added hub 'Hub'/);
    expect(rampart(['org', 'add', 'Bank', '--reports-to', 'Hub', '--cii', '--mlps', '3']).status).toBe(0);
    expect(rampart(['org', 'add', 'Orphan']).stderr).toContain('an operator needs --reports-to');
    expect(rampart(['org', 'add', 'Bad', '--reports-to', 'Hub', '--mlps', '9']).stderr).toContain("'9' is not a level from 1 to 5");
    expect(rampart(['user', 'add', 'li', '--org', 'Bank', '--role', 'analyst', '--password-stdin'], 'short\n').stderr).toContain('at least 12 characters');
    expect(rampart(['user', 'add', 'li', '--org', 'Bank', '--role', 'analyst', '--password-stdin'], 'a long enough password\n').stdout).toContain("added analyst 'li' to 'Bank'");
    const token = rampart(['token', 'create', 'li']).stdout.trim();
    expect(token).toMatch(/^rmp_[A-Za-z0-9_-]{43}$/);
    const verified = rampart(['audit', 'verify']);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toMatch(/audit log intact: 4 row\(s\), chain head [0-9a-f]{64}/);

    const db = await openDatabase({ dataDirectory });
    try {
      expect((await authenticateToken(db, token))?.user.username).toBe('li');
      await db.execScript('DROP TRIGGER audit_log_append_only ON audit_log');
      await db.query(`UPDATE audit_log SET actor = 'cli:someone-else' WHERE seq = 3`);
    } finally {
      await db.close();
    }
    const tampered = rampart(['audit', 'verify']);
    expect(tampered.status).toBe(4);
    expect(tampered.stderr).toContain('row 3 (user.create by cli:someone-else) was edited');
    expect(tampered.stderr).toContain('RAMPART_E_AUDIT_TAMPERED');
  }, 120_000);
});
