// Incident reports: an operator drafts one (first, follow-up, closing) from an incident, previews it as
// JSON or printable HTML, and submits it once to its hub; the hub lists what its operators submitted,
// each with whether it met its deadline, and reads any of them.
import '../fastify-types.js';
import type { FastifyInstance } from 'fastify';
import { rampartError } from '../../core/errors.js';
import { draftReport, submitIncidentReport } from '../../incidents/handling/incident-reports.js';
import type { IncidentRegulations } from '../../incidents/regulations/load-regulations.js';
import { REPORT_KINDS, type ReportKind } from '../../incidents/regulations/vocabulary.js';
import type { ReportDocument } from '../../incidents/reporting/report-document.js';
import { reportHtml } from '../../incidents/reporting/report-html.js';
import { timeliness } from '../../incidents/reporting/reporting-clock.js';
import type { Database } from '../../store/database.js';
import { findIncident } from '../../store/incidents.js';
import { findOrganisation } from '../../store/organisations.js';
import { findHubReport, findReport, listHubReports, type StoredReport } from '../../store/reports.js';
import { principalOf } from '../authorise.js';
import { idParams } from '../schemas.js';

/** A report as the hub sees it in a list: no document, and whether it came on time. */
function withTimeliness(report: StoredReport, now = new Date()): Record<string, unknown> {
  const { document: _document, ...summary } = report;
  return { ...summary, timeliness: report.dueAt === null ? null : timeliness(report.dueAt, report.submittedAt ?? undefined, now) };
}

export function reportRoutes(db: Database, regulations: IncidentRegulations) {
  return async (app: FastifyInstance): Promise<void> => {
    app.post<{ Params: { id: string }; Body: { kind: ReportKind; fields?: Record<string, string | number> } }>(
      '/api/incidents/:id/reports',
      {
        config: { permission: 'reports:write' },
        schema: {
          tags: ['reports'],
          summary: 'Draft a report of the incident; fields are those of data/regulations/incident-reporting.yaml',
          params: idParams,
          body: {
            type: 'object',
            properties: {
              kind: { type: 'string', enum: [...REPORT_KINDS] },
              fields: { type: 'object', additionalProperties: { type: ['string', 'number'], maxLength: 20_000 }, maxProperties: 100 },
            },
            required: ['kind'],
            additionalProperties: false,
          },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const organisation = await findOrganisation(db, principal.organisation.id);
        const incident = organisation && (await findIncident(db, organisation.id, request.params.id));
        if (!organisation || !incident) throw rampartError('RAMPART_E_NOT_FOUND', { entity: 'Incident', id: request.params.id });
        const report = await draftReport(db, organisation, incident, request.body.kind, request.body.fields ?? {}, regulations, principal.actor);
        return reply.code(201).send(report);
      },
    );

    app.get<{ Params: { id: string } }>('/api/reports/:id', { config: { permission: 'incidents:read' }, schema: { tags: ['reports'], summary: 'A report with its document', params: idParams } }, async (request) => {
      const report = await findReport(db, principalOf(request).organisation.id, request.params.id);
      if (!report) throw rampartError('RAMPART_E_NOT_FOUND', { entity: 'Report', id: request.params.id });
      return report;
    });

    app.get<{ Params: { id: string } }>('/api/reports/:id/html', { config: { permission: 'incidents:read' }, schema: { tags: ['reports'], summary: 'A report as a printable page', params: idParams } }, async (request, reply) => {
      const report = await findReport(db, principalOf(request).organisation.id, request.params.id);
      if (!report) throw rampartError('RAMPART_E_NOT_FOUND', { entity: 'Report', id: request.params.id });
      return reply.type('text/html; charset=utf-8').send(reportHtml(report.document as unknown as ReportDocument));
    });

    app.post<{ Params: { id: string } }>('/api/reports/:id/submit', { config: { permission: 'reports:submit' }, schema: { tags: ['reports'], summary: 'Submit the report to the hub (once)', params: idParams } }, async (request) => {
      const principal = principalOf(request);
      const report = await submitIncidentReport(db, principal.organisation.id, request.params.id, principal.actor);
      if (!report) throw rampartError('RAMPART_E_NOT_FOUND', { entity: 'Report', id: request.params.id });
      return withTimeliness(report);
    });

    app.get('/api/hub/reports', { config: { permission: 'hub:reports' }, schema: { tags: ['hub'], summary: 'Reports submitted by the operators of this hub, with their timeliness' } }, async (request) => {
      const reports = await listHubReports(db, principalOf(request).organisation.id);
      return { reports: reports.map((report) => withTimeliness(report)) };
    });

    app.get<{ Params: { id: string } }>('/api/hub/reports/:id', { config: { permission: 'hub:reports' }, schema: { tags: ['hub'], summary: 'One submitted report', params: idParams } }, async (request) => {
      const report = await findHubReport(db, principalOf(request).organisation.id, request.params.id);
      if (!report) throw rampartError('RAMPART_E_NOT_FOUND', { entity: 'Report', id: request.params.id });
      return { ...withTimeliness(report), document: report.document };
    });
  };
}
