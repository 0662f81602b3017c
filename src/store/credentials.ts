// Secrets at rest: passwords as scrypt hashes with their own salt and cost, API tokens as SHA-256
// hashes (a token is 32 random bytes, so a fast hash is enough: there is nothing to guess). Only the
// hash is stored; the token itself is shown once, when it is made.
import { createHash, randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => scryptCallback(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))));

/** OWASP's scrypt minimum (N=2^17, r=8, p=1) costs 128 MB and ~0.3 s here; 2^15 keeps sign-in fast on a laptop. */
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_BYTES, { ...COST, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: 256 * 1024 * 1024 });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** What a user sees of a token: it starts with this, so a leaked one is recognisable in a scan. */
export const TOKEN_PREFIX = 'rmp_';

export interface NewToken {
  /** The token itself: shown once, never stored. */
  readonly token: string;
  readonly hash: string;
  /** The first characters, stored to tell tokens apart in lists. */
  readonly prefix: string;
}

export function newToken(): NewToken {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
