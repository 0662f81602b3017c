// The data catalog as stored: an operator's data assets, each with its personal-information categories,
// the classification level Rampart proposed and the level a person decided, and the history of every
// change. What the level should be is worked out in src/datasec/classification/; this file only reads and
// writes, always within one organisation, each change written to the asset's history and the audit log
// in the same transaction.
import { rampartError } from '../core/errors.js';
import { appendAudit, jsonParam } from './audit-log.js';
import type { Database, Queryable } from './database.js';
import { isUuid } from './organisations.js';

export const CLASSIFICATION_LEVELS = ['general', 'important', 'core'] as const;
export type ClassificationLevel = (typeof CLASSIFICATION_LEVELS)[number];

export interface DataAsset {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  /** The business system it belongs to: `core banking`, `CRM`. */
  readonly system: string;
  /** Where it sits: `crm.public.customers`, `/srv/exports`. */
  readonly location: string;
  readonly owner: string;
  /** Personal-information categories: recognizer ids (cn-resident-id) and declared ones (health). */
  readonly categories: readonly string[];
  /** Estimated number of individuals whose data it holds, when known. */
  readonly individuals: number | null;
  /** The GB/T 43697 inputs: which object harm would reach, and how badly. */
  readonly impacts: readonly unknown[];
  readonly proposedLevel: ClassificationLevel;
  /** Decided by a person; null until then. */
  readonly level: ClassificationLevel | null;
  readonly levelDecidedBy: string | null;
  readonly levelDecidedAt: string | null;
  readonly levelNote: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface AssetHistoryEntry {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  /** create, update, classify */
  readonly action: string;
  /** Field → { from, to }; on create, the fields set. */
  readonly changes: Record<string, unknown>;
  readonly note: string | null;
}

interface AssetRecord {
  id: string;
  organisation_id: string;
  name: string;
  system: string;
  location: string;
  owner: string;
  categories: string[];
  individuals: number | null;
  impacts: unknown[];
  proposed_level: ClassificationLevel;
  level: ClassificationLevel | null;
  level_decided_by: string | null;
  level_decided_at: string | null;
  level_note: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

const toAsset = (row: AssetRecord): DataAsset => ({
  id: row.id,
  organisationId: row.organisation_id,
  name: row.name,
  system: row.system,
  location: row.location,
  owner: row.owner,
  categories: row.categories,
  individuals: row.individuals,
  impacts: row.impacts,
  proposedLevel: row.proposed_level,
  level: row.level,
  levelDecidedBy: row.level_decided_by,
  levelDecidedAt: row.level_decided_at,
  levelNote: row.level_note,
  createdBy: row.created_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** What describes an asset; the proposed level comes with it, worked out by the caller from the impacts. */
export interface AssetFields {
  readonly name: string;
  readonly system?: string;
  readonly location?: string;
  readonly owner?: string;
  readonly categories?: readonly string[];
  readonly individuals?: number | null;
  readonly impacts?: readonly unknown[];
  readonly proposedLevel: ClassificationLevel;
}

export async function createDataAsset(db: Database, organisationId: string, fields: AssetFields, actor: string): Promise<DataAsset> {
  return db.transaction(async (tx) => {
    await refuseDuplicateName(tx, organisationId, fields.name);
    const [row] = await tx.query<AssetRecord>(
      `INSERT INTO data_assets (organisation_id, name, system, location, owner, categories, individuals, impacts, proposed_level, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10) RETURNING *`,
      [organisationId, fields.name, fields.system ?? '', fields.location ?? '', fields.owner ?? '', uniqueSorted(fields.categories ?? []), fields.individuals ?? null, jsonParam(fields.impacts ?? []), fields.proposedLevel, actor],
    );
    const asset = toAsset(row);
    await recordHistory(tx, asset.id, actor, 'create', describable(asset), null);
    await appendAudit(tx, { organisationId, actor, action: 'data-asset.create', entity: 'data-asset', entityId: asset.id, before: null, after: asset });
    return asset;
  });
}

export async function findDataAsset(db: Queryable, organisationId: string, id: string): Promise<DataAsset | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.query<AssetRecord>('SELECT * FROM data_assets WHERE id = $1 AND organisation_id = $2', [id, organisationId]);
  return row && toAsset(row);
}

export async function listDataAssets(db: Queryable, organisationId: string): Promise<DataAsset[]> {
  const rows = await db.query<AssetRecord>('SELECT * FROM data_assets WHERE organisation_id = $1 ORDER BY name LIMIT 5000', [organisationId]);
  return rows.map(toAsset);
}

/** The assets of the organisation among `ids`; an id that is not one of them is refused by name. */
export async function dataAssetsByIds(db: Queryable, organisationId: string, ids: readonly string[]): Promise<DataAsset[]> {
  const wanted = [...new Set(ids)];
  const unknown = wanted.filter((id) => !isUuid(id));
  const rows = unknown.length > 0 ? [] : await db.query<AssetRecord>('SELECT * FROM data_assets WHERE organisation_id = $1 AND id = ANY($2::uuid[])', [organisationId, wanted]);
  const found = new Set(rows.map((row) => row.id));
  const missing = [...unknown, ...wanted.filter((id) => isUuid(id) && !found.has(id))];
  if (missing.length > 0) throw rampartError('RAMPART_E_NOT_FOUND', { entity: 'Data asset', id: missing.join(', ') });
  return rows.map(toAsset);
}

export type AssetChanges = Partial<Omit<AssetFields, 'proposedLevel'>> & { readonly proposedLevel?: ClassificationLevel };

/** Applies changes to the description; undefined when there is no such asset. Unchanged fields leave no history. */
export async function updateDataAsset(db: Database, organisationId: string, id: string, changes: AssetChanges, actor: string, note?: string): Promise<DataAsset | undefined> {
  return db.transaction(async (tx) => {
    const before = await lockAsset(tx, organisationId, id);
    if (!before) return undefined;
    if (changes.name !== undefined && changes.name !== before.name) await refuseDuplicateName(tx, organisationId, changes.name);
    const [row] = await tx.query<AssetRecord>(
      `UPDATE data_assets SET
         name = coalesce($3, name), system = coalesce($4, system), location = coalesce($5, location), owner = coalesce($6, owner),
         categories = coalesce($7::text[], categories),
         individuals = CASE WHEN $8 THEN $9::bigint ELSE individuals END,
         impacts = coalesce($10::jsonb, impacts), proposed_level = coalesce($11, proposed_level), updated_at = now()
       WHERE id = $1 AND organisation_id = $2 RETURNING *`,
      [
        id,
        organisationId,
        changes.name ?? null,
        changes.system ?? null,
        changes.location ?? null,
        changes.owner ?? null,
        changes.categories === undefined ? null : uniqueSorted(changes.categories),
        changes.individuals !== undefined,
        changes.individuals ?? null,
        changes.impacts === undefined ? null : jsonParam(changes.impacts),
        changes.proposedLevel ?? null,
      ],
    );
    const after = toAsset(row);
    const changed = differences(describable(before), describable(after));
    if (Object.keys(changed).length > 0) {
      await recordHistory(tx, id, actor, 'update', changed, note ?? null);
      await appendAudit(tx, { organisationId, actor, action: 'data-asset.update', entity: 'data-asset', entityId: id, before, after });
    }
    return after;
  });
}

/** A person decides the level (it may differ from the proposal; the note says why). */
export async function classifyDataAsset(db: Database, organisationId: string, id: string, level: ClassificationLevel, note: string, actor: string): Promise<DataAsset | undefined> {
  return db.transaction(async (tx) => {
    const before = await lockAsset(tx, organisationId, id);
    if (!before) return undefined;
    const [row] = await tx.query<AssetRecord>(
      `UPDATE data_assets SET level = $3, level_decided_by = $4, level_decided_at = now(), level_note = $5, updated_at = now()
       WHERE id = $1 AND organisation_id = $2 RETURNING *`,
      [id, organisationId, level, actor, note],
    );
    const after = toAsset(row);
    await recordHistory(tx, id, actor, 'classify', { level: { from: before.level, to: level }, proposedLevel: after.proposedLevel }, note);
    await appendAudit(tx, { organisationId, actor, action: 'data-asset.classify', entity: 'data-asset', entityId: id, before, after });
    return after;
  });
}

/** What a scan found in one place: the categories and about how many people. */
export interface ScannedPlace {
  readonly location: string;
  readonly categories: readonly string[];
  readonly individuals: number | null;
}

export interface ScanRecording {
  readonly created: DataAsset[];
  readonly updated: DataAsset[];
  readonly unchanged: DataAsset[];
}

/**
 * Records what `rampart data scan` found, in one transaction: a place already in the catalog (same
 * location) gains the categories found there and the larger count of individuals; a new place becomes an
 * asset named by its location, with the system and owner given and the general level proposed (no
 * impacts are known yet). Categories are only ever added: a scan that finds less does not erase what a
 * person declared.
 */
export async function recordScannedPlaces(db: Database, organisationId: string, places: readonly ScannedPlace[], defaults: { system?: string; owner?: string }, actor: string): Promise<ScanRecording> {
  return db.transaction(async (tx) => {
    const recording: ScanRecording = { created: [], updated: [], unchanged: [] };
    for (const place of places) {
      const [row] = await tx.query<AssetRecord>('SELECT * FROM data_assets WHERE organisation_id = $1 AND location = $2 ORDER BY created_at LIMIT 1 FOR UPDATE', [organisationId, place.location]);
      if (row === undefined) {
        const name = await freeName(tx, organisationId, place.location);
        const [created] = await tx.query<AssetRecord>(
          `INSERT INTO data_assets (organisation_id, name, system, location, owner, categories, individuals, proposed_level, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'general', $8) RETURNING *`,
          [organisationId, name, defaults.system ?? '', place.location, defaults.owner ?? '', uniqueSorted(place.categories), place.individuals, actor],
        );
        const asset = toAsset(created);
        await recordHistory(tx, asset.id, actor, 'create', describable(asset), 'found by rampart data scan');
        await appendAudit(tx, { organisationId, actor, action: 'data-asset.create', entity: 'data-asset', entityId: asset.id, before: null, after: asset });
        recording.created.push(asset);
        continue;
      }
      const before = toAsset(row);
      const categories = uniqueSorted([...before.categories, ...place.categories]);
      const individuals = place.individuals === null ? before.individuals : Math.max(before.individuals ?? 0, place.individuals);
      const [updated] = await tx.query<AssetRecord>('UPDATE data_assets SET categories = $2, individuals = $3, updated_at = now() WHERE id = $1 RETURNING *', [before.id, categories, individuals]);
      const after = toAsset(updated);
      const changed = differences(describable(before), describable(after));
      if (Object.keys(changed).length === 0) {
        recording.unchanged.push(before);
        continue;
      }
      await recordHistory(tx, after.id, actor, 'update', changed, 'found by rampart data scan');
      await appendAudit(tx, { organisationId, actor, action: 'data-asset.update', entity: 'data-asset', entityId: after.id, before, after });
      recording.updated.push(after);
    }
    return recording;
  });
}

/** The location as a name, or with a number after it when another asset already has that name. */
async function freeName(tx: Queryable, organisationId: string, location: string): Promise<string> {
  const base = location.slice(0, 190);
  for (let suffix = 1; ; suffix++) {
    const name = suffix === 1 ? base : `${base} (${suffix})`;
    const [taken] = await tx.query('SELECT 1 FROM data_assets WHERE organisation_id = $1 AND name = $2', [organisationId, name]);
    if (!taken) return name;
  }
}

export async function dataAssetHistory(db: Queryable, assetId: string): Promise<AssetHistoryEntry[]> {
  return db.query<AssetHistoryEntry>('SELECT id, at, actor, action, changes, note FROM data_asset_history WHERE asset_id = $1 ORDER BY id', [assetId]);
}

async function lockAsset(tx: Queryable, organisationId: string, id: string): Promise<DataAsset | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await tx.query<AssetRecord>('SELECT * FROM data_assets WHERE id = $1 AND organisation_id = $2 FOR UPDATE', [id, organisationId]);
  return row && toAsset(row);
}

async function refuseDuplicateName(tx: Queryable, organisationId: string, name: string): Promise<void> {
  const [taken] = await tx.query('SELECT 1 FROM data_assets WHERE organisation_id = $1 AND name = $2', [organisationId, name]);
  if (taken) throw rampartError('RAMPART_E_CONFLICT', { reason: `a data asset named '${name}' already exists` });
}

async function recordHistory(tx: Queryable, assetId: string, actor: string, action: string, changes: Record<string, unknown>, note: string | null): Promise<void> {
  await tx.query('INSERT INTO data_asset_history (asset_id, actor, action, changes, note) VALUES ($1, $2, $3, $4::jsonb, $5)', [assetId, actor, action, jsonParam(changes), note]);
}

/** The fields a person edits, as the history shows them. */
function describable(asset: DataAsset): Record<string, unknown> {
  const { name, system, location, owner, categories, individuals, impacts, proposedLevel } = asset;
  return { name, system, location, owner, categories, individuals, impacts, proposedLevel };
}

function differences(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { from: unknown; to: unknown }> {
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed[key] = { from: before[key], to: after[key] };
  }
  return changed;
}

function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
