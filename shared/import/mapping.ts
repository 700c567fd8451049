/**
 * Mappings bind a sheet's columns to the fields an import target needs. They are data (saved as
 * templates per source unit and file pattern) and are written in terms of header labels, not
 * positions, so next month's file with one more period column maps without questions.
 *
 * Two layouts come out of the same rules:
 * - long: one record per row, every field from a column (or a constant);
 * - wide: one record per value cell; the value column's header(s) give fields (a period, a
 *   district, a district over 男/女), the row's field columns give the others.
 */
import type { TableLayout, RawRow } from './table';
import { normalizeLabel, type Cell } from './text';

/** The field a value cell lands in. */
export const VALUE_FIELD = 'value';

export interface ColumnRule {
  /** Matches the column whose header label (or lower header text) is this, compared without spaces and width. */
  header?: string;
  /** Matches the column with these letters (A, B, ... AA). Wins over `header`. */
  column?: string;
  /** Row field: the cell of every row gives this field. */
  field?: string;
  /** Value column: each cell is a value; its header rows (top first) give these fields (null: nothing). */
  headerFields?: Array<string | null>;
  /** The column is not read. */
  ignore?: boolean;
}

export interface SheetMapping {
  /** Sheet name this applies to; absent or '*': every sheet. */
  sheet?: string;
  /** Header position when detection gets it wrong (null: no header). */
  headerRow?: number | null;
  headerRows?: 0 | 1 | 2;
  columns: ColumnRule[];
  /** Columns no rule names: value columns whose headers give these fields, or ignored (null/absent). */
  otherColumns?: { headerFields: Array<string | null> } | null;
  /** Fields fixed for the whole sheet, as text: { indicator: 'EMP.NEW_URBAN', unit: '万人', 'dim:gender': 'F' }. */
  constants?: Record<string, string>;
}

export interface Mapping {
  version: 1;
  /** The import target this mapping feeds (observations, ...). */
  target: string;
  /** Informative: how the suggestion read the file. */
  layout?: 'long' | 'wide';
  /** CSV only: forced encoding and delimiter ('auto' or absent: detect). */
  encoding?: string;
  delimiter?: string;
  sheets: SheetMapping[];
}

/** Where a field's text came from: a data cell, a header cell, the mapping, or a title. */
export interface FieldCell {
  value: Cell;
  /** 1-based row, or null for constants. */
  row: number | null;
  /** 0-based column, or null for constants. */
  col: number | null;
  origin: 'cell' | 'header' | 'constant';
}

/**
 * One record for the target. Records are reused between calls (the mapper allocates per column,
 * not per row): a target copies what it keeps.
 */
export interface ImportRecord {
  sheet: string | null;
  row: number;
  fields: Record<string, FieldCell>;
}

export interface ColumnPlan {
  index: number;
  letter: string;
  label: string;
  role: 'field' | 'value' | 'ignore';
  field?: string;
  /** For value columns: the fields its headers give, with the header text. */
  headerFields?: Array<{ field: string; text: string; row: number }>;
}

export interface SheetPlan {
  columns: ColumnPlan[];
  constants: Record<string, string>;
  layout: 'long' | 'wide';
}

/** Picks the sheet mapping for a sheet: the one naming it, else the catch-all. */
export function sheetMappingFor(mapping: Mapping, sheet: string | null): SheetMapping | null {
  const named = mapping.sheets.find((s) => s.sheet !== undefined && s.sheet !== '*' && sheet !== null && s.sheet === sheet);
  return named ?? mapping.sheets.find((s) => s.sheet === undefined || s.sheet === '*') ?? null;
}

function sameLabel(a: string, b: string): boolean {
  return normalizeLabel(a).toLowerCase() === normalizeLabel(b).toLowerCase();
}

/**
 * Resolves a sheet mapping against the columns of a table: what each column is.
 * @example planSheet(layout, { columns: [{ header: '地区', field: 'dim:district' }], otherColumns: { headerFields: ['period'] } })
 */
