// The API as a client sees it, on both databases: signing in, ingesting (plain, gzip, retried),
// listing alerts, and every kind of bad input answered with a 4xx that says what is wrong and leaves
// nothing half-written.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './databases.js';
import { bearer, buildWorld, demoNdjson, type TestWorld } from './server-fixture.js';

for (const database of testDatabases()) {
  describe(`API on ${database.name}`, () => {
    let world: TestWorld;
    beforeAll(async () => {
      world = await buildWorld(database, { bodyBytes: 512 * 1024, eventsPerBatch: 1000 });
    });
    afterAll(async () => {
      await world.close();
      await database.cleanUp();
    });
    const countAlerts = async (): Promise<number> => (await world.db.query<{ n: number }>('SELECT count(*) AS n FROM alerts'))[0].n;

    it('answers health without sign-in, and serves an OpenAPI document of every route', async () => {
      expect((await world.app.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok', database: database.name });
      const openapi = (await world.app.inject({ url: '/api/openapi.json' })).json();
      expect(openapi.openapi).toBe('3.0.3');
      expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/alerts', '/api/ingest', '/api/sessions', '/api/tokens/{id}']));
    });

    it('signs in with a password and gives a token that works, not with a wrong one', async () => {
      const ok = await world.app.inject({ method: 'POST', url: '/api/sessions', payload: { username: 'bank.analyst', password: 'bank.analyst-password' } });
      expect(ok.statusCode).toBe(200);
      const me = await world.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${ok.json().token}` } });
      expect(me.json()).toMatchObject({ user: { username: 'bank.analyst', role: 'analyst' }, organisation: { name: 'Example Bank' } });
      const wrong = await world.app.inject({ method: 'POST', url: '/api/sessions', payload: { username: 'bank.analyst', password: 'guess' } });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json()).toMatchObject({ code: 'RAMPART_E_UNAUTHENTICATED', message: expect.stringContaining('wrong user name or password') });
    });

    it('sends security headers', async () => {
      const response = await world.app.inject({ url: '/api/health' });
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['x-ratelimit-limit']).toBeDefined();
    });

    it('ingests NDJSON and gzip, stores each alert once however often the batch is sent', async () => {
      const analyst = world.members['bank.analyst'];
      const body = demoNdjson();
      const first = await world.app.inject({ method: 'POST', url: '/api/ingest', headers: { ...bearer(analyst), 'content-type': 'application/x-ndjson' }, payload: body });
      expect(first.statusCode).toBe(200);
      const result = first.json();
      expect(result.events).toBe(188);
      expect(result.alerts).toBeGreaterThan(0);
      expect(result.stored).toBe(result.alerts);
      const again = await world.app.inject({ method: 'POST', url: '/api/ingest', headers: { ...bearer(analyst), 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip' }, payload: gzipSync(body) });
      expect(again.json()).toEqual({ ...result, stored: 0, duplicates: result.alerts });
      expect(await countAlerts()).toBe(result.alerts);

      const page = (await world.app.inject({ url: '/api/alerts?limit=5&minLevel=high', headers: bearer(analyst) })).json();
      expect(page.alerts).toHaveLength(5);
      expect(page.alerts.every((alert: { level: string }) => ['high', 'critical'].includes(alert.level))).toBe(true);
      const one = (await world.app.inject({ url: `/api/alerts/${page.alerts[0].id}`, headers: bearer(analyst) })).json();
      expect(one.event).toMatchObject({ Channel: 'Microsoft-Windows-Sysmon/Operational' });
      const summary = (await world.app.inject({ url: '/api/alerts/summary?from=2026-11-19T00:00:00Z&to=2026-11-21T00:00:00Z', headers: bearer(analyst) })).json();
      expect(summary.total).toBe(result.alerts);
      expect(summary.bucket).toBe('hour');
      expect(summary.overTime.reduce((sum: number, row: { count: number }) => sum + row.count, 0)).toBe(summary.total);
      // Two days of hours, for each level seen (high and medium here), quiet hours included as zeros.
      expect(summary.overTime).toHaveLength(48 * 2);
      expect(summary.overTime.filter((row: { count: number }) => row.count === 0).length).toBeGreaterThan(40);
      expect(summary.topHosts[0].count).toBeGreaterThan(0);
      expect(summary.techniques).toEqual(expect.arrayContaining([expect.objectContaining({ tactic: expect.any(String), technique: expect.stringMatching(/^T\d{4}/) })]));
      // The railway's analyst sees none of it.
      const rail = world.members['rail.analyst'];
      expect((await world.app.inject({ url: '/api/alerts', headers: bearer(rail) })).json().alerts).toEqual([]);
      expect((await world.app.inject({ url: `/api/alerts/${page.alerts[0].id}`, headers: bearer(rail) })).statusCode).toBe(404);
    });

    it('refuses a batch with a bad line whole, naming the line, and stores nothing of it', async () => {
      const before = await countAlerts();
      const lines = demoNdjson().split('\n');
      lines.splice(3, 0, '{"Event": {broken');
      const response = await world.app.inject({ method: 'POST', url: '/api/ingest', headers: { ...bearer(world.members['rail.analyst']), 'content-type': 'application/x-ndjson' }, payload: lines.join('\n') });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'RAMPART_E_INVALID_REQUEST', message: expect.stringContaining('line 4: invalid JSON') });
      expect(await countAlerts()).toBe(before);
    });

    it('answers bad input with a 4xx that says what is wrong', async () => {
      const admin = bearer(world.members['bank.admin']);
      const post = (url: string, payload: string | object, headers: Record<string, string> = {}) =>
        world.app.inject({ method: 'POST', url, headers: { ...admin, 'content-type': 'application/json', ...headers }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });
      const cases = [
        { response: await post('/api/users', '{"username": "x",'), status: 400, text: 'not valid JSON' },
        { response: await post('/api/users', { username: 'someone', role: 'king' }), status: 400, text: 'body.role must be equal to one of the allowed values' },
        { response: await post('/api/users', { username: 42, role: 'analyst' }), status: 400, text: 'body.username must be string' },
        { response: await post('/api/users', { username: 'someone', role: 'analyst', isAdmin: true }), status: 400, text: "must NOT have additional properties 'isAdmin'" },
        { response: await post('/api/users', { username: 'someone', role: 'analyst', password: 'x'.repeat(600 * 1024) }), status: 413, text: 'the limit is 524288 bytes' },
        { response: await post('/api/users', 'username=x', { 'content-type': 'application/x-www-form-urlencoded' }), status: 400, text: 'is not accepted here' },
        { response: await world.app.inject({ url: '/api/alerts?limit=100000', headers: admin }), status: 400, text: 'querystring.limit must be <= 500' },
        { response: await world.app.inject({ url: '/api/alerts', headers: { authorization: 'Bearer rmp_forged' } }), status: 401, text: 'unknown, revoked' },
        { response: await world.app.inject({ url: '/api/alerts', headers: { authorization: 'Basic eDp5' } }), status: 401, text: 'is not "Bearer <token>"' },
        { response: await world.app.inject({ url: '/api/alerts' }), status: 401, text: 'no Authorization header' },
        { response: await world.app.inject({ url: '/api/nothing-here', headers: admin }), status: 404, text: 'Route not found' },
        { response: await post('/api/ingest', '{}', { ...bearer(world.members['bank.auditor']), 'content-type': 'application/x-ndjson' }), status: 403, text: "'alerts:ingest' needs the role admin or analyst" },
        { response: await post('/api/ingest', '{}', { 'content-type': 'application/x-ndjson', 'content-encoding': 'br' }), status: 400, text: 'Content-Encoding br is not accepted' },
        { response: await post('/api/ingest', 'not gzip at all', { 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip' }), status: 400, text: 'the body is not valid gzip (incorrect header check)' },
      ];
      for (const { response, status, text } of cases) {
        expect(response.statusCode, `${response.body}`).toBe(status);
        expect(response.json().message).toContain(text);
        expect(response.json().code).toMatch(/^RAMPART_E_/);
      }
      // Nothing was created by any of them.
      expect((await world.db.query("SELECT * FROM users WHERE username = 'someone'")).length).toBe(0);
    });

    it('refuses a gzip bomb by its decompressed size', async () => {
      const bomb = gzipSync(Buffer.alloc(4 * 1024 * 1024, 32));
      expect(bomb.length).toBeLessThan(512 * 1024);
      const response = await world.app.inject({ method: 'POST', url: '/api/ingest', headers: { ...bearer(world.members['bank.analyst']), 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip' }, payload: bomb });
      expect(response.statusCode).toBe(413);
      expect(response.json().code).toBe('RAMPART_E_BODY_TOO_LARGE');
    });

    it('revokes a token: the next request with it is refused', async () => {
      const analyst = world.members['hub.analyst'];
      const made = (await world.app.inject({ method: 'POST', url: '/api/tokens', headers: bearer(analyst), payload: { name: 'script' } })).json();
      const headers = { authorization: `Bearer ${made.token}` };
      expect((await world.app.inject({ url: '/api/me', headers })).statusCode).toBe(200);
      expect((await world.app.inject({ method: 'DELETE', url: `/api/tokens/${made.record.id}`, headers: bearer(analyst) })).statusCode).toBe(204);
      expect((await world.app.inject({ url: '/api/me', headers })).statusCode).toBe(401);
    });

    it('disables a user: no sign-in, no token; enabled again, both work', async () => {
      const admin = bearer(world.members['rail.admin']);
      const target = world.members['rail.auditor'];
      const disable = (disabled: boolean) => world.app.inject({ method: 'PATCH', url: `/api/users/${target.userId}`, headers: admin, payload: { disabled } });
      expect((await disable(true)).json()).toMatchObject({ username: 'rail.auditor', disabled: true });
      expect((await world.app.inject({ url: '/api/me', headers: bearer(target) })).statusCode).toBe(401);
      expect((await world.app.inject({ method: 'POST', url: '/api/sessions', payload: { username: 'rail.auditor', password: 'rail.auditor-password' } })).statusCode).toBe(401);
      expect((await disable(false)).json().disabled).toBe(false);
      expect((await world.app.inject({ url: '/api/me', headers: bearer(target) })).statusCode).toBe(200);
      expect((await world.app.inject({ method: 'PATCH', url: `/api/users/${world.members['rail.admin'].userId}`, headers: admin, payload: { disabled: true } })).statusCode).toBe(409);
      expect((await world.app.inject({ method: 'PATCH', url: `/api/users/${target.userId}`, headers: bearer(world.members['bank.admin']), payload: { disabled: true } })).statusCode).toBe(404);
    });

    it('signs out by revoking the token the request came with', async () => {
      const session = (await world.app.inject({ method: 'POST', url: '/api/sessions', payload: { username: 'rail.reporter', password: 'rail.reporter-password' } })).json();
      const headers = { authorization: `Bearer ${session.token}` };
      expect((await world.app.inject({ method: 'DELETE', url: '/api/sessions/current', headers })).statusCode).toBe(204);
      expect((await world.app.inject({ url: '/api/me', headers })).statusCode).toBe(401);
      expect((await world.app.inject({ url: '/api/me', headers: bearer(world.members['rail.reporter']) })).statusCode).toBe(200);
    });
  });
}
