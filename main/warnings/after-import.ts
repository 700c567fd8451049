/**
 * Evaluation after an import: the months a snapshot covers are evaluated again, so alerts follow
 * the newest data (new firings raised, ones the data no longer support cleared). Import targets
 * call this after their commit; it runs in its own transaction.
 */
import type { Database } from 'better-sqlite3';
import { monthsCovered } from '../../shared/warnings/scope';
import { evaluateWarnings, type EvaluationSummary } from './engine';
import { onImportCommitted } from '../import/hooks';

/** Re-evaluates the months a committed snapshot covers. */
export function evaluateAfterImport(db: Database, snapshotId: number, actor: string): EvaluationSummary | null {
  const snap = db.prepare('SELECT period_from AS f, period_to AS t FROM snapshot WHERE id = ?').get(snapshotId) as { f: string | null; t: string | null } | undefined;
  if (!snap?.f || !snap.t) return null;
  return evaluateWarnings(db, { periods: monthsCovered(snap.f, snap.t), actor, trigger: 'import' });
}

onImportCommitted((db, snapshotId, actor) => {
  evaluateAfterImport(db, snapshotId, actor);
});
