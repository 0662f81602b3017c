// Drafting a report of an incident: the document is built from what the user wrote, with what Rampart
// already knows filled in where the user left it blank (the operator's name, the discovery time, the
// level from the grading), the grading's reasons and the deadline the report answers. Submitting sends
// it to the hub once; an incomplete report (required fields missing where the law allows no partial
// report) is refused, naming the fields.
import { rampartError } from '../../core/errors.js';
import type { Database } from '../../store/database.js';
import type { Incident } from '../../store/incidents.js';
import type { Organisation } from '../../store/organisations.js';
import { createReport, findReport, listIncidentReports, submitReport, type StoredReport } from '../../store/reports.js';
import type { IncidentRegulations } from '../regulations/load-regulations.js';
import type { ReportKind } from '../regulations/vocabulary.js';
import { buildReportDocument, type ReportFieldValue } from '../reporting/report-document.js';
import { assessIncident } from './assess-incident.js';

export async function draftReport(
  db: Database,
  organisation: Organisation,
  incident: Incident,
  kind: ReportKind,
  written: Readonly<Record<string, ReportFieldValue>>,
  regulations: IncidentRegulations,
  actor: string,
  now = new Date(),
): Promise<StoredReport> {
  if (organisation.hubId === null) throw rampartError('RAMPART_E_CONFLICT', { reason: `${organisation.name} reports to no hub` });
  const reports = await listIncidentReports(db, organisation.id, incident.id);
  if (kind === 'closing' && incident.handlingEndedAt === null) throw rampartError('RAMPART_E_CONFLICT', { reason: 'a closing report comes after handling ends: resolve the incident first' });
  const assessment = assessIncident(incident, organisation.operatorType, reports, regulations, now);
  const known: Record<string, ReportFieldValue> = { operatorName: organisation.name, discoveredAt: incident.discoveredAt };
  const fields: Record<string, ReportFieldValue> = {};
  for (const [name, value] of Object.entries(known)) {
    const field = Object.hasOwn(regulations.reporting.reportFields, name) ? regulations.reporting.reportFields[name] : undefined;
    if (field && (field.requiredIn.includes(kind) || field.optionalIn.includes(kind))) fields[name] = value;
  }
  Object.assign(fields, Object.fromEntries(Object.entries(written).filter(([, value]) => value !== undefined && value !== '')));
  const document = buildReportDocument({ kind, incidentId: `INC-${incident.number}`, fields, generatedAt: now, grade: assessment.grade, clock: assessment.clock }, regulations.reporting);
  return createReport(
    db,
    organisation.id,
    { incidentId: incident.id, hubId: organisation.hubId, kind, document, status: document.status, level: assessment.grade.level, dueAt: document.deadline?.due ?? null },
    actor,
  );
}

export async function submitIncidentReport(db: Database, organisationId: string, reportId: string, actor: string, now = new Date()): Promise<StoredReport | undefined> {
  const report = await findReport(db, organisationId, reportId);
  if (!report) return undefined;
  if (report.status === 'incomplete') {
    const missing = (report.document.missingRequired as string[] | undefined) ?? [];
    throw rampartError('RAMPART_E_INVALID_REQUEST', { reason: `this ${report.kind} report lacks required fields (${missing.join(', ')}); only a first report may be sent partial` });
  }
  return submitReport(db, organisationId, reportId, actor, now);
}
