import type { Database } from 'better-sqlite3';
import { AppError, ErrorCodes } from '../../shared/api/errors';

export interface Migration {
  version: number;
  name: string;
  /** SQL run as one script, or a function for data migrations. */
  up: string | ((db: Database) => void);
}

/** The schema version this build writes. */
export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.length ? migrations[migrations.length - 1]!.version : 0;
}

/**
 * Brings the database to the newest schema in one transaction, versioned by PRAGMA user_version.
 * A database written by a newer build is refused and left untouched.
 */
export function migrate(db: Database, migrations: readonly Migration[]): { from: number; to: number } {
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version <= migrations[i - 1]!.version) {
      throw new Error(`Migrations out of order at ${migrations[i]!.name}`);
    }
  }
  const current = db.pragma('user_version', { simple: true }) as number;
  const target = latestVersion(migrations);
  if (current > target) {
    throw new AppError(
      ErrorCodes.dbNewerVersion,
      `The database has schema version ${current}, newer than this build supports (${target}). Use a newer version of the workstation; the file was not modified.`,
      { found: current, supported: target },
    );
  }
  const pending = migrations.filter((m) => m.version > current);
  if (!pending.length) return { from: current, to: current };
  db.transaction(() => {
    for (const m of pending) {
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return { from: current, to: target };
}
