// POST /api/ingest: a batch of events as NDJSON (gzip allowed), run through the detection engine; the
// alerts are stored in one transaction before the answer, so an acknowledged batch is on disk, and a
// batch sent again (a retry) adds nothing (alert ids are derived from the events). A batch with a bad
// line is refused whole, naming the lines, so nothing of it is half-stored.
import '../fastify-types.js';
import type { FastifyInstance } from 'fastify';
import { createGunzip } from 'node:zlib';
import { rampartError } from '../../core/errors.js';
import { parseNdjsonText } from '../../logs/ndjson-text.js';
import { insertAlerts } from '../../store/alerts.js';
import type { Database } from '../../store/database.js';
import { principalOf } from '../authorise.js';
import type { LiveDetection } from '../live-detection.js';
import type { OrganisationRules } from '../organisation-rules.js';

const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl'];
const SHOWN_PROBLEMS = 5;

export function ingestRoutes(db: Database, detection: LiveDetection, organisationRules: OrganisationRules, maxEventsPerBatch: number) {
  return async (app: FastifyInstance): Promise<void> => {
    app.addContentTypeParser(NDJSON_TYPES, { parseAs: 'string' }, (_request, body, done) => done(null, body));
    app.post<{ Body: string }>(
      '/api/ingest',
      {
        config: { permission: 'alerts:ingest' },
        schema: {
          tags: ['ingest'],
          summary: 'Send events (NDJSON, one JSON object per line, gzip allowed); detections are stored as alerts',
          consumes: NDJSON_TYPES,
          response: {
            200: {
              type: 'object',
              properties: { events: { type: 'integer' }, alerts: { type: 'integer' }, stored: { type: 'integer' }, duplicates: { type: 'integer' } },
            },
          },
        },
        // Decompressed before the body limit counts, so a small gzip bomb is refused like a big body.
        preParsing: async (request, _reply, payload) => {
          const encoding = (request.headers['content-encoding'] ?? 'identity').toLowerCase();
          if (encoding === 'gzip') {
            delete request.headers['content-length'];
            return payload.pipe(createGunzip());
          }
          if (encoding !== 'identity') throw rampartError('RAMPART_E_INVALID_REQUEST', { reason: `Content-Encoding ${encoding} is not accepted (gzip or none)` });
          return payload;
        },
      },
      async (request) => {
        const principal = principalOf(request);
        if (typeof request.body !== 'string') throw rampartError('RAMPART_E_INVALID_REQUEST', { reason: 'send the events as application/x-ndjson' });
        const { events, problems } = parseNdjsonText(request.body, 'ingest');
        if (problems.length > 0) {
          const shown = problems.slice(0, SHOWN_PROBLEMS).map((problem) => `line ${problem.line}: ${problem.message}`);
          const more = problems.length > SHOWN_PROBLEMS ? ` (and ${problems.length - SHOWN_PROBLEMS} more)` : '';
          throw rampartError('RAMPART_E_INVALID_REQUEST', { reason: `${problems.length} bad line(s), nothing stored: ${shown.join('; ')}${more}` });
        }
        if (events.length > maxEventsPerBatch) throw rampartError('RAMPART_E_INVALID_REQUEST', { reason: `${events.length} events in one batch; send at most ${maxEventsPerBatch}` });
        const rules = await organisationRules.forOrganisation(principal.organisation.id);
        const alerts = detection.detect(events, 'ingest', new Date().toISOString(), undefined, rules);
        const { inserted, duplicates } = alerts.length === 0 ? { inserted: 0, duplicates: 0 } : await db.transaction((tx) => insertAlerts(tx, principal.organisation.id, alerts));
        return { events: events.length, alerts: alerts.length, stored: inserted, duplicates };
      },
    );
  };
}
