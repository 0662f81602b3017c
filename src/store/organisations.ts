// Organisations: the coordination centre (hub) and the operators reporting to it.
import { rampartError } from '../core/errors.js';
import { appendAudit } from './audit-log.js';
import type { Database, Queryable } from './database.js';

export type OrganisationKind = 'hub' | 'operator';
/** Decides the first-report deadline: the operator types of data/regulations/incident-reporting.yaml. */
export type OperatorType = 'cii-operator' | 'central-state-organ' | 'other-operator';

export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly hubId: string | null;
  readonly sector: string | null;
  readonly province: string | null;
  readonly cii: boolean;
  readonly mlpsLevel: number | null;
  readonly operatorType: OperatorType;
  readonly createdAt: string;
}

export interface NewOrganisation {
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly hubId?: string | null;
  readonly sector?: string | null;
  readonly province?: string | null;
  readonly cii?: boolean;
  readonly mlpsLevel?: number | null;
  readonly operatorType?: OperatorType;
}

interface OrganisationRecord {
  id: string;
  name: string;
  kind: OrganisationKind;
  hub_id: string | null;
  sector: string | null;
  province: string | null;
  cii: boolean;
  mlps_level: number | null;
  operator_type: OperatorType;
  created_at: string;
}

const toOrganisation = (row: OrganisationRecord): Organisation => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  hubId: row.hub_id,
  sector: row.sector,
  province: row.province,
  cii: row.cii,
  mlpsLevel: row.mlps_level,
  operatorType: row.operator_type,
  createdAt: row.created_at,
});

export async function createOrganisation(db: Database, input: NewOrganisation, actor: string): Promise<Organisation> {
  return db.transaction(async (tx) => {
    const [clash] = await tx.query('SELECT 1 FROM organisations WHERE name = $1', [input.name]);
    if (clash) throw rampartError('RAMPART_E_CONFLICT', { reason: `an organisation named '${input.name}' exists` });
    if (input.kind === 'operator') {
      const hub = input.hubId ? await findOrganisation(tx, input.hubId) : undefined;
      if (hub?.kind !== 'hub') throw rampartError('RAMPART_E_INVALID_REQUEST', { reason: 'an operator needs the id of the hub it reports to (hubId)' });
    }
    // A CII operator reports within the CII deadline unless it says otherwise.
    const operatorType: OperatorType = input.operatorType ?? (input.cii ? 'cii-operator' : 'other-operator');
    const [row] = await tx.query<OrganisationRecord>(
      `INSERT INTO organisations (name, kind, hub_id, sector, province, cii, mlps_level, operator_type)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [input.name, input.kind, input.kind === 'hub' ? null : input.hubId, input.sector ?? null, input.province ?? null, input.cii ?? false, input.mlpsLevel ?? null, operatorType],
    );
    const organisation = toOrganisation(row);
    await appendAudit(tx, { organisationId: organisation.id, actor, action: 'organisation.create', entity: 'organisation', entityId: organisation.id, before: null, after: organisation });
    return organisation;
  });
}

export async function findOrganisation(db: Queryable, id: string): Promise<Organisation | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.query<OrganisationRecord>('SELECT * FROM organisations WHERE id = $1', [id]);
  return row && toOrganisation(row);
}

export async function findOrganisationByName(db: Queryable, name: string): Promise<Organisation | undefined> {
  const [row] = await db.query<OrganisationRecord>('SELECT * FROM organisations WHERE name = $1', [name]);
  return row && toOrganisation(row);
}

/** The operators reporting to a hub. */
export async function listOperators(db: Queryable, hubId: string): Promise<Organisation[]> {
  const rows = await db.query<OrganisationRecord>('SELECT * FROM organisations WHERE hub_id = $1 ORDER BY name', [hubId]);
  return rows.map(toOrganisation);
}

/** Ids from outside (URLs, bodies) are checked before they reach SQL, where a bad uuid is an error. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
