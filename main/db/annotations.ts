/**
 * Annotation queries. Series targets are stored by indicator and canonical member key, firm targets
 * by enterprise id. Links to risk-ledger items live in `ledger_annotation` (the ledger's table).
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Annotation, AnnotationCategory, AnnotationTarget } from '../../shared/api/annotations';
import { parseSeriesKey, seriesKey } from '../../shared/domain/series-key';

interface AnnotationRow {
  id: number;
  uid: string;
  indicator: string | null;
  members: string;
  index_code: string | null;
  enterprise_id: number | null;
  period_from: string;
  period_to: string | null;
  text: string;
  category: AnnotationCategory;
  author: string;
  created_at: string;
  updated_at: string;
  updated_by: string;
  ledger_ids: string | null;
}

const SELECT = `SELECT a.*, (SELECT group_concat(item_id) FROM ledger_annotation l WHERE l.annotation_id = a.id) AS ledger_ids FROM annotation a`;

function fromRow(r: AnnotationRow): Annotation {
  const target: AnnotationTarget =
    r.indicator !== null
      ? { kind: 'series', indicator: r.indicator, members: parseSeriesKey(r.members) }
      : r.enterprise_id !== null
        ? { kind: 'firm', enterpriseId: r.enterprise_id }
        : { kind: 'index', index: r.index_code! };
  return {
    id: r.id,
    uid: r.uid,
    target,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    text: r.text,
    category: r.category,
    author: r.author,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    ledgerItemIds: r.ledger_ids ? r.ledger_ids.split(',').map(Number).sort((a, b) => a - b) : [],
  };
}

export interface AnnotationFilter {
  targets?: AnnotationTarget[];
  ids?: number[];
  indicator?: string;
  categories?: AnnotationCategory[];
  from?: string;
  to?: string;
  search?: string;
}

export function listAnnotations(db: Database, f: AnnotationFilter = {}): Annotation[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.targets) {
    if (!f.targets.length) return [];
    const ors = f.targets.map((t) => {
      if (t.kind === 'series') {
        params.push(t.indicator, seriesKey(t.members));
        return '(indicator = ? AND members = ?)';
      }
      if (t.kind === 'firm') {
        params.push(t.enterpriseId);
        return '(enterprise_id = ?)';
      }
      params.push(t.index);
      return '(index_code = ?)';
    });
    where.push(`(${ors.join(' OR ')})`);
  }
  if (f.ids) {
    if (!f.ids.length) return [];
    where.push(`id IN (${f.ids.map(() => '?').join(',')})`);
    params.push(...f.ids);
  }
  if (f.indicator) {
    where.push('indicator = ?');
    params.push(f.indicator);
  }
  if (f.categories?.length) {
    where.push(`category IN (${f.categories.map(() => '?').join(',')})`);
    params.push(...f.categories);
  }
  // Periods of one frequency compare as strings; a window keeps whatever overlaps it.
  if (f.from) {
    where.push('coalesce(period_to, period_from) >= ?');
    params.push(f.from);
  }
  if (f.to) {
    where.push('period_from <= ?');
    params.push(f.to);
  }
  if (f.search?.trim()) {
    where.push("(text LIKE ? ESCAPE '\\' OR author LIKE ? ESCAPE '\\')");
    const like = `%${f.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.push(like, like);
  }
  const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY period_from, id`;
  return (db.prepare(sql).all(...params) as AnnotationRow[]).map(fromRow);
}

export function getAnnotation(db: Database, id: number): Annotation | null {
  const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as AnnotationRow | undefined;
  return row ? fromRow(row) : null;
}

export interface NewAnnotation {
  uid?: string;
  target: AnnotationTarget;
  periodFrom: string;
  periodTo: string | null;
  text: string;
  category: AnnotationCategory;
  author: string;
  at: string;
}

export function insertAnnotation(db: Database, a: NewAnnotation): number {
  const series = a.target.kind === 'series' ? a.target : null;
  const res = db
    .prepare(
      `INSERT INTO annotation (uid, indicator, members, index_code, enterprise_id, period_from, period_to, text, category, author, created_at, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      a.uid ?? randomUUID(),
      series?.indicator ?? null,
      series ? seriesKey(series.members) : '',
      a.target.kind === 'index' ? a.target.index : null,
      a.target.kind === 'firm' ? a.target.enterpriseId : null,
      a.periodFrom,
      a.periodTo,
      a.text,
      a.category,
      a.author,
      a.at,
      a.at,
      a.author,
    );
  return Number(res.lastInsertRowid);
}

export function updateAnnotation(db: Database, id: number, a: Pick<Annotation, 'periodFrom' | 'periodTo' | 'text' | 'category'>, by: string, at: string): void {
  db.prepare('UPDATE annotation SET period_from = ?, period_to = ?, text = ?, category = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(
    a.periodFrom,
    a.periodTo,
    a.text,
    a.category,
    at,
    by,
    id,
  );
}

export function deleteAnnotation(db: Database, id: number): void {
  db.prepare('DELETE FROM annotation WHERE id = ?').run(id);
}

/**
 * Annotations as they travel in a snapshot package: by uid, without local ids (so without ledger
 * links, which are local too), on series and the index only (firm ids are local).
 * Import keeps an existing uid untouched (the same package twice is a no-op) and adds new ones.
 */
export type PortableAnnotation = Omit<Annotation, 'id' | 'ledgerItemIds' | 'target'> & { target: Exclude<AnnotationTarget, { kind: 'firm' }> };

export function exportAnnotations(db: Database): PortableAnnotation[] {
  return listAnnotations(db).flatMap(({ id: _id, ledgerItemIds: _links, target, ...rest }) => (target.kind === 'firm' ? [] : [{ ...rest, target }]));
}

export function importAnnotations(db: Database, list: readonly PortableAnnotation[]): { added: number; unchanged: number } {
  let added = 0;
  db.transaction(() => {
    const exists = db.prepare('SELECT 1 FROM annotation WHERE uid = ?');
    for (const a of list) {
      if (exists.get(a.uid)) continue;
      const id = insertAnnotation(db, { uid: a.uid, target: a.target, periodFrom: a.periodFrom, periodTo: a.periodTo, text: a.text, category: a.category, author: a.author, at: a.createdAt });
      db.prepare('UPDATE annotation SET updated_at = ?, updated_by = ? WHERE id = ?').run(a.updatedAt, a.updatedBy, id);
      added++;
    }
  })();
  return { added, unchanged: list.length - added };
}
