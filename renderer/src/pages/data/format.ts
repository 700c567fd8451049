/** Small display helpers for the Data page. */
import type { ImportIssue } from '../../../../shared/api/imports';

/** @example fileSize(1536) // '1.5 KB' */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

/** "新增就业!E5", "第3行 C列" style location of an issue. */
export function issueWhere(i: Pick<ImportIssue, 'sheet' | 'row' | 'col'>, rowCol: (row: number, col: string) => string, rowOnly: (row: number) => string): string {
  if (i.sheet && i.row !== null && i.col) return `${i.sheet}!${i.col}${i.row}`;
  if (i.row !== null && i.col) return rowCol(i.row, i.col);
  if (i.row !== null) return `${i.sheet ? `${i.sheet} ` : ''}${rowOnly(i.row)}`;
  return i.sheet ?? '';
}

/** Local date-time for an ISO instant: 2026-11-28 19:37. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
