// The store's contract, run against both adapters (DESIGN.md): the embedded PGlite and the local
// PostgreSQL server. Whatever passes here behaves the same on either database.
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/databases.js';
import { appendAudit, verifyAuditLog } from './audit-log.js';
import { eventIdentity } from './alert-id.js';
import { getAlert, insertAlerts, listAlerts, type NewAlert } from './alerts.js';
import { migrate } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { createOrganisation, listOperators } from './organisations.js';
import { authenticateToken, createToken, createUser, listTokens, revokeToken, signIn } from './users.js';

for (const database of testDatabases()) {
  describe(`store on ${database.name}`, () => {
    afterAll(() => database.cleanUp());

    it('migrates once, and refuses a database migrated by a newer version', async () => {
      const db = await database.open();
      expect(await migrate(db)).toEqual([]);
      const applied = await db.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
      expect(applied.map((row) => row.id)).toEqual(MIGRATIONS.map((migration) => migration.id));
      await expect(migrate(db, MIGRATIONS.slice(0, 1))).rejects.toMatchObject({ code: 'RAMPART_E_SCHEMA_NEWER' });
    });

    it('rolls a failed transaction back completely', async () => {
      const db = await database.open();
      await expect(
        db.transaction(async (tx) => {
          await tx.query("INSERT INTO organisations (name, kind) VALUES ('Hub', 'hub')");
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await db.query('SELECT * FROM organisations')).toEqual([]);
    });

    it('gives timestamps as ISO strings in UTC and counts as numbers', async () => {
      const db = await database.open();
      const [row] = await db.query<{ at: string; n: number }>("SELECT '2026-11-26 10:00:00.123+08'::timestamptz AS at, count(*) AS n FROM organisations");
      expect(row).toEqual({ at: '2026-11-26T02:00:00.123Z', n: 0 });
    });

    it('keeps organisations, users and tokens, with secrets hashed at rest', async () => {
      const db = await database.open();
      const hub = await createOrganisation(db, { name: 'National CERT', kind: 'hub' }, 'system');
      const bank = await createOrganisation(db, { name: 'Bank', kind: 'operator', hubId: hub.id, sector: 'finance', province: 'Beijing', cii: true, mlpsLevel: 3 }, 'system');
      expect(bank).toMatchObject({ kind: 'operator', hubId: hub.id, cii: true, operatorType: 'cii-operator', mlpsLevel: 3 });
      await expect(createOrganisation(db, { name: 'Orphan', kind: 'operator' }, 'system')).rejects.toMatchObject({ code: 'RAMPART_E_INVALID_REQUEST' });
      await expect(createOrganisation(db, { name: 'Bank', kind: 'hub' }, 'system')).rejects.toMatchObject({ code: 'RAMPART_E_CONFLICT' });
      expect((await listOperators(db, hub.id)).map((org) => org.name)).toEqual(['Bank']);

      const analyst = await createUser(db, { organisationId: bank.id, username: 'li.analyst', role: 'analyst', password: 'correct horse' }, 'system');
      expect(await signIn(db, 'li.analyst', 'correct horse')).toMatchObject({ user: { id: analyst.id, role: 'analyst' }, organisation: { id: bank.id, kind: 'operator' } });
      expect(await signIn(db, 'li.analyst', 'wrong')).toBeUndefined();
      expect(await signIn(db, 'nobody', 'correct horse')).toBeUndefined();
      const [stored] = await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [analyst.id]);
      expect(stored.password_hash).toMatch(/^scrypt\$/);
      expect(stored.password_hash).not.toContain('correct horse');

      const { token, record } = await createToken(db, analyst, 'laptop', 'user:li.analyst');
      expect(token).toMatch(/^rmp_/);
      expect(await authenticateToken(db, token)).toMatchObject({ user: { id: analyst.id }, actor: `token:${record.prefix}` });
      const tokenRows = await db.query<Record<string, unknown>>('SELECT * FROM api_tokens');
      expect(JSON.stringify(tokenRows)).not.toContain(token);
      expect(await revokeToken(db, hub.id, record.id, 'system')).toBe(false);
      expect(await revokeToken(db, bank.id, record.id, 'system')).toBe(true);
      expect(await authenticateToken(db, token)).toBeUndefined();
      expect((await listTokens(db, bank.id))[0].revokedAt).not.toBeNull();
      expect(await listTokens(db, hub.id)).toEqual([]);
    });

    it('chains the audit log, refuses edits, and finds edited and deleted rows', async () => {
      const db = await database.open();
      const hub = await createOrganisation(db, { name: 'Hub', kind: 'hub' }, 'system');
      await db.transaction((tx) => appendAudit(tx, { organisationId: hub.id, actor: 'user:a', action: 'test.one', entity: 'thing', entityId: '1', before: { b: 1, a: [1, 2] }, after: { a: 'x' } }));
      await db.transaction((tx) => appendAudit(tx, { organisationId: hub.id, actor: 'user:a', action: 'test.two', entity: 'thing', entityId: '2', before: null, after: { n: 2 } }));
      expect(await verifyAuditLog(db)).toEqual({ ok: true, rows: 3 });
      await expect(db.query("UPDATE audit_log SET actor = 'user:b' WHERE seq = 2")).rejects.toThrow(/append-only/);
      await expect(db.query('DELETE FROM audit_log WHERE seq = 2')).rejects.toThrow(/append-only/);

      // Someone with the database password drops the trigger: the chain still tells.
      await db.execScript('DROP TRIGGER audit_log_append_only ON audit_log');
      await db.query(`UPDATE audit_log SET after = '{"a": "y"}' WHERE seq = 2`);
      expect(await verifyAuditLog(db)).toMatchObject({ ok: false, seq: 2, reason: expect.stringContaining('was edited') });
      await db.query('DELETE FROM audit_log WHERE seq = 2');
      expect(await verifyAuditLog(db)).toMatchObject({ ok: false, seq: 3, reason: expect.stringContaining('row 2 is missing') });
    });

    it('stores alerts once however often they are sent, and pages them newest first', async () => {
      const db = await database.open();
      const hub = await createOrganisation(db, { name: 'Hub', kind: 'hub' }, 'system');
      const bank = await createOrganisation(db, { name: 'Bank', kind: 'operator', hubId: hub.id }, 'system');
      const rail = await createOrganisation(db, { name: 'Rail', kind: 'operator', hubId: hub.id }, 'system');
      const alerts: NewAlert[] = Array.from({ length: 25 }, (_, i) => {
        const event = { fields: { EventID: 1, Computer: `host-${i % 3}`, CommandLine: `cmd ${i}` }, time: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString() };
        return {
          ruleId: i % 2 === 0 ? 'rule-even' : 'rule-odd',
          ruleTitle: i % 2 === 0 ? 'Even Rule' : 'Odd 100% Rule',
          level: i % 5 === 0 ? 'critical' : 'medium',
          tags: ['attack.t1059'],
          eventTime: event.time,
          computer: `host-${i % 3}`,
          channel: 'Sysmon',
          eventId: 1,
          source: 'ingest',
          fields: { CommandLine: `cmd ${i}` },
          event: event.fields,
          identity: eventIdentity(event),
        };
      });
      expect(await insertAlerts(db, bank.id, alerts)).toEqual({ inserted: 25, duplicates: 0 });
      expect(await insertAlerts(db, bank.id, [...alerts.slice(0, 10), alerts[0]])).toEqual({ inserted: 0, duplicates: 11 });
      const [{ count }] = await db.query<{ count: number }>('SELECT count(*) AS count FROM alerts');
      expect(count).toBe(25);

      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listAlerts(db, bank.id, { limit: 10, cursor });
        seen.push(...page.alerts.map((alert) => alert.fields.CommandLine));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(alerts.map((alert) => alert.fields.CommandLine).reverse());

      expect((await listAlerts(db, bank.id, { minLevel: 'high' })).alerts).toHaveLength(5);
      expect((await listAlerts(db, bank.id, { computer: 'host-1', ruleId: 'rule-odd' })).alerts.every((a) => a.computer === 'host-1' && a.ruleId === 'rule-odd')).toBe(true);
      expect((await listAlerts(db, bank.id, { text: '100%' })).alerts).toHaveLength(12);
      expect((await listAlerts(db, bank.id, { text: 'CMD 7' })).alerts.map((a) => a.fields.CommandLine)).toEqual(['cmd 7']);
      expect((await listAlerts(db, bank.id, { from: '2026-11-01T00:20:00Z' })).alerts).toHaveLength(5);
      expect((await listAlerts(db, bank.id, { tag: 'ATTACK.T1059' })).alerts).toHaveLength(25);
      await expect(listAlerts(db, bank.id, { cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'RAMPART_E_INVALID_REQUEST' });
      // Free text finds a value as it reads, backslash and all (not as JSON escapes it).
      const domainUser = { ...alerts[0], fields: { TargetUserName: 'CORP\\admin' }, identity: 'domain-user' };
      await insertAlerts(db, bank.id, [domainUser]);
      expect((await listAlerts(db, bank.id, { text: 'corp\\ADMIN' })).alerts.map((a) => a.fields.TargetUserName)).toEqual(['CORP\\admin']);

      // The other tenant's side: nothing of the bank's is visible to the railway.
      expect((await listAlerts(db, rail.id)).alerts).toEqual([]);
      const one = (await listAlerts(db, bank.id, { limit: 1 })).alerts[0];
      expect(await getAlert(db, rail.id, one.id)).toBeUndefined();
      expect((await getAlert(db, bank.id, one.id))?.event).toMatchObject({ CommandLine: 'cmd 24' });
    });
  });
}
