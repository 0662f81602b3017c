// The data catalog of an operator: its data assets with their personal-information categories (found by
// `rampart data scan` or declared), whether those are sensitive, the classification level Rampart
// proposes from the GB/T 43697 matrix, the level a person decided, and the history of every change.
import '../fastify-types.js';
import type { FastifyInstance } from 'fastify';
import { rampartError } from '../../core/errors.js';
import { AFFECTED_OBJECTS, HARM_DEGREES } from '../../datasec/classification/classification-vocabulary.js';
import type { ClassificationRules } from '../../datasec/classification/load-classification-rules.js';
import { proposeClassification, type DataImpact } from '../../datasec/classification/propose-classification.js';
import { sensitivityOf } from '../../datasec/classification/sensitivity-of.js';
import { classifyDataAsset, createDataAsset, dataAssetHistory, findDataAsset, listDataAssets, recordScannedPlaces, updateDataAsset, CLASSIFICATION_LEVELS, type ClassificationLevel, type DataAsset, type ScannedPlace } from '../../store/data-assets.js';
import type { Database } from '../../store/database.js';
import { personOf, principalOf } from '../authorise.js';
import { idParams } from '../schemas.js';

const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;

interface AssetBody {
  name: string;
  system?: string;
  location?: string;
  owner?: string;
  categories?: string[];
  individuals?: number | null;
  impacts?: DataImpact[];
  note?: string;
}

/** Every category an asset may hold: the recognizers' and those a person declares. */
export function categoryIds(rules: ClassificationRules): string[] {
  return [...Object.keys(rules.recognizedCategories), ...Object.keys(rules.declarableCategories)];
}

export function dataAssetRoutes(db: Database, rules: ClassificationRules) {
  const impact = {
    type: 'object',
    properties: { object: { type: 'string', enum: [...AFFECTED_OBJECTS] }, harm: { type: 'string', enum: [...HARM_DEGREES] } },
    required: ['object', 'harm'],
    additionalProperties: false,
  } as const;
  const assetProperties = {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    system: text(200),
    location: text(1000),
    owner: text(200),
    categories: { type: 'array', items: { type: 'string', enum: categoryIds(rules) }, maxItems: 100 },
    individuals: { type: ['integer', 'null'], minimum: 0 },
    impacts: { type: 'array', items: impact, maxItems: 10 },
  } as const;

  /** An asset as the API gives it: with what its categories and impacts mean under the rules. */
  const described = (asset: DataAsset) => ({
    ...asset,
    sensitivity: sensitivityOf(asset.categories, rules),
    proposal: proposeClassification(asset.impacts as DataImpact[], rules),
  });
  const assetOf = async (organisationId: string, id: string): Promise<DataAsset> => {
    const asset = await findDataAsset(db, organisationId, id);
    if (!asset) throw rampartError('RAMPART_E_NOT_FOUND', { entity: 'Data asset', id });
    return asset;
  };

  return async (app: FastifyInstance): Promise<void> => {
    app.get('/api/data-assets', { config: { permission: 'data:read' }, schema: { tags: ['data'], summary: 'The data catalog: assets with their categories, sensitivity and levels' } }, async (request) => {
      const assets = await listDataAssets(db, principalOf(request).organisation.id);
      return { assets: assets.map(described) };
    });

    app.post<{ Body: AssetBody }>(
      '/api/data-assets',
      {
        config: { permission: 'data:write' },
        schema: { tags: ['data'], summary: 'Add a data asset; the level is proposed from its impacts and waits for a person to decide it', body: { type: 'object', properties: assetProperties, required: ['name'], additionalProperties: false } },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const impacts = request.body.impacts ?? [];
        const asset = await createDataAsset(db, principal.organisation.id, { ...request.body, impacts, proposedLevel: proposeClassification(impacts, rules).level }, personOf(principal));
        return reply.code(201).send(described(asset));
      },
    );

    app.post<{ Body: { system?: string; owner?: string; places: ScannedPlace[] } }>(
      '/api/data-assets/scanned',
      {
        config: { permission: 'data:write' },
        schema: {
          tags: ['data'],
          summary: 'Record what rampart data scan found (rampart data scan --catalog): each place becomes an asset, or adds its categories to the asset already there',
          body: {
            type: 'object',
            properties: {
              system: text(200),
              owner: text(200),
              places: {
                type: 'array',
                maxItems: 5000,
                items: {
                  type: 'object',
                  properties: { location: { type: 'string', minLength: 1, maxLength: 1000 }, categories: assetProperties.categories, individuals: assetProperties.individuals },
                  required: ['location', 'categories', 'individuals'],
                  additionalProperties: false,
                },
              },
            },
            required: ['places'],
            additionalProperties: false,
          },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const { places, ...defaults } = request.body;
        const recorded = await recordScannedPlaces(db, principal.organisation.id, places, defaults, personOf(principal));
        const ids = (assets: readonly DataAsset[]) => assets.map((asset) => asset.id);
        return { created: ids(recorded.created), updated: ids(recorded.updated), unchanged: ids(recorded.unchanged) };
      },
    );

    app.get<{ Params: { id: string } }>('/api/data-assets/:id', { config: { permission: 'data:read' }, schema: { tags: ['data'], summary: 'One data asset with the reasoning of its proposed level and its history', params: idParams } }, async (request) => {
      const asset = await assetOf(principalOf(request).organisation.id, request.params.id);
      return { ...described(asset), history: await dataAssetHistory(db, asset.id) };
    });

    app.patch<{ Params: { id: string }; Body: Partial<AssetBody> }>(
      '/api/data-assets/:id',
      {
        config: { permission: 'data:write' },
        schema: { tags: ['data'], summary: 'Change a data asset; new impacts give a new proposed level', params: idParams, body: { type: 'object', properties: { ...assetProperties, note: text(2000) }, minProperties: 1, additionalProperties: false } },
      },
      async (request) => {
        const principal = principalOf(request);
        const { note, impacts, ...changes } = request.body;
        const proposedLevel = impacts === undefined ? undefined : proposeClassification(impacts, rules).level;
        const asset = await updateDataAsset(db, principal.organisation.id, request.params.id, { ...changes, impacts, proposedLevel }, personOf(principal), note);
        if (!asset) throw rampartError('RAMPART_E_NOT_FOUND', { entity: 'Data asset', id: request.params.id });
        return { ...described(asset), history: await dataAssetHistory(db, asset.id) };
      },
    );

    app.put<{ Params: { id: string }; Body: { level: ClassificationLevel; note: string } }>(
      '/api/data-assets/:id/level',
      {
        config: { permission: 'data:classify' },
        schema: {
          tags: ['data'],
          summary: 'Decide the classification level (it may differ from the proposal: the note says why)',
          params: idParams,
          body: { type: 'object', properties: { level: { type: 'string', enum: [...CLASSIFICATION_LEVELS] }, note: { type: 'string', minLength: 1, maxLength: 2000 } }, required: ['level', 'note'], additionalProperties: false },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const asset = await classifyDataAsset(db, principal.organisation.id, request.params.id, request.body.level, request.body.note, personOf(principal));
        if (!asset) throw rampartError('RAMPART_E_NOT_FOUND', { entity: 'Data asset', id: request.params.id });
        return { ...described(asset), history: await dataAssetHistory(db, asset.id) };
      },
    );
  };
}
