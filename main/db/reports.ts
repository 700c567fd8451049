/** Report rows: metadata, the JSON block list, and the saved versions of finals. */
import type { Database } from 'better-sqlite3';
import type { Locale } from '../../shared/domain/types';
import { blockSchema, type Block, type Report, type ReportMeta, type ReportStatus } from '../../shared/reports/model';
import type { ReportVersionInfo } from '../../shared/api/reports';

interface ReportRow {
  id: number;
  title: string;
  issue_year: number;
  issue_no: number;
  period: string;
  author_unit: string;
  report_date: string;
  distribution: string;
  locale: Locale;
  pinned_snapshot: number;
  status: ReportStatus;
  content: string;
  revision: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  versions?: number;
}

function metaFromRow(r: ReportRow): ReportMeta {
  return {
    id: r.id,
    title: r.title,
    issueYear: r.issue_year,
    issueNo: r.issue_no,
    period: r.period,
    authorUnit: r.author_unit,
    reportDate: r.report_date,
    distribution: r.distribution,
    locale: r.locale,
    pinnedSnapshot: r.pinned_snapshot,
    status: r.status,
    revision: r.revision,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

/** Blocks as stored; each is validated again on the way out so a hand-edited row cannot crash the UI. */
export function parseContent(json: string): Block[] {
  const raw = JSON.parse(json) as unknown[];
  return raw.flatMap((b) => {
    const parsed = blockSchema.safeParse(b);
    return parsed.success ? [parsed.data] : [];
  });
}

const SELECT = `SELECT r.*, (SELECT count(*) FROM report_version v WHERE v.report_id = r.id) AS versions FROM report r`;

export function listReports(db: Database, f: { search?: string; status?: ReportStatus } = {}): Array<ReportMeta & { versions: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.status) {
    where.push('r.status = ?');
    params.push(f.status);
  }
  if (f.search?.trim()) {
    const like = `%${f.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push("(r.title LIKE ? ESCAPE '\\' OR r.period LIKE ? ESCAPE '\\' OR r.author_unit LIKE ? ESCAPE '\\' OR r.content LIKE ? ESCAPE '\\')");
    params.push(like, like, like, like);
  }
  const rows = db.prepare(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.issue_year DESC, r.issue_no DESC`).all(...params) as ReportRow[];
  return rows.map((r) => ({ ...metaFromRow(r), versions: r.versions ?? 0 }));
}

export function getReport(db: Database, id: number): Report | null {
  const row = db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as ReportRow | undefined;
  return row ? { ...metaFromRow(row), content: parseContent(row.content), versions: row.versions ?? 0 } : null;
}

export function nextIssueNo(db: Database, year: number): number {
  const row = db.prepare('SELECT max(issue_no) AS n FROM report WHERE issue_year = ?').get(year) as { n: number | null };
  return (row.n ?? 0) + 1;
}

export function issueTaken(db: Database, year: number, no: number, exceptId?: number): boolean {
  return !!db.prepare('SELECT 1 FROM report WHERE issue_year = ? AND issue_no = ? AND id IS NOT ?').get(year, no, exceptId ?? null);
}

export type NewReport = Omit<ReportMeta, 'id' | 'revision' | 'updatedAt' | 'updatedBy'> & { content: Block[] };

export function insertReport(db: Database, r: NewReport): number {
  const res = db
    .prepare(
      `INSERT INTO report (title, issue_year, issue_no, period, author_unit, report_date, distribution, locale, pinned_snapshot, status, content, revision, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
    )
    .run(r.title, r.issueYear, r.issueNo, r.period, r.authorUnit, r.reportDate, r.distribution, r.locale, r.pinnedSnapshot, r.status, JSON.stringify(r.content), r.createdAt, r.createdBy, r.createdAt, r.createdBy);
  return Number(res.lastInsertRowid);
}

export function updateReport(db: Database, r: Report, by: string, at: string): void {
  db.prepare(
    `UPDATE report SET title = ?, issue_year = ?, issue_no = ?, author_unit = ?, report_date = ?, distribution = ?, pinned_snapshot = ?, status = ?, content = ?,
       revision = revision + 1, updated_at = ?, updated_by = ? WHERE id = ?`,
  ).run(r.title, r.issueYear, r.issueNo, r.authorUnit, r.reportDate, r.distribution, r.pinnedSnapshot, r.status, JSON.stringify(r.content), at, by, r.id);
}

export function insertVersion(db: Database, report: Report, by: string, at: string): number {
  const version = (db.prepare('SELECT coalesce(max(version), 0) + 1 AS v FROM report_version WHERE report_id = ?').get(report.id) as { v: number }).v;
  db.prepare('INSERT INTO report_version (report_id, version, saved_at, saved_by, state) VALUES (?, ?, ?, ?, ?)').run(report.id, version, at, by, JSON.stringify(report));
  return version;
}

export function listVersions(db: Database, reportId: number): ReportVersionInfo[] {
  const rows = db.prepare('SELECT version, saved_at, saved_by, state FROM report_version WHERE report_id = ? ORDER BY version DESC').all(reportId) as Array<{ version: number; saved_at: string; saved_by: string; state: string }>;
  return rows.map((r) => {
    const state = JSON.parse(r.state) as Report;
    return { version: r.version, savedAt: r.saved_at, savedBy: r.saved_by, title: state.title, pinnedSnapshot: state.pinnedSnapshot };
  });
}

export function getVersion(db: Database, reportId: number, version: number): Report | null {
  const row = db.prepare('SELECT state FROM report_version WHERE report_id = ? AND version = ?').get(reportId, version) as { state: string } | undefined;
  if (!row) return null;
  const state = JSON.parse(row.state) as Report & { content: unknown[] };
  return { ...state, content: parseContent(JSON.stringify(state.content)) };
}

export function deleteReport(db: Database, id: number): void {
  db.prepare('DELETE FROM report WHERE id = ?').run(id);
}

/** The current snapshot state: the newest snapshot not deleted (0 for an empty cache). */
export function currentSnapshot(db: Database): number {
  return (db.prepare('SELECT coalesce(max(id), 0) AS id FROM snapshot WHERE deleted_at IS NULL').get() as { id: number }).id;
}
