// Users, each in one organisation with one role, and their API tokens (hashed at rest, revocable).
import { rampartError } from '../core/errors.js';
import { appendAudit } from './audit-log.js';
import { hashPassword, hashToken, newToken, verifyPassword } from './credentials.js';
import type { Database, Queryable } from './database.js';
import { isUuid, type Organisation, type OrganisationKind } from './organisations.js';

export const ROLES = ['admin', 'analyst', 'reporter', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  readonly id: string;
  readonly organisationId: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly disabled: boolean;
  readonly createdAt: string;
}

/** Who is making a request: the user, their organisation and how they signed in. */
export interface Principal {
  readonly user: User;
  readonly organisation: Pick<Organisation, 'id' | 'name' | 'kind' | 'hubId'>;
  /** For the audit log: `user:<name>` or `token:<prefix>`. */
  readonly actor: string;
  /** The token the request came with (absent for a password sign-in). */
  readonly tokenId?: string;
}

interface UserRecord {
  id: string;
  organisation_id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string | null;
  disabled_at: string | null;
  created_at: string;
}

const toUser = (row: UserRecord): User => ({
  id: row.id,
  organisationId: row.organisation_id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  disabled: row.disabled_at !== null,
  createdAt: row.created_at,
});

export interface NewUser {
  readonly organisationId: string;
  readonly username: string;
  readonly displayName?: string;
  readonly role: Role;
  /** Optional: a user without one signs in with tokens only. */
  readonly password?: string;
}

export async function createUser(db: Database, input: NewUser, actor: string): Promise<User> {
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [clash] = await tx.query('SELECT 1 FROM users WHERE username = $1', [input.username]);
    if (clash) throw rampartError('RAMPART_E_CONFLICT', { reason: `the user name '${input.username}' is taken` });
    const [row] = await tx.query<UserRecord>(
      'INSERT INTO users (organisation_id, username, display_name, role, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING *',
      [input.organisationId, input.username, input.displayName ?? input.username, input.role, passwordHash],
    );
    const user = toUser(row);
    await appendAudit(tx, { organisationId: user.organisationId, actor, action: 'user.create', entity: 'user', entityId: user.id, before: null, after: user });
    return user;
  });
}

export async function listUsers(db: Queryable, organisationId: string): Promise<User[]> {
  return (await db.query<UserRecord>('SELECT * FROM users WHERE organisation_id = $1 ORDER BY username', [organisationId])).map(toUser);
}

export async function findUser(db: Queryable, organisationId: string, id: string): Promise<User | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.query<UserRecord>('SELECT * FROM users WHERE id = $1 AND organisation_id = $2', [id, organisationId]);
  return row && toUser(row);
}

/**
 * Disables or re-enables a user of the organisation: a disabled user can neither sign in nor use any of
 * their tokens (authenticateToken checks), and comes back with them when re-enabled. Undefined when
 * there is no such user there.
 */
export async function setUserDisabled(db: Database, organisationId: string, id: string, disabled: boolean, actor: string): Promise<User | undefined> {
  if (!isUuid(id)) return undefined;
  return db.transaction(async (tx) => {
    const [before] = await tx.query<UserRecord>('SELECT * FROM users WHERE id = $1 AND organisation_id = $2 FOR UPDATE', [id, organisationId]);
    if (!before) return undefined;
    const [after] = await tx.query<UserRecord>(
      'UPDATE users SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) ELSE NULL END WHERE id = $1 RETURNING *',
      [id, disabled],
    );
    await appendAudit(tx, { organisationId, actor, action: disabled ? 'user.disable' : 'user.enable', entity: 'user', entityId: id, before: toUser(before), after: toUser(after) });
    return toUser(after);
  });
}

interface PrincipalRecord extends UserRecord {
  organisation_name: string;
  organisation_kind: OrganisationKind;
  hub_id: string | null;
}

const PRINCIPAL_SELECT = `SELECT u.*, o.name AS organisation_name, o.kind AS organisation_kind, o.hub_id
  FROM users u JOIN organisations o ON o.id = u.organisation_id`;

const toPrincipal = (row: PrincipalRecord, actor: string, tokenId?: string): Principal => ({
  user: toUser(row),
  organisation: { id: row.organisation_id, name: row.organisation_name, kind: row.organisation_kind, hubId: row.hub_id },
  actor,
  ...(tokenId === undefined ? {} : { tokenId }),
});

