/**
 * Observation queries. Values are vintaged: a (series, period) may have one row per snapshot that
 * brought it; a query sees, per period, the row of the newest snapshot that counts for the state
 * asked for (the latest state by default, or "as of" a snapshot or a date).
 */
import type { Database, Statement } from 'better-sqlite3';
import type { AsOf } from '../../shared/api/schemas';
import { parseSeriesKey, seriesKey } from '../../shared/domain/series-key';
import type { MemberSelection, SeriesPoint } from '../../shared/domain/types';

export interface VintagePoint extends SeriesPoint {
  snapshotId: number;
}

export interface SeriesRef {
  id: number;
  indicator: string;
  key: string;
  members: MemberSelection;
}

/** SQL condition (on alias `o`) selecting the snapshots that count for a state, and its parameters. */
export function vintageCondition(db: Database, asOf?: AsOf): { sql: string; params: unknown[] } {
  if (!asOf) {
    return { sql: 'o.snapshot_id NOT IN (SELECT id FROM snapshot WHERE deleted_at IS NOT NULL)', params: [] };
  }
  if ('snapshot' in asOf) {
    const snap = db.prepare('SELECT imported_at FROM snapshot WHERE id = ?').get(asOf.snapshot) as { imported_at: string } | undefined;
    const at = snap?.imported_at ?? '0000';
    return {
      sql: 'o.snapshot_id <= ? AND o.snapshot_id NOT IN (SELECT id FROM snapshot WHERE deleted_at IS NOT NULL AND deleted_at <= ?)',
      params: [asOf.snapshot, at],
    };
  }
  const at = normalizeInstant(asOf.date);
  return {
    sql: 'o.snapshot_id IN (SELECT id FROM snapshot WHERE imported_at <= ? AND (deleted_at IS NULL OR deleted_at > ?))',
    params: [at, at],
  };
}

/** A date (YYYY-MM-DD, end of that day) or date-time as a UTC ISO string comparable with stored times. */
export function normalizeInstant(text: string): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const d = new Date(dateOnly ? `${text}T23:59:59.999+08:00` : text);
  if (Number.isNaN(d.getTime())) return text;
  return d.toISOString();
}

export class ObservationStore {
  private readonly findSeries: Statement;
  private readonly insertSeries: Statement;
  private readonly seriesOfIndicator: Statement;
  private readonly latestCache = new Map<string, Statement>();
  private latestPoint: Statement | undefined;

  constructor(private readonly db: Database) {
    this.findSeries = db.prepare('SELECT id FROM series WHERE indicator = ? AND members = ?');
    this.insertSeries = db.prepare('INSERT INTO series (indicator, members) VALUES (?, ?)');
    this.seriesOfIndicator = db.prepare('SELECT id, indicator, members FROM series WHERE indicator = ? ORDER BY members');
  }

  /** The series id for an indicator and members, or null if no value was ever stored for it. */
  seriesId(indicator: string, members: MemberSelection): number | null {
    const row = this.findSeries.get(indicator, seriesKey(members)) as { id: number } | undefined;
    return row?.id ?? null;
  }

  /** The series id, created if needed. */
  ensureSeries(indicator: string, members: MemberSelection): number {
    const key = seriesKey(members);
    const row = this.findSeries.get(indicator, key) as { id: number } | undefined;
    if (row) return row.id;
    return Number(this.insertSeries.run(indicator, key).lastInsertRowid);
  }

  listSeries(indicator: string): SeriesRef[] {
    return (this.seriesOfIndicator.all(indicator) as Array<{ id: number; indicator: string; members: string }>).map((r) => ({
      id: r.id,
      indicator: r.indicator,
      key: r.members,
      members: parseSeriesKey(r.members),
    }));
  }

  /** Every period's value of one series in the state asked for, oldest first. */
  read(seriesId: number, asOf?: AsOf): VintagePoint[] {
    const cond = vintageCondition(this.db, asOf);
    let stmt = this.latestCache.get(cond.sql);
    if (!stmt) {
      stmt = this.db.prepare(
        `SELECT o.period AS period, o.value AS value, max(o.snapshot_id) AS snapshotId
         FROM observation o WHERE o.series_id = ? AND ${cond.sql}
         GROUP BY o.period ORDER BY o.period`,
      );
      this.latestCache.set(cond.sql, stmt);
    }
    return stmt.all(seriesId, ...cond.params) as VintagePoint[];
  }

  /** The latest value of one period of a series (undefined when none counts). */
  latestValue(seriesId: number, period: string): number | null | undefined {
    this.latestPoint ??= this.db.prepare(
      `SELECT o.value AS value FROM observation o WHERE o.series_id = ? AND o.period = ? AND ${vintageCondition(this.db).sql} ORDER BY o.snapshot_id DESC LIMIT 1`,
    );
    return (this.latestPoint.get(seriesId, period) as { value: number | null } | undefined)?.value;
  }

  /** Convenience: read by indicator and members; a series never stored reads as empty. */
  readSeries(indicator: string, members: MemberSelection = {}, asOf?: AsOf): VintagePoint[] {
    const id = this.seriesId(indicator, members);
    return id === null ? [] : this.read(id, asOf);
  }
}
