// Rules managed through the API take effect on the next batch, without a restart, for the organisation
// they belong to only: an operator's own rule, the hub's rule for every operator, a rule switched off,
// a built-in rule suppressed for one operator. A rule that does not load is refused with its line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './databases.js';
import { bearer, buildWorld, renumberedDemoNdjson, type TestWorld } from './server-fixture.js';

const OWN_RULE = `title: Any Sysmon DNS Query (test)
id: 6c1d5b0e-1f7a-4f0e-9d55-3b1e6f2a7c10
status: test
logsource:
    product: windows
    category: dns_query
detection:
    selection:
        EventID: 22
    condition: selection
level: low
`;
const HUB_RULE = OWN_RULE.replace('Any Sysmon DNS Query (test)', 'Registry Value Set (hub test)').replace('6c1d5b0e-1f7a-4f0e-9d55-3b1e6f2a7c10', '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d').replace('dns_query', 'registry_set').replace('EventID: 22', 'EventID: 13');
const SHADOW_COPY_RULE = '5035eeab-6d6e-4821-9fdb-fb6857473b01';

for (const database of testDatabases()) {
  describe(`managed rules on ${database.name}`, () => {
    let world: TestWorld;
    let round = 0;
    beforeAll(async () => {
      world = await buildWorld(database);
    });
    afterAll(async () => {
      await world.close();
      await database.cleanUp();
    });
    const as = (member: string) => bearer(world.members[member]);
    /** Ingests new demo events for the organisation; the titles of the alerts they raised. */
    const ingest = async (organisation: 'bank' | 'rail'): Promise<Map<string, number>> => {
      const response = await world.app.inject({ method: 'POST', url: '/api/ingest', headers: { ...as(`${organisation}.analyst`), 'content-type': 'application/x-ndjson' }, payload: renumberedDemoNdjson(++round) });
      expect(response.statusCode).toBe(200);
      const rows = await world.db.query<{ rule_title: string; n: number }>(
        // This round's events only: their record ids were moved into the round's own million.
        "SELECT rule_title, count(*) AS n FROM alerts WHERE organisation_id = $1 AND (event->>'EventRecordID')::bigint / 1000000 = $2 GROUP BY rule_title",
        [world[organisation].id, round],
      );
      return new Map(rows.map((row) => [row.rule_title, row.n]));
    };

    it("runs an operator's own rule for that operator only, from the next batch", async () => {
      expect((await ingest('bank')).has('Any Sysmon DNS Query (test)')).toBe(false);
      const added = await world.app.inject({ method: 'POST', url: '/api/rules', headers: as('bank.admin'), payload: { yaml: OWN_RULE } });
      expect(added.statusCode).toBe(201);
      expect((await ingest('bank')).get('Any Sysmon DNS Query (test)')).toBe(23);
      expect((await ingest('rail')).has('Any Sysmon DNS Query (test)')).toBe(false);
      const listed = (await world.app.inject({ url: '/api/rules', headers: as('bank.auditor') })).json();
      expect(listed.added.map((rule: { title: string }) => rule.title)).toEqual(['Any Sysmon DNS Query (test)']);
      expect((await world.app.inject({ url: '/api/rules', headers: as('rail.auditor') })).json().added).toEqual([]);

      const off = await world.app.inject({ method: 'PATCH', url: `/api/rules/${added.json().id}`, headers: as('bank.admin'), payload: { enabled: false } });
      expect(off.json().enabled).toBe(false);
      expect((await ingest('bank')).has('Any Sysmon DNS Query (test)')).toBe(false);
      // The railway's admin cannot touch the bank's rule.
      expect((await world.app.inject({ method: 'PATCH', url: `/api/rules/${added.json().id}`, headers: as('rail.admin'), payload: { enabled: true } })).statusCode).toBe(404);
    });

    it("runs the hub's rule for every operator", async () => {
      expect((await world.app.inject({ method: 'POST', url: '/api/rules', headers: as('hub.admin'), payload: { yaml: HUB_RULE } })).statusCode).toBe(201);
      expect((await ingest('bank')).get('Registry Value Set (hub test)')).toBe(7);
      expect((await ingest('rail')).get('Registry Value Set (hub test)')).toBe(7);
    });

    it('suppresses a built-in rule for one operator, and brings it back', async () => {
      expect((await ingest('bank')).has('Volume Shadow Copies Deleted With Vssadmin or WMIC')).toBe(true);
      expect((await world.app.inject({ method: 'PUT', url: `/api/rules/suppressed/${SHADOW_COPY_RULE}`, headers: as('bank.admin'), payload: { reason: 'backup software does this nightly' } })).statusCode).toBe(204);
      expect((await ingest('bank')).has('Volume Shadow Copies Deleted With Vssadmin or WMIC')).toBe(false);
      expect((await ingest('rail')).has('Volume Shadow Copies Deleted With Vssadmin or WMIC')).toBe(true);
      // Pushed from a hunt elsewhere, the suppressed rule's detection is not stored either.
      const pushed = await world.app.inject({
        method: 'POST',
        url: '/api/detections',
        headers: as('bank.analyst'),
        payload: { detections: [{ rule: { id: SHADOW_COPY_RULE, title: 'Volume Shadow Copies Deleted With Vssadmin or WMIC', level: 'high', tags: [], references: [], file: 'x.yml' }, event: { ref: { file: 'host.evtx', record: 1 } }, fields: {} }] },
      });
      expect(pushed.json()).toMatchObject({ detections: 1, suppressed: 1, stored: 0 });
      expect((await world.app.inject({ method: 'DELETE', url: `/api/rules/suppressed/${SHADOW_COPY_RULE}`, headers: as('bank.admin') })).statusCode).toBe(204);
      expect((await ingest('bank')).has('Volume Shadow Copies Deleted With Vssadmin or WMIC')).toBe(true);
    });

    it('refuses a rule that does not load, naming the line', async () => {
      const broken = OWN_RULE.replace('condition: selection', 'condition: selection and nothing_here');
      const response = await world.app.inject({ method: 'POST', url: '/api/rules', headers: as('bank.admin'), payload: { yaml: broken } });
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(/the rule does not load: \d+:\d+ /);
      expect((await world.app.inject({ method: 'POST', url: '/api/rules', headers: as('bank.admin'), payload: { yaml: 'title: [' } })).statusCode).toBe(400);
    });
  });
}
