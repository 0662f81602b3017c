// The data catalog and the transfer register, on both databases: an asset keeps the history of every
// change and of the level a person decided; transfers are numbered per organisation, read only within
// their organisation, and registering one hands the decision exactly that organisation's transfers of the
// same calendar year.
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/databases.js';
import { classifyDataAsset, createDataAsset, dataAssetHistory, dataAssetsByIds, findDataAsset, listDataAssets, recordScannedPlaces, updateDataAsset } from './data-assets.js';
import { findTransfer, listTransfers, registerTransfer, setTransferDates, type DataTransfer, type TransferFields } from './data-transfers.js';
import type { Database } from './database.js';
import { createOrganisation, type Organisation } from './organisations.js';

for (const database of testDatabases()) {
  describe(`data governance store on ${database.name}`, () => {
    afterAll(() => database.cleanUp());

    const world = async (): Promise<{ db: Database; bank: Organisation; rail: Organisation }> => {
      const db = await database.open();
      const hub = await createOrganisation(db, { name: 'Hub', kind: 'hub' }, 'system');
      const bank = await createOrganisation(db, { name: 'Bank', kind: 'operator', hubId: hub.id, sector: 'finance', cii: false }, 'system');
      const rail = await createOrganisation(db, { name: 'Rail', kind: 'operator', hubId: hub.id, sector: 'transport', cii: true }, 'system');
      return { db, bank, rail };
    };

    it('keeps every change of an asset and the decided level in its history', async () => {
      const { db, bank, rail } = await world();
      const asset = await createDataAsset(db, bank.id, { name: 'Customers', system: 'CRM', location: 'crm.public.customers', categories: ['cn-mobile', 'cn-resident-id', 'cn-mobile'], individuals: 120_000, proposedLevel: 'general' }, 'user:dpo');
      expect(asset).toMatchObject({ categories: ['cn-mobile', 'cn-resident-id'], individuals: 120_000, proposedLevel: 'general', level: null });
      await expect(createDataAsset(db, bank.id, { name: 'Customers', proposedLevel: 'general' }, 'user:dpo')).rejects.toMatchObject({ code: 'RAMPART_E_CONFLICT' });
      // Another organisation may use the same name, and never sees the bank's asset.
      await createDataAsset(db, rail.id, { name: 'Customers', proposedLevel: 'general' }, 'user:rail');
      expect(await findDataAsset(db, rail.id, asset.id)).toBeUndefined();
      expect((await listDataAssets(db, rail.id)).map((a) => a.organisationId)).toEqual([rail.id]);

      const unchanged = await updateDataAsset(db, bank.id, asset.id, { owner: '' }, 'user:dpo');
      expect(unchanged?.owner).toBe('');
      await updateDataAsset(db, bank.id, asset.id, { owner: 'Retail banking', impacts: [{ object: 'economy-public-interest', harm: 'serious' }], proposedLevel: 'important' }, 'user:dpo', 'after the impact review');
      const decided = await classifyDataAsset(db, bank.id, asset.id, 'important', 'Agrees with the proposal', 'user:admin');
      expect(decided).toMatchObject({ level: 'important', levelDecidedBy: 'user:admin', levelNote: 'Agrees with the proposal' });
      expect(await classifyDataAsset(db, rail.id, asset.id, 'core', 'not theirs', 'user:rail')).toBeUndefined();

      const history = await dataAssetHistory(db, asset.id);
      expect(history.map((entry) => entry.action)).toEqual(['create', 'update', 'classify']);
      expect(history[1]).toMatchObject({ actor: 'user:dpo', note: 'after the impact review', changes: { owner: { from: '', to: 'Retail banking' }, proposedLevel: { from: 'general', to: 'important' } } });
      expect(Object.keys(history[1].changes).sort()).toEqual(['impacts', 'owner', 'proposedLevel']);
      expect(history[2].changes).toMatchObject({ level: { from: null, to: 'important' } });
      const audited = await db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity = 'data-asset' AND entity_id = $1 ORDER BY seq", [asset.id]);
      expect(audited.map((row) => row.action)).toEqual(['data-asset.create', 'data-asset.update', 'data-asset.classify']);

      await expect(dataAssetsByIds(db, rail.id, [asset.id])).rejects.toMatchObject({ code: 'RAMPART_E_NOT_FOUND' });
      await expect(dataAssetsByIds(db, bank.id, [asset.id, 'not-a-uuid'])).rejects.toThrow('not-a-uuid');
      expect((await dataAssetsByIds(db, bank.id, [asset.id, asset.id])).map((a) => a.id)).toEqual([asset.id]);
    });

    it('records scanned places: new ones become assets, known ones only gain categories and individuals', async () => {
      const { db, bank, rail } = await world();
      const declared = await createDataAsset(db, bank.id, { name: 'CRM export', location: 'exports/customers.csv', categories: ['health'], individuals: 500, proposedLevel: 'general' }, 'user:dpo');
      await createDataAsset(db, bank.id, { name: 'logs/app.log', location: 'elsewhere', proposedLevel: 'general' }, 'user:dpo');
      const first = await recordScannedPlaces(
        db,
        bank.id,
        [
          { location: 'exports/customers.csv', categories: ['cn-mobile', 'cn-resident-id'], individuals: 120 },
          { location: 'logs/app.log', categories: ['ipv4'], individuals: 47 },
        ],
        { system: 'File share', owner: 'IT' },
        'user:scanner',
      );
      expect(first.updated.map((asset) => asset.id)).toEqual([declared.id]);
      // A category a person declared stays; the larger count of individuals is kept.
      expect(first.updated[0]).toMatchObject({ categories: ['cn-mobile', 'cn-resident-id', 'health'], individuals: 500, name: 'CRM export' });
      expect(first.created[0]).toMatchObject({ name: 'logs/app.log (2)', location: 'logs/app.log', system: 'File share', owner: 'IT', categories: ['ipv4'], proposedLevel: 'general' });
      const again = await recordScannedPlaces(db, bank.id, [{ location: 'logs/app.log', categories: ['ipv4'], individuals: 40 }], {}, 'user:scanner');
      expect(again.unchanged.length).toBe(1);
      expect((await dataAssetHistory(db, declared.id)).map((entry) => [entry.action, entry.note])).toEqual([
        ['create', null],
        ['update', 'found by rampart data scan'],
      ]);
      // The railway's scan of the same path is the railway's own asset.
      const railScan = await recordScannedPlaces(db, rail.id, [{ location: 'exports/customers.csv', categories: ['email'], individuals: 1 }], {}, 'user:rail');
      expect(railScan.created[0]).toMatchObject({ organisationId: rail.id, categories: ['email'] });
    });

    it('numbers transfers per organisation and hands the decision the same year only', async () => {
      const { db, bank, rail } = await world();
      const fields = (transferDate: string, individuals: number): TransferFields => ({
        recipient: 'Parent Co.',
        country: 'SG',
        purpose: 'group HR',
        transferDate,
        assetIds: [],
        individuals,
        sensitiveIndividuals: 0,
        importantData: false,
        coreData: false,
        exemption: null,
      });
      const seen: string[][] = [];
      const decide = (sameYear: readonly DataTransfer[]) => {
        seen.push(sameYear.map((t) => t.transferDate));
        return { route: 'exempt', countsTowardThresholds: true, decision: { route: 'exempt', basis: 'test' } };
      };
      const december = await registerTransfer(db, bank.id, fields('2025-12-31', 60_000), decide, 'user:dpo');
      const january = await registerTransfer(db, bank.id, fields('2026-01-01', 50_000), decide, 'user:dpo');
      await registerTransfer(db, bank.id, fields('2026-03-10', 10), decide, 'user:dpo');
      const railTransfer = await registerTransfer(db, rail.id, fields('2026-03-11', 5), decide, 'user:rail');
      expect([december.number, january.number, railTransfer.number]).toEqual([1, 2, 1]);
      expect(seen).toEqual([[], [], ['2026-01-01'], []]);
      expect(january).toMatchObject({ transferDate: '2026-01-01', route: 'exempt', decision: { basis: 'test' }, assessmentApprovedOn: null });
      expect(await findTransfer(db, rail.id, january.id)).toBeUndefined();
      expect((await listTransfers(db, bank.id, 2026)).map((t) => t.transferDate)).toEqual(['2026-03-10', '2026-01-01']);
      expect((await listTransfers(db, bank.id)).length).toBe(3);

      const dated = await setTransferDates(db, bank.id, january.id, { contractEffectiveOn: '2026-01-05' }, 'user:dpo');
      expect(dated).toMatchObject({ contractEffectiveOn: '2026-01-05', assessmentApprovedOn: null });
      const cleared = await setTransferDates(db, bank.id, january.id, { contractEffectiveOn: null, pipiaCompletedOn: '2025-12-20' }, 'user:dpo');
      expect(cleared).toMatchObject({ contractEffectiveOn: null, pipiaCompletedOn: '2025-12-20' });
      expect(await setTransferDates(db, rail.id, january.id, { contractEffectiveOn: '2026-01-05' }, 'user:rail')).toBeUndefined();
    });
  });
}
