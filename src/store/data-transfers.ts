// Cross-border transfers as stored: each with its recipient, volumes, the assets it draws on, the route
// decided when it was registered (kept as decided, with its reasoning) and the dates that start its
// obligations. The route itself is decided in src/datasec/transfers/; registering runs that decision
// inside the transaction, with the organisation locked, so two transfers registered at once still each
// count the other in the cumulative volumes of the year.
import { appendAudit, jsonParam } from './audit-log.js';
import type { Database, Queryable } from './database.js';
import { isUuid } from './organisations.js';

/** A stored transfer: what was registered, what the decision made of it, and its dates. */
export interface DataTransfer extends TransferFields, StoredDecision, Required<TransferDates> {
  readonly id: string;
  readonly organisationId: string;
  /** Per organisation, for people: XB-3. */
  readonly number: number;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const SELECT_TRANSFER = `SELECT id, organisation_id AS "organisationId", number, recipient, country, purpose, transfer_date::text AS "transferDate",
  asset_ids::text[] AS "assetIds", individuals, sensitive_individuals AS "sensitiveIndividuals", important_data AS "importantData", core_data AS "coreData",
  exemption, route, counts_toward_thresholds AS "countsTowardThresholds", decision, assessment_approved_on::text AS "assessmentApprovedOn",
  renewal_applied_on::text AS "renewalAppliedOn", contract_effective_on::text AS "contractEffectiveOn", contract_filed_on::text AS "contractFiledOn", pipia_completed_on::text AS "pipiaCompletedOn", created_by AS "createdBy",
  created_at AS "createdAt", updated_at AS "updatedAt" FROM data_transfers`;

export interface TransferFields {
  readonly recipient: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly purpose: string;
  /** YYYY-MM-DD, China time. */
  readonly transferDate: string;
  readonly assetIds: readonly string[];
  readonly individuals: number;
  readonly sensitiveIndividuals: number;
  readonly importantData: boolean;
  readonly coreData: boolean;
  readonly exemption: string | null;
}

/** What the decision made of a transfer, as it is stored. */
export interface StoredDecision {
  readonly route: string;
  /** Whether its volumes count toward the thresholds of later transfers in the year. */
  readonly countsTowardThresholds: boolean;
  readonly decision: Record<string, unknown>;
}

/** Registers a transfer; `decide` is given the organisation's transfers of the same calendar year. */
export async function registerTransfer(
  db: Database,
  organisationId: string,
  fields: TransferFields,
  decide: (sameYear: readonly DataTransfer[]) => StoredDecision,
  actor: string,
): Promise<DataTransfer> {
  return db.transaction(async (tx) => {
    // The organisation's row is locked while the year's volumes are read and the number taken.
    await tx.query('SELECT id FROM organisations WHERE id = $1 FOR UPDATE', [organisationId]);
    const sameYear = await transfersOfYear(tx, organisationId, Number(fields.transferDate.slice(0, 4)));
    const decided = decide(sameYear);
    const [{ next }] = await tx.query<{ next: number }>('SELECT coalesce(max(number), 0) + 1 AS next FROM data_transfers WHERE organisation_id = $1', [organisationId]);
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO data_transfers (organisation_id, number, recipient, country, purpose, transfer_date, asset_ids, individuals, sensitive_individuals,
         important_data, core_data, exemption, route, counts_toward_thresholds, decision, created_by)
       VALUES ($1, $2, $3, $4, $5, $6::date, $7::uuid[], $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16) RETURNING id`,
      [
        organisationId,
        next,
        fields.recipient,
        fields.country,
        fields.purpose,
        fields.transferDate,
        [...new Set(fields.assetIds)],
        fields.individuals,
        fields.sensitiveIndividuals,
        fields.importantData,
        fields.coreData,
        fields.exemption,
        decided.route,
        decided.countsTowardThresholds,
        jsonParam(decided.decision),
        actor,
      ],
    );
    const transfer = (await findTransfer(tx, organisationId, row.id)) as DataTransfer;
    await appendAudit(tx, { organisationId, actor, action: 'data-transfer.register', entity: 'data-transfer', entityId: transfer.id, before: null, after: transfer });
    return transfer;
  });
}

export async function findTransfer(db: Queryable, organisationId: string, id: string): Promise<DataTransfer | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.query<DataTransfer>(`${SELECT_TRANSFER} WHERE id = $1 AND organisation_id = $2`, [id, organisationId]);
  return row;
}

export async function listTransfers(db: Queryable, organisationId: string, year?: number): Promise<DataTransfer[]> {
  if (year !== undefined) return transfersOfYear(db, organisationId, year);
  return db.query<DataTransfer>(`${SELECT_TRANSFER} WHERE organisation_id = $1 ORDER BY transfer_date DESC, number DESC LIMIT 5000`, [organisationId]);
}

export async function transfersOfYear(db: Queryable, organisationId: string, year: number): Promise<DataTransfer[]> {
  return db.query<DataTransfer>(
    `${SELECT_TRANSFER} WHERE organisation_id = $1 AND transfer_date >= make_date($2, 1, 1) AND transfer_date < make_date($2 + 1, 1, 1) ORDER BY transfer_date DESC, number DESC`,
    [organisationId, year],
  );
}

/** The dates of a transfer a person records; a field left out is unchanged, null clears it. */
export const TRANSFER_DATE_FIELDS = ['assessmentApprovedOn', 'renewalAppliedOn', 'contractEffectiveOn', 'contractFiledOn', 'pipiaCompletedOn'] as const;
export type TransferDates = { readonly [field in (typeof TRANSFER_DATE_FIELDS)[number]]?: string | null };

const DATE_COLUMNS: Record<(typeof TRANSFER_DATE_FIELDS)[number], string> = {
  assessmentApprovedOn: 'assessment_approved_on',
  renewalAppliedOn: 'renewal_applied_on',
  contractEffectiveOn: 'contract_effective_on',
  contractFiledOn: 'contract_filed_on',
  pipiaCompletedOn: 'pipia_completed_on',
};

/** Records the dates that start the obligations; undefined when there is no such transfer. */
export async function setTransferDates(db: Database, organisationId: string, id: string, dates: TransferDates, actor: string): Promise<DataTransfer | undefined> {
  return db.transaction(async (tx) => {
    const before = await findTransfer(tx, organisationId, id);
    if (!before) return undefined;
    // Column names come from the fixed table above, never from the request.
    const fields = TRANSFER_DATE_FIELDS.filter((field) => dates[field] !== undefined);
    if (fields.length > 0) {
      const assignments = fields.map((field, index) => `${DATE_COLUMNS[field]} = $${index + 3}::date`).join(', ');
      await tx.query(`UPDATE data_transfers SET ${assignments}, updated_at = now() WHERE id = $1 AND organisation_id = $2`, [id, organisationId, ...fields.map((field) => dates[field] ?? null)]);
    }
    const after = (await findTransfer(tx, organisationId, id)) as DataTransfer;
    await appendAudit(tx, { organisationId, actor, action: 'data-transfer.dates', entity: 'data-transfer', entityId: id, before, after });
    return after;
  });
}

/** The transfers of a year of every operator reporting to a hub, each with its operator's name. */
export async function hubTransfersOfYear(db: Queryable, hubId: string, year: number): Promise<(DataTransfer & { readonly operatorName: string })[]> {
  return db.query<DataTransfer & { operatorName: string }>(
    `SELECT t.*, o.name AS "operatorName" FROM (${SELECT_TRANSFER}) t JOIN organisations o ON o.id = t."organisationId"
     WHERE o.hub_id = $1 AND t."transferDate" >= make_date($2, 1, 1)::text AND t."transferDate" < make_date($2 + 1, 1, 1)::text
     ORDER BY o.name, t.number`,
    [hubId, year],
  );
}
