// Tenant isolation and roles, from the other side: every route of the API, called by every user of
// every organisation (four roles × hub and two operators) and without a token, must answer exactly as
// the policy says — 401 without a token, 403 where the role or organisation kind may not, and for an
// allowed caller from another organisation, 404 for the object or a list without it. A route added
// without a sample request here fails the walk, so no route escapes it. Runs on both databases.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusal, type Permission } from '../src/server/policy.js';
import { createToken } from '../src/store/users.js';
import { testDatabases } from './databases.js';
import { bearer, buildWorld, demoNdjson, type Member, type TestWorld } from './server-fixture.js';

/** What a request to each route looks like; ids are those of objects belonging to the bank. */
interface Sample {
  readonly url: string;
  readonly payload?: unknown;
  readonly headers?: Record<string, string>;
  /** Call with a new token of the caller, not the walk's own (signing out revokes the token used). */
  readonly freshToken?: boolean;
}

/** A valid rule with an id of its own, so each one added is a new rule. */
const ruleText = (): string => `title: Walk Rule\nid: ${randomUUID()}\nlogsource:\n    product: windows\n    service: sysmon\ndetection:\n    selection:\n        EventID: 1\n    condition: selection\nlevel: low\n`;

/** Routes whose own object rule narrows the policy: only an admin acts on another user's object. */
const ADMIN_FOR_OTHERS = new Set(['DELETE /api/tokens/:id']);

