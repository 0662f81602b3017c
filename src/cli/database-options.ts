// The option every database command shares, and opening the database it names (DATABASE_URL wins).
import type { Command } from 'commander';
import type { Database } from '../store/database.js';
import { databaseTargetFromEnvironment, describeTarget, openDatabase, type DatabaseTarget } from '../store/open-database.js';

export interface DatabaseCliOptions {
  readonly dataDir?: string;
}

export function databaseOption(command: Command): Command {
  return command.option('-d, --data-dir <dir>', 'the embedded database folder (default: $RAMPART_DATA_DIR or ~/.local/share/rampart/db); DATABASE_URL=postgres://… uses a PostgreSQL server instead');
}

export function databaseTarget(options: DatabaseCliOptions): DatabaseTarget {
  const fromEnvironment = databaseTargetFromEnvironment();
  return fromEnvironment.url === undefined && options.dataDir !== undefined ? { dataDirectory: options.dataDir } : fromEnvironment;
}

/** Opens (and migrates) the database; `work` runs with it and it is closed however `work` ends. */
export async function withDatabase<T>(options: DatabaseCliOptions, work: (db: Database, where: string) => Promise<T>): Promise<T> {
  const target = databaseTarget(options);
  const db = await openDatabase(target);
  try {
    return await work(db, describeTarget(target));
  } finally {
    await db.close();
  }
}
