/**
 * Resolves a report against its pinned snapshot state: every binding, table and chart, into the
 * print document that the PDF, the DOCX and the preview all render.
 */
import type { BindingView, Provenance } from '../../shared/api/reports';
import type { SeriesResult } from '../../shared/api/series';
import { changeUnitOf } from '../../shared/calc/changes';
import { annotationNote } from '../../shared/charts/annotations';
import type { Indicator, Locale } from '../../shared/domain/types';
import { formatNumber, MISSING } from '../../shared/format';
import { periodLabel, shiftPeriod } from '../../shared/period';
import { resolveBinding, valueWithUnit, type BindingPoint } from '../../shared/reports/bindings';
import { chartBlockOption, chartWindow } from '../../shared/reports/charts';
import { latestPeriodFor } from '../../shared/reports/draft';
import { bindingKey, type Binding, type Block, type Report } from '../../shared/reports/model';
import { changeDecimals } from '../../shared/reports/phrases';
import { PRINT_CHART, type PrintBlock, type PrintDocument, type TableData } from '../../shared/reports/print';
import { listAnnotations } from '../db/annotations';
import { EnterpriseStore } from '../db/enterprises';
import { getIndicator, listDimensions, listIndicators } from '../db/catalog';
import type { ServiceContext } from '../services/types';
import { querySeries } from '../services/series';
import { climateBlock } from './climate';
import { riskBlock } from './risk';
import { renderSvg } from './svg';
import { rankReducers, SEPARATION_FIELDS, SEPARATION_REASONS, totalSeparations, type SeparationReason } from '../../shared/domain/enterprise';

/** Reads series as of one snapshot state, each series once. */
export class PinnedReader {
  private readonly cache = new Map<string, BindingPoint[]>();
  private readonly indicators = new Map<string, Indicator | null>();
  constructor(
    private readonly ctx: ServiceContext,
    readonly snapshot: number,
  ) {}

  indicator(code: string): Indicator | null {
    if (!this.indicators.has(code)) this.indicators.set(code, getIndicator(this.ctx.db, code));
    return this.indicators.get(code)!;
  }

  points(code: string, members: Record<string, string> = {}): BindingPoint[] {
    const key = `${code}|${JSON.stringify(Object.entries(members).sort())}`;
    let pts = this.cache.get(key);
    if (!pts) {
      pts = this.ctx.store.readSeries(code, members, { snapshot: this.snapshot }).map((p) => ({ period: p.period, value: p.value, snapshotId: p.snapshotId }));
      this.cache.set(key, pts);
    }
    return pts;
  }
}

export function provenanceOf(ctx: ServiceContext, b: Binding, snapshotId: number | null): Provenance | null {
  if (snapshotId === null) return null;
  const seriesId = ctx.store.seriesId(b.indicator, b.members);
  const row = ctx.db
    .prepare(
      `SELECT s.id, s.source_unit, u.name_zh, u.name_en, s.file_name, s.imported_at, s.imported_by, o.sheet, o.row, o.col
       FROM snapshot s JOIN source_unit u ON u.code = s.source_unit
       LEFT JOIN observation o ON o.snapshot_id = s.id AND o.series_id = ? AND o.period = ?
       WHERE s.id = ?`,
    )
    .get(seriesId ?? -1, b.period, snapshotId) as
    | { id: number; source_unit: string; name_zh: string; name_en: string; file_name: string | null; imported_at: string; imported_by: string; sheet: string | null; row: number | null; col: string | null }
    | undefined;
  if (!row) return null;
  return { snapshotId: row.id, sourceUnit: row.source_unit, sourceName: row.name_zh, fileName: row.file_name, importedAt: row.imported_at, importedBy: row.imported_by, sheet: row.sheet, row: row.row, col: row.col };
}

