// The incident path through the API, on both databases: alerts become an incident, the analyst enters
// facts and sees the level, the criterion that decided it and the deadline; the incident moves through
// its workflow; a first report is drafted, previewed and submitted; the hub sees it, on time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './databases.js';
import { bearer, buildWorld, demoNdjson, type TestWorld } from './server-fixture.js';

for (const database of testDatabases()) {
  describe(`incidents on ${database.name}`, () => {
    let world: TestWorld;
    let alertIds: string[];
    beforeAll(async () => {
      world = await buildWorld(database);
      await world.app.inject({ method: 'POST', url: '/api/ingest', headers: { ...bearer(world.members['bank.analyst']), 'content-type': 'application/x-ndjson' }, payload: demoNdjson() });
      alertIds = (await world.app.inject({ url: '/api/alerts?limit=50', headers: bearer(world.members['bank.analyst']) })).json().alerts.map((alert: { id: string }) => alert.id);
    });
    afterAll(async () => {
      await world.close();
      await database.cleanUp();
    });
    const as = (member: string) => bearer(world.members[member]);

    it('grades an incident from its facts, names the deciding criterion and its source, and starts the clock', async () => {
      const discoveredAt = '2026-11-26T09:00:00.000Z';
      const opened = await world.app.inject({ method: 'POST', url: '/api/incidents', headers: as('bank.analyst'), payload: { title: 'Credential theft on SCADA-HMI-01', alertIds: alertIds.slice(0, 2), discoveredAt } });
      expect(opened.statusCode).toBe(201);
      const incident = opened.json();
      expect(incident).toMatchObject({ number: 1, status: 'new', alertCount: 2, assessment: { grade: { level: 'general', mustReport: false }, deadlines: [] } });

      const graded = await world.app.inject({ method: 'PUT', url: `/api/incidents/${incident.id}/facts`, headers: as('bank.analyst'), payload: { personalInformationPeopleLeaked: 12_000_000 } });
      expect(graded.statusCode).toBe(200);
      const { grade, deadlines } = graded.json().assessment;
      expect(grade.level).toBe('major');
      expect(grade.decidedBy[0]).toMatchObject({ criterion: 'personalInformationLeaked', value: 12_000_000, threshold: 10_000_000, confidence: 'verified' });
      expect(grade.summary).toContain('12,000,000');
      // The bank is a CII operator: one hour from discovery.
      expect(deadlines).toEqual([expect.objectContaining({ report: 'first', due: '2026-11-26T10:00:00.000Z', within: '1 h' })]);

      const bad = await world.app.inject({ method: 'PUT', url: `/api/incidents/${incident.id}/facts`, headers: as('bank.analyst'), payload: { personalInformationPeopleLeaked: -5 } });
      expect(bad.statusCode).toBe(400);
      const unknown = await world.app.inject({ method: 'PUT', url: `/api/incidents/${incident.id}/facts`, headers: as('bank.analyst'), payload: { recordsStolen: 5 } });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().message).toContain('recordsStolen');
    });

    it('moves through the workflow and refuses a jump, with comments and evidence', async () => {
      const incident = (await world.app.inject({ url: '/api/incidents', headers: as('bank.auditor') })).json().incidents[0];
      const move = (status: string) => world.app.inject({ method: 'PATCH', url: `/api/incidents/${incident.id}`, headers: as('bank.analyst'), payload: { status } });
      const jump = await move('closed');
      expect(jump.statusCode).toBe(409);
      expect(jump.json().message).toContain('cannot go from new to closed (from new: triage)');
      expect((await move('triage')).statusCode).toBe(200);
      expect((await move('contained')).statusCode).toBe(200);
      const assignee = world.members['bank.analyst'].userId;
      expect((await world.app.inject({ method: 'PATCH', url: `/api/incidents/${incident.id}`, headers: as('bank.analyst'), payload: { assigneeId: assignee } })).json().assigneeId).toBe(assignee);
      const foreignAssignee = await world.app.inject({ method: 'PATCH', url: `/api/incidents/${incident.id}`, headers: as('bank.analyst'), payload: { assigneeId: world.members['rail.analyst'].userId } });
      expect(foreignAssignee.statusCode).toBe(404);
      expect((await world.app.inject({ method: 'POST', url: `/api/incidents/${incident.id}/comments`, headers: as('bank.analyst'), payload: { body: 'Host isolated from the network.' } })).statusCode).toBe(201);
      expect((await world.app.inject({ method: 'POST', url: `/api/incidents/${incident.id}/evidence`, headers: as('bank.analyst'), payload: { description: 'Memory image', location: 'evidence-store://hmi01.raw', sha256: 'AB'.repeat(32) } })).statusCode).toBe(201);
      const detail = (await world.app.inject({ url: `/api/incidents/${incident.id}`, headers: as('bank.reporter') })).json();
      expect(detail.comments).toEqual([expect.objectContaining({ body: 'Host isolated from the network.', author: expect.stringMatching(/^token:rmp_/) })]);
      expect(detail.evidence[0].sha256).toBe('ab'.repeat(32));
      expect(detail.alerts).toHaveLength(2);
      // Alerts of another organisation cannot be added.
      const railAlert = await world.app.inject({ method: 'POST', url: `/api/incidents/${incident.id}/alerts`, headers: as('bank.analyst'), payload: { alertIds: ['0'.repeat(40)] } });
      expect(railAlert.statusCode).toBe(404);
    });

    it('drafts, previews and submits the first report; the hub sees it with its timeliness', async () => {
      const incident = (await world.app.inject({ url: '/api/incidents', headers: as('bank.reporter') })).json().incidents[0];
      const draft = await world.app.inject({ method: 'POST', url: `/api/incidents/${incident.id}/reports`, headers: as('bank.reporter'), payload: { kind: 'first', fields: { impact: '<script>alert(1)</script> 12 million customer records' } } });
      expect(draft.statusCode).toBe(201);
      const report = draft.json();
      expect(report).toMatchObject({ kind: 'first', level: 'major', dueAt: '2026-11-26T10:00:00.000Z', submittedAt: null });
      expect(['complete', 'partial']).toContain(report.status);
      const fields = Object.fromEntries(report.document.fields.map((field: { name: string; value?: string }) => [field.name, field.value]));
      expect(fields.operatorName).toBe('Example Bank');
      const html = await world.app.inject({ url: `/api/reports/${report.id}/html`, headers: as('bank.auditor') });
      expect(html.headers['content-type']).toContain('text/html');
      expect(html.body).toContain('&lt;script&gt;');
      expect(html.body).not.toContain('<script>alert(1)');

      expect((await world.app.inject({ url: '/api/hub/reports', headers: as('hub.analyst') })).json().reports).toEqual([]);
      const submitted = await world.app.inject({ method: 'POST', url: `/api/reports/${report.id}/submit`, headers: as('bank.reporter') });
      expect(submitted.statusCode).toBe(200);
      expect((await world.app.inject({ method: 'POST', url: `/api/reports/${report.id}/submit`, headers: as('bank.reporter') })).statusCode).toBe(409);
      const hubList = (await world.app.inject({ url: '/api/hub/reports', headers: as('hub.analyst') })).json().reports;
      expect(hubList).toHaveLength(1);
      // Discovered at 09:00 on 2026-11-26, due at 10:00, submitted now (later): late by the clock.
      expect(hubList[0]).toMatchObject({ organisationName: 'Example Bank', kind: 'first', level: 'major', timeliness: { status: expect.stringMatching(/^(late|on-time)$/) } });
      expect(hubList[0].timeliness.status).toBe(Date.now() > Date.parse('2026-11-26T10:00:00Z') ? 'late' : 'on-time');
      const one = (await world.app.inject({ url: `/api/hub/reports/${report.id}`, headers: as('hub.auditor') })).json();
      expect(one.document.kind).toBe('first');
      expect((await world.app.inject({ url: '/api/hub/reports', headers: as('rail.admin') })).statusCode).toBe(403);
    });

    it('needs the end of handling before a closing report, and refuses to submit an incomplete one', async () => {
      const incident = (await world.app.inject({ url: '/api/incidents', headers: as('bank.analyst') })).json().incidents[0];
      const early = await world.app.inject({ method: 'POST', url: `/api/incidents/${incident.id}/reports`, headers: as('bank.reporter'), payload: { kind: 'closing' } });
      expect(early.statusCode).toBe(409);
      const resolved = (await world.app.inject({ method: 'PATCH', url: `/api/incidents/${incident.id}`, headers: as('bank.analyst'), payload: { status: 'resolved' } })).json();
      expect(resolved.handlingEndedAt).not.toBeNull();
      expect(resolved.assessment.deadlines.map((deadline: { report: string }) => deadline.report)).toEqual(['first', 'closing']);
      const closing = (await world.app.inject({ method: 'POST', url: `/api/incidents/${incident.id}/reports`, headers: as('bank.reporter'), payload: { kind: 'closing' } })).json();
      expect(closing.status).toBe('incomplete');
      const refused = await world.app.inject({ method: 'POST', url: `/api/reports/${closing.id}/submit`, headers: as('bank.reporter') });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().message).toContain('lacks required fields');
    });

    it('groups the remaining alerts into incidents by host', async () => {
      const grouped = await world.app.inject({ method: 'POST', url: '/api/incidents/group', headers: as('bank.analyst'), payload: { by: 'host', windowMinutes: 120 } });
      expect(grouped.statusCode).toBe(201);
      const result = grouped.json();
      expect(result.alertsGrouped).toBe(alertIds.length - 2);
      expect(result.incidents.length).toBeGreaterThan(0);
      expect(result.incidents.reduce((sum: number, incident: { alertCount: number }) => sum + incident.alertCount, 0)).toBe(alertIds.length - 2);
      const again = (await world.app.inject({ method: 'POST', url: '/api/incidents/group', headers: as('bank.analyst'), payload: { by: 'host', windowMinutes: 120 } })).json();
      expect(again).toEqual({ alertsGrouped: 0, incidents: [] });
    });
  });
}
