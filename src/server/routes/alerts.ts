// An operator's alerts: filtered, paged newest first (keyset cursors), and one alert with the raw event
// behind it. Another organisation's alert is "not found", never "forbidden": its existence is not told.
import '../fastify-types.js';
import type { FastifyInstance } from 'fastify';
import { rampartError } from '../../core/errors.js';
import { LEVELS, type Level } from '../../core/level.js';
import { getAlert, listAlerts, MAX_PAGE, summariseAlerts } from '../../store/alerts.js';
import type { Database } from '../../store/database.js';
import { principalOf } from '../authorise.js';
import { idParams } from '../schemas.js';

interface AlertQuery {
  from?: string;
  to?: string;
  level?: Level[];
  minLevel?: Level;
  rule?: string;
  host?: string;
  tag?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}

const alertQuery = {
  type: 'object',
  properties: {
    from: { type: 'string', format: 'date-time' },
    to: { type: 'string', format: 'date-time' },
    level: { type: 'array', items: { type: 'string', enum: [...LEVELS] } },
    minLevel: { type: 'string', enum: [...LEVELS] },
    rule: { type: 'string', maxLength: 300 },
    host: { type: 'string', maxLength: 300 },
    tag: { type: 'string', maxLength: 100 },
    q: { type: 'string', maxLength: 300 },
    cursor: { type: 'string', maxLength: 500 },
    limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE },
  },
  additionalProperties: false,
} as const;

export function alertRoutes(db: Database) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Querystring: AlertQuery }>(
      '/api/alerts',
      { config: { permission: 'alerts:read' }, schema: { tags: ['alerts'], summary: 'Alerts, newest first; pass nextCursor back as cursor for the next page', querystring: alertQuery } },
      async (request) => {
        const query = request.query;
        return listAlerts(db, principalOf(request).organisation.id, {
          from: query.from,
          to: query.to,
          levels: query.level,
          minLevel: query.minLevel,
          ruleId: query.rule,
          computer: query.host,
          tag: query.tag,
          text: query.q,
          cursor: query.cursor,
          limit: query.limit,
        });
      },
    );

    app.get<{ Querystring: { from?: string; to?: string } }>(
      '/api/alerts/summary',
      {
        config: { permission: 'alerts:read' },
        schema: {
          tags: ['alerts'],
          summary: 'Counts for the overview: by level, over time, top rules and hosts, ATT&CK tactic × technique (default: the last 7 days)',
          querystring: { type: 'object', properties: { from: { type: 'string', format: 'date-time' }, to: { type: 'string', format: 'date-time' } }, additionalProperties: false },
        },
      },
      async (request) => {
        const to = request.query.to ?? new Date().toISOString();
        const from = request.query.from ?? new Date(Date.parse(to) - 7 * 86_400_000).toISOString();
        if (Date.parse(from) >= Date.parse(to)) throw rampartError('RAMPART_E_INVALID_REQUEST', { reason: 'from must be before to' });
        return summariseAlerts(db, principalOf(request).organisation.id, from, to);
      },
    );

    app.get<{ Params: { id: string } }>('/api/alerts/:id', { config: { permission: 'alerts:read' }, schema: { tags: ['alerts'], summary: 'One alert with its raw event', params: idParams } }, async (request) => {
      const alert = await getAlert(db, principalOf(request).organisation.id, request.params.id);
      if (!alert) throw rampartError('RAMPART_E_NOT_FOUND', { entity: 'Alert', id: request.params.id });
      return alert;
    });
  };
}
