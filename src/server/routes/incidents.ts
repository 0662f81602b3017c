// Incidents of an operator: open one from alerts (or group alerts automatically), move it through the
// workflow, assign it, comment, attach evidence, enter the facts that grade it; every read comes with
// the grading and the reporting deadlines as they stand now.
import '../fastify-types.js';
import type { FastifyInstance } from 'fastify';
import { rampartError } from '../../core/errors.js';
import { LEVELS, type Level } from '../../core/level.js';
import { assessIncident } from '../../incidents/handling/assess-incident.js';
import { groupAlerts, type GroupingKey } from '../../incidents/handling/group-alerts.js';
import { checkTransition } from '../../incidents/handling/workflow.js';
import { parseIncidentFacts } from '../../incidents/grading/incident-facts.js';
import type { IncidentRegulations } from '../../incidents/regulations/load-regulations.js';
import { alertsByIds, alertsOutsideIncidents } from '../../store/alerts.js';
import type { Database } from '../../store/database.js';
import { addComment, addEvidence, addIncidentAlerts, createIncident, findIncident, incidentNotes, INCIDENT_STATUSES, listIncidents, updateIncident, type Incident, type IncidentStatus } from '../../store/incidents.js';
import { findOrganisation, type Organisation } from '../../store/organisations.js';
import { listIncidentReports } from '../../store/reports.js';
import { principalOf } from '../authorise.js';
import { idParams, uuid } from '../schemas.js';

const alertIds = { type: 'array', items: { type: 'string', minLength: 1, maxLength: 100 }, maxItems: 5000 } as const;
const time = { type: 'string', format: 'date-time' } as const;

