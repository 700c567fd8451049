/**
 * Finds the table in a sheet as agencies lay it out: title and "填报单位/单位：万人" rows above, a
 * header of one or two rows (district merged over 男/女), data rows, footnotes (注：…, 资料来源：…)
 * below. Works on the first rows of a sheet; the rest streams past.
 */
import { isBlank, cellText, columnLetter, type Cell } from './text';
import { looksNumeric } from './values';
import { periodTextIn, yearIn } from './periods';

export interface RawRow {
  /** 1-based row (record) number in the sheet or file. */
  row: number;
  cells: Cell[];
}

/** A merged range: 1-based rows, 0-based columns, inclusive. */
export interface MergeRange {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface ColumnHeader {
  index: number;
  letter: string;
  /** Upper header text (two-row headers), else ''. */
  top: string;
  /** The header text of the (lower) header row. */
  text: string;
  /** What users read: "铁西区/男" for two-row headers, else the text; the letter when blank. */
  label: string;
}

export interface TableLayout {
  /** Row of the first header row; null for a table without a header. */
  headerRow: number | null;
  headerRows: 0 | 1 | 2;
  /** First row after the header. */
  dataStart: number;
  width: number;
  columns: ColumnHeader[];
  /** Texts above the header (titles, 填报单位, 单位). */
  titles: string[];
  /** "单位：万人" found above the header. */
  unitHint: string | null;
  /** A year named in the titles, for periods written without one (1-6月累计). */
  yearHint: number | null;
  /** A period named in the titles ("2024年6月"), as written. */
  periodHint: string | null;
}

/** Rows read before the layout is decided. */
export const LAYOUT_SAMPLE_ROWS = 40;

function nonBlankCount(cells: readonly Cell[]): number {
  let n = 0;
  for (const c of cells) if (!isBlank(c)) n++;
  return n;
}

function lastNonBlank(cells: readonly Cell[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (!isBlank(cells[i])) return i;
  return -1;
}

/** A number that is more likely a period header (202406, 2024) than a value. */
function periodLikeNumber(cell: Cell): boolean {
  const t = typeof cell === 'number' ? String(cell) : typeof cell === 'string' ? cell.trim() : '';
  if (/^(19|20)\d{2}(0[1-9]|1[0-2])$/.test(t)) return true;
  return /^(19|20)\d{2}$/.test(t);
}

function isDataRow(cells: readonly Cell[]): boolean {
  let numeric = 0;
  let periodLike = 0;
  for (const c of cells) {
    if (isBlank(c) || c instanceof Date) continue;
    if (looksNumeric(c)) {
      numeric++;
      if (periodLikeNumber(c)) periodLike++;
    }
  }
  if (numeric === 0) return false;
  // A header of numeric periods (202401, 202402, ...) is not data.
  return !(numeric >= 2 && periodLike === numeric);
}

/** Masters of merged ranges in a row count once; covered cells are not separate entries. */
function masterCount(row: RawRow, merges: readonly MergeRange[]): number {
  let n = 0;
  row.cells.forEach((c, col) => {
    if (isBlank(c)) return;
    const m = merges.find((r) => row.row >= r.r1 && row.row <= r.r2 && col >= r.c1 && col <= r.c2);
    if (m && (m.r1 !== row.row || m.c1 !== col)) return;
    n++;
  });
  return n;
}

const FOOTNOTE = /^(注|说明|备注|资料来源|数据来源|来源[:：]|填报人|填表人|制表|审核|负责人|单位负责人|统计负责人|联系电话|联系人|[*※①②③])/;

/**
 * True for a footnote row below the table: one text cell that starts like a note
 * (注：…, 资料来源：…, ※) or is a long sentence.
 * @example isFootnoteRow(['注：本表数据为初步统计数。']) // true
 */
export function isFootnoteRow(cells: readonly Cell[]): boolean {
  // One distinct text, possibly repeated across a merged range; stop at the second distinct value.
  let first: Cell | undefined;
  for (const c of cells) {
    if (isBlank(c)) continue;
    if (first === undefined) {
      if (typeof c !== 'string') return false;
      first = c;
    } else if (c !== first) {
      return false;
    }
  }
  if (first === undefined || typeof first !== 'string') return false;
  const t = first.trim();
  return FOOTNOTE.test(t) || t.length > 40;
}

export interface LayoutOverride {
  headerRow?: number | null;
  headerRows?: 0 | 1 | 2;
}

/**
 * Decides where the header is and what each column is called, from the first rows of a sheet.
 * Returns null when the sample holds nothing at all.
 */
export function detectLayout(sample: readonly RawRow[], merges: readonly MergeRange[] = [], override: LayoutOverride = {}): TableLayout | null {
  const rows = sample.filter((r) => nonBlankCount(r.cells) > 0);
  if (!rows.length) return null;

  let headerIdx: number | null;
  let headerRows: 0 | 1 | 2;
  if (override.headerRow !== undefined) {
    headerIdx = override.headerRow === null ? null : rows.findIndex((r) => r.row === override.headerRow);
    if (headerIdx !== null && headerIdx < 0) headerIdx = null;
    headerRows = override.headerRows ?? (headerIdx === null ? 0 : 1);
    if (headerIdx === null) headerRows = 0;
  } else {
    const dataIdx = rows.findIndex((r) => isDataRow(r.cells));
    if (dataIdx < 0) {
      // No data yet: take the first row with two or more cells as the header.
      const h = rows.findIndex((r) => masterCount(r, merges) >= 2);
      // Neither data nor a header: notes, not a table.
      if (h < 0) return null;
      headerIdx = h;
    } else if (dataIdx === 0) {
      headerIdx = null;
    } else {
      const h = dataIdx - 1;
      headerIdx = masterCount(rows[h]!, merges) >= 2 || nonBlankCount(rows[dataIdx]!.cells) <= 2 ? h : null;
    }
    headerRows = headerIdx === null ? 0 : 1;
    if (headerIdx !== null && headerIdx > 0 && override.headerRows !== 1) {
      const lower = rows[headerIdx]!;
      const upper = rows[headerIdx - 1]!;
      if (upper.row === lower.row - 1 && isUpperHeader(upper, lower, merges)) {
        headerIdx -= 1;
        headerRows = 2;
      }
    }
    if (override.headerRows !== undefined && headerIdx !== null) headerRows = override.headerRows === 0 ? 1 : override.headerRows;
  }

  const headerRowsList = headerIdx === null ? [] : rows.slice(headerIdx, headerIdx + headerRows);
  const lower = headerRowsList[headerRowsList.length - 1];
  const upper = headerRows === 2 ? headerRowsList[0] : undefined;
  const titleRows = headerIdx === null ? [] : rows.slice(0, headerIdx);
  const dataStart = lower ? lower.row + 1 : rows[0]!.row;
  const body = sample.filter((r) => r.row >= dataStart).slice(0, 20);

  let width = 0;
  for (const r of [...headerRowsList, ...body]) {
    if (isFootnoteRow(r.cells)) break;
    width = Math.max(width, lastNonBlank(r.cells) + 1);
  }

  const upperFilled: string[] = [];
  if (upper) {
    // Forward-fill the upper row where a span was written once (CSV has no merges).
    let last = '';
    for (let c = 0; c < width; c++) {
      const t = cellText(upper.cells[c]).trim();
      const lowerText = lower ? cellText(lower.cells[c]).trim() : '';
      if (t) last = t;
      upperFilled.push(t || (lowerText ? last : ''));
    }
  }
  const columns: ColumnHeader[] = [];
  for (let c = 0; c < width; c++) {
    const letter = columnLetter(c);
    const top = upper ? upperFilled[c]! : '';
    let text = lower ? cellText(lower.cells[c]).trim() : '';
    // A label column in a two-row header is written once, above or merged over both rows.
    if (upper && !text) text = top;
    const label = upper && top && top !== text ? `${top}/${text}` : text || letter;
    columns.push({ index: c, letter, top: upper && top !== text ? top : '', text, label });
  }

  const titles = [...new Set(titleRows.flatMap((r) => r.cells.filter((c) => !isBlank(c)).map((c) => cellText(c).trim())))];
  const joined = titles.join(' ');
  const unit = /(?<!填报|报送|填表|报告)单位[:：]\s*([^\s,，;；、)）]+)/.exec(joined);
  return {
    headerRow: lower ? (upper ?? lower).row : null,
    headerRows,
    dataStart,
    width,
    columns,
    titles,
    unitHint: unit ? unit[1]! : null,
    yearHint: yearIn(joined),
    periodHint: periodTextIn(joined),
  };
}

/** An upper header row over the lower one: spans (merged or written once) over several columns. */
function isUpperHeader(upper: RawRow, lower: RawRow, merges: readonly MergeRange[]): boolean {
  if (masterCount(upper, merges) < 2 || isDataRow(upper.cells)) return false;
  // "填报单位：…  单位：万人" above the header is metadata, not a header row.
  if (upper.cells.some((c) => typeof c === 'string' && /[:：]/.test(c))) return false;
  const horizontal = merges.some((m) => m.r1 === upper.row && m.r2 === upper.row && m.c2 > m.c1);
  const vertical = merges.some((m) => m.r1 === upper.row && m.r2 >= lower.row);
  if (horizontal || vertical) return true;
  // Without merges: a text written once above two or more lower headers (铁西区,, over 男,女).
  for (let c = 0; c + 1 < lower.cells.length; c++) {
    if (!isBlank(upper.cells[c]) && isBlank(upper.cells[c + 1]) && !isBlank(lower.cells[c + 1]) && !isBlank(lower.cells[c])) return true;
  }
  return false;
}
