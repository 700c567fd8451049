/**
 * XLSX export of a climate-index result (exceljs): the index with each component's contribution in
 * points, the components with their weights and preparation, and what the result was computed
 * from (definition version, snapshot state). Gaps are empty cells, never NaN.
 */
import ExcelJS from 'exceljs';
import type { ClimateIndexResult } from '../../shared/api/analytics';
import type { Locale } from '../../shared/domain/types';
import { periodLabel } from '../../shared/period';

const TEXT = {
  'zh-CN': {
    index: '指数',
    components: '成分',
    about: '说明',
    period: '时期',
    code: '代码',
    value: '指数',
    change: '较上期变动(点)',
    growth: '对称变化率(%)',
    coverage: '权重覆盖率',
    contribution: '拉动(点)',
    key: '成分',
    label: '名称',
    frequency: '频率',
    transform: '变化计算',
    inverted: '逆指标',
    weight: '权重',
    sd: '变化标准差',
    adjusted: '季节调整',
    notes: '备注',
    yes: '是',
    no: '否',
    level: '对称变化率',
    difference: '差值',
    definition: '定义',
    version: '版本',
    baseYear: '基年',
    window: '估计期',
    state: '所用数据状态',
    maxSnapshot: '最新快照编号',
    deleted: '已删除快照',
    computedAt: '计算时间',
    method: '方法',
  },
  'en-US': {
    index: 'Index',
    components: 'Components',
    about: 'About',
    period: 'Period',
    code: 'Code',
    value: 'Index',
    change: 'Change (points)',
    growth: 'Symmetric change (%)',
    coverage: 'Weight coverage',
    contribution: 'contribution (points)',
    key: 'Component',
    label: 'Name',
    frequency: 'Frequency',
    transform: 'Change formula',
    inverted: 'Inverted',
    weight: 'Weight',
    sd: 'SD of changes',
    adjusted: 'Seasonally adjusted',
    notes: 'Notes',
    yes: 'yes',
    no: 'no',
    level: 'symmetric percent change',
    difference: 'difference',
    definition: 'Definition',
    version: 'Version',
    baseYear: 'Base year',
    window: 'Estimation window',
    state: 'Data state used',
    maxSnapshot: 'Newest snapshot id',
    deleted: 'Deleted snapshots',
    computedAt: 'Computed at',
    method: 'Method',
  },
} as const;

const cell = (v: number | null | undefined) => (v == null || !Number.isFinite(v) ? null : v);

/** The workbook as bytes. */
export async function climateWorkbook(result: ClimateIndexResult, locale: Locale): Promise<Buffer> {
  const t = TEXT[locale];
  const name = (l: { zh: string; en: string }) => (locale === 'zh-CN' ? l.zh : l.en);
  const wb = new ExcelJS.Workbook();
  wb.creator = '就业监测分析工作站';
  wb.created = new Date(result.state.computedAt);

  const sheet = wb.addWorksheet(t.index);
  sheet.columns = [
    { header: t.period, key: 'label', width: 14 },
    { header: t.code, key: 'period', width: 10 },
    { header: t.value, key: 'index', width: 10, style: { numFmt: '0.00' } },
    { header: t.change, key: 'change', width: 14, style: { numFmt: '0.00' } },
    { header: t.growth, key: 'growth', width: 14, style: { numFmt: '0.000' } },
    { header: t.coverage, key: 'coverage', width: 12, style: { numFmt: '0.0%' } },
    ...result.components.map((c, k) => ({ header: `${name(c.label)} ${t.contribution}`, key: `c${k}`, width: 18, style: { numFmt: '0.000' } })),
  ];
  result.periods.forEach((period, i) => {
    const row: Record<string, string | number | null> = {
      label: periodLabel(period, locale),
      period,
      index: cell(result.index[i]),
      change: cell(result.change[i]),
      growth: cell(result.growth[i]),
      coverage: cell(result.coverage[i]),
    };
    result.components.forEach((c, k) => (row[`c${k}`] = cell(c.pointContributions[i])));
    sheet.addRow(row);
  });
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];

  const comp = wb.addWorksheet(t.components);
  comp.columns = [
    { header: t.key, key: 'key', width: 22 },
    { header: t.label, key: 'label', width: 28 },
    { header: t.frequency, key: 'frequency', width: 8 },
    { header: t.transform, key: 'transform', width: 18 },
    { header: t.inverted, key: 'inverted', width: 8 },
    { header: t.weight, key: 'weight', width: 10, style: { numFmt: '0.0000' } },
    { header: t.sd, key: 'sd', width: 12, style: { numFmt: '0.0000' } },
    { header: t.adjusted, key: 'adjusted', width: 10 },
    { header: t.notes, key: 'notes', width: 30 },
  ];
  for (const c of result.components) {
    comp.addRow({
      key: c.key,
      label: name(c.label),
      frequency: c.frequency,
      transform: c.transform === 'level' ? t.level : t.difference,
      inverted: c.inverted ? t.yes : t.no,
      weight: cell(c.weight),
      sd: cell(c.sd),
      adjusted: c.preparation.seasonallyAdjusted ? t.yes : t.no,
      notes: c.preparation.notes.join(', '),
    });
  }
  comp.getRow(1).font = { bold: true };

  const about = wb.addWorksheet(t.about);
  about.columns = [
    { key: 'k', width: 22 },
    { key: 'v', width: 80 },
  ];
  const spec = result.definition.spec;
  const rows: Array<[string, string | number]> = [
    [t.definition, `${result.definition.name} — ${name(result.definition.title)}`],
    [t.version, result.definition.version],
    [t.baseYear, result.baseYear],
    [t.window, `${spec.window.from ?? '…'} – ${spec.window.to ?? '…'}`],
    [t.state, result.state.key],
    [t.maxSnapshot, result.state.maxSnapshot],
    [t.deleted, result.state.deletedSnapshots.join(', ') || '—'],
    [t.computedAt, result.state.computedAt],
    [t.method, name(spec.description)],
  ];
  for (const [k, v] of rows) about.addRow({ k, v });
  about.getColumn(1).font = { bold: true };

  return Buffer.from(await wb.xlsx.writeBuffer());
}