/** The principal for a user name and password; undefined for a wrong pair or a disabled user. */
export async function signIn(db: Queryable, username: string, password: string): Promise<Principal | undefined> {
  const [row] = await db.query<PrincipalRecord>(`${PRINCIPAL_SELECT} WHERE u.username = $1`, [username]);
  // The hash is checked even for an unknown user, so the time taken does not tell which names exist.
  const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
  if (!row || !ok || row.disabled_at !== null || row.password_hash === null) return undefined;
  return toPrincipal(row, `user:${row.username}`);
}

// A real scrypt hash of a random password, so an unknown user costs the same time as a known one.
const DUMMY_HASH = 'scrypt$32768$8$1$Zm9vYmFyYmF6cXV4cXV1eA$d2hhdGV2ZXJ3aGF0ZXZlcndoYXRldmVyd2hhdGV2ZXI';

/** The principal behind a bearer token; undefined for an unknown or revoked token or a disabled user. */
export async function authenticateToken(db: Queryable, token: string): Promise<Principal | undefined> {
  const [row] = await db.query<PrincipalRecord & { token_prefix: string; token_id: string }>(
    `SELECT u.*, o.name AS organisation_name, o.kind AS organisation_kind, o.hub_id, t.prefix AS token_prefix, t.id AS token_id
       FROM api_tokens t JOIN users u ON u.id = t.user_id JOIN organisations o ON o.id = u.organisation_id
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
    [hashToken(token)],
  );
  if (!row || row.disabled_at !== null) return undefined;
  return toPrincipal(row, `token:${row.token_prefix}`, row.token_id);
}

export interface ApiToken {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly prefix: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

interface TokenRecord {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  created_at: string;
  revoked_at: string | null;
}

const toToken = (row: TokenRecord): ApiToken => ({ id: row.id, userId: row.user_id, name: row.name, prefix: row.prefix, createdAt: row.created_at, revokedAt: row.revoked_at });

/** Makes a token for a user; the token itself is in the result and nowhere else. */
export async function createToken(db: Database, user: Pick<User, 'id' | 'organisationId'>, name: string, actor: string): Promise<{ token: string; record: ApiToken }> {
  const made = newToken();
  return db.transaction(async (tx) => {
    const [row] = await tx.query<TokenRecord>('INSERT INTO api_tokens (user_id, name, prefix, token_hash) VALUES ($1, $2, $3, $4) RETURNING id, user_id, name, prefix, created_at, revoked_at', [
      user.id,
      name,
      made.prefix,
      made.hash,
    ]);
    const record = toToken(row);
    await appendAudit(tx, { organisationId: user.organisationId, actor, action: 'token.create', entity: 'api_token', entityId: record.id, before: null, after: record });
    return { token: made.token, record };
  });
}

export async function listTokens(db: Queryable, organisationId: string): Promise<ApiToken[]> {
  const rows = await db.query<TokenRecord>(
    `SELECT t.id, t.user_id, t.name, t.prefix, t.created_at, t.revoked_at FROM api_tokens t JOIN users u ON u.id = t.user_id
      WHERE u.organisation_id = $1 ORDER BY t.created_at`,
    [organisationId],
  );
  return rows.map(toToken);
}

/** Revokes a token of the organisation; false when there is no such token there. */
export async function revokeToken(db: Database, organisationId: string, tokenId: string, actor: string): Promise<boolean> {
  if (!isUuid(tokenId)) return false;
  return db.transaction(async (tx) => {
    const [before] = await tx.query<TokenRecord>(
      `SELECT t.id, t.user_id, t.name, t.prefix, t.created_at, t.revoked_at FROM api_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.id = $1 AND u.organisation_id = $2 FOR UPDATE OF t`,
      [tokenId, organisationId],
    );
    if (!before) return false;
    const [after] = await tx.query<TokenRecord>('UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING id, user_id, name, prefix, created_at, revoked_at', [tokenId]);
    await appendAudit(tx, { organisationId, actor, action: 'token.revoke', entity: 'api_token', entityId: tokenId, before: toToken(before), after: toToken(after) });
    return true;
  });
}
