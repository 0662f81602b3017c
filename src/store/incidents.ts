// Incidents as stored: the rows, their alerts, comments, evidence and reports. What may change into
// what (the status workflow), grading and the reporting clock are decided in src/incidents/; this file
// only reads and writes, always within one organisation, each change audited in its transaction.
import { rampartError } from '../core/errors.js';
import { appendAudit, jsonParam } from './audit-log.js';
import type { Database, Queryable } from './database.js';
import { isUuid } from './organisations.js';

export const INCIDENT_STATUSES = ['new', 'triage', 'contained', 'resolved', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export interface Incident {
  readonly id: string;
  readonly organisationId: string;
  /** Per organisation, for people: INC-7. */
  readonly number: number;
  readonly title: string;
  readonly status: IncidentStatus;
  readonly assigneeId: string | null;
  readonly discoveredAt: string;
  readonly handlingEndedAt: string | null;
  readonly facts: Record<string, unknown>;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly alertCount: number;
}

interface IncidentRecord {
  id: string;
  organisation_id: string;
  number: number;
  title: string;
  status: IncidentStatus;
  assignee_id: string | null;
  discovered_at: string;
  handling_ended_at: string | null;
  facts: Record<string, unknown>;
  created_by: string;
  created_at: string;
  updated_at: string;
  alert_count: number;
}

const toIncident = (row: IncidentRecord): Incident => ({
  id: row.id,
  organisationId: row.organisation_id,
  number: row.number,
  title: row.title,
  status: row.status,
  assigneeId: row.assignee_id,
  discoveredAt: row.discovered_at,
  handlingEndedAt: row.handling_ended_at,
  facts: row.facts,
  createdBy: row.created_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  alertCount: row.alert_count,
});

const SELECT_INCIDENT = `SELECT i.*, (SELECT count(*) FROM incident_alerts a WHERE a.incident_id = i.id)::int AS alert_count FROM incidents i`;

export interface NewIncident {
  readonly title: string;
  readonly alertIds: readonly string[];
  /** When the operator discovered it: the reporting clock starts here. Default: now. */
  readonly discoveredAt?: string;
  readonly assigneeId?: string | null;
}

export async function createIncident(db: Database, organisationId: string, input: NewIncident, actor: string): Promise<Incident> {
  return db.transaction(async (tx) => {
    await checkAlertsBelong(tx, organisationId, input.alertIds);
    if (input.assigneeId) await checkUserBelongs(tx, organisationId, input.assigneeId);
    // The organisation's row is locked while the next number is taken, so two incidents never share one.
    await tx.query('SELECT id FROM organisations WHERE id = $1 FOR UPDATE', [organisationId]);
    const [{ next }] = await tx.query<{ next: number }>('SELECT coalesce(max(number), 0) + 1 AS next FROM incidents WHERE organisation_id = $1', [organisationId]);
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO incidents (organisation_id, number, title, assignee_id, discovered_at, created_by)
       VALUES ($1, $2, $3, $4, coalesce($5::timestamptz, now()), $6) RETURNING id`,
      [organisationId, next, input.title, input.assigneeId ?? null, input.discoveredAt ?? null, actor],
    );
    await linkAlerts(tx, row.id, input.alertIds);
    const incident = (await findIncident(tx, organisationId, row.id)) as Incident;
    await appendAudit(tx, { organisationId, actor, action: 'incident.create', entity: 'incident', entityId: incident.id, before: null, after: { ...incident, alertIds: input.alertIds } });
    return incident;
  });
}

export async function findIncident(db: Queryable, organisationId: string, id: string): Promise<Incident | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.query<IncidentRecord>(`${SELECT_INCIDENT} WHERE i.id = $1 AND i.organisation_id = $2`, [id, organisationId]);
  return row && toIncident(row);
}

export async function listIncidents(db: Queryable, organisationId: string, statuses?: readonly IncidentStatus[]): Promise<Incident[]> {
  const rows = await db.query<IncidentRecord>(
    `${SELECT_INCIDENT} WHERE i.organisation_id = $1 AND ($2::text[] IS NULL OR i.status = ANY($2::text[])) ORDER BY i.discovered_at DESC, i.number DESC LIMIT 1000`,
    [organisationId, statuses && statuses.length > 0 ? statuses : null],
  );
  return rows.map(toIncident);
}

export interface IncidentChanges {
  readonly title?: string;
  readonly status?: IncidentStatus;
  readonly assigneeId?: string | null;
  readonly discoveredAt?: string;
  readonly handlingEndedAt?: string | null;
  readonly facts?: Record<string, unknown>;
}

/** Applies changes already judged allowed (src/incidents/ decides); undefined when there is no such incident. */
export async function updateIncident(db: Database, organisationId: string, id: string, changes: IncidentChanges, actor: string, action = 'incident.update'): Promise<Incident | undefined> {
  return db.transaction(async (tx) => {
    const before = await findIncident(tx, organisationId, id);
    if (!before) return undefined;
    if (changes.assigneeId) await checkUserBelongs(tx, organisationId, changes.assigneeId);
    await tx.query(
      `UPDATE incidents SET
         title = coalesce($3, title),
         status = coalesce($4, status),
         assignee_id = CASE WHEN $5 THEN $6::uuid ELSE assignee_id END,
         discovered_at = coalesce($7::timestamptz, discovered_at),
         handling_ended_at = CASE WHEN $8 THEN $9::timestamptz ELSE handling_ended_at END,
         facts = coalesce($10::jsonb, facts),
         updated_at = now()
       WHERE id = $1 AND organisation_id = $2`,
      [
        id,
        organisationId,
        changes.title ?? null,
        changes.status ?? null,
        changes.assigneeId !== undefined,
        changes.assigneeId ?? null,
        changes.discoveredAt ?? null,
        changes.handlingEndedAt !== undefined,
        changes.handlingEndedAt ?? null,
        changes.facts === undefined ? null : jsonParam(changes.facts),
      ],
    );
    const after = (await findIncident(tx, organisationId, id)) as Incident;
    await appendAudit(tx, { organisationId, actor, action, entity: 'incident', entityId: id, before, after });
    return after;
  });
}

/** Adds alerts to an incident; false when there is no such incident. Alerts already in it are skipped. */
export async function addIncidentAlerts(db: Database, organisationId: string, id: string, alertIds: readonly string[], actor: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await findIncident(tx, organisationId, id))) return false;
    await checkAlertsBelong(tx, organisationId, alertIds);
    await linkAlerts(tx, id, alertIds);
    await appendAudit(tx, { organisationId, actor, action: 'incident.add-alerts', entity: 'incident', entityId: id, before: null, after: { alertIds } });
    return true;
  });
}

export interface IncidentNote {
  readonly id: string;
  readonly author: string;
  readonly createdAt: string;
  readonly body?: string;
  readonly description?: string;
  readonly location?: string | null;
  readonly sha256?: string | null;
}

export async function addComment(db: Database, organisationId: string, incidentId: string, body: string, actor: string): Promise<IncidentNote | undefined> {
  return db.transaction(async (tx) => {
    if (!(await findIncident(tx, organisationId, incidentId))) return undefined;
    const [row] = await tx.query<IncidentNote>('INSERT INTO incident_comments (incident_id, author, body) VALUES ($1, $2, $3) RETURNING id, author, body, created_at AS "createdAt"', [incidentId, actor, body]);
    await appendAudit(tx, { organisationId, actor, action: 'incident.comment', entity: 'incident', entityId: incidentId, before: null, after: row });
    return row;
  });
}

export async function addEvidence(db: Database, organisationId: string, incidentId: string, evidence: { description: string; location?: string; sha256?: string }, actor: string): Promise<IncidentNote | undefined> {
  return db.transaction(async (tx) => {
    if (!(await findIncident(tx, organisationId, incidentId))) return undefined;
    const [row] = await tx.query<IncidentNote>(
      'INSERT INTO incident_evidence (incident_id, author, description, location, sha256) VALUES ($1, $2, $3, $4, $5) RETURNING id, author, description, location, sha256, created_at AS "createdAt"',
      [incidentId, actor, evidence.description, evidence.location ?? null, evidence.sha256?.toLowerCase() ?? null],
    );
    await appendAudit(tx, { organisationId, actor, action: 'incident.evidence', entity: 'incident', entityId: incidentId, before: null, after: row });
    return row;
  });
}

export async function incidentNotes(db: Queryable, incidentId: string): Promise<{ comments: IncidentNote[]; evidence: IncidentNote[]; alertIds: string[] }> {
  const comments = await db.query<IncidentNote>('SELECT id, author, body, created_at AS "createdAt" FROM incident_comments WHERE incident_id = $1 ORDER BY created_at, id', [incidentId]);
  const evidence = await db.query<IncidentNote>('SELECT id, author, description, location, sha256, created_at AS "createdAt" FROM incident_evidence WHERE incident_id = $1 ORDER BY created_at, id', [incidentId]);
  const alerts = await db.query<{ alert_id: string }>('SELECT a.alert_id FROM incident_alerts a JOIN alerts x ON x.id = a.alert_id WHERE a.incident_id = $1 ORDER BY x.event_time, x.id', [incidentId]);
  return { comments, evidence, alertIds: alerts.map((row) => row.alert_id) };
}

async function linkAlerts(tx: Queryable, incidentId: string, alertIds: readonly string[]): Promise<void> {
  if (alertIds.length === 0) return;
  await tx.query('INSERT INTO incident_alerts (incident_id, alert_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING', [incidentId, alertIds]);
}

/** Every id must be an alert of this organisation; another's is reported as not found, like a typo. */
async function checkAlertsBelong(tx: Queryable, organisationId: string, alertIds: readonly string[]): Promise<void> {
  if (alertIds.length === 0) return;
  const found = await tx.query<{ id: string }>('SELECT id FROM alerts WHERE organisation_id = $1 AND id = ANY($2::text[])', [organisationId, alertIds]);
  const known = new Set(found.map((row) => row.id));
  const missing = alertIds.filter((id) => !known.has(id));
  if (missing.length > 0) throw rampartError('RAMPART_E_NOT_FOUND', { entity: 'Alert', id: missing.slice(0, 3).join(', ') });
}

async function checkUserBelongs(tx: Queryable, organisationId: string, userId: string): Promise<void> {
  const [row] = isUuid(userId) ? await tx.query('SELECT 1 FROM users WHERE id = $1 AND organisation_id = $2', [userId, organisationId]) : [];
  if (!row) throw rampartError('RAMPART_E_NOT_FOUND', { entity: 'User', id: userId });
}
