import { describe, expect, it } from 'vitest';
import { DIMENSIONS, INDICATORS } from '../../shared/domain/catalog';
import { CatalogLookup } from '../../shared/import/lookup';
import { choicesFromPlan, planSheet, RecordMaker, rulesFromChoices, VALUE_FIELD, type ImportRecord, type SheetMapping } from '../../shared/import/mapping';
import { suggestObservationMapping } from '../../shared/import/suggest';
import { detectLayout, isFootnoteRow, type MergeRange, type RawRow } from '../../shared/import/table';
import type { Cell } from '../../shared/import/text';

const lookup = new CatalogLookup({ indicators: INDICATORS, dimensions: DIMENSIONS });
const names = INDICATORS.map((i) => ({ code: i.code, name: i.name.zh }));

function rows(...lines: Cell[][]): RawRow[] {
  return lines.map((cells, i) => ({ row: i + 1, cells }));
}

/** The records a mapping makes of a table, copied (the maker reuses its objects). */
function records(table: RawRow[], mapping: SheetMapping, merges: MergeRange[] = []): Array<Record<string, Cell>> {
  const layout = detectLayout(table, merges, { ...(mapping.headerRow !== undefined ? { headerRow: mapping.headerRow } : {}) })!;
  const maker = new RecordMaker(planSheet(layout, mapping), 'S');
  const out: Array<Record<string, Cell>> = [];
  for (const r of table.filter((x) => x.row >= layout.dataStart && !isFootnoteRow(x.cells))) {
    maker.emit(r, (rec: ImportRecord) => out.push(Object.fromEntries(Object.entries(rec.fields).map(([k, v]) => [k, v.value]))));
  }
  return out;
}

describe('catalogue lookup', () => {
  it('finds indicators by code, name and name with unit', () => {
    expect(lookup.indicator('EMP.NEW_URBAN')?.indicator.code).toBe('EMP.NEW_URBAN');
    expect(lookup.indicator('emp.new_urban')?.indicator.code).toBe('EMP.NEW_URBAN');
    expect(lookup.indicator('城镇新增就业人数')?.indicator.code).toBe('EMP.NEW_URBAN');
    expect(lookup.indicator('城镇新增就业人数（万人）')).toMatchObject({ unit: '万人' });
    expect(lookup.indicator('Surveyed urban unemployment rate')?.indicator.code).toBe('UNE.SURVEY_RATE');
    expect(lookup.indicator('不存在的指标')).toBeNull();
  });

  it('finds members by code, full and short names, and totals', () => {
    expect(lookup.member('district', '210106')).toEqual({ code: '210106' });
    expect(lookup.member('district', '铁西区')).toEqual({ code: '210106' });
    expect(lookup.member('district', '铁 西')).toEqual({ code: '210106' });
    expect(lookup.member('district', '沈北新区')).toEqual({ code: '210113' });
    expect(lookup.member('district', '沈北')).toEqual({ code: '210113' });
    expect(lookup.member('district', '新民')).toEqual({ code: '210181' });
    expect(lookup.member('gender', '女')).toEqual({ code: 'F' });
    expect(lookup.member('gender', '男性')).toEqual({ code: 'M' });
    expect(lookup.member('district', '全市')).toEqual({ total: true });
    expect(lookup.member('gender', '合计')).toEqual({ total: true });
    expect(lookup.member('district', '火星区')).toBeNull();
    expect(lookup.dimensionOfHeader('地区')).toBe('district');
    expect(lookup.dimensionOfHeader('区县')).toBe('district');
    expect(lookup.dimensionOfHeader('性别')).toBe('gender');
  });
});

