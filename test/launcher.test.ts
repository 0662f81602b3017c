// bin/rampart.js starts the command with the heap cap: set by its first line when run as `rampart`
// (one start of Node), by re-running itself when run as `node bin/rampart.js` or when
// RAMPART_MAX_HEAP_MB asks for another cap.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './cli-helpers.js';
import { repositoryRoot } from './sigma-corpus.js';

const launcher = join(repositoryRoot, 'bin', 'rampart.js');
const folder = mkdtempSync(join(tmpdir(), 'rampart-launcher-'));
// Loaded into every Node process the launcher starts: says how that process was started.
const hook = join(folder, 'say-flags.mjs');
writeFileSync(hook, "process.stderr.write(`node started with ${JSON.stringify(process.execArgv.filter((arg) => arg.startsWith('--max-old')))}\\n`);\n");

/** The heap flags of each Node process the command ran in, in start order. */
function startsOf(command: string, args: string[], env: NodeJS.ProcessEnv = {}): string[][] {
  const result = spawnSync(command, [...args, 'hunt', '--help'], { env: { ...process.env, ...env, NODE_OPTIONS: `--import=${hook}` }, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return [...result.stderr.matchAll(/^node started with (.*)$/gm)].map((match) => JSON.parse(match[1]) as string[]);
}

describe('the rampart launcher', () => {
  ensureBuilt();
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('runs as `rampart` in one start of Node, with the cap of its first line: the default', async () => {
    const { DEFAULT_HEAP_MB } = (await import(join(repositoryRoot, 'bin', 'heap-limit.js'))) as { DEFAULT_HEAP_MB: number };
    expect(readFileSync(launcher, 'utf8').split('\n')[0]).toBe(`#!/usr/bin/env -S node --max-old-space-size=${DEFAULT_HEAP_MB}`);
    expect(startsOf(launcher, [])).toEqual([[`--max-old-space-size=${DEFAULT_HEAP_MB}`]]);
  });

  it('re-runs itself with the cap when started without one, or when RAMPART_MAX_HEAP_MB asks for another', () => {
    expect(startsOf(process.execPath, [launcher])).toEqual([[], ['--max-old-space-size=192']]);
    expect(startsOf(launcher, [], { RAMPART_MAX_HEAP_MB: '300' })).toEqual([['--max-old-space-size=192'], ['--max-old-space-size=300']]);
  });
});
