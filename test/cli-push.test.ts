// `rampart hunt --push`: the hunt's detections reach a running server as alerts, once however often
// the hunt is pushed; a refused token fails the command (exit 2) after the normal output was written.
import { describe, expect, it } from 'vitest';
import { demoDataDirectory } from '../src/hunt/package-paths.js';
import { runCliAsync } from './cli-helpers.js';
import { servedWorld } from './server-fixture.js';

const hunt = (args: string[], env: NodeJS.ProcessEnv = process.env) => runCliAsync(['hunt', '--no-progress', ...args], env);

describe('rampart hunt --push', () => {
  const served = servedWorld();

  it('stores the detections as alerts, once however often the hunt is pushed', async () => {
    const token = served.world.members['bank.analyst'].token;
    const first = await hunt(['--push', served.url, '--token', token, '-f', 'jsonl', demoDataDirectory()]);
    expect(first.status, first.stderr).toBe(0);
    const detections = first.stdout.trim().split('\n').length;
    expect(detections).toBe(19);
    const count = async (): Promise<number> => (await served.world.db.query<{ n: number }>("SELECT count(*) AS n FROM alerts WHERE source = 'hunt'"))[0].n;
    expect(await count()).toBe(19);
    expect((await hunt(['--push', served.url, '--token', token, '-f', 'jsonl', demoDataDirectory()])).status).toBe(0);
    expect(await count()).toBe(19);
  });

  it('fails with the server\'s reason when the token is refused, after writing the output', async () => {
    const result = await hunt(['--push', served.url, '--token', 'rmp_nonsense', '-f', 'jsonl', demoDataDirectory()]);
    expect(result.status).toBe(2);
    expect(result.stdout.trim().split('\n')).toHaveLength(19);
    expect(result.stderr).toContain('RAMPART_E_PUSH_FAILED');
    expect(result.stderr).toContain('the token is unknown, revoked');
  });

  it('refuses to start without a token or with a URL that is not one', async () => {
    const env = { ...process.env };
    delete process.env.RAMPART_TOKEN;
    try {
      expect((await hunt(['--push', served.url, demoDataDirectory()])).stderr).toContain('needs an API token');
      expect((await hunt(['--push', 'ftp://x', '--token', 't', demoDataDirectory()])).stderr).toContain('is not an http(s) URL');
    } finally {
      process.env = env;
    }
  });
});