/** Resolves bindings with the values shown on hover and their provenance. */
export function resolveBindings(ctx: ServiceContext, reader: PinnedReader, bindings: readonly Binding[], locale: Locale): Record<string, BindingView> {
  const out: Record<string, BindingView> = {};
  for (const b of bindings) {
    const key = bindingKey(b);
    if (out[key]) continue;
    const indicator = reader.indicator(b.indicator);
    if (!indicator) {
      out[key] = { key, binding: b, text: MISSING, value: null, current: null, base: null, basePeriod: null, currentText: MISSING, baseText: null, provenance: null };
      continue;
    }
    const r = resolveBinding(b, indicator, reader.points(b.indicator, b.members), locale);
    out[key] = {
      key,
      binding: b,
      text: r.text,
      value: r.value,
      current: r.current,
      base: r.base,
      basePeriod: r.basePeriod,
      currentText: valueWithUnit(r.current, indicator, locale),
      baseText: r.base == null ? null : b.measure === 'progress' ? `${formatNumber(r.base, 1, locale)}%` : valueWithUnit(r.base, indicator, locale),
      provenance: provenanceOf(ctx, b, r.snapshotId),
    };
  }
  return out;
}

function t(locale: Locale, zh: string, en: string): string {
  return locale === 'zh-CN' ? zh : en;
}

/** One row per indicator: latest value at or before the month, change on the previous period, on a year earlier. */
function kpiTable(reader: PinnedReader, codes: readonly string[], month: string, locale: Locale): TableData {
  const rows: string[][] = [];
  for (const code of codes) {
    const ind = reader.indicator(code);
    if (!ind) continue;
    const points = reader.points(code);
    const period = latestPeriodFor(ind, points, month);
    const name = locale === 'zh-CN' ? ind.name.zh : ind.name.en;
    if (!period) {
      rows.push([name, MISSING, MISSING, MISSING, MISSING]);
      continue;
    }
    const res = (measure: Binding['measure']) => resolveBinding({ indicator: code, members: {}, period, measure, format: 'number' }, ind, points, locale);
    rows.push([name, periodLabel(period, locale, ind.ytd), res('value').text, ind.ytd ? MISSING : res('prev').text, res('yoy').text]);
  }
  return { header: [t(locale, '指标', 'Indicator'), t(locale, '时期', 'Period'), t(locale, '数值', 'Value'), t(locale, '比上期', 'On previous period'), t(locale, '同比', 'Year on year')], rows, numeric: [false, false, true, true, true], nowrap: [false, true, false, false, false] };
}

function keyGroupsTable(ctx: ServiceContext, reader: PinnedReader, month: string, locale: Locale): TableData {
  const codes = listIndicators(ctx.db).filter((i) => i.tier === 'group').map((i) => i.code);
  return kpiTable(reader, codes, month, locale);
}

function dataTable(ctx: ServiceContext, reader: PinnedReader, block: Extract<Block, { type: 'dataTable' }>, month: string, locale: Locale): TableData {
  const ind = reader.indicator(block.indicator);
  if (!ind) return { header: [], rows: [], numeric: [] };
  const end = chartWindow(ind, month, 1).to;
  const name = (n: { zh: string; en: string }) => (locale === 'zh-CN' ? n.zh : n.en);
  const unit = name(ind.unit);
  if (block.layout === 'periods') {
    const res = querySeries(ctx, { indicator: ind.code, filter: {}, includeTotal: true, view: block.view, from: shiftPeriod(end, -(block.span - 1)), to: end, asOf: { snapshot: reader.snapshot } });
    const s = res.series[0];
    const decimals = block.view === 'yoy' ? changeDecimals(changeUnitOf(ind.kind), ind.decimals) : ind.decimals;
    const rows = (s?.points ?? []).slice().reverse().map((p) => [periodLabel(p.period, locale, ind.ytd && block.view === 'published'), formatNumber(p.value, decimals, locale)]);
    return { header: [t(locale, '时期', 'Period'), `${name(ind.name)}${name(res.valueUnit) ? `（${name(res.valueUnit)}）` : ''}`], rows, numeric: [false, true] };
  }
  const res = querySeries(ctx, { indicator: ind.code, filter: {}, breakdown: block.breakdown, includeTotal: true, view: 'published', asOf: { snapshot: reader.snapshot } });
  const period = latestPeriodFor(ind, res.series[0]?.points ?? [], month) ?? end;
  const rows = res.series.map((s) => {
    const pts = s.points.map((p) => ({ period: p.period, value: p.value }));
    const r = (measure: Binding['measure']) => resolveBinding({ indicator: ind.code, members: s.members, period, measure, format: 'number' }, ind, pts, locale).text;
    return [name(s.label), formatNumber(pts.find((p) => p.period === period)?.value ?? null, ind.decimals, locale), ind.ytd ? MISSING : r('prev'), r('yoy')];
  });
  return {
    header: [t(locale, '名称', 'Name'), `${periodLabel(period, locale, ind.ytd)}${unit ? `（${unit}）` : ''}`, t(locale, '比上期', 'On previous period'), t(locale, '同比', 'Year on year')],
    rows,
    numeric: [false, true, true, true],
  };
}

