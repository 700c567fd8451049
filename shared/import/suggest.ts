/**
 * Suggests a mapping for indicator observations from a table's headers and first rows: the
 * workstation's exchange format is recognised outright; otherwise headers are read as field
 * names (指标, 时期, 数值, 单位, 区县…), periods, dimension members or indicators, and columns without
 * a telling header are judged by their cells. What cannot be found is reported as missing, for the
 * wizard to ask.
 */
import type { CatalogLookup } from './lookup';
import { isTotalWord } from './lookup';
import { VALUE_FIELD, type ColumnRule, type SheetMapping } from './mapping';
import { parsePeriodText } from './periods';
import type { RawRow, TableLayout } from './table';
import { isFootnoteRow } from './table';
import { cellText, isBlank, normalizeLabel, type Cell } from './text';
import { looksNumeric } from './values';

/** Fields of the observations target. Dimension fields are `dim:<code>`. */
export const OBSERVATION_FIELDS = ['indicator', 'period', VALUE_FIELD, 'unit', 'view'] as const;
export const REQUIRED_OBSERVATION_FIELDS = ['indicator', 'period', VALUE_FIELD] as const;

const FIELD_WORDS: Record<string, string[]> = {
  indicator: ['indicator', '指标', '指标名称', '指标代码', '指标项', '项目', '统计指标', '指标名'],
  period: ['period', '时期', '期间', '时间', '月份', '日期', '年月', '统计期', '报告期', '统计时间', '数据期', '统计月份', '年份', '季度'],
  [VALUE_FIELD]: ['value', '数值', '值', '数据', '指标值', '本期数', '本期值', '数量'],
  unit: ['unit', '单位', '计量单位'],
  view: ['view'],
};

