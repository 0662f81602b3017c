// Brings a database's schema up to date: the pending migrations run in one transaction, under an
// advisory lock, so two servers starting together against one PostgreSQL do not both apply them, and a
// failing migration leaves the schema as it was.
import { rampartError } from '../core/errors.js';
import type { Database } from './database.js';
import { MIGRATIONS } from './migrations/index.js';
import type { Migration } from './migrations/migration.js';

/** Any fixed number: the key of the advisory lock migrations take. */
const MIGRATION_LOCK = 72_400_117;

/** Applies what is pending; returns the ids applied now (empty when the schema was current). */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.execScript('CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const applied = new Set((await tx.query<{ id: string }>('SELECT id FROM schema_migrations')).map((row) => row.id));
    const known = new Set(migrations.map((migration) => migration.id));
    const unknown = [...applied].filter((id) => !known.has(id));
    if (unknown.length > 0) throw rampartError('RAMPART_E_SCHEMA_NEWER', { migrations: unknown.sort().join(', ') });
    const pending = migrations.filter((migration) => !applied.has(migration.id));
    for (const migration of pending) {
      await tx.execScript(migration.sql);
      await tx.query('INSERT INTO schema_migrations (id, description) VALUES ($1, $2)', [migration.id, migration.description]);
    }
    return pending.map((migration) => migration.id);
  });
}
