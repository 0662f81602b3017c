// Transfers of data abroad, for an operator: register one (recipient, country, purpose, assets, volumes)
// and Rampart decides its route under CAC Order 16 — exempt, standard contract or certification, or a
// security assessment — from the operator's CII status, the data's classification and the volumes of the
// year so far, with the reasoning and its articles; a preview decides without registering. Each transfer
// then shows its obligations (assessment validity and renewal, contract filing, PIPIA record) and their
// state today; the year's volumes are shown against the thresholds.
import '../fastify-types.js';
import type { FastifyInstance } from 'fastify';
import { rampartError } from '../../core/errors.js';
import type { WorkingDayCalendar } from '../../core/regulations/working-days.js';
import { decideTransferRoute } from '../../datasec/transfers/decide-transfer-route.js';
import type { TransferRules } from '../../datasec/transfers/load-transfer-rules.js';
import { EXEMPTION_IDS } from '../../datasec/transfers/transfer-vocabulary.js';
import type { Database } from '../../store/database.js';
import { findTransfer, listTransfers, setTransferDates, transfersOfYear, TRANSFER_DATE_FIELDS, type DataTransfer, type TransferDates } from '../../store/data-transfers.js';
import { obligationsOf, registerDecidedTransfer, todayInChina, transferFacts, type TransferInput } from '../transfer-decisions.js';
import { personOf, principalOf } from '../authorise.js';
import { idParams } from '../schemas.js';

const date = { type: 'string', format: 'date' } as const;
const nullableDate = { type: ['string', 'null'], format: 'date' } as const;


export function dataTransferRoutes(db: Database, rules: TransferRules, calendar: WorkingDayCalendar) {
  const body = {
    type: 'object',
    properties: {
      recipient: { type: 'string', minLength: 1, maxLength: 300 },
      country: { type: 'string', pattern: '^[A-Z]{2}$' },
      purpose: { type: 'string', minLength: 1, maxLength: 2000 },
      transferDate: date,
      assetIds: { type: 'array', items: { type: 'string', maxLength: 100 }, maxItems: 200 },
      individuals: { type: 'integer', minimum: 0, maximum: 2_000_000_000 },
      sensitiveIndividuals: { type: 'integer', minimum: 0, maximum: 2_000_000_000 },
      importantData: { type: 'boolean' },
      coreData: { type: 'boolean' },
      exemption: { type: ['string', 'null'], enum: [...EXEMPTION_IDS, null] },
    },
    required: ['recipient', 'country', 'purpose', 'individuals', 'sensitiveIndividuals'],
    additionalProperties: false,
  } as const;

  /** A transfer as the API gives it: with its obligations and where each stands today. */
  const described = (transfer: DataTransfer) => ({ ...transfer, obligations: obligationsOf(transfer, rules, calendar) });

  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Querystring: { year?: number } }>(
      '/api/data-transfers',
      { config: { permission: 'data:read' }, schema: { tags: ['data'], summary: 'Transfers abroad, newest first, with their routes and obligations', querystring: { type: 'object', properties: { year: { type: 'integer', minimum: 2000, maximum: 2200 } }, additionalProperties: false } } },
      async (request) => {
        const transfers = await listTransfers(db, principalOf(request).organisation.id, request.query.year);
        return { transfers: transfers.map((transfer) => described(transfer)) };
      },
    );

    app.get<{ Querystring: { year?: number } }>(
      '/api/data-transfers/volumes',
      { config: { permission: 'data:read' }, schema: { tags: ['data'], summary: "The year's cumulative volumes against the Order 16 thresholds, with warnings", querystring: { type: 'object', properties: { year: { type: 'integer', minimum: 2000, maximum: 2200 } }, additionalProperties: false } } },
      async (request) => {
        const organisationId = principalOf(request).organisation.id;
        const today = todayInChina();
        const year = request.query.year ?? Number(today.slice(0, 4));
        // A transfer of nobody on the year's last day counted so far: the decision then reports the year's totals and warnings.
        const asOf = year === Number(today.slice(0, 4)) ? today : `${year}-12-31`;
        const facts = await transferFacts(db, organisationId, { recipient: '-', country: 'XX', purpose: '-', transferDate: asOf, individuals: 0, sensitiveIndividuals: 0 }, await transfersOfYear(db, organisationId, year));
        const decision = decideTransferRoute(facts, rules);
        return { year, asOf, cumulative: decision.cumulative, warnings: decision.warnings, thresholds: rules.thresholds };
      },
    );

    app.post<{ Body: TransferInput }>(
      '/api/data-transfers/preview',
      { config: { permission: 'data:read' }, schema: { tags: ['data'], summary: 'Decide the route of a transfer without registering it', body } },
      async (request) => {
        const organisationId = principalOf(request).organisation.id;
        const year = Number((request.body.transferDate ?? todayInChina()).slice(0, 4));
        const facts = await transferFacts(db, organisationId, request.body, await transfersOfYear(db, organisationId, year));
        return { facts, decision: decideTransferRoute(facts, rules) };
      },
    );

    app.post<{ Body: TransferInput }>(
      '/api/data-transfers',
      { config: { permission: 'data:write' }, schema: { tags: ['data'], summary: 'Register a transfer abroad; Rampart decides and keeps its route', body } },
      async (request, reply) => {
        const principal = principalOf(request);
        const transfer = await registerDecidedTransfer(db, principal.organisation.id, request.body, rules, personOf(principal));
        return reply.code(201).send(described(transfer));
      },
    );

    app.get<{ Params: { id: string } }>('/api/data-transfers/:id', { config: { permission: 'data:read' }, schema: { tags: ['data'], summary: 'One transfer: its decision with the reasoning, and its obligations', params: idParams } }, async (request) => {
      const transfer = await findTransfer(db, principalOf(request).organisation.id, request.params.id);
      if (!transfer) throw rampartError('RAMPART_E_NOT_FOUND', { entity: 'Transfer', id: request.params.id });
      return described(transfer);
    });

    app.patch<{ Params: { id: string }; Body: TransferDates }>(
      '/api/data-transfers/:id',
      {
        config: { permission: 'data:write' },
        schema: {
          tags: ['data'],
          summary: 'Record the dates that start and fulfil the obligations: assessment approved, renewal applied for, contract in force, contract filed, PIPIA completed',
          params: idParams,
          body: { type: 'object', properties: Object.fromEntries(TRANSFER_DATE_FIELDS.map((field) => [field, nullableDate])), minProperties: 1, additionalProperties: false },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const transfer = await setTransferDates(db, principal.organisation.id, request.params.id, request.body, personOf(principal));
        if (!transfer) throw rampartError('RAMPART_E_NOT_FOUND', { entity: 'Transfer', id: request.params.id });
        return described(transfer);
      },
    );
  };
}
