// The organisation's own audit trail, newest first, for admins and auditors.
import '../fastify-types.js';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../store/database.js';
import { principalOf } from '../authorise.js';

export function auditRoutes(db: Database) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Querystring: { before?: number; limit?: number } }>(
      '/api/audit',
      {
        config: { permission: 'audit:read' },
        schema: {
          tags: ['audit'],
          summary: "This organisation's audit trail, newest first",
          querystring: { type: 'object', properties: { before: { type: 'integer', minimum: 1 }, limit: { type: 'integer', minimum: 1, maximum: 500 } }, additionalProperties: false },
        },
      },
      async (request) => {
        const { before, limit = 100 } = request.query;
        const rows = await db.query(
          `SELECT seq, at, actor, action, entity, entity_id AS "entityId", before, after FROM audit_log
            WHERE organisation_id = $1 AND ($2::bigint IS NULL OR seq < $2) ORDER BY seq DESC LIMIT $3`,
          [principalOf(request).organisation.id, before ?? null, limit],
        );
        return { entries: rows };
      },
    );
  };
}
