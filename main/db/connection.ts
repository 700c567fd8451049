import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

export const DB_FILE_NAME = 'workstation.sqlite';

/**
 * Opens (creating if needed) the cache in `dataDir`: WAL journal, foreign keys on, a busy timeout,
 * and every pending migration applied.
 */
export function openDatabase(dataDir: string, options: { readonly?: boolean } = {}): Db {
  mkdirSync(dataDir, { recursive: true });
  return openDatabaseFile(join(dataDir, DB_FILE_NAME), options);
}

/** Like {@link openDatabase} for an explicit file path. */
export function openDatabaseFile(file: string, options: { readonly?: boolean } = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false });
  try {
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      // Refuse a newer schema before switching the journal mode, so such a file is not touched.
      const version = db.pragma('user_version', { simple: true }) as number;
      const supported = MIGRATIONS[MIGRATIONS.length - 1]!.version;
      if (version <= supported) {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
      }
    }
    db.pragma('foreign_keys = ON');
    if (!options.readonly) migrate(db, MIGRATIONS);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
