import { afterAll, describe, expect, it } from 'vitest';
import { builtinRulesDirectory } from '../hunt/package-paths.js';
import { listAlerts } from '../store/alerts.js';
import { listDataAssets } from '../store/data-assets.js';
import { listTransfers } from '../store/data-transfers.js';
import { listIncidents } from '../store/incidents.js';
import { findOrganisationByName, listOperators } from '../store/organisations.js';
import { openDatabase } from '../store/open-database.js';
import { signIn } from '../store/users.js';
import { seedDemo } from './demo-seed.js';
import { LiveDetection } from './live-detection.js';

describe('the demo world', async () => {
  const db = await openDatabase({ dataDirectory: 'memory' });
  afterAll(() => db.close());

  it('is seeded once: a hub, two operators, a user of every role, the demo alerts, an incident, a data catalog and transfers', async () => {
    const detection = await LiveDetection.start({ rulePaths: [builtinRulesDirectory()], cacheDirectory: null });
    const world = await seedDemo(db, detection);
    expect(world).toMatchObject({ seeded: true, alerts: 19 });
    expect(world.users).toHaveLength(12);
    for (const user of world.users) expect((await signIn(db, user.username, user.password))?.user.role).toBe(user.role);
    const hub = await findOrganisationByName(db, 'National Cybersecurity Coordination Centre (demo)');
    const operators = await listOperators(db, hub?.id ?? '');
    expect(operators.map((operator) => operator.sector).sort()).toEqual(['energy', 'transport']);
    const grid = operators.find((operator) => operator.sector === 'energy');
    expect((await listAlerts(db, grid?.id ?? '', { limit: 500 })).alerts).toHaveLength(19);
    expect((await listIncidents(db, grid?.id ?? ''))[0]).toMatchObject({ status: 'triage', alertCount: 3 });
    const assets = await listDataAssets(db, grid?.id ?? '');
    expect(assets.map((asset) => [asset.name, asset.proposedLevel, asset.level])).toEqual([
      ['Customer accounts', 'general', 'general'],
      ['Field-service orders', 'general', null],
      ['Substation dispatch plans', 'core', null],
    ]);
    // A CII operator: both transfers need the security assessment, the claimed small-volume exemption refused.
    const transfers = await listTransfers(db, grid?.id ?? '');
    expect(transfers.map((transfer) => [transfer.number, transfer.route, transfer.exemption])).toEqual([
      [2, 'security-assessment', 'small-volume'],
      [1, 'security-assessment', null],
    ]);
    expect(transfers[0].decision).toMatchObject({ refusedExemption: { id: 'small-volume' } });
    expect(transfers[1].assessmentApprovedOn).not.toBeNull();
    expect(await seedDemo(db, detection)).toMatchObject({ seeded: false, alerts: 0 });
    expect((await listAlerts(db, grid?.id ?? '', { limit: 500 })).alerts).toHaveLength(19);
  });
});
