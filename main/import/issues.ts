/**
 * Issues found while importing: each with a severity, a stable code (translated through the shared
 * message table), parameters, and where it is (sheet, row, column). The first `max` are kept;
 * counts go on. An issue about a header cell or a constant is kept once, not once per row.
 */
import type { ImportIssue } from '../../shared/api/imports';
import { columnLetter } from '../../shared/import/text';

export type Severity = 'error' | 'warning' | 'info';

export type { ImportIssue };

export interface IssueLocation {
  sheet: string | null;
  row: number | null;
  /** 0-based column index. */
  col: number | null;
  /** Header and constant locations repeat on every row: report them once. */
  once?: boolean;
}

export class IssueCollector {
  readonly kept: ImportIssue[] = [];
  readonly counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  readonly byCode = new Map<string, number>();
  private readonly seen = new Set<string>();

  constructor(private readonly max: number) {}

  add(severity: Severity, code: string, params: Record<string, string | number>, at: IssueLocation): void {
    if (at.once) {
      const key = `${severity}|${code}|${at.sheet}|${at.row}|${at.col}|${JSON.stringify(params)}`;
      if (this.seen.has(key)) return;
      this.seen.add(key);
    }
    this.counts[severity]++;
    this.byCode.set(code, (this.byCode.get(code) ?? 0) + 1);
    if (this.kept.length < this.max) {
      this.kept.push({ severity, code, params, sheet: at.sheet, row: at.row, col: at.col === null ? null : columnLetter(at.col) });
    }
  }

  error(code: string, params: Record<string, string | number>, at: IssueLocation): void {
    this.add('error', code, params, at);
  }

  warning(code: string, params: Record<string, string | number>, at: IssueLocation): void {
    this.add('warning', code, params, at);
  }

  info(code: string, params: Record<string, string | number>, at: IssueLocation = { sheet: null, row: null, col: null }): void {
    this.add('info', code, params, at);
  }

  get total(): number {
    return this.counts.error + this.counts.warning + this.counts.info;
  }

  /** Issues sorted by sheet order of appearance, row, column. */
  list(): ImportIssue[] {
    return this.kept;
  }
}
