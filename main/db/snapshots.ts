/**
 * Snapshot queries: the list with filters, one snapshot with its issues, the revision diff (every
 * value a snapshot set, with the value it replaced), deletion as a recorded action that makes the
 * previous vintage current again, and "where from" for a value.
 */
import type { Database } from 'better-sqlite3';
import type { AsOf } from '../../shared/api/schemas';
import type { DiffRow, ImportIssue, Provenance, ProvenanceVintage, SnapshotDetail, SnapshotInfo } from '../../shared/api/imports';
import { change, changeUnitOf } from '../../shared/calc/changes';
import { parseSeriesKey, seriesKey } from '../../shared/domain/series-key';
import type { MemberSelection } from '../../shared/domain/types';
import { writeAudit } from './audit';
import { getIndicator } from './catalog';
import { normalizeInstant, vintageCondition } from './observations';
import { dataError } from '../import/errors';

interface SnapshotRow {
  id: number;
  uid: string | null;
  source_unit: string;
  unit_zh: string;
  unit_en: string;
  kind: SnapshotInfo['kind'];
  target: string;
  file_name: string | null;
  file_sha256: string | null;
  sheets: string | null;
  imported_at: string;
  imported_by: string;
  note: string;
  rows_read: number;
  rows_stored: number;
  rows_unchanged: number;
  rows_revised: number;
  rows_rejected: number;
  rows_skipped: number;
  period_from: string | null;
  period_to: string | null;
  mapping_name: string | null;
  deleted_at: string | null;
  deleted_by: string | null;
  delete_reason: string | null;
  package_id: number | null;
  origin_imported_at: string | null;
  origin_imported_by: string | null;
}

const SELECT = `SELECT s.*, u.name_zh AS unit_zh, u.name_en AS unit_en FROM snapshot s JOIN source_unit u ON u.code = s.source_unit`;

export function snapshotFromRow(r: SnapshotRow): SnapshotInfo {
  return {
    id: r.id,
    uid: r.uid ?? '',
    unit: r.source_unit,
    unitName: { zh: r.unit_zh, en: r.unit_en },
    kind: r.kind,
    target: r.target,
    fileName: r.file_name,
    sha256: r.file_sha256,
    sheets: r.sheets ? (JSON.parse(r.sheets) as string[]) : [],
    importedAt: r.imported_at,
    importedBy: r.imported_by,
    note: r.note,
    counts: { read: r.rows_read, stored: r.rows_stored, unchanged: r.rows_unchanged, revised: r.rows_revised, rejected: r.rows_rejected, skipped: r.rows_skipped },
    periodFrom: r.period_from,
    periodTo: r.period_to,
    mappingName: r.mapping_name,
    deleted: r.deleted_at ? { at: r.deleted_at, by: r.deleted_by ?? '', reason: r.delete_reason ?? '' } : null,
    origin: r.package_id !== null && r.origin_imported_at ? { importedAt: r.origin_imported_at, importedBy: r.origin_imported_by ?? '', packageId: r.package_id } : null,
  };
}

export interface SnapshotFilter {
  unit?: string;
  from?: string;
  to?: string;
  includeDeleted?: boolean;
  kind?: SnapshotInfo['kind'];
  limit?: number;
  offset?: number;
}