const REASONS: Record<SeparationReason, [string, string]> = {
  economic: ['经济性裁员', 'economic layoffs'],
  contractEnd: ['合同到期', 'contracts ended'],
  quit: ['主动离职', 'quits'],
  retire: ['退休', 'retirements'],
  other: ['其他', 'other'],
};
const PRODUCTION: Record<string, [string, string]> = { reduced: ['减产', 'reduced output'], halted: ['停产', 'halted'], expanded: ['扩产', 'expanding'], normal: ['正常', 'normal'] };

/**
 * The month's largest net reductions among the key enterprises, with their stated reasons: the
 * key-enterprise feature's store and ranking rule (ties by economic separations), read as of the
 * report's pinned snapshot so the table is as reproducible as the bound numbers.
 */
export function enterpriseRanking(ctx: ServiceContext, snapshot: number, month: string, limit: number, locale: Locale): TableData {
  const store = new EnterpriseStore(ctx.db);
  const firms = new Map(store.listEnterprises().map((e) => [e.id, e]));
  const rows = store.reportsForPeriod(month, { snapshot });
  const ranked = rankReducers(rows, (r) => r, limit);
  const dims = listDimensions(ctx.db);
  const member = (dim: string, code: string) => {
    const m = dims.find((d) => d.code === dim)?.members.find((x) => x.code === code);
    return m ? (locale === 'zh-CN' ? m.name.zh : m.name.en) : code;
  };
  const fmt = (n: number) => formatNumber(n, 0, locale);
  const body = ranked.map(({ item: r, reduction }, i) => {
    const firm = firms.get(r.enterpriseId);
    const reasons = SEPARATION_REASONS.map((reason) => ({ n: Number(r[SEPARATION_FIELDS[reason]]), label: locale === 'zh-CN' ? REASONS[reason][0] : REASONS[reason][1] }))
      .filter((x) => x.n > 0)
      .sort((a, b) => b.n - a.n)
      .slice(0, 2)
      .map((x) => (locale === 'zh-CN' ? `${x.label}${fmt(x.n)}人` : `${x.label} ${fmt(x.n)}`));
    const prod = r.production !== 'normal' ? (locale === 'zh-CN' ? `（${PRODUCTION[r.production]![0]}）` : ` (${PRODUCTION[r.production]![1]})`) : '';
    return [String(i + 1), firm?.name ?? String(r.enterpriseId), firm ? member('sector', firm.sector) : '—', firm ? member('district', firm.district) : '—', fmt(r.opening), fmt(totalSeparations(r)), fmt(reduction), reasons.join(locale === 'zh-CN' ? '、' : ', ') + prod];
  });
  return {
    header: [t(locale, '序号', 'No.'), t(locale, '企业名称', 'Enterprise'), t(locale, '行业', 'Sector'), t(locale, '区县', 'District'), t(locale, '期初人数', 'Opening'), t(locale, '减员', 'Separations'), t(locale, '净减少', 'Net loss'), t(locale, '主要原因', 'Main reasons')],
    rows: body,
    numeric: [false, false, false, false, true, true, true, false],
    note: t(locale, `注：本月报送企业${fmt(rows.length)}户，按净减少人数排序。`, `Note: ${fmt(rows.length)} enterprises reported this month; ranked by net loss.`),
  };
}

