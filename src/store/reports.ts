// Incident reports as stored: drafted by the operator, submitted once to the hub it reports to. The
// document is kept exactly as generated (the JSON of src/incidents/reporting/report-document.ts); the
// hub reads only submitted reports of its own operators.
import { rampartError } from '../core/errors.js';
import { appendAudit, jsonParam } from './audit-log.js';
import type { Database, Queryable } from './database.js';
import { isUuid } from './organisations.js';

export interface StoredReport {
  readonly id: string;
  readonly incidentId: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly hubId: string;
  readonly kind: 'first' | 'follow-up' | 'closing';
  readonly document: Record<string, unknown>;
  /** complete, partial or incomplete (report-document.ts). */
  readonly status: string;
  /** The incident's level when the report was made. */
  readonly level: string | null;
  readonly dueAt: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly submittedAt: string | null;
  readonly submittedBy: string | null;
}

const SELECT_REPORT = `SELECT r.id, r.incident_id AS "incidentId", r.organisation_id AS "organisationId", o.name AS "organisationName",
  r.hub_id AS "hubId", r.kind, r.document, r.status, r.level, r.due_at AS "dueAt", r.created_by AS "createdBy",
  r.created_at AS "createdAt", r.submitted_at AS "submittedAt", r.submitted_by AS "submittedBy"
  FROM reports r JOIN organisations o ON o.id = r.organisation_id`;

export interface NewReport {
  readonly incidentId: string;
  readonly hubId: string;
  readonly kind: StoredReport['kind'];
  readonly document: unknown;
  readonly status: string;
  readonly level: string | null;
  readonly dueAt: string | null;
}

export async function createReport(db: Database, organisationId: string, input: NewReport, actor: string): Promise<StoredReport> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO reports (incident_id, organisation_id, hub_id, kind, document, status, level, due_at, created_by)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9) RETURNING id`,
      [input.incidentId, organisationId, input.hubId, input.kind, jsonParam(input.document), input.status, input.level, input.dueAt, actor],
    );
    const report = (await findReport(tx, organisationId, row.id)) as StoredReport;
    await appendAudit(tx, { organisationId, actor, action: 'report.create', entity: 'report', entityId: report.id, before: null, after: { kind: report.kind, status: report.status, incidentId: report.incidentId } });
    return report;
  });
}

/** Marks a draft submitted; a report is submitted once (RAMPART_E_CONFLICT the second time). */
export async function submitReport(db: Database, organisationId: string, id: string, actor: string, at = new Date()): Promise<StoredReport | undefined> {
  return db.transaction(async (tx) => {
    const before = await findReport(tx, organisationId, id, true);
    if (!before) return undefined;
    if (before.submittedAt !== null) throw rampartError('RAMPART_E_CONFLICT', { reason: `report ${id} was already submitted at ${before.submittedAt}` });
    await tx.query('UPDATE reports SET submitted_at = $2, submitted_by = $3 WHERE id = $1', [id, at.toISOString(), actor]);
    const after = (await findReport(tx, organisationId, id)) as StoredReport;
    await appendAudit(tx, { organisationId, actor, action: 'report.submit', entity: 'report', entityId: id, before: { submittedAt: null }, after: { submittedAt: after.submittedAt, kind: after.kind, hubId: after.hubId } });
    return after;
  });
}

export async function findReport(db: Queryable, organisationId: string, id: string, forUpdate = false): Promise<StoredReport | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.query<StoredReport>(`${SELECT_REPORT} WHERE r.id = $1 AND r.organisation_id = $2${forUpdate ? ' FOR UPDATE OF r' : ''}`, [id, organisationId]);
  return row;
}

export async function listIncidentReports(db: Queryable, organisationId: string, incidentId: string): Promise<StoredReport[]> {
  return db.query<StoredReport>(`${SELECT_REPORT} WHERE r.organisation_id = $1 AND r.incident_id = $2 ORDER BY r.created_at, r.id`, [organisationId, incidentId]);
}

/** The hub's view: submitted reports of the operators reporting to it, newest first. */
export async function listHubReports(db: Queryable, hubId: string): Promise<StoredReport[]> {
  return db.query<StoredReport>(`${SELECT_REPORT} WHERE r.hub_id = $1 AND r.submitted_at IS NOT NULL ORDER BY r.submitted_at DESC LIMIT 1000`, [hubId]);
}

export async function findHubReport(db: Queryable, hubId: string, id: string): Promise<StoredReport | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.query<StoredReport>(`${SELECT_REPORT} WHERE r.id = $1 AND r.hub_id = $2 AND r.submitted_at IS NOT NULL`, [id, hubId]);
  return row;
}
