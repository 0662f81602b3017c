// The audit log: every change (who, what, when, before and after) appended in the same transaction as
// the change itself, so neither is ever kept without the other. Rows are chained: each stores the hash
// of the previous row and its own hash over its content and that previous hash. The table refuses
// UPDATE and DELETE (a trigger, migration 0001); verifyAuditLog finds what the trigger cannot stop —
// a row edited, inserted or deleted by someone with direct write access who dropped the trigger.
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { Queryable } from './database.js';

/** The previous hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);
/** Any fixed number: the advisory lock that serialises appends, so the chain never forks. */
const AUDIT_LOCK = 72_400_118;

export interface AuditEntry {
  /** The organisation the change belongs to; null for system-wide changes. */
  readonly organisationId: string | null;
  /** Who: `user:<username>`, `token:<prefix>`, `system`, `cli:<os user>`. */
  readonly actor: string;
  /** What: `incident.update`, `user.create`, `token.revoke`, … */
  readonly action: string;
  /** The kind of object changed and its id. */
  readonly entity: string;
  readonly entityId: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

export interface AuditRow extends AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly previousHash: string;
  readonly hash: string;
}

interface AuditRecord {
  seq: number;
  at: string;
  organisation_id: string | null;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  previous_hash: string;
  hash: string;
}

/** Appends one entry; call it inside the transaction that makes the change. */
export async function appendAudit(tx: Queryable, entry: AuditEntry, now = new Date()): Promise<AuditRow> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
  const [last] = await tx.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const seq = (last?.seq ?? 0) + 1;
  const previousHash = last?.hash ?? GENESIS_HASH;
  const at = now.toISOString();
  const before = entry.before ?? null;
  const after = entry.after ?? null;
  const hash = auditHash({ seq, at, ...entry, before, after, previousHash });
  await tx.query(
    'INSERT INTO audit_log (seq, at, organisation_id, actor, action, entity, entity_id, before, after, previous_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)',
    [seq, at, entry.organisationId, entry.actor, entry.action, entry.entity, entry.entityId, jsonParam(before), jsonParam(after), previousHash, hash],
  );
  return { seq, at, ...entry, before, after, previousHash, hash };
}

/** The row's hash: SHA-256 over the canonical JSON of everything in it but the hash itself. */
export function auditHash(row: Omit<AuditRow, 'hash'>): string {
  const content = canonicalJson([row.seq, row.at, row.organisationId, row.actor, row.action, row.entity, row.entityId, row.before, row.after, row.previousHash]);
  return createHash('sha256').update(content).digest('hex');
}

export type AuditVerdict = { readonly ok: true; readonly rows: number } | { readonly ok: false; readonly rows: number; readonly seq: number; readonly reason: string };

const PAGE = 1000;

/** Walks the whole chain in order; the first break is reported with its sequence number. */
export async function verifyAuditLog(db: Queryable): Promise<AuditVerdict> {
  let expectedSeq = 1;
  let previousHash = GENESIS_HASH;
  for (;;) {
    const rows = await db.query<AuditRecord>('SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2', [expectedSeq, PAGE]);
    if (rows.length === 0) break;
    for (const record of rows) {
      const row = fromRecord(record);
      const broken = (reason: string): AuditVerdict => ({ ok: false, rows: expectedSeq - 1, seq: row.seq, reason });
      if (row.seq !== expectedSeq) return broken(`row ${expectedSeq} is missing (the next row is ${row.seq}): deleted`);
      if (row.previousHash !== previousHash) return broken(`row ${row.seq} does not follow row ${row.seq - 1}: its previous hash differs`);
      if (auditHash(row) !== row.hash) return broken(`row ${row.seq} (${row.action} by ${row.actor}) was edited: its content does not match its hash`);
      previousHash = row.hash;
      expectedSeq++;
    }
  }
  // Rows with a sequence number below 1 would never be walked above.
  const [stray] = await db.query<{ count: number }>('SELECT count(*) AS count FROM audit_log WHERE seq < 1');
  if (stray.count > 0) return { ok: false, rows: expectedSeq - 1, seq: 0, reason: `${stray.count} row(s) with a sequence number below 1 were inserted` };
  return { ok: true, rows: expectedSeq - 1 };
}

function fromRecord(record: AuditRecord): AuditRow {
  return {
    seq: record.seq,
    at: record.at,
    organisationId: record.organisation_id,
    actor: record.actor,
    action: record.action,
    entity: record.entity,
    entityId: record.entity_id,
    before: record.before,
    after: record.after,
    previousHash: record.previous_hash,
    hash: record.hash,
  };
}

/** jsonb parameters go as text: both drivers would otherwise send a JS array as a PostgreSQL array. */
export function jsonParam(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
