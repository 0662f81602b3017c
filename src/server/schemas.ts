// JSON Schemas shared by several routes: they validate requests and describe the API in the OpenAPI
// document (GET /api/openapi.json).
export const uuid = { type: 'string', format: 'uuid' } as const;

export const errorBody = {
  type: 'object',
  properties: { code: { type: 'string' }, message: { type: 'string' }, statusCode: { type: 'integer' } },
  required: ['code', 'message', 'statusCode'],
} as const;

export const idParams = { type: 'object', properties: { id: { type: 'string', maxLength: 100 } }, required: ['id'], additionalProperties: false } as const;

export const organisation = {
  type: 'object',
  properties: {
    id: uuid,
    name: { type: 'string' },
    kind: { type: 'string', enum: ['hub', 'operator'] },
    hubId: { type: ['string', 'null'] },
    sector: { type: ['string', 'null'] },
    province: { type: ['string', 'null'] },
    cii: { type: 'boolean' },
    mlpsLevel: { type: ['integer', 'null'] },
    operatorType: { type: 'string', enum: ['cii-operator', 'central-state-organ', 'other-operator'] },
    createdAt: { type: 'string' },
  },
} as const;

export const user = {
  type: 'object',
  properties: {
    id: uuid,
    organisationId: uuid,
    username: { type: 'string' },
    displayName: { type: 'string' },
    role: { type: 'string', enum: ['admin', 'analyst', 'reporter', 'auditor'] },
    disabled: { type: 'boolean' },
    createdAt: { type: 'string' },
  },
} as const;

export const apiToken = {
  type: 'object',
  properties: { id: uuid, userId: uuid, name: { type: 'string' }, prefix: { type: 'string' }, createdAt: { type: 'string' }, revokedAt: { type: ['string', 'null'] } },
} as const;
