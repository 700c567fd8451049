/**
 * What runs after an import has been committed (outside its transaction): the warning rules, for
 * one, re-evaluate the months the new snapshot covers. A failing hook never undoes the import.
 */
import type { Db } from '../db/connection';

export type CommitHook = (db: Db, snapshotId: number, actor: string) => void;

const HOOKS: CommitHook[] = [];

/** Adds a hook (done once at module load by the module that owns it). */
export function onImportCommitted(hook: CommitHook): void {
  if (!HOOKS.includes(hook)) HOOKS.push(hook);
}

/** Runs every hook; an error is logged and the next hook still runs. */
export function runCommitHooks(db: Db, snapshotId: number, actor: string, log: (msg: string, err: unknown) => void = (m, e) => console.error(m, e)): void {
  for (const hook of HOOKS) {
    try {
      hook(db, snapshotId, actor);
    } catch (err) {
      log(`After-import hook failed for snapshot ${snapshotId}`, err);
    }
  }
}