export function incidentRoutes(db: Database, regulations: IncidentRegulations) {
  const organisationOf = async (id: string): Promise<Organisation> => {
    const organisation = await findOrganisation(db, id);
    if (!organisation) throw rampartError('RAMPART_E_NOT_FOUND', { entity: 'Organisation', id });
    return organisation;
  };
  const incidentOf = async (organisationId: string, id: string): Promise<Incident> => {
    const incident = await findIncident(db, organisationId, id);
    if (!incident) throw rampartError('RAMPART_E_NOT_FOUND', { entity: 'Incident', id });
    return incident;
  };
  /** The incident with what the law says about it now. */
  const withAssessment = async (organisation: Organisation, incident: Incident): Promise<Record<string, unknown>> => {
    const reports = await listIncidentReports(db, organisation.id, incident.id);
    return { ...incident, assessment: assessIncident(incident, organisation.operatorType, reports, regulations) };
  };

  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Querystring: { status?: IncidentStatus[] } }>(
      '/api/incidents',
      { config: { permission: 'incidents:read' }, schema: { tags: ['incidents'], summary: 'Incidents, with their level and reporting deadlines', querystring: { type: 'object', properties: { status: { type: 'array', items: { type: 'string', enum: [...INCIDENT_STATUSES] } } }, additionalProperties: false } } },
      async (request) => {
        const organisation = await organisationOf(principalOf(request).organisation.id);
        const incidents = await listIncidents(db, organisation.id, request.query.status);
        return { incidents: await Promise.all(incidents.map((incident) => withAssessment(organisation, incident))) };
      },
    );

    app.post<{ Body: { title: string; alertIds?: string[]; discoveredAt?: string; assigneeId?: string } }>(
      '/api/incidents',
      {
        config: { permission: 'incidents:write' },
        schema: {
          tags: ['incidents'],
          summary: 'Open an incident from alerts',
          body: { type: 'object', properties: { title: { type: 'string', minLength: 1, maxLength: 300 }, alertIds, discoveredAt: time, assigneeId: uuid }, required: ['title'], additionalProperties: false },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const incident = await createIncident(db, principal.organisation.id, { ...request.body, alertIds: request.body.alertIds ?? [] }, principal.actor);
        return reply.code(201).send(await withAssessment(await organisationOf(principal.organisation.id), incident));
      },
    );

    app.post<{ Body: { by: GroupingKey; windowMinutes: number; from?: string; to?: string; minLevel?: Level } }>(
      '/api/incidents/group',
      {
        config: { permission: 'incidents:write' },
        schema: {
          tags: ['incidents'],
          summary: 'Open incidents from the alerts in none yet, grouped by host, rule or ATT&CK technique within a time window',
          body: {
            type: 'object',
            properties: { by: { type: 'string', enum: ['host', 'rule', 'tag'] }, windowMinutes: { type: 'integer', minimum: 0, maximum: 10_080 }, from: time, to: time, minLevel: { type: 'string', enum: [...LEVELS] } },
            required: ['by', 'windowMinutes'],
            additionalProperties: false,
          },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const { by, windowMinutes, from, to, minLevel } = request.body;
        const alerts = await alertsOutsideIncidents(db, principal.organisation.id, { from, to, minLevel });
        const created: Incident[] = [];
        for (const group of groupAlerts(alerts, by, windowMinutes)) {
          created.push(await createIncident(db, principal.organisation.id, { title: group.title, alertIds: group.alertIds }, principal.actor));
        }
        return reply.code(201).send({ alertsGrouped: alerts.length, incidents: created });
      },
    );

    app.get<{ Params: { id: string } }>('/api/incidents/:id', { config: { permission: 'incidents:read' }, schema: { tags: ['incidents'], summary: 'One incident: alerts, comments, evidence, reports, grading and deadlines', params: idParams } }, async (request) => {
      const organisation = await organisationOf(principalOf(request).organisation.id);
      const incident = await incidentOf(organisation.id, request.params.id);
      const notes = await incidentNotes(db, incident.id);
      const reports = await listIncidentReports(db, organisation.id, incident.id);
      return {
        ...(await withAssessment(organisation, incident)),
        alerts: await alertsByIds(db, organisation.id, notes.alertIds),
        comments: notes.comments,
        evidence: notes.evidence,
        reports: reports.map(({ document: _document, ...summary }) => summary),
      };
    });

    app.patch<{ Params: { id: string }; Body: { title?: string; status?: IncidentStatus; assigneeId?: string | null; discoveredAt?: string } }>(
      '/api/incidents/:id',
      {
        config: { permission: 'incidents:write' },
        schema: {
          tags: ['incidents'],
          summary: 'Change title, status (new → triage → contained → resolved → closed), assignee or discovery time',
          params: idParams,
          body: {
            type: 'object',
            properties: { title: { type: 'string', minLength: 1, maxLength: 300 }, status: { type: 'string', enum: [...INCIDENT_STATUSES] }, assigneeId: { type: ['string', 'null'], format: 'uuid' }, discoveredAt: time },
            additionalProperties: false,
            minProperties: 1,
          },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const organisation = await organisationOf(principal.organisation.id);
        const before = await incidentOf(organisation.id, request.params.id);
        const { status, ...rest } = request.body;
        const handling = status === undefined ? {} : checkTransition(before.status, status, new Date());
        const after = await updateIncident(db, organisation.id, before.id, { ...rest, status, ...handling }, principal.actor);
        return withAssessment(organisation, after as Incident);
      },
    );

    app.put<{ Params: { id: string }; Body: Record<string, unknown> }>(
      '/api/incidents/:id/facts',
      { config: { permission: 'incidents:write' }, schema: { tags: ['incidents'], summary: 'Enter the facts that grade the incident (see docs/incidents.md); returns the grading', params: idParams, body: { type: 'object' } } },
      async (request) => {
        const principal = principalOf(request);
        const organisation = await organisationOf(principal.organisation.id);
        await incidentOf(organisation.id, request.params.id);
        let facts: Record<string, unknown>;
        try {
          facts = parseIncidentFacts(request.body) as Record<string, unknown>;
        } catch (error) {
          throw rampartError('RAMPART_E_INVALID_REQUEST', { reason: (error as Error).message });
        }
        const after = await updateIncident(db, organisation.id, request.params.id, { facts }, principal.actor, 'incident.facts');
        return withAssessment(organisation, after as Incident);
      },
    );

    app.post<{ Params: { id: string }; Body: { alertIds: string[] } }>(
      '/api/incidents/:id/alerts',
      { config: { permission: 'incidents:write' }, schema: { tags: ['incidents'], summary: 'Add alerts to an incident', params: idParams, body: { type: 'object', properties: { alertIds: { ...alertIds, minItems: 1 } }, required: ['alertIds'], additionalProperties: false } } },
      async (request, reply) => {
        const principal = principalOf(request);
        if (!(await addIncidentAlerts(db, principal.organisation.id, request.params.id, request.body.alertIds, principal.actor))) throw rampartError('RAMPART_E_NOT_FOUND', { entity: 'Incident', id: request.params.id });
        return reply.code(204).send();
      },
    );

    app.post<{ Params: { id: string }; Body: { body: string } }>(
      '/api/incidents/:id/comments',
      { config: { permission: 'incidents:write' }, schema: { tags: ['incidents'], summary: 'Comment on an incident', params: idParams, body: { type: 'object', properties: { body: { type: 'string', minLength: 1, maxLength: 20_000 } }, required: ['body'], additionalProperties: false } } },
      async (request, reply) => {
        const principal = principalOf(request);
        const comment = await addComment(db, principal.organisation.id, request.params.id, request.body.body, principal.actor);
        if (!comment) throw rampartError('RAMPART_E_NOT_FOUND', { entity: 'Incident', id: request.params.id });
        return reply.code(201).send(comment);
      },
    );

    app.post<{ Params: { id: string }; Body: { description: string; location?: string; sha256?: string } }>(
      '/api/incidents/:id/evidence',
      {
        config: { permission: 'incidents:write' },
        schema: {
          tags: ['incidents'],
          summary: 'Record a piece of evidence (where it is kept and its SHA-256)',
          params: idParams,
          body: { type: 'object', properties: { description: { type: 'string', minLength: 1, maxLength: 5000 }, location: { type: 'string', maxLength: 2000 }, sha256: { type: 'string', pattern: '^[0-9a-fA-F]{64}$' } }, required: ['description'], additionalProperties: false },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const evidence = await addEvidence(db, principal.organisation.id, request.params.id, request.body, principal.actor);
        if (!evidence) throw rampartError('RAMPART_E_NOT_FOUND', { entity: 'Incident', id: request.params.id });
        return reply.code(201).send(evidence);
      },
    );
  };
}
