// `rampart data scan --catalog`: the demo's personal-data files reach a running server's data catalog as
// assets — their categories and counts only, never a value — once however often the scan is sent; a
// refused token fails the command (exit 2) after the report was written; bad options are refused first.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoDataDirectory } from '../src/hunt/package-paths.js';
import { runCliAsync } from './cli-helpers.js';
import { servedWorld } from './server-fixture.js';

const PERSONAL_DATA = path.join(demoDataDirectory(), 'personal-data');
const scan = (args: string[], env: NodeJS.ProcessEnv = process.env) => runCliAsync(['data', 'scan', '--no-progress', ...args], env);

describe('rampart data scan --catalog', () => {
  const served = servedWorld();

  it('records each file with personal data as an asset, once however often it is sent, with no value in the catalog', async () => {
    const token = served.world.members['bank.analyst'].token;
    const first = await scan(['--catalog', served.url, '--token', token, '--system', 'Demo share', '--owner', 'Data protection office', '--format', 'json', PERSONAL_DATA]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain('catalog: 3 new assets, 0 updated, 0 unchanged');
    const assets = await served.world.db.query<{ location: string; categories: string[]; individuals: number; system: string; owner: string }>('SELECT location, categories, individuals, system, owner FROM data_assets WHERE organisation_id = $1 ORDER BY location', [served.world.bank.id]);
    expect(assets.map((asset) => [path.basename(asset.location), asset.categories, asset.system, asset.owner])).toEqual([
      ['access.log', ['email', 'ipv4', 'ipv6'], 'Demo share', 'Data protection office'],
      ['customers.csv', ['bank-card', 'cn-mobile', 'cn-resident-id', 'email'], 'Demo share', 'Data protection office'],
      ['orders-gbk.txt', ['cn-mobile', 'cn-vehicle-plate'], 'Demo share', 'Data protection office'],
    ]);
    expect(assets.find((asset) => asset.location.endsWith('customers.csv'))?.individuals).toBe(120);
    // Nothing scanned reaches the server: no identifier of the CSV is in the catalog or its history.
    const firstId = /^C100001,[^,]+,(\d{17}[\dX])/m.exec(readFileSync(path.join(PERSONAL_DATA, 'customers.csv'), 'utf8'))?.[1];
    expect(firstId).toBeDefined();
    const stored = JSON.stringify(await served.world.db.query('SELECT a.*, h.changes FROM data_assets a JOIN data_asset_history h ON h.asset_id = a.id'));
    expect(stored).not.toContain(firstId);

    const again = await scan(['--catalog', served.url, '--token', token, PERSONAL_DATA]);
    expect(again.stderr).toContain('catalog: 0 new assets, 0 updated, 3 unchanged');
  });

  it('fails with the server\'s reason when the token is refused, after writing the report', async () => {
    const result = await scan(['--catalog', served.url, '--token', 'rmp_nonsense', '--format', 'json', PERSONAL_DATA]);
    expect(result.status).toBe(2);
    expect(JSON.parse(result.stdout).files).toHaveLength(3);
    expect(result.stderr).toContain('RAMPART_E_CATALOG_FAILED');
  });

  it('refuses, before scanning, a URL that is not one, a missing token, and --system without --catalog', async () => {
    const env = { ...process.env, RAMPART_TOKEN: '' };
    expect((await scan(['--catalog', 'localhost:8080', '--token', 'x', PERSONAL_DATA])).stderr).toContain('is not an http(s) URL');
    expect((await scan(['--catalog', served.url, PERSONAL_DATA], env)).stderr).toContain('needs an API token');
    const stray = await scan(['--system', 'CRM', PERSONAL_DATA]);
    expect(stray.status).toBe(2);
    expect(stray.stderr).toContain('only means something with --catalog');
  });
});
