/**
 * What the record-per-row targets (enterprise reports, social-insurance contributors, signal case
 * lists) share: their fields with the header words that name them, a mapping suggested from those
 * words, where an issue is, and whole-number cells.
 */
import type { FieldCell, ImportRecord, SheetMapping } from '../../../shared/import/mapping';
import type { Suggestion } from '../../../shared/import/suggest';
import type { TableLayout } from '../../../shared/import/table';
import { cellText, columnLetter, normalizeLabel } from '../../../shared/import/text';
import { comparePeriods } from '../../../shared/period';
import { parseAgencyValue } from '../../../shared/import/values';
import type { IssueLocation } from '../issues';
import type { ChangeSample, SheetContext, TargetContext, TargetCounts, TargetPlan, TargetSession } from '../target';
import type { RecordTargetField } from '../../../shared/import/record-targets';

export type FieldSpec = Pick<RecordTargetField, 'name' | 'words' | 'required'>;

const key = (text: string) => normalizeLabel(text).toLowerCase().replace(/[（(].*?[)）]$/, '');

/**
 * A mapping from the header words: each column whose header names a field gives that field; a
 * period named in the titles or the file name ("2026年11月") fills a missing period.
 */
export function suggestByWords(layout: TableLayout, fields: readonly FieldSpec[], options: { periodField?: string } = {}): Suggestion {
  const columns: SheetMapping['columns'] = [];
  const bound = new Set<string>();
  for (const col of layout.columns) {
    const label = key(col.label || col.text);
    if (!label) continue;
    const field = fields.find((f) => !bound.has(f.name) && f.words.some((w) => key(w) === label));
    if (!field) continue;
    bound.add(field.name);
    columns.push({ header: col.label || col.text, field: field.name });
  }
  const constants: Record<string, string> = {};
  if (options.periodField && !bound.has(options.periodField) && layout.periodHint) {
    constants[options.periodField] = layout.periodHint;
    bound.add(options.periodField);
  }
  const mapping: SheetMapping = { columns, ...(Object.keys(constants).length ? { constants } : {}) };
  return { mapping, missing: fields.filter((f) => f.required && !bound.has(f.name)).map((f) => f.name), exchange: false };
}

/** Where a field's cell is, for an issue (a constant or header is reported once). */
export function locate(sheet: string | null, record: ImportRecord, cell: FieldCell | undefined): IssueLocation {
  if (!cell) return { sheet, row: record.row, col: null };
  if (cell.origin === 'constant') return { sheet, row: null, col: null, once: true };
  if (cell.origin === 'header') return { sheet, row: cell.row, col: cell.col, once: true };
  return { sheet, row: cell.row ?? record.row, col: cell.col };
}

export type WholeNumber = { ok: true; value: number | null } | { ok: false; code: 'import.bad_value' | 'import.not_whole' | 'import.negative_count'; params: Record<string, string | number> };

/**
 * A count cell: a whole number not below zero, or null when the cell is empty or a dash.
 * @example wholeNumber('1,204') // { ok: true, value: 1204 }
 */
export function wholeNumber(cell: FieldCell | undefined): WholeNumber {
  const parsed = parseAgencyValue(cell?.value);
  if (parsed.kind === 'missing') return { ok: true, value: null };
  if (parsed.kind === 'invalid' || parsed.percent || parsed.unit) return { ok: false, code: 'import.bad_value', params: { text: cellText(cell?.value ?? null) } };
  if (!Number.isInteger(parsed.value)) return { ok: false, code: 'import.not_whole', params: { value: parsed.value } };
  if (parsed.value < 0) return { ok: false, code: 'import.negative_count', params: { value: parsed.value } };
  return { ok: true, value: parsed.value };
}

/** A cell as a user names it: `Sheet!B12` (no sheet for a CSV, no column when unknown). */
export function cellRef(sheet: string | null, col: number | null | undefined, row: number | null): string {
  return `${sheet ? `${sheet}!` : ''}${col != null ? columnLetter(col) : ''}${row ?? ''}`;
}

/** The column letter of a location, '' when it has none (a change sample's `col`). */
export function colOf(at: IssueLocation | undefined): string {
  return at?.col != null ? columnLetter(at.col) : '';
}

/** Staged-record states shared by the record targets. */
export type RecordState = 'ok' | 'rejected' | 'repeated' | 'added' | 'revised' | 'unchanged';

/** How plan() reads one target's staged records. */
export interface PlanSteps<S> {
  /** Compares the record with the cache, records the state (and what it replaces) on it, returns the state. */
  classify(s: S): 'added' | 'revised' | 'unchanged';
  /** The month the record is about. */
  period(s: S): string;
  /** A change to show in the preview. */
  sample(s: S, kind: 'added' | 'revised', period: string): ChangeSample;
}

/** The trimmed text of a field, '' when absent. */
export function text(cell: FieldCell | undefined): string {
  return cell ? cellText(cell.value).trim() : '';
}

/** What the record-per-row sessions share: counts, the sheet being read, refusing a record. */
export abstract class RecordSession implements TargetSession {
  protected readonly counts: TargetCounts = { read: 0, added: 0, revised: 0, unchanged: 0, rejected: 0, skipped: 0, warnings: 0 };
  protected sheet: string | null = null;
  protected yearHint: number | null = null;

  constructor(protected readonly ctx: TargetContext) {}

  beginSheet(sheet: SheetContext): void {
    this.sheet = sheet.name;
    this.yearHint = sheet.layout.yearHint;
  }

  /** Where a field of the record is. */
  protected at(record: ImportRecord, field: string): IssueLocation {
    return locate(this.sheet, record, record.fields[field]);
  }

  /** Counts the record as rejected and reports why, at its cell. */
  protected reject(code: string, params: Record<string, string | number>, at: IssueLocation): void {
    this.counts.rejected++;
    this.ctx.issues.error(code, params, at);
  }

  /**
   * The plan over the staged records that were neither refused nor repeats: each classified and
   * counted, the months covered, and the first 200 changes as samples.
   */
  protected planRecords<S extends { state: RecordState }>(staged: readonly S[], sourceUnits: string[], steps: PlanSteps<S>): TargetPlan {
    const c = this.counts;
    c.added = c.revised = c.unchanged = 0;
    const changes: ChangeSample[] = [];
    let from: string | null = null;
    let to: string | null = null;
    for (const s of staged) {
      if (s.state === 'rejected' || s.state === 'repeated') continue;
      const state = steps.classify(s);
      c[state]++;
      const period = steps.period(s);
      if (from === null || comparePeriods(period, from) < 0) from = period;
      if (to === null || comparePeriods(period, to) > 0) to = period;
      if (state !== 'unchanged' && changes.length < 200) changes.push(steps.sample(s, state, period));
    }
    c.warnings = this.ctx.issues.counts.warning;
    return { counts: { ...c }, periodFrom: from, periodTo: to, sourceUnits, changes };
  }

  abstract add(record: ImportRecord): void;
  abstract plan(): TargetPlan;
  abstract write(snapshotId: number): TargetCounts;
}
