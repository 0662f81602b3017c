// Sigma rules managed through the API: rules added for one organisation, or for every organisation by
// the hub (organisation_id NULL), each enabled or not; and rules an organisation switched off for
// itself (suppressions), whatever their source. The rule text is kept as given; parsing and compiling
// it is the server's (server/organisation-rules.ts).
import { rampartError } from '../core/errors.js';
import { appendAudit } from './audit-log.js';
import type { Database, Queryable } from './database.js';
import { isUuid } from './organisations.js';

export interface ManagedRule {
  readonly id: string;
  /** Null: a rule of the hub for every organisation. */
  readonly organisationId: string | null;
  readonly sigmaId: string;
  readonly title: string;
  readonly level: string;
  readonly yaml: string;
  readonly enabled: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const SELECT_RULE = `SELECT id, organisation_id AS "organisationId", sigma_id AS "sigmaId", title, level, yaml, enabled,
  created_at AS "createdAt", updated_at AS "updatedAt" FROM rules`;

export async function addRule(db: Database, organisationId: string | null, rule: { sigmaId: string; title: string; level: string; yaml: string }, actor: string, auditOrganisationId: string): Promise<ManagedRule> {
  return db.transaction(async (tx) => {
    const [clash] = await tx.query('SELECT 1 FROM rules WHERE sigma_id = $1 AND organisation_id IS NOT DISTINCT FROM $2', [rule.sigmaId, organisationId]);
    if (clash) throw rampartError('RAMPART_E_CONFLICT', { reason: `a rule with id ${rule.sigmaId} is already managed here; disable it or give the new rule another id` });
    const [row] = await tx.query<ManagedRule>(
      `INSERT INTO rules (organisation_id, sigma_id, title, level, yaml) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, organisation_id AS "organisationId", sigma_id AS "sigmaId", title, level, yaml, enabled, created_at AS "createdAt", updated_at AS "updatedAt"`,
      [organisationId, rule.sigmaId, rule.title, rule.level, rule.yaml],
    );
    await appendAudit(tx, { organisationId: auditOrganisationId, actor, action: 'rule.add', entity: 'rule', entityId: row.id, before: null, after: { ...row, yaml: undefined } });
    return row;
  });
}

/** The rules that apply to an organisation: the hub's global ones and its own. */
export async function listRules(db: Queryable, organisationId: string): Promise<ManagedRule[]> {
  return db.query<ManagedRule>(`${SELECT_RULE} WHERE organisation_id IS NULL OR organisation_id = $1 ORDER BY created_at, id`, [organisationId]);
}

/** Switches a managed rule on or off; only its owner may (a global rule: the hub). */
export async function setRuleEnabled(db: Database, ownerId: string | null, id: string, enabled: boolean, actor: string, auditOrganisationId: string): Promise<ManagedRule | undefined> {
  if (!isUuid(id)) return undefined;
  return db.transaction(async (tx) => {
    const [before] = await tx.query<ManagedRule>(`${SELECT_RULE} WHERE id = $1 AND organisation_id IS NOT DISTINCT FROM $2 FOR UPDATE`, [id, ownerId]);
    if (!before) return undefined;
    await tx.query('UPDATE rules SET enabled = $2, updated_at = now() WHERE id = $1', [id, enabled]);
    const [after] = await tx.query<ManagedRule>(`${SELECT_RULE} WHERE id = $1`, [id]);
    await appendAudit(tx, { organisationId: auditOrganisationId, actor, action: enabled ? 'rule.enable' : 'rule.disable', entity: 'rule', entityId: id, before: { enabled: before.enabled }, after: { enabled: after.enabled } });
    return after;
  });
}

export interface Suppression {
  readonly ruleId: string;
  readonly reason: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

export async function listSuppressions(db: Queryable, organisationId: string): Promise<Suppression[]> {
  return db.query<Suppression>('SELECT rule_id AS "ruleId", reason, created_by AS "createdBy", created_at AS "createdAt" FROM rule_suppressions WHERE organisation_id = $1 ORDER BY created_at', [organisationId]);
}

export async function suppressRule(db: Database, organisationId: string, ruleId: string, reason: string, actor: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO rule_suppressions (organisation_id, rule_id, reason, created_by) VALUES ($1, $2, $3, $4) ON CONFLICT (organisation_id, rule_id) DO UPDATE SET reason = EXCLUDED.reason', [organisationId, ruleId, reason, actor]);
    await appendAudit(tx, { organisationId, actor, action: 'rule.suppress', entity: 'rule', entityId: ruleId, before: null, after: { reason } });
  });
}

export async function unsuppressRule(db: Database, organisationId: string, ruleId: string, actor: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const removed = await tx.query('DELETE FROM rule_suppressions WHERE organisation_id = $1 AND rule_id = $2 RETURNING rule_id', [organisationId, ruleId]);
    if (removed.length === 0) return false;
    await appendAudit(tx, { organisationId, actor, action: 'rule.unsuppress', entity: 'rule', entityId: ruleId, before: null, after: null });
    return true;
  });
}

/**
 * A fingerprint of the rules and suppressions that apply to an organisation: it changes with every
 * change, from this server or another one sharing the database, so the engine is rebuilt only then.
 */
export async function ruleSetVersion(db: Queryable, organisationId: string): Promise<string> {
  const [row] = await db.query<{ rules: number; changed: string | null; suppressed: number; suppressedAt: string | null }>(
    `SELECT (SELECT count(*) FROM rules WHERE organisation_id IS NULL OR organisation_id = $1) AS rules,
            (SELECT max(updated_at) FROM rules WHERE organisation_id IS NULL OR organisation_id = $1) AS changed,
            (SELECT count(*) FROM rule_suppressions WHERE organisation_id = $1) AS suppressed,
            (SELECT max(created_at) FROM rule_suppressions WHERE organisation_id = $1) AS "suppressedAt"`,
    [organisationId],
  );
  return `${row.rules}/${row.changed}/${row.suppressed}/${row.suppressedAt}`;
}
