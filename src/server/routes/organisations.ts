// The caller's own organisation, and for the coordination centre the operators that report to it.
import '../fastify-types.js';
import type { FastifyInstance } from 'fastify';
import { rampartError } from '../../core/errors.js';
import type { Database } from '../../store/database.js';
import { createOrganisation, findOrganisation, listOperators, type NewOrganisation } from '../../store/organisations.js';
import { principalOf } from '../authorise.js';
import { organisation } from '../schemas.js';

const newOperator = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    sector: { type: 'string', maxLength: 100 },
    province: { type: 'string', maxLength: 100 },
    cii: { type: 'boolean' },
    mlpsLevel: { type: 'integer', minimum: 1, maximum: 5 },
    operatorType: { type: 'string', enum: ['cii-operator', 'central-state-organ', 'other-operator'] },
  },
  required: ['name'],
  additionalProperties: false,
} as const;

export function organisationRoutes(db: Database) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/api/organisation', { config: { permission: 'organisation:read' }, schema: { tags: ['organisations'], summary: "The caller's organisation", response: { 200: organisation } } }, async (request) => {
      const found = await findOrganisation(db, principalOf(request).organisation.id);
      if (!found) throw rampartError('RAMPART_E_NOT_FOUND', { entity: 'Organisation', id: principalOf(request).organisation.id });
      return found;
    });

    app.get('/api/operators', { config: { permission: 'operators:read' }, schema: { tags: ['organisations'], summary: 'Operators reporting to this hub', response: { 200: { type: 'array', items: organisation } } } }, async (request) =>
      listOperators(db, principalOf(request).organisation.id),
    );

    app.post<{ Body: Omit<NewOrganisation, 'kind' | 'hubId'> }>(
      '/api/operators',
      { config: { permission: 'operators:write' }, schema: { tags: ['organisations'], summary: 'Register an operator reporting to this hub', body: newOperator, response: { 201: organisation } } },
      async (request, reply) => {
        const principal = principalOf(request);
        const created = await createOrganisation(db, { ...request.body, kind: 'operator', hubId: principal.organisation.id }, principal.actor);
        return reply.code(201).send(created);
      },
    );
  };
}