export function planSheet(layout: TableLayout, mapping: SheetMapping): SheetPlan {
  const columns: ColumnPlan[] = layout.columns.map((col) => {
    const rule =
      mapping.columns.find((r) => r.column !== undefined && r.column.toUpperCase() === col.letter) ??
      mapping.columns.find((r) => r.column === undefined && r.header !== undefined && (sameLabel(r.header, col.label) || sameLabel(r.header, col.text)));
    const base = { index: col.index, letter: col.letter, label: col.label };
    if (rule?.ignore) return { ...base, role: 'ignore' as const };
    if (rule?.field) return { ...base, role: 'field' as const, field: rule.field };
    const headerFields = rule?.headerFields ?? (rule ? undefined : mapping.otherColumns?.headerFields);
    if (headerFields && (col.text || col.top)) {
      // One header field reads the lowest header row; two read top then bottom.
      const headerRow = layout.headerRow ?? 0;
      const rows = layout.headerRows === 2 ? [headerRow, headerRow + 1] : [headerRow];
      const texts = layout.headerRows === 2 ? [col.top || col.text, col.text] : [col.text];
      const slots = headerFields.length === 1 ? [texts.length - 1] : headerFields.map((_, i) => i);
      const list: Array<{ field: string; text: string; row: number }> = [];
      headerFields.forEach((field, i) => {
        const slot = slots[i]!;
        if (field && texts[slot] !== undefined) list.push({ field, text: texts[slot]!, row: rows[slot]! });
      });
      return { ...base, role: 'value' as const, headerFields: list };
    }
    return { ...base, role: 'ignore' as const };
  });
  const layoutKind = columns.some((c) => c.role === 'value') ? 'wide' : 'long';
  return { columns, constants: { ...(mapping.constants ?? {}) }, layout: layoutKind };
}

/** The fields a plan binds (row fields, header fields, constants). */
export function boundFields(plan: SheetPlan): Set<string> {
  const out = new Set<string>(Object.keys(plan.constants));
  for (const c of plan.columns) {
    if (c.role === 'field' && c.field) out.add(c.field);
    if (c.role === 'value') {
      out.add(VALUE_FIELD);
      for (const h of c.headerFields ?? []) out.add(h.field);
    }
  }
  return out;
}

/**
 * Turns rows into records following a plan. Records and their field cells are allocated once per
 * column and refilled per row, so a million-row file does not allocate a million objects.
 */
export class RecordMaker {
  private readonly rowFields: Array<{ name: string; cell: FieldCell; col: number }> = [];
  private readonly valueRecords: Array<{ record: ImportRecord; value: FieldCell; col: number }> = [];
  private readonly longRecord: ImportRecord | null = null;

  constructor(
    readonly plan: SheetPlan,
    readonly sheet: string | null,
  ) {
    const constants: Record<string, FieldCell> = {};
    for (const [name, text] of Object.entries(plan.constants)) {
      if (text !== '') constants[name] = { value: text, row: null, col: null, origin: 'constant' };
    }
    const shared: Record<string, FieldCell> = { ...constants };
    for (const c of plan.columns) {
      if (c.role !== 'field' || !c.field) continue;
      const cell: FieldCell = { value: null, row: 0, col: c.index, origin: 'cell' };
      this.rowFields.push({ name: c.field, cell, col: c.index });
      shared[c.field] = cell;
    }
    const valueColumns = plan.columns.filter((c) => c.role === 'value');
    if (valueColumns.length) {
      for (const c of valueColumns) {
        const fields: Record<string, FieldCell> = { ...shared };
        for (const h of c.headerFields ?? []) fields[h.field] = { value: h.text, row: h.row, col: c.index, origin: 'header' };
        const value: FieldCell = { value: null, row: 0, col: c.index, origin: 'cell' };
        fields[VALUE_FIELD] = value;
        this.valueRecords.push({ record: { sheet, row: 0, fields }, value, col: c.index });
      }
    } else {
      this.longRecord = { sheet, row: 0, fields: shared };
    }
  }