/** Chart data of a chart block as of the pinned state. */
export function chartData(ctx: ServiceContext, reader: PinnedReader, block: Extract<Block, { type: 'chart' }>, month: string) {
  const results: SeriesResult[] = [];
  for (const ref of block.series) {
    const ind = reader.indicator(ref.indicator);
    if (!ind) continue;
    results.push(querySeries(ctx, { indicator: ind.code, filter: ref.members, includeTotal: true, view: block.view, ...chartWindow(ind, month, block.span), asOf: { snapshot: reader.snapshot } }));
  }
  const annotations = block.annotations ? listAnnotations(ctx.db, { targets: block.series.map((s) => ({ kind: 'series' as const, indicator: s.indicator, members: s.members })) }) : [];
  return { results, annotations };
}

export interface ResolvedReport {
  doc: PrintDocument;
  bindings: Record<string, BindingView>;
}

function dateLabel(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split('-').map(Number);
  return locale === 'zh-CN' ? `${y}年${m}月${d}日` : `${d} ${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m! - 1]} ${y}`;
}

/** Builds the print document of a report (saved, a version, or unsaved content). */
export function resolveReport(ctx: ServiceContext, report: Report, content: readonly Block[] = report.content): ResolvedReport {
  const locale = report.locale;
  const reader = new PinnedReader(ctx, report.pinnedSnapshot);
  const bindings = resolveBindings(ctx, reader, content.flatMap((b) => (b.type === 'paragraph' ? b.content.flatMap((i) => (i.type === 'binding' ? [i.binding] : [])) : [])), locale);
  const blocks: PrintBlock[] = content.flatMap((b): PrintBlock | PrintBlock[] => {
    switch (b.type) {
      case 'climateIndex':
        return climateBlock(ctx, b, report.period, report.pinnedSnapshot, locale);
      case 'riskSummary':
        return riskBlock(ctx, b, report.period, locale);
      case 'heading':
        return b;
      case 'pageBreak':
        return b;
      case 'paragraph':
        return {
          id: b.id,
          type: 'paragraph',
          runs: b.content.map((i) => (i.type === 'text' ? { text: i.text, bold: i.bold, italic: i.italic } : { text: bindings[bindingKey(i.binding)]!.text, bindingKey: bindingKey(i.binding) })),
        };
      case 'kpiTable':
        return { id: b.id, type: 'table', caption: b.caption, table: kpiTable(reader, b.indicators, report.period, locale) };
      case 'keyGroups':
        return { id: b.id, type: 'table', caption: b.caption, table: keyGroupsTable(ctx, reader, report.period, locale) };
      case 'dataTable':
        return { id: b.id, type: 'table', caption: b.caption, table: dataTable(ctx, reader, b, report.period, locale) };
      case 'enterpriseRanking':
        return { id: b.id, type: 'table', caption: b.caption, table: enterpriseRanking(ctx, report.pinnedSnapshot, report.period, b.limit, locale) };
      case 'chart': {
        const { option, notes } = chartBlockOption(b, chartData(ctx, reader, b, report.period), locale, 'print');
        return { id: b.id, type: 'chart', caption: b.caption, svg: renderSvg(option, PRINT_CHART.width, PRINT_CHART.height, `chart-${b.id}`), width: PRINT_CHART.width, height: PRINT_CHART.height, notes: notes.map((n) => annotationNote(n, locale)) };
      }
    }
  });
  const snap = ctx.db.prepare('SELECT imported_at FROM snapshot WHERE id = ?').get(report.pinnedSnapshot) as { imported_at: string } | undefined;
  const asOf = snap ? dateLabel(snap.imported_at.slice(0, 10), locale) : MISSING;
  const doc: PrintDocument = {
    locale,
    title: report.title,
    issueLabel: locale === 'zh-CN' ? `${report.issueYear}年第${report.issueNo}期` : `${report.issueYear}, No. ${report.issueNo}`,
    authorUnit: report.authorUnit,
    dateLabel: dateLabel(report.reportDate, locale),
    distribution: report.distribution.split(/\n|；|;/).map((s) => s.trim()).filter(Boolean),
    dataNote: locale === 'zh-CN' ? `数据来源：就业监测分析工作站，数据状态截至${asOf}（快照 #${report.pinnedSnapshot}）。` : `Source: Employment Monitoring Workstation, data as known on ${asOf} (snapshot #${report.pinnedSnapshot}).`,
    blocks,
  };
  return { doc, bindings };
}