describe('table layout', () => {
  it('skips title and unit rows, finds the header, the year and the unit', () => {
    const t = rows(['沈阳市2024年1-6月城镇新增就业情况'], ['填报单位：市人社局', null, '单位：万人'], ['地区', '1-6月累计', '同比'], ['铁西区', '1.2', '5%'], ['注：本表为初步数。']);
    const layout = detectLayout(t)!;
    expect(layout).toMatchObject({ headerRow: 3, headerRows: 1, dataStart: 4, unitHint: '万人', yearHint: 2024, periodHint: '2024年1-6月', width: 3 });
    expect(layout.columns.map((c) => c.label)).toEqual(['地区', '1-6月累计', '同比']);
  });

  it('reads a two-row header merged in XLSX (district over 男/女)', () => {
    const t = rows(['月份', '铁西区', '铁西区', '和平区', '和平区'], ['月份', '男', '女', '男', '女'], ['2024-05', 10, 11, 12, 13], ['2024-06', 14, 15, 16, 17]);
    const merges: MergeRange[] = [
      { r1: 1, c1: 0, r2: 2, c2: 0 },
      { r1: 1, c1: 1, r2: 1, c2: 2 },
      { r1: 1, c1: 3, r2: 1, c2: 4 },
    ];
    const layout = detectLayout(t, merges)!;
    expect(layout).toMatchObject({ headerRow: 1, headerRows: 2, dataStart: 3 });
    expect(layout.columns.map((c) => c.label)).toEqual(['月份', '铁西区/男', '铁西区/女', '和平区/男', '和平区/女']);
  });

  it('reads the same two-row header written once per span in a CSV', () => {
    const t = rows(['地区', '2024年5月', '', '2024年6月', ''], ['', '男', '女', '男', '女'], ['铁西区', '1', '2', '3', '4']);
    const layout = detectLayout(t)!;
    expect(layout.headerRows).toBe(2);
    expect(layout.columns.map((c) => c.label)).toEqual(['地区', '2024年5月/男', '2024年5月/女', '2024年6月/男', '2024年6月/女']);
  });

  it('does not take a "填报单位：… 单位：…" row for an upper header', () => {
    const t = rows(['填报单位：市统计局', '', '单位：人'], ['地区', '2024年5月', '2024年6月'], ['铁西区', '1', '2']);
    expect(detectLayout(t)).toMatchObject({ headerRow: 2, headerRows: 1 });
  });

  it('takes a header of numeric periods for a header, not data', () => {
    const t = rows(['地区', 202405, 202406], ['铁西区', 100, 120]);
    expect(detectLayout(t)).toMatchObject({ headerRow: 1, headerRows: 1, dataStart: 2 });
  });

  it('tells footnotes from data rows', () => {
    expect(isFootnoteRow(['注：1.本表数据为初步统计数。'])).toBe(true);
    expect(isFootnoteRow(['资料来源：市统计局', null, null])).toBe(true);
    expect(isFootnoteRow(['※ 不含在校生'])).toBe(true);
    expect(isFootnoteRow(['铁西区', '12', '13'])).toBe(false);
    expect(isFootnoteRow(['铁西区'])).toBe(false);
  });
});

