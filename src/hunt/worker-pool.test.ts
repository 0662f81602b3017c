// The pool's handling of workers that fail, with a fake worker script (test/fixtures/workers): every
// failure names the file, ends the hunt with the right error, and leaves no worker running.
import { describe, expect, it } from 'vitest';
import { isRampartError } from '../core/errors.js';
import type { FileBatch, WorkerSettings } from './worker-messages.js';
import { HuntPool } from './worker-pool.js';

const FAKE_WORKER = new URL('../../test/fixtures/workers/fake-hunt-worker.js', import.meta.url);

function start(behaviour: string, threads = 2): Promise<HuntPool> {
  const settings = { ruleSet: { rulePaths: [] }, filters: {}, reading: {}, problemsPerFile: 20, behaviour } as WorkerSettings;
  return HuntPool.start({ threads, settings, workerScript: FAKE_WORKER });
}

const files = ['a.json', 'b.json', 'bad.json', 'c.json'].map((path) => ({ path, bytes: 100 }));

async function huntExpectingFailure(behaviour: string): Promise<Error> {
  const pool = await start(behaviour);
  try {
    await pool.hunt(files, () => undefined);
  } catch (error) {
    return error as Error;
  } finally {
    await pool.close();
  }
  throw new Error('the hunt did not fail');
}

describe('HuntPool', () => {
  it('hunts every file once and reports the rules of the first worker', async () => {
    const pool = await start('ok');
    const seen: FileBatch[] = [];
    try {
      expect(pool.rules.ruleCount).toBe(1);
      await pool.hunt(files.filter((file) => !file.path.includes('bad')), (batch) => seen.push(batch));
    } finally {
      await pool.close();
    }
    expect(seen.map((batch) => batch.index).sort()).toEqual([0, 1, 2]);
    // Each worker described its rule once; every detection has it back, by the numbers of its worker.
    expect(seen.flatMap((batch) => batch.detections.map((detection) => detection.rule.title))).toEqual(['fake rule', 'fake rule', 'fake rule']);
  });

  it.each([
    // After an uncaught error or an exit, both files the worker held are named: its error may be
    // reported before the batch of the first (b.json, when the other worker is slower to start).
    ['throw', /^Internal error: a worker thread failed while hunting (?:bad\.json|bad\.json or the file it held next, c\.json|b\.json or the file it held next, bad\.json): boom in a worker$/],
    ['failed-message', /^Internal error: a worker thread failed while hunting bad\.json: reader exploded$/],
    ['exit', /^Internal error: a worker thread stopped unexpectedly \(exit code 7\) while hunting (?:bad\.json|bad\.json or the file it held next, c\.json|b\.json or the file it held next, bad\.json)$/],
  ])('a worker that fails (%s) ends the hunt with an internal error naming the file', async (behaviour, message) => {
    const error = await huntExpectingFailure(behaviour);
    expect(isRampartError(error) && error.code).toBe('RAMPART_E_INTERNAL');
    expect(isRampartError(error) && error.exitCode).toBe(3);
    expect(error.message).toMatch(message);
  });

  it('passes on a user error from loading the rules as it was', async () => {
    const error = await start('load-rampart-error').then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(isRampartError(error) && error.code).toBe('RAMPART_E_RULES_NOT_FOUND');
    expect((error as Error).message).toBe('Rules not found: nowhere');
  });

  it('reports a worker that throws while loading the rules', async () => {
    await expect(start('load-throw')).rejects.toThrow(/a worker thread failed while loading rules: broken while loading/);
  });

  it('terminates a worker that never answers when closed, and rejects the abandoned hunt', async () => {
    const pool = await start('hang', 1);
    const abandoned = expect(pool.hunt(files.slice(2, 3), () => undefined)).rejects.toThrow(/stopped before it finished/);
    await pool.close();
    await abandoned;
  });
});
