// The coordination centre's view of its operators' transfers abroad, as figures per operator for a year:
// how many by route, the individuals sent (sensitive apart), the threshold warnings of the last decision
// and the obligations overdue today. Like reports rather than raw alerts, the hub sees these figures, not
// the transfers themselves (recipients, purposes and dates stay with the operator).
import '../fastify-types.js';
import type { FastifyInstance } from 'fastify';
import type { WorkingDayCalendar } from '../../core/regulations/working-days.js';
import type { TransferRules } from '../../datasec/transfers/load-transfer-rules.js';
import { TRANSFER_ROUTES, type TransferRoute } from '../../datasec/transfers/transfer-vocabulary.js';
import type { Database } from '../../store/database.js';
import { hubTransfersOfYear } from '../../store/data-transfers.js';
import { listOperators } from '../../store/organisations.js';
import { principalOf } from '../authorise.js';
import { obligationsOf, todayInChina } from '../transfer-decisions.js';

export function hubDataTransferRoutes(db: Database, rules: TransferRules, calendar: WorkingDayCalendar) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Querystring: { year?: number } }>(
      '/api/hub/data-transfers',
      {
        config: { permission: 'hub:data' },
        schema: {
          tags: ['data', 'hub'],
          summary: "The operators' transfers abroad of a year as figures per operator: routes, individuals, overdue obligations",
          querystring: { type: 'object', properties: { year: { type: 'integer', minimum: 2000, maximum: 2200 } }, additionalProperties: false },
        },
      },
      async (request) => {
        const hubId = principalOf(request).organisation.id;
        const today = todayInChina();
        const year = request.query.year ?? Number(today.slice(0, 4));
        const transfers = await hubTransfersOfYear(db, hubId, year);
        const byOperator = new Map<string, typeof transfers>();
        for (const transfer of transfers) {
          const own = byOperator.get(transfer.organisationId);
          if (own) own.push(transfer);
          else byOperator.set(transfer.organisationId, [transfer]);
        }
        const operators = (await listOperators(db, hubId)).map((operator) => {
          const own = byOperator.get(operator.id) ?? [];
          const byRoute = Object.fromEntries(TRANSFER_ROUTES.map((route) => [route, own.filter((transfer) => transfer.route === route).length])) as Record<TransferRoute, number>;
          const overdue = own.flatMap((transfer) => obligationsOf(transfer, rules, calendar, today).filter((obligation) => obligation.status === 'overdue'));
          const last = own.at(-1)?.decision as { warnings?: readonly { kind: string; text: string }[] } | undefined;
          return {
            id: operator.id,
            name: operator.name,
            sector: operator.sector,
            cii: operator.cii,
            transfers: own.length,
            byRoute,
            individuals: own.reduce((sum, transfer) => sum + transfer.individuals, 0),
            sensitiveIndividuals: own.reduce((sum, transfer) => sum + transfer.sensitiveIndividuals, 0),
            overdueObligations: overdue.length,
            warnings: (last?.warnings ?? []).filter((warning) => warning.kind === 'threshold').map((warning) => warning.text),
          };
        });
        return { year, operators };
      },
    );
  };
}