function fieldOfHeader(text: string): string | null {
  const k = normalizeLabel(text).toLowerCase();
  if (!k) return null;
  for (const [field, words] of Object.entries(FIELD_WORDS)) if (words.includes(k)) return field;
  // "数值(万人)" is the value column with a unit.
  const bare = k.replace(/[([【].*$/, '');
  if (bare && bare !== k) for (const [field, words] of Object.entries(FIELD_WORDS)) if (words.includes(bare)) return field;
  return null;
}

export interface Suggestion {
  mapping: SheetMapping;
  /** Required fields no column or constant provides. */
  missing: string[];
  /** The file is in the workstation's exchange format (no questions needed). */
  exchange: boolean;
}

/** What a header text names when the column holds values. */
type HeaderKind = { kind: 'period' } | { kind: 'dim'; dims: string[] } | { kind: 'total' } | { kind: 'indicator' } | null;

function headerKind(text: string, lookup: CatalogLookup, yearHint: number | null): HeaderKind {
  if (!text) return null;
  if (parsePeriodText(text, yearHint)) return { kind: 'period' };
  if (isTotalWord(text)) return { kind: 'total' };
  const members = lookup.membersNamed(text);
  if (members.length) return { kind: 'dim', dims: [...new Set(members.map((m) => m.dimension))] };
  if (lookup.indicator(text)) return { kind: 'indicator' };
  return null;
}

/** What the cells of a column are, judged from the sample (at least 60% agreeing). */
function contentField(cells: Cell[], lookup: CatalogLookup, yearHint: number | null): string | 'numeric' | null {
  const filled = cells.filter((c) => !isBlank(c));
  if (!filled.length) return null;
  const share = (pred: (c: Cell) => boolean) => filled.filter(pred).length / filled.length;
  if (share((c) => parsePeriodText(c, yearHint) !== null) >= 0.6) return 'period';
  if (share((c) => lookup.indicator(cellText(c)) !== null) >= 0.6) return 'indicator';
  const dimCount = new Map<string, number>();
  for (const c of filled) {
    const t = cellText(c);
    const dims = isTotalWord(t) ? lookup.dimensionCodes : [...new Set(lookup.membersNamed(t).map((m) => m.dimension))];
    for (const d of dims) dimCount.set(d, (dimCount.get(d) ?? 0) + 1);
  }
  const best = [...dimCount].sort((a, b) => b[1] - a[1])[0];
  if (best && best[1] / filled.length >= 0.6 && filled.some((c) => !isTotalWord(cellText(c)))) return `dim:${best[0]}`;
  if (share(looksNumeric) >= 0.6) return 'numeric';
  return null;
}

/** An indicator named in a title ("沈阳市2024年6月城镇登记失业人数"), longest name first. */
function indicatorInTitles(titles: string[], names: Array<{ code: string; name: string }>): string | null {
  const text = normalizeLabel(titles.join(''));
  if (!text) return null;
  const hit = names.filter((n) => n.name.length >= 3 && text.includes(normalizeLabel(n.name))).sort((a, b) => b.name.length - a.name.length)[0];
  return hit?.code ?? null;
}

/**
 * Suggests how to read one sheet.
 * @param indicatorNames catalogue names for spotting an indicator in the titles
 */
export function suggestObservationMapping(
  layout: TableLayout,
  sample: readonly RawRow[],
  lookup: CatalogLookup,
  indicatorNames: Array<{ code: string; name: string }>,
): Suggestion {
  const headers = layout.columns.map((c) => c.text.trim());
  const lower = headers.map((h) => h.toLowerCase());

  // The exchange format: indicator, period, value, one column per dimension, optional unit and view.
  if (layout.headerRows === 1 && ['indicator', 'period', 'value'].every((f) => lower.includes(f))) {
    const columns: ColumnRule[] = headers.map((h, i) => {
      const l = lower[i]!;
      if (!h) return { column: layout.columns[i]!.letter, ignore: true };
      if (l === 'indicator' || l === 'period' || l === 'value' || l === 'unit' || l === 'view') return { header: h, field: l };
      return { header: h, field: `dim:${h}` };
    });
    return { mapping: { columns, constants: {} }, missing: [], exchange: true };
  }

  const body = sample.filter((r) => r.row >= layout.dataStart);
  const bodyRows: RawRow[] = [];
  for (const r of body) {
    if (isFootnoteRow(r.cells)) break;
    bodyRows.push(r);
  }
  const columnCells = (i: number) => bodyRows.map((r) => r.cells[i] ?? null).slice(0, 30);

  const columns: ColumnRule[] = [];
  const valueKinds: Array<{ index: number; top: HeaderKind; bottom: HeaderKind }> = [];
  const numericColumns: number[] = [];
  const bound = new Set<string>();
  const yearHint = layout.yearHint;

  layout.columns.forEach((col, i) => {
    const header = col.text;
    const named = fieldOfHeader(header) ?? (col.top ? null : null);
    const dim = named ? null : lookup.dimensionOfHeader(header);
    if (named && !bound.has(named)) {
      columns.push({ header: col.label, field: named });
      bound.add(named);
      return;
    }
    if (dim && !bound.has(`dim:${dim}`)) {
      columns.push({ header: col.label, field: `dim:${dim}` });
      bound.add(`dim:${dim}`);
      return;
    }
    const bottom = headerKind(col.text, lookup, yearHint);
    const top = layout.headerRows === 2 && col.top ? headerKind(col.top, lookup, yearHint) : null;
    if (bottom || top) {
      valueKinds.push({ index: i, top, bottom });
      return;
    }
    const content = contentField(columnCells(i), lookup, yearHint);
    if (content === 'numeric') {
      numericColumns.push(i);
      return;
    }
    if (content && !bound.has(content)) {
      columns.push({ header: col.label || undefined, column: col.label ? undefined : col.letter, field: content });
      bound.add(content);
      return;
    }
    columns.push({ column: col.letter, ignore: true });
  });

  let otherColumns: SheetMapping['otherColumns'] = null;
  if (!bound.has(VALUE_FIELD) && valueKinds.length) {
    // Wide: every value column's headers give the same kinds of fields.
    const fieldOf = (k: HeaderKind, siblings: HeaderKind[]): string | null => {
      if (!k) return null;
      if (k.kind === 'period') return 'period';
      if (k.kind === 'indicator') return 'indicator';
      const dims = siblings.flatMap((s) => (s && s.kind === 'dim' ? s.dims : []));
      const counts = new Map<string, number>();
      for (const d of dims) counts.set(d, (counts.get(d) ?? 0) + 1);
      const candidates = k.kind === 'dim' ? k.dims : [...counts.keys()];
      const best = candidates.sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0))[0];
      return best ? `dim:${best}` : null;
    };
    const tops = valueKinds.map((v) => v.top);
    const bottoms = valueKinds.map((v) => v.bottom);
    const perColumn = valueKinds.map((v) => {
      const t = fieldOf(v.top, tops);
      const b = fieldOf(v.bottom, bottoms);
      return layout.headerRows === 2 && t ? [t, b] : [b];
    });
    const signature = (f: Array<string | null>) => f.join('|');
    const same = perColumn.every((f) => signature(f) === signature(perColumn[0]!));
    if (same && perColumn[0]!.some((f) => f)) {
      otherColumns = { headerFields: perColumn[0]! };
    } else {
      valueKinds.forEach((v, i) => columns.push({ header: layout.columns[v.index]!.label, headerFields: perColumn[i]! }));
    }
    for (const f of perColumn.flat()) if (f) bound.add(f);
    bound.add(VALUE_FIELD);
    for (const n of numericColumns) columns.push({ column: layout.columns[n]!.letter, ignore: true });
  } else if (!bound.has(VALUE_FIELD) && numericColumns.length === 1) {
    const col = layout.columns[numericColumns[0]!]!;
    columns.push(col.text ? { header: col.label, field: VALUE_FIELD } : { column: col.letter, field: VALUE_FIELD });
    bound.add(VALUE_FIELD);
  } else {
    for (const n of numericColumns) columns.push({ column: layout.columns[n]!.letter, ignore: true });
    for (const v of valueKinds) columns.push({ column: layout.columns[v.index]!.letter, ignore: true });
  }

  const constants: Record<string, string> = {};
  if (!bound.has('indicator')) {
    const code = indicatorInTitles(layout.titles, indicatorNames);
    if (code) constants.indicator = code;
  }
  if (!bound.has('period') && layout.periodHint) constants.period = layout.periodHint;
  if (!bound.has('unit') && layout.unitHint) constants.unit = layout.unitHint;

  const have = new Set([...bound, ...Object.keys(constants)]);
  const missing = REQUIRED_OBSERVATION_FIELDS.filter((f) => !have.has(f));
  return { mapping: { columns, otherColumns, constants }, missing, exchange: false };
}