describe('mapping suggestions and records', () => {
  it('recognises the exchange format outright', () => {
    const t = rows(['indicator', 'period', 'value', 'district', 'gender'], ['UNE.REG_COUNT', '2024-06', '100', '210106', '']);
    const s = suggestObservationMapping(detectLayout(t)!, t, lookup, names);
    expect(s.exchange).toBe(true);
    expect(s.missing).toEqual([]);
    expect(records(t, s.mapping)).toEqual([{ indicator: 'UNE.REG_COUNT', period: '2024-06', [VALUE_FIELD]: '100', 'dim:district': '210106', 'dim:gender': '' }]);
  });

  it('maps a long table with Chinese field names', () => {
    const t = rows(['指标名称', '统计期', '区县', '数值', '单位'], ['城镇登记失业人数', '2024年6月', '铁西区', '1,234', '人']);
    const s = suggestObservationMapping(detectLayout(t)!, t, lookup, names);
    expect(s.missing).toEqual([]);
    expect(records(t, s.mapping)).toEqual([{ indicator: '城镇登记失业人数', period: '2024年6月', 'dim:district': '铁西区', [VALUE_FIELD]: '1,234', unit: '人' }]);
  });

  it('maps a wide table by period, taking the indicator and unit from the title', () => {
    const t = rows(['2024年城镇登记失业人数'], ['单位：人'], ['地区', '2024年5月', '2024年6月'], ['铁西区', '100', '120'], ['全市', '900', '950']);
    const s = suggestObservationMapping(detectLayout(t)!, t, lookup, names);
    expect(s.missing).toEqual([]);
    expect(s.mapping.constants).toEqual({ indicator: 'UNE.REG_COUNT', unit: '人' });
    expect(records(t, s.mapping)).toEqual([
      { indicator: 'UNE.REG_COUNT', unit: '人', 'dim:district': '铁西区', period: '2024年5月', [VALUE_FIELD]: '100' },
      { indicator: 'UNE.REG_COUNT', unit: '人', 'dim:district': '铁西区', period: '2024年6月', [VALUE_FIELD]: '120' },
      { indicator: 'UNE.REG_COUNT', unit: '人', 'dim:district': '全市', period: '2024年5月', [VALUE_FIELD]: '900' },
      { indicator: 'UNE.REG_COUNT', unit: '人', 'dim:district': '全市', period: '2024年6月', [VALUE_FIELD]: '950' },
    ]);
  });

  it('maps a two-row header as district over gender, with periods down the rows', () => {
    const t = rows(['月份', '铁西区', '铁西区', '和平区', '和平区'], ['月份', '男', '女', '男', '女'], ['2024-06', 10, 11, 12, 13]);
    const merges: MergeRange[] = [
      { r1: 1, c1: 0, r2: 2, c2: 0 },
      { r1: 1, c1: 1, r2: 1, c2: 2 },
      { r1: 1, c1: 3, r2: 1, c2: 4 },
    ];
    const layout = detectLayout(t, merges)!;
    const s = suggestObservationMapping(layout, t, lookup, names);
    expect(s.mapping.otherColumns).toEqual({ headerFields: ['dim:district', 'dim:gender'] });
    expect(s.missing).toEqual(['indicator']);
    const out = records(t, { ...s.mapping, constants: { indicator: 'UNE.REG_COUNT' } }, merges);
    expect(out.map((r) => [r['dim:district'], r['dim:gender'], r.period, r[VALUE_FIELD]])).toEqual([
      ['铁西区', '男', '2024-06', 10],
      ['铁西区', '女', '2024-06', 11],
      ['和平区', '男', '2024-06', 12],
      ['和平区', '女', '2024-06', 13],
    ]);
  });

  it('keeps a template working next month: a new period column is read without a new rule', () => {
    const mapping: SheetMapping = { columns: [{ header: '地区', field: 'dim:district' }], otherColumns: { headerFields: ['period'] }, constants: { indicator: 'UNE.REG_COUNT' } };
    const july = rows(['地区', '2024年5月', '2024年6月', '2024年7月'], ['铁西区', '1', '2', '3']);
    expect(records(july, mapping).map((r) => r.period)).toEqual(['2024年5月', '2024年6月', '2024年7月']);
  });

  it('reports what it cannot find', () => {
    const t = rows(['甲', '乙'], ['x', '1']);
    const s = suggestObservationMapping(detectLayout(t)!, t, lookup, names);
    expect(s.missing).toEqual(['indicator', 'period']);
  });
});

describe('mapping edits written back as rules', () => {
  it('round-trips a suggestion and keeps reading a new period column next month', () => {
    const june = rows(['地区', '2024年5月', '2024年6月'], ['铁西区', '1', '2']);
    const layout = detectLayout(june)!;
    const s = suggestObservationMapping(layout, june, lookup, names);
    const plan = planSheet(layout, { ...s.mapping, constants: { indicator: 'UNE.REG_COUNT' } });
    const choices = choicesFromPlan(plan, layout.headerRows);
    expect(choices).toEqual([{ role: 'field', field: 'dim:district' }, { role: 'value', headerFields: ['period'] }, { role: 'value', headerFields: ['period'] }]);
    const rules = rulesFromChoices(layout, choices, { indicator: 'UNE.REG_COUNT', period: ' ' });
    expect(rules).toEqual({ columns: [{ header: '地区', field: 'dim:district' }], otherColumns: { headerFields: ['period'] }, constants: { indicator: 'UNE.REG_COUNT' } });
    const july = rows(['地区', '2024年5月', '2024年6月', '2024年7月'], ['铁西区', '1', '2', '3']);
    expect(records(july, rules).map((r) => r.period)).toEqual(['2024年5月', '2024年6月', '2024年7月']);
  });

  it('names columns with blank or repeated headers by letter, and value columns of different kinds one by one', () => {
    const t = rows(['指标', '2024年6月', '铁西区', '铁西区', ''], ['城镇登记失业人数', '1', '2', '3', '4']);
    const layout = detectLayout(t)!;
    const rules = rulesFromChoices(layout, [{ role: 'field', field: 'indicator' }, { role: 'value', headerFields: ['period'] }, { role: 'value', headerFields: ['dim:district'] }, { role: 'ignore' }, { role: 'field', field: 'unit' }], {});
    expect(rules.columns).toEqual([
      { header: '指标', field: 'indicator' },
      { header: '2024年6月', headerFields: ['period'] },
      { column: 'C', headerFields: ['dim:district'] },
      { column: 'D', ignore: true },
      { column: 'E', field: 'unit' },
    ]);
    expect(rules.otherColumns).toBeNull();
  });
});
