import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('./check-dependency-direction.js', import.meta.url));
const roots: string[] = [];

/** A throwaway repository root whose src/ holds `files` (path under src/ → content). */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'rampart-deps-'));
  roots.push(root);
  for (const [file, content] of Object.entries(files)) {
    const full = path.join(root, 'src', file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

function check(root: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [SCRIPT, root], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const CLEAN = {
  'core/event.ts': "export interface LogEvent { fields: Record<string, unknown> }\n",
  'sigma/compile/match.ts': [
    "import type { LogEvent } from '../../core/event.js';",
    "import { readFileSync } from 'node:fs';",
    '// import { job } from "../../hunt/job.js";   (a comment, not an import)',
    "const slashes = 'http://example.test/../hunt/x.js';",
    "const quote = /['\"]/;",
    'export const probe = (event: LogEvent): boolean => quote.test(slashes) && readFileSync !== undefined && event !== undefined;',
    '',
  ].join('\n'),
  'logs/json.ts': "export * from '../core/event.js';\n",
  'hunt/job.ts': [
    'import {',
    '  probe,',
    "} from '../sigma/compile/match.js';",
    "import type { LogEvent } from '../core/event.js';",
    'export const run = (event: LogEvent): boolean => probe(event);',
    '',
  ].join('\n'),
  'cli/main.ts': "import { run } from '../hunt/job.js';\nexport const lazy = () => import('../logs/json.js');\nexport { run };\n",
};

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('check-dependency-direction', () => {
  it('passes a tree that follows the dependency direction', () => {
    const result = check(tree(CLEAN));
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('dependency direction: 5 files checked, 0 violations');
    expect(result.status).toBe(0);
  });

  it('fails an import against the direction, naming the file, line and rule', () => {
    const result = check(
      tree({
        ...CLEAN,
        'sigma/compile/report.ts': "// Reports.\nimport type { LogEvent } from '../../core/event.js';\nimport { run } from '../../hunt/job.js';\nexport { run };\nexport type { LogEvent };\n",
      }),
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("src/sigma/compile/report.ts:3: sigma may not import hunt ('../../hunt/job.js')");
    expect(result.stderr).not.toContain('report.ts:2');
    expect(result.stdout).toContain('6 files checked, 1 violation');
  });

  it('fails re-exports and dynamic imports too', () => {
    const result = check(tree({ ...CLEAN, 'core/all.ts': "export * from '../logs/json.js';\nexport const later = () => import('../cli/main.js');\n" }));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('src/core/all.ts:1: core may not import logs');
    expect(result.stderr).toContain('src/core/all.ts:2: core may not import cli');
  });

  it('keeps sigma and logs free of network and database packages', () => {
    const result = check(tree({ ...CLEAN, 'logs/remote.ts': "import net from 'node:net';\nimport { connect } from '@nats-io/transport-node';\nexport { net, connect };\n" }));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("src/logs/remote.ts:1: logs must stay pure (no network, database or server) but imports 'node:net'");
    expect(result.stderr).toContain("src/logs/remote.ts:2: logs must stay pure (no network, database or server) but imports '@nats-io/transport-node'");
  });

  it('lets the server import anything but the CLI', () => {
    const ok = check(tree({ ...CLEAN, 'server/app.ts': "import { run } from '../hunt/job.js';\nexport { run };\n" }));
    expect(ok.status).toBe(0);
    const bad = check(tree({ ...CLEAN, 'server/app.ts': "import { run } from '../cli/main.js';\nexport { run };\n" }));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('src/server/app.ts:1: server may not import cli');
  });

  it('fails a folder missing from the table', () => {
    const result = check(tree({ ...CLEAN, 'misc/util.ts': 'export const util = 1;\n' }));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('src/misc/ is not in the dependency table');
  });
});