  /**
   * Emits the records of one data row: the same record objects every row, their field cells'
   * values updated in place (targets may rely on that, see TargetSession.add).
   */
  emit(row: RawRow, sink: (record: ImportRecord) => void): void {
    const cells = row.cells;
    for (const f of this.rowFields) {
      f.cell.value = cells[f.col] ?? null;
      f.cell.row = row.row;
    }
    if (this.longRecord) {
      this.longRecord.row = row.row;
      sink(this.longRecord);
      return;
    }
    for (const v of this.valueRecords) {
      v.value.value = cells[v.col] ?? null;
      v.value.row = row.row;
      v.record.row = row.row;
      sink(v.record);
    }
  }
}

/** What the wizard edits per column. */
export interface ColumnChoice {
  role: 'ignore' | 'field' | 'value';
  field?: string;
  headerFields?: Array<string | null>;
}

/** The wizard's starting point: each column's role in a plan. */
export function choicesFromPlan(plan: SheetPlan, headerRows: number): ColumnChoice[] {
  return plan.columns.map((c) => {
    if (c.role === 'field') return { role: 'field', field: c.field };
    if (c.role === 'value') {
      const fields = c.headerFields ?? [];
      if (headerRows === 2) {
        const byRow = [null, null] as Array<string | null>;
        for (const h of fields) byRow[fields.length === 1 ? 1 : fields.indexOf(h)] = h.field;
        return { role: 'value', headerFields: byRow };
      }
      return { role: 'value', headerFields: [fields[0]?.field ?? null] };
    }
    return { role: 'ignore' };
  });
}

/**
 * Writes edited column roles back as a sheet mapping that survives next month's file: field
 * columns by header label (by letter when the header is blank), and value columns that all read
 * their headers the same way as one "other columns" rule, so a new period column needs no edit.
 * @example rulesFromChoices(layout, [{ role: 'field', field: 'dim:district' }, { role: 'value', headerFields: ['period'] }], {})
 */
export function rulesFromChoices(
  layout: TableLayout,
  choices: readonly ColumnChoice[],
  constants: Record<string, string>,
  header: { headerRow?: number | null; headerRows?: 0 | 1 | 2 } = {},
): SheetMapping {
  const columns: ColumnRule[] = [];
  const valueSignatures = new Set<string>();
  choices.forEach((c) => {
    if (c.role === 'value') valueSignatures.add(JSON.stringify(c.headerFields ?? []));
  });
  const shared = valueSignatures.size === 1 ? (JSON.parse([...valueSignatures][0]!) as Array<string | null>) : null;
  const seenLabels = new Map<string, number>();
  for (const col of layout.columns) {
    const key = normalizeLabel(col.label).toLowerCase();
    seenLabels.set(key, (seenLabels.get(key) ?? 0) + 1);
  }
  layout.columns.forEach((col, i) => {
    const c = choices[i] ?? { role: 'ignore' };
    // A header that is blank or repeated cannot name its column: use the letter.
    const byLabel = col.label && col.label !== col.letter && seenLabels.get(normalizeLabel(col.label).toLowerCase()) === 1;
    const where = byLabel ? { header: col.label } : { column: col.letter };
    if (c.role === 'field' && c.field) columns.push({ ...where, field: c.field });
    else if (c.role === 'value') {
      if (!shared) columns.push({ ...where, headerFields: c.headerFields ?? [null] });
    } else {
      columns.push({ ...where, ignore: true });
    }
  });
  const cleaned = Object.fromEntries(Object.entries(constants).filter(([, v]) => v.trim() !== ''));
  return {
    ...(header.headerRow !== undefined ? { headerRow: header.headerRow } : {}),
    ...(header.headerRows !== undefined ? { headerRows: header.headerRows } : {}),
    columns,
    otherColumns: shared ? { headerFields: shared } : null,
    constants: cleaned,
  };
}
