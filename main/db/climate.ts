/** Queries for saved index definitions (versioned) and cached index results. */
import type { Database } from 'better-sqlite3';
import { indexDefinitionSpecSchema, type IndexDefinition, type IndexDefinitionSpec, type IndexDefinitionSummary, type SnapshotState } from '../../shared/api/analytics';
import { writeAudit } from './audit';

interface DefinitionRow {
  id: number;
  name: string;
  version: number;
  spec: string;
  created_at: string;
  created_by: string;
  note: string;
}

function fromRow(r: DefinitionRow): IndexDefinition {
  // Stored specs were validated on save; parsing again fills defaults added since.
  const spec = indexDefinitionSpecSchema.parse(JSON.parse(r.spec));
  return { id: r.id, name: r.name, version: r.version, spec, createdAt: r.created_at, createdBy: r.created_by, note: r.note };
}

/** The latest version of every definition, by name. */
export function listDefinitions(db: Database): IndexDefinitionSummary[] {
  const rows = db
    .prepare(
      `SELECT d.*, (SELECT count(*) FROM index_definition x WHERE x.name = d.name) AS versions
       FROM index_definition d
       WHERE d.version = (SELECT max(version) FROM index_definition x WHERE x.name = d.name)
       ORDER BY d.name`,
    )
    .all() as Array<DefinitionRow & { versions: number }>;
  return rows.map((r) => {
    const def = fromRow(r);
    return { name: r.name, title: def.spec.title, latestVersion: r.version, versions: r.versions, updatedAt: r.created_at };
  });
}

/** One version of a definition (the latest when `version` is absent), or null. */
export function findDefinition(db: Database, name: string, version?: number): IndexDefinition | null {
  const row = (
    version === undefined
      ? db.prepare('SELECT * FROM index_definition WHERE name = ? ORDER BY version DESC LIMIT 1').get(name)
      : db.prepare('SELECT * FROM index_definition WHERE name = ? AND version = ?').get(name, version)
  ) as DefinitionRow | undefined;
  return row ? fromRow(row) : null;
}

/** Every version of a definition, newest first. */
export function listVersions(db: Database, name: string): IndexDefinition[] {
  return (db.prepare('SELECT * FROM index_definition WHERE name = ? ORDER BY version DESC').all(name) as DefinitionRow[]).map(fromRow);
}

/** Saves the next version of `name` (version 1 for a new name) and audits it, in one transaction. */
export function saveDefinitionVersion(db: Database, name: string, spec: IndexDefinitionSpec, actor: string, note: string): IndexDefinition {
  return db.transaction(() => {
    const last = db.prepare('SELECT max(version) AS v FROM index_definition WHERE name = ?').get(name) as { v: number | null };
    const version = (last.v ?? 0) + 1;
    const id = Number(
      db
        .prepare('INSERT INTO index_definition (name, version, spec, created_at, created_by, note) VALUES (?, ?, ?, ?, ?, ?)')
        .run(name, version, JSON.stringify(spec), new Date().toISOString(), actor, note).lastInsertRowid,
    );
    writeAudit(db, { actor, action: 'climate.saveDefinition', entity: 'index_definition', entityId: id, details: { name, version, components: spec.components.length } });
    return findDefinition(db, name, version)!;
  })();
}

/** The state of the cache that computations see: the newest snapshot and the deleted ones. */
export function snapshotState(db: Database): SnapshotState {
  const max = db.prepare('SELECT coalesce(max(id), 0) AS m FROM snapshot').get() as { m: number };
  const deleted = (db.prepare('SELECT id FROM snapshot WHERE deleted_at IS NOT NULL ORDER BY id').all() as Array<{ id: number }>).map((r) => r.id);
  return { maxSnapshot: max.m, deletedSnapshots: deleted };
}

/** A cached result (JSON text) for a definition version and state key, or null. */
export function readCachedResult(db: Database, definitionId: number, stateKey: string): { result: string; computedAt: string } | null {
  const row = db.prepare('SELECT result, computed_at FROM index_result WHERE definition_id = ? AND state_key = ?').get(definitionId, stateKey) as
    | { result: string; computed_at: string }
    | undefined;
  return row ? { result: row.result, computedAt: row.computed_at } : null;
}

/** Results kept per definition version; older states are pruned when a new one is stored. */
export const RESULTS_KEPT = 8;

export function storeResult(db: Database, definitionId: number, stateKey: string, state: SnapshotState, computedAt: string, result: string): void {
  db.transaction(() => {
    db.prepare(
      `INSERT OR REPLACE INTO index_result (definition_id, state_key, max_snapshot, deleted_snapshots, computed_at, result) VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(definitionId, stateKey, state.maxSnapshot, JSON.stringify(state.deletedSnapshots), computedAt, result);
    db.prepare(
      `DELETE FROM index_result WHERE definition_id = ? AND state_key NOT IN
         (SELECT state_key FROM index_result WHERE definition_id = ? ORDER BY computed_at DESC, max_snapshot DESC LIMIT ?)`,
    ).run(definitionId, definitionId, RESULTS_KEPT);
  })();
}
