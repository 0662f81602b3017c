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
writeFileSync(hook, "process.stderr.write(`node started with ${JSON.stringify([...process.execArgv.filter((arg) => arg.startsWith('--max-')), `malloc threshold ${process.env.MALLOC_MMAP_THRESHOLD_}`])}\\n`);\n");

/** The memory settings of each Node process the command ran in, in start order. */
function startsOf(command: string, args: string[], env: NodeJS.ProcessEnv = {}): string[][] {
  const result = spawnSync(command, [...args, 'hunt', '--help'], { env: { ...process.env, ...env, NODE_OPTIONS: `--import=${hook}` }, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return [...result.stderr.matchAll(/^node started with (.*)$/gm)].map((match) => JSON.parse(match[1]) as string[]);
}

describe('the rampart launcher', () => {
  ensureBuilt();
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const settings = (heapMb: number): string[] => [`--max-old-space-size=${heapMb}`, '--max-semi-space-size=8', 'malloc threshold 1048576'];

  it('runs as `rampart` in one start of Node, with the settings of its first line: those of heap-limit.js', async () => {
    const limits = (await import(join(repositoryRoot, 'bin', 'heap-limit.js'))) as { DEFAULT_HEAP_MB: number; SEMI_SPACE_MB: number; MALLOC_ENV: Record<string, string> };
    const [variable, value] = Object.entries(limits.MALLOC_ENV)[0];
    expect(readFileSync(launcher, 'utf8').split('\n')[0]).toBe(`#!/usr/bin/env -S ${variable}=${value} node --max-old-space-size=${limits.DEFAULT_HEAP_MB} --max-semi-space-size=${limits.SEMI_SPACE_MB}`);
    expect(startsOf(launcher, [])).toEqual([settings(limits.DEFAULT_HEAP_MB)]);
  });

  it('re-runs itself with the settings when started without them, or when RAMPART_MAX_HEAP_MB asks for another cap', () => {
    expect(startsOf(process.execPath, [launcher])).toEqual([['malloc threshold undefined'], settings(192)]);
    expect(startsOf(launcher, [], { RAMPART_MAX_HEAP_MB: '300' })).toEqual([settings(192), settings(300)]);
  });

  it('keeps a semi-space size and a malloc threshold given by hand', () => {
    expect(startsOf(process.execPath, ['--max-semi-space-size=16', launcher], { MALLOC_MMAP_THRESHOLD_: '65536' })).toEqual([
      ['--max-semi-space-size=16', 'malloc threshold 65536'],
      ['--max-old-space-size=192', '--max-semi-space-size=16', 'malloc threshold 65536'],
    ]);
  });
});
