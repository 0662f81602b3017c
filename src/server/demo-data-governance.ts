// The demo's data catalog and transfers abroad, for the grid company: the assets `rampart data scan
// data/demo/personal-data` finds the data of, one level decided and one waiting for a decision, and two
// transfers of the year with their routes decided by the same code the API uses, so the Data catalog
// and Transfers abroad pages show real decisions, reasoning and obligations.
import { addDays } from '../core/regulations/calendar-date.js';
import type { ClassificationRules } from '../datasec/classification/load-classification-rules.js';
import { proposeClassification, type DataImpact } from '../datasec/classification/propose-classification.js';
import type { TransferRules } from '../datasec/transfers/load-transfer-rules.js';
import { classifyDataAsset, createDataAsset, type AssetFields, type ClassificationLevel } from '../store/data-assets.js';
import { setTransferDates } from '../store/data-transfers.js';
import type { Database } from '../store/database.js';
import { registerDecidedTransfer, todayInChina } from './transfer-decisions.js';

/** An asset as the catalog takes it (its level proposed from the impacts), and the level the demo's admin decided, if any. */
interface DemoAsset extends Omit<AssetFields, 'proposedLevel' | 'impacts'> {
  readonly impacts: readonly DataImpact[];
  readonly decided?: { readonly level: ClassificationLevel; readonly note: string };
}

const ASSETS: readonly DemoAsset[] = [
  {
    name: 'Customer accounts',
    system: 'Billing and CRM',
    location: 'data/demo/personal-data/customers.csv',
    owner: 'Customer service',
    categories: ['cn-resident-id', 'cn-mobile', 'email', 'bank-card'],
    individuals: 2_400_000,
    impacts: [{ object: 'individual-organisation-rights', harm: 'particularly-serious' }],
    decided: { level: 'general', note: 'Personal information of customers only; protected as sensitive personal information, not important data' },
  },
  {
    name: 'Field-service orders',
    system: 'Work orders (legacy, GBK)',
    location: 'data/demo/personal-data/orders-gbk.txt',
    owner: 'Field operations',
    categories: ['cn-mobile', 'cn-vehicle-plate'],
    individuals: 80,
    impacts: [],
  },
  {
    name: 'Substation dispatch plans',
    system: 'Dispatch (SCADA)',
    location: 'hist-srv-02:/srv/dispatch',
    owner: 'Grid dispatch centre',
    categories: [],
    individuals: null,
    impacts: [
      { object: 'national-security', harm: 'serious' },
      { object: 'economy-public-interest', harm: 'particularly-serious' },
    ],
  },
];

export async function seedDemoDataGovernance(db: Database, organisationId: string, classification: ClassificationRules, transfers: TransferRules, actor: string, now = new Date()): Promise<void> {
  const ids: string[] = [];
  for (const asset of ASSETS) {
    const created = await createDataAsset(db, organisationId, { ...asset, proposedLevel: proposeClassification(asset.impacts, classification).level }, actor);
    if (asset.decided) await classifyDataAsset(db, organisationId, created.id, asset.decided.level, asset.decided.note, 'user:grid.admin');
    ids.push(created.id);
  }
  const today = todayInChina(now);
  // The grid company is a CII operator: any personal information it sends abroad needs the security assessment.
  const support = await registerDecidedTransfer(
    db,
    organisationId,
    { recipient: 'Relay vendor support centre', country: 'DE', purpose: 'remote diagnosis of protection relays, with the contact details of field engineers', transferDate: addDays(today, -40), assetIds: [ids[1]], individuals: 35, sensitiveIndividuals: 0 },
    transfers,
    'user:grid.analyst',
  );
  await setTransferDates(db, organisationId, support.id, { pipiaCompletedOn: addDays(today, -60), assessmentApprovedOn: addDays(today, -45) }, 'user:grid.analyst');
  await registerDecidedTransfer(
    db,
    organisationId,
    { recipient: 'Group treasury', country: 'SG', purpose: 'annual audit of customer billing', transferDate: addDays(today, -3), assetIds: [ids[0]], individuals: 0, sensitiveIndividuals: 120, exemption: 'small-volume' },
    transfers,
    'user:grid.reporter',
  );
}