/** Snapshots newest first. Dates filter the import time (Beijing days). */
export function listSnapshots(db: Database, f: SnapshotFilter = {}): { total: number; items: SnapshotInfo[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.unit) {
    where.push('s.source_unit = ?');
    params.push(f.unit);
  }
  if (f.kind) {
    where.push('s.kind = ?');
    params.push(f.kind);
  }
  if (f.from) {
    where.push('s.imported_at >= ?');
    params.push(new Date(`${f.from}T00:00:00+08:00`).toISOString());
  }
  if (f.to) {
    where.push('s.imported_at <= ?');
    params.push(normalizeInstant(f.to));
  }
  if (!f.includeDeleted) where.push('s.deleted_at IS NULL');
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM snapshot s${clause}`).get(...params) as { n: number }).n;
  const rows = db.prepare(`${SELECT}${clause} ORDER BY s.id DESC LIMIT ? OFFSET ?`).all(...params, f.limit ?? 100, f.offset ?? 0) as SnapshotRow[];
  return { total, items: rows.map(snapshotFromRow) };
}

export function getSnapshot(db: Database, id: number): SnapshotInfo {
  const row = db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as SnapshotRow | undefined;
  if (!row) throw dataError('snapshot.not_found', { id });
  return snapshotFromRow(row);
}

/** Values for which this snapshot holds the current vintage (they change if it is deleted). */
export function currentValuesOf(db: Database, id: number): number {
  const row = db
    .prepare(
      `SELECT count(*) AS n FROM observation o WHERE o.snapshot_id = ?
       AND NOT EXISTS (SELECT 1 FROM observation l JOIN snapshot ls ON ls.id = l.snapshot_id
         WHERE l.series_id = o.series_id AND l.period = o.period AND l.snapshot_id > o.snapshot_id AND ls.deleted_at IS NULL)`,
    )
    .get(id) as { n: number };
  return row.n;
}

export function snapshotDetail(db: Database, id: number): SnapshotDetail {
  const info = getSnapshot(db, id);
  const issues = (db.prepare('SELECT severity, code, sheet, row, col, params FROM import_issue WHERE snapshot_id = ? ORDER BY seq').all(id) as Array<Omit<ImportIssue, 'params'> & { params: string }>).map((i) => ({
    ...i,
    params: JSON.parse(i.params) as Record<string, string | number>,
  }));
  return { ...info, issues, currentValues: info.deleted ? 0 : currentValuesOf(db, id) };
}

/**
 * Every value the snapshot set, with the value it replaced: the vintage current just before the
 * snapshot was imported (snapshots deleted before then do not count).
 */
export function snapshotDiff(db: Database, id: number, kind: 'all' | 'added' | 'revised' = 'all', limit = 200, offset = 0): { total: number; rows: DiffRow[] } {
  const snap = getSnapshot(db, id);
  const oldExpr = `(SELECT p.value FROM observation p WHERE p.series_id = o.series_id AND p.period = o.period AND p.snapshot_id < o.snapshot_id
      AND p.snapshot_id NOT IN (SELECT id FROM snapshot WHERE deleted_at IS NOT NULL AND deleted_at <= @at)
      ORDER BY p.snapshot_id DESC LIMIT 1)`;
  const hasOld = `EXISTS (SELECT 1 FROM observation p WHERE p.series_id = o.series_id AND p.period = o.period AND p.snapshot_id < o.snapshot_id
      AND p.snapshot_id NOT IN (SELECT id FROM snapshot WHERE deleted_at IS NOT NULL AND deleted_at <= @at))`;
  const filter = kind === 'added' ? ` AND NOT ${hasOld}` : kind === 'revised' ? ` AND ${hasOld}` : '';
  const params = { id, at: snap.importedAt };
  const total = (db.prepare(`SELECT count(*) AS n FROM observation o WHERE o.snapshot_id = @id${filter}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT s.indicator, s.members, o.period, o.value, ${oldExpr} AS old, ${hasOld} AS has_old, o.sheet, o.row, o.col
       FROM observation o JOIN series s ON s.id = o.series_id
       WHERE o.snapshot_id = @id${filter}
       ORDER BY s.indicator, s.members, o.period LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit, offset }) as Array<{ indicator: string; members: string; period: string; value: number | null; old: number | null; has_old: number; sheet: string | null; row: number | null; col: string | null }>;
  const units = new Map<string, DiffRow['changeUnit']>();
  const unitOf = (code: string) => {
    let u = units.get(code);
    if (!u) units.set(code, (u = changeUnitOf(getIndicator(db, code)?.kind ?? 'count')));
    return u;
  };
  return {
    total,
    rows: rows.map((r) => {
      const changeUnit = unitOf(r.indicator);
      return {
        indicator: r.indicator,
        members: parseSeriesKey(r.members),
        period: r.period,
        old: r.has_old ? r.old : null,
        value: r.value,
        change: r.has_old ? change(r.value, r.old, changeUnit) : null,
        changeUnit,
        kind: r.has_old ? 'revised' : 'added',
        sheet: r.sheet,
        row: r.row,
        col: r.col,
      };
    }),
  };
}

/**
 * Deletes a snapshot: an explicit, recorded action. Its rows stay (as-of queries before the
 * deletion still see them); from now on the previous vintage of every value it set is current.
 */
export function deleteSnapshot(db: Database, id: number, actor: string, reason: string, now = new Date()): SnapshotInfo {
  if (!reason.trim()) throw dataError('snapshot.reason_required');
  return db.transaction(() => {
    const snap = getSnapshot(db, id);
    if (snap.deleted) throw dataError('snapshot.already_deleted', { id, deletedAt: snap.deleted.at });
    const reverted = currentValuesOf(db, id);
    db.prepare('UPDATE snapshot SET deleted_at = ?, deleted_by = ?, delete_reason = ? WHERE id = ?').run(now.toISOString(), actor, reason.trim(), id);
    writeAudit(db, { actor, action: 'snapshot.delete', entity: 'snapshot', entityId: id, details: { reason: reason.trim(), file: snap.fileName, unit: snap.unit, reverted } }, now);
    return getSnapshot(db, id);
  }).immediate();
}

/** Where a value comes from, and every vintage of it. */
export function provenanceOf(db: Database, indicator: string, members: MemberSelection, period: string, asOf?: AsOf): Provenance {
  const series = db.prepare('SELECT id FROM series WHERE indicator = ? AND members = ?').get(indicator, seriesKey(members)) as { id: number } | undefined;
  if (!series) throw dataError('provenance.not_found', { indicator, period });
  const cond = vintageCondition(db, asOf);
  const current = db
    .prepare(
      `SELECT o.value, o.snapshot_id AS snapshotId, o.sheet, o.row, o.col FROM observation o
       WHERE o.series_id = ? AND o.period = ? AND ${cond.sql} ORDER BY o.snapshot_id DESC LIMIT 1`,
    )
    .get(series.id, period, ...cond.params) as { value: number | null; snapshotId: number; sheet: string | null; row: number | null; col: string | null } | undefined;
  if (!current) throw dataError('provenance.not_found', { indicator, period });
  const history = (
    db
      .prepare(
        `SELECT o.snapshot_id AS snapshotId, o.value, s.imported_at AS importedAt, s.imported_by AS importedBy, s.file_name AS fileName,
                s.source_unit AS unit, s.deleted_at IS NOT NULL AS deleted
         FROM observation o JOIN snapshot s ON s.id = o.snapshot_id
         WHERE o.series_id = ? AND o.period = ? ORDER BY o.snapshot_id DESC`,
      )
      .all(series.id, period) as Array<Omit<ProvenanceVintage, 'deleted' | 'current'> & { deleted: number }>
  ).map((h) => ({ ...h, deleted: h.deleted === 1, current: h.snapshotId === current.snapshotId }));
  return {
    indicator,
    members,
    period,
    value: current.value,
    snapshot: getSnapshot(db, current.snapshotId),
    sheet: current.sheet,
    row: current.row,
    col: current.col,
    history,
  };
}