for (const database of testDatabases()) {
  describe(`tenant isolation on ${database.name}`, () => {
    let world: TestWorld;
    let bankAlertId: string;
    let bankIncidentId: string;
    let bankReportId: string;
    let bankRuleId: string;
    let bankAssetId: string;
    let bankTransferId: string;
    let counter = 0;
    beforeAll(async () => {
      world = await buildWorld(database);
      const ingested = await world.app.inject({ method: 'POST', url: '/api/ingest', headers: { ...bearer(world.members['bank.analyst']), 'content-type': 'application/x-ndjson' }, payload: demoNdjson() });
      expect(ingested.statusCode).toBe(200);
      bankAlertId = (await world.db.query<{ id: string }>('SELECT id FROM alerts WHERE organisation_id = $1 LIMIT 1', [world.bank.id]))[0].id;
      const analyst = bearer(world.members['bank.analyst']);
      bankIncidentId = (await world.app.inject({ method: 'POST', url: '/api/incidents', headers: analyst, payload: { title: 'Walk incident', alertIds: [bankAlertId] } })).json().id;
      await world.app.inject({ method: 'PUT', url: `/api/incidents/${bankIncidentId}/facts`, headers: analyst, payload: { personalInformationPeopleLeaked: 2_000_000 } });
      bankReportId = await draftBankReport();
      bankRuleId = (await world.app.inject({ method: 'POST', url: '/api/rules', headers: bearer(world.members['bank.admin']), payload: { yaml: ruleText() } })).json().id;
      expect((await world.app.inject({ method: 'POST', url: `/api/reports/${bankReportId}/submit`, headers: bearer(world.members['bank.admin']) })).statusCode).toBe(200);
      bankAssetId = (await world.app.inject({ method: 'POST', url: '/api/data-assets', headers: analyst, payload: { name: 'Bank customers', categories: ['cn-mobile'] } })).json().id;
      bankTransferId = (await world.app.inject({ method: 'POST', url: '/api/data-transfers', headers: analyst, payload: { ...transferSample(), assetIds: [bankAssetId] } })).json().id;
      expect([bankAssetId, bankTransferId].every((id) => typeof id === 'string')).toBe(true);
    });
    const transferSample = () => ({ recipient: 'Parent Co.', country: 'SG', purpose: 'payroll', transferDate: '2026-11-20', individuals: 10, sensitiveIndividuals: 0 });
    /** A fresh draft report of the bank's incident (submitting one uses it up). */
    const draftBankReport = async (): Promise<string> =>
      (await world.app.inject({ method: 'POST', url: `/api/incidents/${bankIncidentId}/reports`, headers: bearer(world.members['bank.analyst']), payload: { kind: 'first', fields: { impact: 'walk' } } })).json().id;
    afterAll(async () => {
      await world.close();
      await database.cleanUp();
    });

    const samples = (): Record<string, () => Sample | Promise<Sample>> => ({
      'GET /api/health': () => ({ url: '/api/health' }),
      'POST /api/sessions': () => ({ url: '/api/sessions', payload: { username: 'bank.analyst', password: 'bank.analyst-password' } }),
      'GET /api/openapi.json': () => ({ url: '/api/openapi.json' }),
      'GET /*': () => ({ url: '/' }),
      'GET /api/me': () => ({ url: '/api/me' }),
      // Signs out with a token of its own, so the walk's tokens stay valid.
      'DELETE /api/sessions/current': () => ({ url: '/api/sessions/current', freshToken: true }),
      'GET /api/organisation': () => ({ url: '/api/organisation' }),
      'GET /api/operators': () => ({ url: '/api/operators' }),
      'POST /api/operators': () => ({ url: '/api/operators', payload: { name: `Operator ${++counter}`, sector: 'energy' } }),
      'GET /api/users': () => ({ url: '/api/users' }),
      'POST /api/users': () => ({ url: '/api/users', payload: { username: `new.user.${++counter}`, role: 'analyst' } }),
      // Disabling then enabling again would be two requests; `disabled: false` keeps the walk's users usable.
      'PATCH /api/users/:id': () => ({ url: `/api/users/${world.members['bank.reporter'].userId}`, payload: { disabled: false } }),
      'GET /api/tokens': () => ({ url: '/api/tokens' }),
      'POST /api/tokens': () => ({ url: '/api/tokens', payload: { name: 'walk' } }),
      'DELETE /api/tokens/:id': () => ({ url: `/api/tokens/${world.members['bank.reporter'].tokenId}` }),
      'GET /api/alerts': () => ({ url: '/api/alerts' }),
      'GET /api/alerts/summary': () => ({ url: '/api/alerts/summary?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z' }),
      'GET /api/alerts/:id': () => ({ url: `/api/alerts/${bankAlertId}` }),
      'POST /api/ingest': () => ({ url: '/api/ingest', payload: demoNdjson().split('\n').slice(0, 5).join('\n'), headers: { 'content-type': 'application/x-ndjson' } }),
      'GET /api/audit': () => ({ url: '/api/audit' }),
      'GET /api/incidents': () => ({ url: '/api/incidents' }),
      'POST /api/incidents': () => ({ url: '/api/incidents', payload: { title: `Incident ${++counter}` } }),
      'POST /api/incidents/group': () => ({ url: '/api/incidents/group', payload: { by: 'host', windowMinutes: 60 } }),
      'GET /api/incidents/:id': () => ({ url: `/api/incidents/${bankIncidentId}` }),
      'PATCH /api/incidents/:id': () => ({ url: `/api/incidents/${bankIncidentId}`, payload: { title: `Renamed ${++counter}` } }),
      'PUT /api/incidents/:id/facts': () => ({ url: `/api/incidents/${bankIncidentId}/facts`, payload: { personalInformationPeopleLeaked: 2_000_000 } }),
      'POST /api/incidents/:id/alerts': () => ({ url: `/api/incidents/${bankIncidentId}/alerts`, payload: { alertIds: [bankAlertId] } }),
      'POST /api/incidents/:id/comments': () => ({ url: `/api/incidents/${bankIncidentId}/comments`, payload: { body: 'seen' } }),
      'POST /api/incidents/:id/evidence': () => ({ url: `/api/incidents/${bankIncidentId}/evidence`, payload: { description: 'memory image', sha256: 'a'.repeat(64) } }),
      'POST /api/incidents/:id/reports': () => ({ url: `/api/incidents/${bankIncidentId}/reports`, payload: { kind: 'follow-up', fields: {} } }),
      'GET /api/reports/:id': () => ({ url: `/api/reports/${bankReportId}` }),
      'GET /api/reports/:id/html': () => ({ url: `/api/reports/${bankReportId}/html` }),
      'POST /api/reports/:id/submit': async () => ({ url: `/api/reports/${await draftBankReport()}/submit` }),
      'GET /api/hub/reports': () => ({ url: '/api/hub/reports' }),
      'GET /api/rules': () => ({ url: '/api/rules' }),
      'POST /api/rules': () => ({ url: '/api/rules', payload: { yaml: ruleText() } }),
      'PATCH /api/rules/:id': () => ({ url: `/api/rules/${bankRuleId}`, payload: { enabled: true } }),
      'PUT /api/rules/suppressed/:ruleId': () => ({ url: '/api/rules/suppressed/5035eeab-6d6e-4821-9fdb-fb6857473b01', payload: { reason: 'walk' } }),
      'DELETE /api/rules/suppressed/:ruleId': () => ({ url: '/api/rules/suppressed/5035eeab-6d6e-4821-9fdb-fb6857473b01' }),
      'GET /api/hub/reports/:id': () => ({ url: `/api/hub/reports/${bankReportId}` }),
      'GET /api/data-vocabulary': () => ({ url: '/api/data-vocabulary' }),
      'GET /api/data-assets': () => ({ url: '/api/data-assets' }),
      'POST /api/data-assets': () => ({ url: '/api/data-assets', payload: { name: `Asset ${++counter}` } }),
      'POST /api/data-assets/scanned': () => ({ url: '/api/data-assets/scanned', payload: { places: [{ location: `/walk/${++counter}.csv`, categories: ['email'], individuals: 3 }] } }),
      'GET /api/data-assets/:id': () => ({ url: `/api/data-assets/${bankAssetId}` }),
      'PATCH /api/data-assets/:id': () => ({ url: `/api/data-assets/${bankAssetId}`, payload: { owner: `Owner ${++counter}` } }),
      'PUT /api/data-assets/:id/level': () => ({ url: `/api/data-assets/${bankAssetId}/level`, payload: { level: 'general', note: 'walk' } }),
      'GET /api/hub/data-transfers': () => ({ url: '/api/hub/data-transfers?year=2026' }),
      'GET /api/data-transfers': () => ({ url: '/api/data-transfers' }),
      'GET /api/data-transfers/volumes': () => ({ url: '/api/data-transfers/volumes' }),
      'POST /api/data-transfers/preview': () => ({ url: '/api/data-transfers/preview', payload: transferSample() }),
      'POST /api/data-transfers': () => ({ url: '/api/data-transfers', payload: transferSample() }),
      'GET /api/data-transfers/:id': () => ({ url: `/api/data-transfers/${bankTransferId}` }),
      'PATCH /api/data-transfers/:id': () => ({ url: `/api/data-transfers/${bankTransferId}`, payload: { pipiaCompletedOn: '2026-11-19' } }),
      'POST /api/detections': () => ({
        url: '/api/detections',
        payload: { detections: [{ rule: { id: 'r1', title: 'Pushed Rule', level: 'high', tags: ['attack.t1059'], references: [], file: 'rules/r1.yml' }, event: { time: '2026-11-20T10:00:00Z', computer: 'ws1', ref: { file: 'a.evtx', record: 7 } }, fields: { Image: 'x.exe' } }] },
      }),
    });

    const authorisation = async (caller: Member, fresh: boolean): Promise<Record<string, string>> =>
      fresh ? { authorization: `Bearer ${(await createToken(world.db, { id: caller.userId, organisationId: caller.organisation.id }, 'walk', 'test')).token}` } : bearer(caller);

    it('declares a permission or public on every route, and the walk has a sample for each', () => {
      const declared = world.app.declaredRoutes.map((route) => `${route.method} ${route.url}`);
      expect(declared.sort()).toEqual(Object.keys(samples()).sort());
      for (const route of world.app.declaredRoutes) expect(route.public || route.permission !== undefined, `${route.method} ${route.url}`).toBe(true);
    });

    it('answers every route for every caller as the policy says', async () => {
      const callers: (Member | undefined)[] = [undefined, ...Object.values(world.members).filter((member) => member.username !== 'bank.reporter')];
      const failures: string[] = [];
      for (const route of world.app.declaredRoutes) {
        const key = `${route.method} ${route.url}`;
        for (const caller of callers) {
          const sample = await samples()[key]();
          const payload = typeof sample.payload === 'string' ? sample.payload : sample.payload === undefined ? undefined : JSON.stringify(sample.payload);
          const response = await world.app.inject({
            method: route.method as 'GET',
            url: sample.url,
            headers: { ...(payload !== undefined && !sample.headers ? { 'content-type': 'application/json' } : {}), ...sample.headers, ...(caller ? await authorisation(caller, sample.freshToken === true) : {}) },
            payload,
          });
          const who = caller?.username ?? 'no token';
          const status = response.statusCode;
          if (route.public) {
            if (status >= 400) failures.push(`${key} as ${who}: ${status} on a public route`);
            continue;
          }
          if (caller === undefined) {
            if (status !== 401) failures.push(`${key} without a token: ${status}, expected 401`);
            continue;
          }
          const why = refusal({ user: { role: caller.role, username: caller.username } as never, organisation: caller.organisation, actor: '' }, route.permission as Permission);
          if (why !== undefined) {
            if (status !== 403) failures.push(`${key} as ${who}: ${status}, expected 403 (${why})`);
            continue;
          }
          if (status === 403 && ADMIN_FOR_OTHERS.has(key) && caller.role !== 'admin' && caller.organisation.id === world.bank.id) continue;
          if (status >= 400) {
            // Allowed, but the object is the bank's: another organisation gets 404, as if it did not exist.
            const foreignObject = route.url.includes(':id') && caller.organisation.id !== (route.permission === 'hub:reports' ? world.hub.id : world.bank.id);
            if (!(foreignObject && status === 404)) failures.push(`${key} as ${who}: ${status} ${response.body}`);
            continue;
          }
          // The bank's objects belong to the bank, and its submitted reports to its hub as well.
          const owners = route.permission === 'hub:reports' ? [world.hub.id] : [world.bank.id];
          if (route.url.includes(':id') && !owners.includes(caller.organisation.id)) failures.push(`${key} as ${who}: ${status}, the bank's object reached another organisation`);
          if (route.method === 'GET' && caller.organisation.id !== world.bank.id && response.body.includes(bankAlertId)) failures.push(`${key} as ${who}: a bank alert id in the answer`);
          if (route.method === 'GET' && caller.organisation.id === world.rail.id && response.body.includes(bankIncidentId)) failures.push(`${key} as ${who}: the bank's incident in the answer`);
          for (const [name, id] of [['data asset', bankAssetId], ['transfer', bankTransferId]]) {
            if (route.method === 'GET' && caller.organisation.id !== world.bank.id && response.body.includes(id)) failures.push(`${key} as ${who}: the bank's ${name} in the answer`);
          }
          if (route.method === 'GET' && caller.organisation.id !== world.bank.id && /bank\.(analyst|admin|auditor)/.test(response.body)) failures.push(`${key} as ${who}: a bank user in the answer`);
        }
      }
      expect(failures).toEqual([]);
    });
  });
}
