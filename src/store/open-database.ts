// Which database Rampart uses: a PostgreSQL server when DATABASE_URL is set, otherwise the embedded
// PGlite in a data directory (RAMPART_DATA_DIR, or ~/.local/share/rampart). Opens it and brings its
// schema up to date, so every caller gets a database ready for the current code.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { isRampartError, rampartError } from '../core/errors.js';
import type { Database } from './database.js';
import { migrate } from './migrate.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

export interface DatabaseTarget {
  /** postgres://… when a server is used. */
  readonly url?: string;
  /** The PGlite data directory; ignored with `url`. 'memory' for a throwaway database. */
  readonly dataDirectory?: string;
}

/** The target from the environment: DATABASE_URL, else RAMPART_DATA_DIR, else the default folder. */
export function databaseTargetFromEnvironment(env = process.env): DatabaseTarget {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  const dataHome = env.XDG_DATA_HOME || path.join(homedir(), '.local', 'share');
  return { dataDirectory: env.RAMPART_DATA_DIR || path.join(dataHome, 'rampart', 'db') };
}

/** A URL or folder as it may be shown: the password of a URL is hidden. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.url === undefined) return target.dataDirectory === 'memory' ? 'PGlite in memory' : `PGlite at ${target.dataDirectory}`;
  try {
    const url = new URL(target.url);
    if (url.password) url.password = '***';
    return `PostgreSQL at ${url.toString()}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL is not a valid URL)';
  }
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  let db: Database;
  try {
    if (target.url !== undefined) {
      db = await openPostgres(target.url);
    } else if (target.dataDirectory === undefined || target.dataDirectory === 'memory') {
      db = await openPglite();
    } else {
      mkdirSync(target.dataDirectory, { recursive: true });
      db = await openPglite(target.dataDirectory);
    }
  } catch (error) {
    throw rampartError('RAMPART_E_DATABASE_UNREACHABLE', { target: describeTarget(target), reason: (error as Error).message });
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    if (isRampartError(error)) throw error;
    throw rampartError('RAMPART_E_DATABASE_UNREACHABLE', { target: describeTarget(target), reason: `migration failed: ${(error as Error).message}` });
  }
  return db;
}
