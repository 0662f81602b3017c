// How a transfer abroad gets its route, shared by the API and the demo seed: the facts the Order 16
// decision needs are gathered from the request, the organisation (its CII flag) and the assets named
// (a decided — else proposed — level of important or core makes the data important or core); then the
// transfer is registered with the decision taken inside the store's transaction, over the year's
// transfers read with the organisation locked. Also the obligations of a stored transfer as of today.
import { rampartError } from '../core/errors.js';
import { chinaDateOf } from '../core/regulations/calendar-date.js';
import type { WorkingDayCalendar } from '../core/regulations/working-days.js';
import { decideTransferRoute, type RouteDecision } from '../datasec/transfers/decide-transfer-route.js';
import type { TransferRules } from '../datasec/transfers/load-transfer-rules.js';
import type { EarlierTransfer, TransferFacts } from '../datasec/transfers/transfer-facts.js';
import { obligationStatus, transferObligations, type ObligationId, type ObligationStatus, type TransferObligation } from '../datasec/transfers/transfer-obligations.js';
import type { ExemptionId } from '../datasec/transfers/transfer-vocabulary.js';
import { dataAssetsByIds, type DataAsset } from '../store/data-assets.js';
import type { Database } from '../store/database.js';
import { registerTransfer, type DataTransfer } from '../store/data-transfers.js';
import { findOrganisation } from '../store/organisations.js';

export interface TransferInput {
  readonly recipient: string;
  readonly country: string;
  readonly purpose: string;
  /** China date; default today in China. */
  readonly transferDate?: string;
  readonly assetIds?: readonly string[];
  readonly individuals: number;
  readonly sensitiveIndividuals: number;
  readonly importantData?: boolean;
  readonly coreData?: boolean;
  readonly exemption?: ExemptionId | null;
}

export function todayInChina(now = new Date()): string {
  return chinaDateOf(now.toISOString(), 'today');
}

/** A stored transfer as the decision counts it among the earlier ones of its year. */
export function asEarlierTransfer(transfer: DataTransfer): EarlierTransfer {
  return { date: transfer.transferDate, individuals: transfer.individuals, sensitiveIndividuals: transfer.sensitiveIndividuals, countsTowardThresholds: transfer.countsTowardThresholds };
}

/** The facts of a transfer as the decision needs them, given the organisation's other transfers of the year. */
export async function transferFacts(db: Database, organisationId: string, input: TransferInput, earlier: readonly DataTransfer[]): Promise<TransferFacts> {
  const organisation = await findOrganisation(db, organisationId);
  if (!organisation) throw rampartError('RAMPART_E_NOT_FOUND', { entity: 'Organisation', id: organisationId });
  const assets = await dataAssetsByIds(db, organisationId, input.assetIds ?? []);
  const levelOf = (asset: DataAsset) => asset.level ?? asset.proposedLevel;
  return {
    operatorIsCii: organisation.cii,
    transferDate: input.transferDate ?? todayInChina(),
    containsPersonalInformation: input.individuals + input.sensitiveIndividuals > 0 || assets.some((asset) => asset.categories.length > 0),
    importantData: input.importantData === true || assets.some((asset) => levelOf(asset) === 'important' || levelOf(asset) === 'core'),
    coreData: input.coreData === true || assets.some((asset) => levelOf(asset) === 'core'),
    individuals: input.individuals,
    sensitiveIndividuals: input.sensitiveIndividuals,
    ...(input.exemption ? { exemption: input.exemption } : {}),
    earlier: earlier.map(asEarlierTransfer),
  };
}

/** Registers the transfer with the route decided over the year's transfers as they stand in the transaction. */
export async function registerDecidedTransfer(db: Database, organisationId: string, input: TransferInput, rules: TransferRules, actor: string): Promise<DataTransfer> {
  const transferDate = input.transferDate ?? todayInChina();
  // Facts other than the volumes are read first; the year's transfers are read again, locked, inside the store's transaction.
  const facts = await transferFacts(db, organisationId, { ...input, transferDate }, []);
  return registerTransfer(
    db,
    organisationId,
    {
      recipient: input.recipient,
      country: input.country,
      purpose: input.purpose,
      transferDate,
      assetIds: input.assetIds ?? [],
      individuals: input.individuals,
      sensitiveIndividuals: input.sensitiveIndividuals,
      importantData: facts.importantData,
      coreData: facts.coreData,
      exemption: input.exemption ?? null,
    },
    (sameYear) => {
      const decision = decideTransferRoute({ ...facts, earlier: sameYear.map(asEarlierTransfer) }, rules);
      return { route: decision.route, countsTowardThresholds: decision.countsTowardThresholds, decision: decision as unknown as Record<string, unknown> };
    },
    actor,
  );
}

export interface ObligationState extends TransferObligation {
  readonly status: ObligationStatus;
}

/** The obligations of a stored transfer whose start is known, and where each stands `today`. */
export function obligationsOf(transfer: DataTransfer, rules: TransferRules, calendar: WorkingDayCalendar, today = todayInChina()): ObligationState[] {
  const started = { assessmentApprovedOn: transfer.assessmentApprovedOn, contractEffectiveOn: transfer.contractEffectiveOn, pipiaCompletedOn: transfer.pipiaCompletedOn };
  const dates = Object.fromEntries(Object.entries(started).filter(([, value]) => value !== null));
  const obligations = transferObligations(transfer.decision as unknown as RouteDecision, dates, rules, calendar);
  // What fulfils each: the renewal applied for (the validity then runs on), the contract filed.
  const completedOn: Partial<Record<ObligationId, string | null>> = { 'assessment-renewal': transfer.renewalAppliedOn, 'assessment-expiry': transfer.renewalAppliedOn, 'standard-contract-filing': transfer.contractFiledOn };
  return obligations.map((obligation) => ({ ...obligation, status: obligationStatus(obligation, today, completedOn[obligation.id] ?? undefined) }));
}
