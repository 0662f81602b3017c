// POST /api/detections: what `rampart hunt --push` sends — detections found by a hunt elsewhere —
// stored as the operator's alerts. The id comes from the rule and the event's place in its file, so a
// hunt pushed twice stores nothing twice.
import '../fastify-types.js';
import type { FastifyInstance } from 'fastify';
import type { Detection } from '../../core/detection.js';
import { LEVELS, type Level } from '../../core/level.js';
import { canonicalJson } from '../../store/canonical-json.js';
import { insertAlerts, type NewAlert } from '../../store/alerts.js';
import type { Database } from '../../store/database.js';
import { principalOf } from '../authorise.js';
import { detectionRuleKey, type OrganisationRules } from '../organisation-rules.js';

export const MAX_PUSHED = 5000;

const text = { type: 'string', maxLength: 4000 } as const;
const detection = {
  type: 'object',
  properties: {
    rule: {
      type: 'object',
      properties: {
        id: text,
        title: text,
        level: { type: 'string', enum: [...LEVELS] },
        status: text,
        tags: { type: 'array', items: text, maxItems: 100 },
        author: text,
        references: { type: 'array', items: text, maxItems: 100 },
        file: text,
      },
      required: ['title', 'level', 'tags', 'references', 'file'],
      additionalProperties: false,
    },
    event: {
      type: 'object',
      properties: {
        time: text,
        computer: text,
        channel: text,
        eventId: { type: ['string', 'integer'] },
        ref: {
          type: 'object',
          properties: { file: text, line: { type: 'integer' }, record: { type: 'integer' } },
          required: ['file'],
          additionalProperties: false,
        },
      },
      required: ['ref'],
      additionalProperties: false,
    },
    fields: { type: 'object', additionalProperties: { type: 'string', maxLength: 4000 }, maxProperties: 200 },
  },
  required: ['rule', 'event', 'fields'],
  additionalProperties: false,
} as const;

export function detectionRoutes(db: Database, organisationRules: OrganisationRules) {
  return async (app: FastifyInstance): Promise<void> => {
    app.post<{ Body: { detections: Detection[] } }>(
      '/api/detections',
      {
        config: { permission: 'alerts:ingest' },
        schema: {
          tags: ['ingest'],
          summary: 'Store detections of a hunt run elsewhere (rampart hunt --push) as alerts',
          body: { type: 'object', properties: { detections: { type: 'array', items: detection, maxItems: MAX_PUSHED } }, required: ['detections'], additionalProperties: false },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const receivedAt = new Date().toISOString();
        // A rule the operator switched off stays off for what a hunt elsewhere found with it too.
        const { suppressed } = await organisationRules.forOrganisation(principal.organisation.id);
        const kept = request.body.detections.filter((found) => !suppressed.has(detectionRuleKey(found.rule)));
        const alerts = kept.map((found): NewAlert => {
          const time = found.event.time !== undefined && !Number.isNaN(Date.parse(found.event.time)) ? new Date(found.event.time).toISOString() : receivedAt;
          const eventId = Number(found.event.eventId);
          return {
            ruleId: detectionRuleKey(found.rule),
            ruleTitle: found.rule.title,
            level: found.rule.level as Level,
            tags: found.rule.tags.map((tag) => tag.toLowerCase()),
            eventTime: time,
            computer: found.event.computer,
            channel: found.event.channel,
            eventId: Number.isInteger(eventId) ? eventId : undefined,
            source: 'hunt',
            fields: found.fields,
            event: { ref: found.event.ref, fields: found.fields },
            identity: canonicalJson([found.event.ref.file, found.event.ref.record ?? found.event.ref.line ?? null, found.event.time ?? null, found.fields]),
          };
        });
        const { inserted, duplicates } = await db.transaction((tx) => insertAlerts(tx, principal.organisation.id, alerts));
        return { detections: request.body.detections.length, suppressed: request.body.detections.length - kept.length, stored: inserted, duplicates };
      },
    );
  };
}
