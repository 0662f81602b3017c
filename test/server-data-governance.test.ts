// The data catalog and transfers abroad through the API, on both databases: an analyst adds an asset, its
// level is proposed from the GB/T 43697 matrix and decided by the admin, with history; transfers get their
// Order 16 route from the organisation's CII status, the assets' levels and the year's volumes, with
// reasoning and obligations; the other operator sees none of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './databases.js';
import { bearer, buildWorld, type TestWorld } from './server-fixture.js';

for (const database of testDatabases()) {
  describe(`data governance API on ${database.name}`, () => {
    let world: TestWorld;
    beforeAll(async () => {
      world = await buildWorld(database);
      // The fixture's bank is a CII operator; this one is not, so the volume thresholds apply to it.
      await world.db.query('UPDATE organisations SET cii = false WHERE id = $1', [world.rail.id]);
    });
    afterAll(async () => {
      await world.close();
      await database.cleanUp();
    });
    const as = (member: string) => bearer(world.members[member]);

    it('proposes a level from the impacts, lets only an admin decide it, and keeps the history', async () => {
      const vocabulary = (await world.app.inject({ url: '/api/data-vocabulary', headers: as('bank.auditor') })).json();
      expect(vocabulary.categories.find((entry: { id: string }) => entry.id === 'cn-resident-id')).toMatchObject({ sensitive: true });
      expect(vocabulary.categories.find((entry: { id: string }) => entry.id === 'cn-mobile')).toMatchObject({ sensitive: false });

      const created = await world.app.inject({ method: 'POST', url: '/api/data-assets', headers: as('bank.analyst'), payload: { name: 'Customers', system: 'CRM', location: 'crm.public.customers', categories: ['cn-resident-id', 'cn-mobile'], individuals: 2_400_000 } });
      expect(created.statusCode).toBe(201);
      const asset = created.json();
      expect(asset).toMatchObject({ proposedLevel: 'general', level: null, sensitivity: { sensitive: true, sensitiveCategories: ['cn-resident-id'] } });
      expect(asset.proposal.reasoning.length).toBeGreaterThan(0);

      const unknownCategory = await world.app.inject({ method: 'POST', url: '/api/data-assets', headers: as('bank.analyst'), payload: { name: 'Other', categories: ['shoe-size'] } });
      expect(unknownCategory.statusCode).toBe(400);
      expect(unknownCategory.json().message).toContain('categories');

      const impacts = await world.app.inject({ method: 'PATCH', url: `/api/data-assets/${asset.id}`, headers: as('bank.analyst'), payload: { impacts: [{ object: 'economy-public-interest', harm: 'serious' }], note: 'payment data of a province' } });
      expect(impacts.json()).toMatchObject({ proposedLevel: 'important', level: null });

      const byAnalyst = await world.app.inject({ method: 'PUT', url: `/api/data-assets/${asset.id}/level`, headers: as('bank.analyst'), payload: { level: 'important', note: 'agreed' } });
      expect(byAnalyst.statusCode).toBe(403);
      const fromRail = await world.app.inject({ method: 'PUT', url: `/api/data-assets/${asset.id}/level`, headers: as('rail.admin'), payload: { level: 'general', note: 'not ours' } });
      expect(fromRail.statusCode).toBe(404);
      const decided = await world.app.inject({ method: 'PUT', url: `/api/data-assets/${asset.id}/level`, headers: as('bank.admin'), payload: { level: 'important', note: 'agreed with the business owner' } });
      expect(decided.json()).toMatchObject({ level: 'important', levelDecidedBy: expect.stringContaining('bank.admin') });
      expect(decided.json().history.map((entry: { action: string }) => entry.action)).toEqual(['create', 'update', 'classify']);
      expect((await world.app.inject({ url: '/api/data-assets', headers: as('rail.analyst') })).json().assets).toEqual([]);
    });

    it('records a scan’s places in the catalog, refusing a category it does not know', async () => {
      const places = [{ location: 'data/demo/personal-data/customers.csv', categories: ['cn-resident-id', 'bank-card'], individuals: 120 }];
      const recorded = await world.app.inject({ method: 'POST', url: '/api/data-assets/scanned', headers: as('bank.analyst'), payload: { system: 'CRM', places } });
      expect(recorded.statusCode, recorded.body).toBe(200);
      expect(recorded.json()).toMatchObject({ created: [expect.any(String)], updated: [], unchanged: [] });
      const again = (await world.app.inject({ method: 'POST', url: '/api/data-assets/scanned', headers: as('bank.analyst'), payload: { places } })).json();
      expect(again).toMatchObject({ created: [], unchanged: recorded.json().created });
      const asset = (await world.app.inject({ url: `/api/data-assets/${recorded.json().created[0]}`, headers: as('bank.auditor') })).json();
      expect(asset).toMatchObject({ system: 'CRM', sensitivity: { sensitive: true }, history: [{ action: 'create', note: 'found by rampart data scan' }] });
      const unknown = await world.app.inject({ method: 'POST', url: '/api/data-assets/scanned', headers: as('bank.analyst'), payload: { places: [{ location: 'x', categories: ['shoe-size'], individuals: 1 }] } });
      expect(unknown.statusCode).toBe(400);
      expect((await world.app.inject({ method: 'POST', url: '/api/data-assets/scanned', headers: as('bank.auditor'), payload: { places } })).statusCode).toBe(403);
    });

    const transfer = (individuals: number, transferDate: string, extra: Record<string, unknown> = {}) => ({ recipient: 'Parent Co.', country: 'SG', purpose: 'group payroll', transferDate, individuals, sensitiveIndividuals: 0, ...extra });
    const register = async (member: string, body: Record<string, unknown>) => {
      const response = await world.app.inject({ method: 'POST', url: '/api/data-transfers', headers: as(member), payload: body });
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    };

    it('decides a non-CII operator’s routes from the year’s cumulative volumes, not last year’s', async () => {
      const december = await register('rail.analyst', transfer(95_000, '2025-12-31'));
      expect(december).toMatchObject({ number: 1, route: 'exempt', decision: { basis: { article: 'Art. 5(4)' } } });
      // A new year starts a new count: December's 95,000 do not make January's 60,000 reach 100,000.
      const january = await register('rail.analyst', transfer(60_000, '2026-01-01'));
      expect(january).toMatchObject({ route: 'exempt', decision: { cumulative: { since: '2026-01-01', individuals: 60_000 } } });
      const preview = (await world.app.inject({ method: 'POST', url: '/api/data-transfers/preview', headers: as('rail.auditor'), payload: transfer(30_000, '2026-03-01') })).json();
      expect(preview.decision).toMatchObject({ route: 'exempt', cumulative: { individuals: 90_000 } });
      expect(preview.decision.warnings.map((warning: { kind: string }) => warning.kind)).toContain('threshold');
      // A preview registers nothing; the next registered transfer reaches the threshold.
      const march = await register('rail.analyst', transfer(40_000, '2026-03-01'));
      expect(march).toMatchObject({ number: 3, route: 'standard-contract-or-certification', decision: { cumulative: { individuals: 100_000 }, basis: { article: 'Art. 8' } } });
      expect(march.decision.reasoning.some((step: { article: string }) => step.article.includes('Art. 8'))).toBe(true);

      const volumes = (await world.app.inject({ url: '/api/data-transfers/volumes?year=2026', headers: as('rail.reporter') })).json();
      expect(volumes).toMatchObject({ year: 2026, cumulative: { individuals: 100_000, sensitiveIndividuals: 0 } });
      expect((await world.app.inject({ url: '/api/data-transfers?year=2025', headers: as('rail.reporter') })).json().transfers.map((t: { number: number }) => t.number)).toEqual([1]);
    });

    it('tracks the standard contract’s filing in working days, and the PIPIA record', async () => {
      const [march] = (await world.app.inject({ url: '/api/data-transfers?year=2026', headers: as('rail.analyst') })).json().transfers;
      expect(march.obligations).toEqual([]);
      const dated = await world.app.inject({ method: 'PATCH', url: `/api/data-transfers/${march.id}`, headers: as('rail.analyst'), payload: { contractEffectiveOn: '2026-09-28', pipiaCompletedOn: '2026-02-20' } });
      expect(dated.statusCode, dated.body).toBe(200);
      const byId = Object.fromEntries(dated.json().obligations.map((obligation: { id: string }) => [obligation.id, obligation]));
      // Ten working days after Monday 28 September 2026: 29 and 30 September, then none in the National Day
      // holiday (1–7 October), 8 and 9 October, Saturday 10 October (a make-up working day), 12 to 16 October.
      expect(byId['standard-contract-filing']).toMatchObject({ kind: 'deadline', due: '2026-10-16', calendarCovered: true });
      expect(['due', 'overdue']).toContain(byId['standard-contract-filing'].status);
      expect(byId['pipia-retention']).toMatchObject({ kind: 'retain-until', due: '2029-02-20' });
      const filed = await world.app.inject({ method: 'PATCH', url: `/api/data-transfers/${march.id}`, headers: as('rail.analyst'), payload: { contractFiledOn: '2026-10-12' } });
      expect(filed.json().obligations.find((obligation: { id: string }) => obligation.id === 'standard-contract-filing').status).toBe('done');
      const impossible = await world.app.inject({ method: 'PATCH', url: `/api/data-transfers/${march.id}`, headers: as('rail.analyst'), payload: { contractFiledOn: '2026-02-30' } });
      expect(impossible.statusCode).toBe(400);
      expect((await world.app.inject({ url: `/api/data-transfers/${march.id}`, headers: as('bank.admin') })).statusCode).toBe(404);
    });

    it('sends a CII operator’s personal information, and important data, to the security assessment', async () => {
      const cii = await register('bank.analyst', transfer(10, '2026-05-01'));
      expect(cii).toMatchObject({ route: 'security-assessment', decision: { basis: { article: 'Art. 7' } } });
      const refused = await register('bank.analyst', transfer(10, '2026-05-02', { exemption: 'small-volume' }));
      expect(refused.route).toBe('security-assessment');
      expect(refused.decision.refusedExemption).toMatchObject({ id: 'small-volume' });

      // The railway is not CII, but an asset its admin decided is important makes the transfer one of important data.
      const asset = (await world.app.inject({ method: 'POST', url: '/api/data-assets', headers: as('rail.analyst'), payload: { name: 'Dispatch plans', categories: [] } })).json();
      await world.app.inject({ method: 'PUT', url: `/api/data-assets/${asset.id}/level`, headers: as('rail.admin'), payload: { level: 'important', note: 'notified by the sector regulator' } });
      const important = await register('rail.analyst', transfer(0, '2026-06-01', { assetIds: [asset.id] }));
      expect(important).toMatchObject({ importantData: true, route: 'security-assessment' });
      const foreignAsset = await world.app.inject({ method: 'POST', url: '/api/data-transfers/preview', headers: as('bank.analyst'), payload: transfer(1, '2026-06-01', { assetIds: [asset.id] }) });
      expect(foreignAsset.statusCode).toBe(404);
      const wrongCountry = await world.app.inject({ method: 'POST', url: '/api/data-transfers', headers: as('rail.analyst'), payload: transfer(1, '2026-06-01', { country: 'Singapore' }) });
      expect(wrongCountry.statusCode).toBe(400);
    });

    it('shows the hub its operators’ transfers of a year as figures, never the transfers, and nothing to an operator', async () => {
      const answer = await world.app.inject({ url: '/api/hub/data-transfers?year=2026', headers: as('hub.auditor') });
      expect(answer.statusCode).toBe(200);
      const byName = Object.fromEntries(answer.json().operators.map((operator: { name: string }) => [operator.name, operator]));
      expect(byName['Example Railway']).toMatchObject({ cii: false, transfers: 3, byRoute: { 'exempt': 1, 'standard-contract-or-certification': 1, 'security-assessment': 1 }, individuals: 100_000 });
      expect(byName['Example Bank']).toMatchObject({ cii: true, transfers: 2, byRoute: { 'security-assessment': 2 } });
      expect(answer.body).not.toContain('Parent Co.');
      expect((await world.app.inject({ url: '/api/hub/data-transfers?year=2025', headers: as('hub.analyst') })).json().operators.find((operator: { name: string }) => operator.name === 'Example Railway')).toMatchObject({ transfers: 1, individuals: 95_000 });
      expect((await world.app.inject({ url: '/api/hub/data-transfers', headers: as('rail.admin') })).statusCode).toBe(403);
    });
  });
}
