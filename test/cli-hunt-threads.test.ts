// `rampart hunt --threads`: the parallel hunt writes exactly what the hunt in one thread writes (the
// detections, the warnings and the summary, timings aside), on the demo data and on SigmaHQ's
// regression data; bad thread counts are refused; an interrupted hunt leaves nothing behind.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli, type CliResult } from './cli-helpers.js';
import { repositoryRoot, reportSkip, sigmaCorpus, sigmaCorpusPresent } from './sigma-corpus.js';

const temporaryFolders: string[] = [];
afterAll(() => {
  for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
});

/** A temporary folder, removed when this file's tests end (the Ctrl-C test writes over 100 MB). */
function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  temporaryFolders.push(folder);
  return folder;
}

/** The summary without what depends on timing (rule load time, speed). */
function summaryWithoutTimings(stderr: string): string {
  return stderr
    .split('\n')
    .map((line) => line.replace(/, in [\d.]+ s$/, '').replace(/^(\s+speed\s+).*$/, '$1…'))
    .join('\n');
}

function expectSameHunt(one: CliResult, two: CliResult): void {
  expect(two.status).toBe(one.status);
  expect(two.stdout).toBe(one.stdout);
  expect(summaryWithoutTimings(two.stderr)).toBe(summaryWithoutTimings(one.stderr));
}

describe('rampart hunt --threads 2 writes what --threads 1 writes', () => {
  beforeAll(ensureBuilt);

  it.each([
    ['timeline, file order', []],
    ['timeline, --sort time', ['--sort', 'time']],
    ['jsonl', ['-f', 'jsonl']],
    ['jsonl, --sort time', ['-f', 'jsonl', '--sort', 'time']],
    ['csv, --min-level high', ['-f', 'csv', '--min-level', 'high']],
  ])('on the demo data: %s', (_name, args) => {
    const one = runCli(['hunt', '--threads', '1', ...args, 'data/demo']);
    const two = runCli(['hunt', '--threads', '2', ...args, 'data/demo']);
    expect(one.status).toBe(0);
    expect(one.stdout.length).toBeGreaterThan(0);
    expectSameHunt(one, two);
  });

  it('with warnings for bad records, in input order', () => {
    const directory = temporaryFolder('rampart-threads-bad-');
    const good = readFileSync(join(repositoryRoot, 'data', 'demo', 'security.jsonl'), 'utf8').trim().split('\n');
    // The first file is the smallest, so it is handed out last: its warnings must still come first.
    writeFileSync(join(directory, 'a.jsonl'), ['not json', good[0], '{"broken": '].join('\n') + '\n');
    writeFileSync(join(directory, 'b.jsonl'), [...good, 'still not json'].join('\n') + '\n');
    const one = runCli(['hunt', '--threads', '1', '-f', 'jsonl', directory]);
    const two = runCli(['hunt', '--threads', '2', '-f', 'jsonl', directory]);
    expect(one.stderr).toMatch(/a\.jsonl:1:[\s\S]*a\.jsonl:3:[\s\S]*b\.jsonl:\d+:/);
    expectSameHunt(one, two);
  });
});

describe.skipIf(!sigmaCorpusPresent)('rampart hunt --threads on SigmaHQ regression data', () => {
  reportSkip('parallel hunt on regression data');
  let files: string[] = [];
  let rules: string[] = [];

  beforeAll(() => {
    ensureBuilt();
    const all: string[] = [];
    const walk = (directory: string): void => {
      for (const name of readdirSync(directory).sort()) {
        const path = join(directory, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.json')) all.push(path);
      }
    };
    // Registry, file, image-load and built-in-log cases against every rule of those kinds: some
    // twenty files of several event kinds, several rules firing per file, and rules that load in
    // seconds in each thread (process_creation alone would triple the load time).
    const kinds = ['registry', 'file', 'image_load', 'builtin'];
    for (const kind of kinds) walk(join(sigmaCorpus, 'regression_data', 'rules', 'windows', kind));
    files = all.filter((_, index) => index % 2 === 0);
    rules = kinds.flatMap((kind) => ['--rules', join(sigmaCorpus, 'rules', 'windows', kind)]);
  });

  it.each([
    ['jsonl, file order', ['-f', 'jsonl']],
    ['timeline, --sort time', ['--sort', 'time']],
  ])('%s: byte-identical output and the same summary', (_name, args) => {
    const one = runCli(['hunt', '--threads', '1', ...rules, ...args, ...files]);
    const two = runCli(['hunt', '--threads', '2', ...rules, ...args, ...files]);
    expect(one.status).toBe(0);
    expect(one.stdout.split('\n').length).toBeGreaterThan(files.length);
    expectSameHunt(one, two);
  });
});

describe('rampart hunt --threads on bad input', () => {
  beforeAll(ensureBuilt);

  it.each(['0', '1.5', 'two', '257'])("refuses --threads '%s' with exit 2", (value) => {
    const result = runCli(['hunt', '--threads', value, 'data/demo']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Bad argument --threads');
    expect(result.stderr).toContain('RAMPART_E_BAD_ARGUMENT');
  });

  it('reports missing rules from the workers as the hunt in one thread does', () => {
    const one = runCli(['hunt', '--threads', '1', '--rules', 'no/such/rules', 'data/demo']);
    const two = runCli(['hunt', '--threads', '2', '--rules', 'no/such/rules', 'data/demo']);
    expect(one.status).toBe(2);
    expect(one.stderr).toContain('RAMPART_E_RULES_NOT_FOUND');
    expectSameHunt(one, two);
  });

  it('stops on Ctrl-C with status 130, no partial output file and no process left', async () => {
    const directory = temporaryFolder('rampart-threads-int-');
    const lines = readFileSync(join(repositoryRoot, 'data', 'demo', 'sysmon.jsonl'), 'utf8');
    // Enough events that the hunt is still running when the signal comes.
    for (const name of ['a', 'b', 'c']) writeFileSync(join(directory, `${name}.jsonl`), lines.repeat(150));
    const output = join(directory, 'out.jsonl');
    const child = spawn(process.execPath, [join(repositoryRoot, 'bin', 'rampart.js'), 'hunt', '--threads', '2', '-f', 'jsonl', '-o', output, directory], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const partial = (): string[] => readdirSync(directory).filter((name) => name.startsWith('out.jsonl.partial-'));
    for (let waited = 0; partial().length === 0 && waited < 60_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(partial()).toHaveLength(1);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(partial()).toEqual([]);
    expect(existsSync(output)).toBe(false);
  });
});
