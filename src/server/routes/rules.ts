// Rules through the API: what runs (the server's own rule set, and the rules added here), adding a
// Sigma rule (an operator's admin for the operator, the hub's admin for every operator), switching an
// added rule on or off, and switching any rule off for one operator. Changes apply from the next batch
// (organisation-rules.ts), without a restart; a rule that does not parse or compile is refused with
// every problem and its line.
import '../fastify-types.js';
import type { FastifyInstance } from 'fastify';
import { rampartError } from '../../core/errors.js';
import type { Database } from '../../store/database.js';
import { addRule, listRules, listSuppressions, setRuleEnabled, suppressRule, unsuppressRule } from '../../store/rules.js';
import { principalOf } from '../authorise.js';
import type { LiveDetection } from '../live-detection.js';
import { ruleKey, type OrganisationRules } from '../organisation-rules.js';
import { idParams } from '../schemas.js';

const ruleIdParams = { type: 'object', properties: { ruleId: { type: 'string', minLength: 1, maxLength: 300 } }, required: ['ruleId'], additionalProperties: false } as const;

export function ruleRoutes(db: Database, detection: LiveDetection, organisationRules: OrganisationRules) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/api/rules', { config: { permission: 'rules:read' }, schema: { tags: ['rules'], summary: "The server's rule set, the rules added through the API, and the rules switched off here" } }, async (request) => {
      const organisation = principalOf(request).organisation;
      const added = await listRules(db, organisation.id);
      return {
        server: detection.summary,
        added: added.map(({ yaml: _yaml, ...rule }) => rule),
        suppressed: organisation.kind === 'operator' ? await listSuppressions(db, organisation.id) : [],
      };
    });

    app.post<{ Body: { yaml: string } }>(
      '/api/rules',
      {
        config: { permission: 'rules:write' },
        schema: {
          tags: ['rules'],
          summary: 'Add a Sigma rule (YAML): for this operator, or from the hub for every operator',
          body: { type: 'object', properties: { yaml: { type: 'string', minLength: 1, maxLength: 200_000 } }, required: ['yaml'], additionalProperties: false },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const { rules, problems } = organisationRules.compile(request.body.yaml, 'rule');
        if (problems.length > 0) throw rampartError('RAMPART_E_INVALID_REQUEST', { reason: `the rule does not load: ${problems.slice(0, 5).join('; ')}` });
        if (rules.length !== 1) throw rampartError('RAMPART_E_INVALID_REQUEST', { reason: `send one rule per request (this text holds ${rules.length})` });
        const [rule] = rules;
        const owner = principal.organisation.kind === 'hub' ? null : principal.organisation.id;
        const added = await addRule(db, owner, { sigmaId: ruleKey(rule), title: rule.title, level: rule.level, yaml: request.body.yaml }, principal.actor, principal.organisation.id);
        return reply.code(201).send(added);
      },
    );

    app.patch<{ Params: { id: string }; Body: { enabled: boolean } }>(
      '/api/rules/:id',
      {
        config: { permission: 'rules:write' },
        schema: { tags: ['rules'], summary: 'Switch a rule added here on or off', params: idParams, body: { type: 'object', properties: { enabled: { type: 'boolean' } }, required: ['enabled'], additionalProperties: false } },
      },
      async (request) => {
        const principal = principalOf(request);
        const owner = principal.organisation.kind === 'hub' ? null : principal.organisation.id;
        const rule = await setRuleEnabled(db, owner, request.params.id, request.body.enabled, principal.actor, principal.organisation.id);
        if (!rule) throw rampartError('RAMPART_E_NOT_FOUND', { entity: 'Rule', id: request.params.id });
        const { yaml: _yaml, ...summary } = rule;
        return summary;
      },
    );

    app.put<{ Params: { ruleId: string }; Body: { reason: string } }>(
      '/api/rules/suppressed/:ruleId',
      {
        config: { permission: 'rules:suppress' },
        schema: { tags: ['rules'], summary: 'Switch a rule (by its Sigma id) off for this operator', params: ruleIdParams, body: { type: 'object', properties: { reason: { type: 'string', minLength: 1, maxLength: 2000 } }, required: ['reason'], additionalProperties: false } },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        await suppressRule(db, principal.organisation.id, request.params.ruleId, request.body.reason, principal.actor);
        return reply.code(204).send();
      },
    );

    app.delete<{ Params: { ruleId: string } }>(
      '/api/rules/suppressed/:ruleId',
      { config: { permission: 'rules:suppress' }, schema: { tags: ['rules'], summary: 'Switch a rule back on for this operator', params: ruleIdParams } },
      async (request, reply) => {
        const principal = principalOf(request);
        if (!(await unsuppressRule(db, principal.organisation.id, request.params.ruleId, principal.actor))) throw rampartError('RAMPART_E_NOT_FOUND', { entity: 'Suppressed rule', id: request.params.ruleId });
        return reply.code(204).send();
      },
    );
  };
}
