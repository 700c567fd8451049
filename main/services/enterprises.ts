/**
 * Key-enterprise monitoring: the monitor overview, the firm list, the month's largest reducers,
 * a firm's page, the social-insurance cross-check and the Article 41 flags, with CSV/XLSX export.
 */
import type {
  Article41Result,
  CrossCheckResult,
  CrossCheckRow,
  DiffusionPoint,
  EnterpriseOverview,
  EnterpriseSettings,
  FirmDetail,
  FirmFilter,
  FirmMonth,
  FirmRow,
  GroupTotals,
  PanelTrendPoint,
  TopCuts,
} from '../../shared/api/enterprises';
import type { ExportedFile } from '../../shared/api/series';
import { AppError } from '../../shared/api/errors';
import { change, clean } from '../../shared/calc/changes';
import {
  ARTICLE41_DEFAULTS,
  article41,
  crossCheckGap,
  DEFAULT_WAGE_BOUNDS,
  isCrossCheckException,
  jobLossRate,
  mainSeparationReason,
  panelDiffusion,
  panelTotals,
  rankReducers,
  totalSeparations,
  type Enterprise,
  type PanelGrouping,
  type PanelTotals,
} from '../../shared/domain/enterprise';
import { PRODUCTION_LABELS, SEPARATION_REASON_LABELS } from '../../shared/domain/labels';
import { isOpenStatus } from '../../shared/domain/ledger';
import type { Locale, LocalizedName } from '../../shared/domain/types';
import { comparePeriods, periodLabel, shiftPeriod } from '../../shared/period';
import { maxLevel, type WarningLevel } from '../../shared/warnings/levels';
import { writeAudit } from '../db/audit';
import { listDimensions } from '../db/catalog';
import { EnterpriseStore, type ReportRow } from '../db/enterprises';
import { SignalStore } from '../db/signals';
import { exportTable, type ExportColumn } from '../export/tables';
import { listLedger } from '../ledger/store';
import { queryAlerts } from '../warnings/alerts';
import { getSetting, setSetting } from './settings';
import type { HandlersFor, ServiceContext } from './types';

const SETTINGS_KEY = 'enterprises.settings';
const DEFAULT_SETTINGS: EnterpriseSettings = { crossCheckThresholdPct: 10, wageBounds: DEFAULT_WAGE_BOUNDS };

export function enterpriseSettings(ctx: ServiceContext): EnterpriseSettings {
  const s = getSetting<Partial<EnterpriseSettings>>(ctx.db, SETTINGS_KEY, {});
  return { crossCheckThresholdPct: s.crossCheckThresholdPct ?? DEFAULT_SETTINGS.crossCheckThresholdPct, wageBounds: s.wageBounds ?? DEFAULT_SETTINGS.wageBounds };
}

interface Panel {
  store: EnterpriseStore;
  firms: Map<number, Enterprise>;
  periods: string[];
}

function panel(ctx: ServiceContext): Panel {
  const store = new EnterpriseStore(ctx.db);
  return { store, firms: new Map(store.listEnterprises().map((e) => [e.id, e])), periods: store.reportPeriods() };
}

function resolvePeriod(p: Panel, period: string | undefined): string | null {
  if (period) return period;
  return p.periods[p.periods.length - 1] ?? null;
}

export function matchesFilter(firm: Enterprise, f: FirmFilter | undefined): boolean {
  if (!f) return true;
  if (f.sectors?.length && !f.sectors.includes(firm.sector)) return false;
  if (f.ownerships?.length && !f.ownerships.includes(firm.ownership)) return false;
  if (f.districts?.length && !f.districts.includes(firm.district)) return false;
  if (f.sizes?.length && !f.sizes.includes(firm.size)) return false;
  if (f.tradeExposed !== undefined && firm.tradeExposed !== f.tradeExposed) return false;
  const q = f.search?.trim();
  if (q && !firm.name.includes(q) && !firm.creditCode.startsWith(q.toUpperCase())) return false;
  return true;
}

function withFirms(p: Panel, reports: readonly ReportRow[], filter?: FirmFilter): Array<{ firm: Enterprise; report: ReportRow }> {
  const out: Array<{ firm: Enterprise; report: ReportRow }> = [];
  for (const report of reports) {
    const firm = p.firms.get(report.enterpriseId);
    if (firm && matchesFilter(firm, filter)) out.push({ firm, report });
  }
  return out;
}

function memberLabels(ctx: ServiceContext, dimension: string): Array<{ code: string; label: LocalizedName }> {
  return listDimensions(ctx.db).find((d) => d.code === dimension)?.members.map((m) => ({ code: m.code, label: m.name })) ?? [];
}

function headcountPct(current: PanelTotals | null, base: PanelTotals | null): number | null {
  if (!current || !base || !base.firms) return null;
  return change(current.closing, base.closing, 'percent');
}

function ratePts(current: PanelTotals | null, base: PanelTotals | null): number | null {
  if (current?.jobLossRate == null || base?.jobLossRate == null) return null;
  return clean(current.jobLossRate - base.jobLossRate);
}

function diffusionPoint(period: string, byPeriod: ReadonlyMap<string, ReportRow[]>): DiffusionPoint {
  const previous = new Map((byPeriod.get(shiftPeriod(period, -1)) ?? []).map((r) => [r.enterpriseId, r]));
  const d = panelDiffusion(byPeriod.get(period) ?? [], previous);
  // The first month of the history has no previous month: hiring and wages stay gaps there.
  return { period, hiring: d.hiring.index, headcount: d.headcount.index, wages: d.wages.index, production: d.production.index };
}

export function enterpriseOverview(ctx: ServiceContext, input: { period?: string; groupBy: PanelGrouping; months: number }): EnterpriseOverview {
  const p = panel(ctx);
  const period = resolvePeriod(p, input.period);
  const empty = { normal: 0, reduced: 0, halted: 0, expanded: 0 };
  if (!period) {
    return { period: null, periods: p.periods, totals: null, vsPrevious: { headcountPct: null, jobLossRatePts: null }, vsLastYear: { headcountPct: null, jobLossRatePts: null }, groupBy: input.groupBy, groups: [], trend: [], diffusion: [], production: empty, flags: { article41: 0, bigCut: 0, crossCheck: 0, plannedArticle41: 0 } };
  }
  const from = shiftPeriod(period, -(input.months - 1));
  const range = p.store.reportsForRange(shiftPeriod(from, -1), period);
  const byPeriod = new Map<string, ReportRow[]>();
  for (const r of range) {
    let list = byPeriod.get(r.period);
    if (!list) byPeriod.set(r.period, (list = []));
    list.push(r);
  }
  const current = byPeriod.get(period) ?? p.store.reportsForPeriod(period);
  const previous = byPeriod.get(shiftPeriod(period, -1)) ?? p.store.reportsForPeriod(shiftPeriod(period, -1));
  const lastYearReports = p.store.reportsForPeriod(shiftPeriod(period, -12));
  const totals = current.length ? panelTotals(current) : null;
  const prevTotals = previous.length ? panelTotals(previous) : null;
  const lyTotals = lastYearReports.length ? panelTotals(lastYearReports) : null;

  const rows = withFirms(p, current);
  const lyRows = withFirms(p, lastYearReports);
  const groups: GroupTotals[] = memberLabels(ctx, input.groupBy).flatMap(({ code, label }) => {
    const mine = rows.filter((r) => r.firm[input.groupBy] === code).map((r) => r.report);
    if (!mine.length) return [];
    const t = panelTotals(mine);
    const ly = lyRows.filter((r) => r.firm[input.groupBy] === code).map((r) => r.report);
    return [{ code, label, totals: t, headcountYoy: ly.length ? change(t.closing, panelTotals(ly).closing, 'percent') : null }];
  });

  const trend: PanelTrendPoint[] = [...byPeriod.entries()]
    .filter(([per]) => comparePeriods(per, from) >= 0)
    .sort(([a], [b]) => comparePeriods(a, b))
    .map(([per, reports]) => {
      const t = panelTotals(reports);
      return { period: per, headcount: t.closing, netChange: t.netChange, hires: t.hires, separations: t.separations, sepEconomic: t.sepEconomic, jobLossRate: t.jobLossRate };
    });

  const production = { ...empty };
  let art41 = 0;
  let bigCut = 0;
  let planned = 0;
  for (const r of current) {
    production[r.production]++;
    const f = article41(r.sepEconomic, r.opening);
    if (f.article41) art41++;
    if (f.bigCut) bigCut++;
    if (article41(r.plannedCuts, r.opening).article41) planned++;
  }
  const threshold = enterpriseSettings(ctx).crossCheckThresholdPct;
  const contributions = new Map(p.store.contributionsForPeriod(period).map((c) => [c.creditCode, c.contributors]));
  let crossCheck = 0;
  for (const { firm, report } of rows) {
    const c = contributions.get(firm.creditCode);
    if (c !== undefined && isCrossCheckException(crossCheckGap(report.closing, c), threshold)) crossCheck++;
  }

  return {
    period,
    periods: p.periods,
    totals,
    vsPrevious: { headcountPct: headcountPct(totals, prevTotals), jobLossRatePts: ratePts(totals, prevTotals) },
    vsLastYear: { headcountPct: headcountPct(totals, lyTotals), jobLossRatePts: ratePts(totals, lyTotals) },
    groupBy: input.groupBy,
    groups,
    trend,
    diffusion: trend.map((t) => diffusionPoint(t.period, byPeriod)),
    production,
    flags: { article41: art41, bigCut, crossCheck, plannedArticle41: planned },
  };
}

export function firmList(ctx: ServiceContext, input: { period?: string; filter?: FirmFilter }): { period: string | null; rows: FirmRow[] } {
  const p = panel(ctx);
  const period = resolvePeriod(p, input.period);
  const reports = new Map((period ? p.store.reportsForPeriod(period) : []).map((r) => [r.enterpriseId, r]));
  const contributions = new Map((period ? p.store.contributionsForPeriod(period) : []).map((c) => [c.creditCode, c.contributors]));
  const levels = new Map<number, WarningLevel>();
  if (period) {
    for (const a of queryAlerts(ctx.db, { period, status: 'active' })) {
      if (a.subject.enterpriseId) levels.set(a.subject.enterpriseId, maxLevel(levels.get(a.subject.enterpriseId) ?? null, a.level)!);
    }
  }
  const openItems = new Map<number, number>();
  for (const item of listLedger(ctx.db)) {
    if (item.subject.enterpriseId && isOpenStatus(item.status)) openItems.set(item.subject.enterpriseId, (openItems.get(item.subject.enterpriseId) ?? 0) + 1);
  }
  const rows: FirmRow[] = [];
  for (const firm of p.firms.values()) {
    if (!matchesFilter(firm, input.filter)) continue;
    const report = reports.get(firm.id) ?? null;
    const contributors = contributions.get(firm.creditCode) ?? null;
    const seps = report ? totalSeparations(report) : null;
    const flag = report ? article41(report.sepEconomic, report.opening) : null;
    rows.push({
      firm,
      report: report ? stripVintage(report) : null,
      separations: seps,
      netChange: report ? report.closing - report.opening : null,
      jobLossRate: report && seps !== null ? jobLossRate(seps, report.opening) : null,
      contributors,
      gapPct: report && contributors !== null ? crossCheckGap(report.closing, contributors).gapPct : null,
      article41: flag?.article41 ?? false,
      bigCut: flag?.bigCut ?? false,
      alertLevel: levels.get(firm.id) ?? null,
      openLedgerItems: openItems.get(firm.id) ?? 0,
    });
  }
  return { period, rows };
}

function stripVintage(r: ReportRow) {
  const { enterpriseId: _e, period: _p, snapshotId: _s, sheet: _sh, row: _r, ...figures } = r;
  return figures;
}

/**
 * The month's largest reducers (by net reduction, ties by economic layoffs) with their stated
 * reasons: the enterprise ranking of the monthly report.
 */
export function topCuts(ctx: ServiceContext, input: { period: string; limit: number; filter?: FirmFilter }): TopCuts {
  const p = panel(ctx);
  const rows = withFirms(p, p.store.reportsForPeriod(input.period), input.filter);
  const reducing = rows.filter((r) => r.report.opening > r.report.closing);
  const ranked = rankReducers(rows, (r) => r.report, input.limit);
  return {
    period: input.period,
    reducingFirms: reducing.length,
    totalReduction: reducing.reduce((s, r) => s + r.report.opening - r.report.closing, 0),
    items: ranked.map(({ item, reduction }, i) => ({
      rank: i + 1,
      firm: item.firm,
      report: stripVintage(item.report),
      reduction,
      separations: totalSeparations(item.report),
      reasons: { economic: item.report.sepEconomic, contractEnd: item.report.sepContractEnd, quit: item.report.sepQuit, retire: item.report.sepRetire, other: item.report.sepOther },
      mainReason: mainSeparationReason(item.report),
      article41: article41(item.report.sepEconomic, item.report.opening),
    })),
  };
}

export function firmDetail(ctx: ServiceContext, id: number): FirmDetail {
  const store = new EnterpriseStore(ctx.db);
  const firm = store.getEnterprise(id);
  if (!firm) throw new AppError('enterprises.not_found', `No monitored firm with id ${id}`, { id });
  const contributions = new Map(store.contributionsForFirm(firm.creditCode).map((c) => [c.period, c.contributors]));
  const months: FirmMonth[] = store.reportsForFirm(id).map((r) => {
    const contributors = contributions.get(r.period) ?? null;
    return {
      ...stripVintage(r),
      period: r.period,
      snapshotId: r.snapshotId,
      contributors,
      gapPct: contributors !== null ? crossCheckGap(r.closing, contributors).gapPct : null,
      article41: article41(r.sepEconomic, r.opening),
    };
  });
  return {
    firm,
    months,
    alerts: queryAlerts(ctx.db, { enterpriseId: id, status: 'all', limit: 500 }),
    ledger: listLedger(ctx.db, { enterpriseId: id }),
    signals: new SignalStore(ctx.db).forFirm(id),
  };
}

export function crossCheck(ctx: ServiceContext, input: { period?: string; thresholdPct?: number }): CrossCheckResult {
  const p = panel(ctx);
  const thresholdPct = input.thresholdPct ?? enterpriseSettings(ctx).crossCheckThresholdPct;
  const period = resolvePeriod(p, input.period);
  if (!period) return { period: null, thresholdPct, checked: 0, rows: [] };
  const contributions = p.store.contributionsForPeriod(period);
  const byCode = new Map(contributions.map((c) => [c.creditCode, c]));
  const rows: CrossCheckRow[] = [];
  let checked = 0;
  const reported = withFirms(p, p.store.reportsForPeriod(period));
  const reportedCodes = new Set(reported.map((r) => r.firm.creditCode));
  for (const { firm, report } of reported) {
    const c = byCode.get(firm.creditCode);
    if (!c) {
      rows.push({ kind: 'no_si_record', firm, creditCode: firm.creditCode, name: firm.name, reported: report.closing, contributors: null, difference: null, gapPct: null, direction: null });
      continue;
    }
    checked++;
    const gap = crossCheckGap(report.closing, c.contributors);
    if (isCrossCheckException(gap, thresholdPct)) {
      rows.push({ kind: 'gap', firm, creditCode: firm.creditCode, name: firm.name, reported: report.closing, contributors: c.contributors, difference: gap.difference, gapPct: gap.gapPct, direction: gap.direction });
    }
  }
  for (const c of contributions) {
    if (reportedCodes.has(c.creditCode)) continue;
    const firm = p.store.byCreditCode(c.creditCode);
    rows.push({ kind: firm ? 'no_report' : 'not_monitored', firm, creditCode: c.creditCode, name: firm?.name ?? c.firmName ?? c.creditCode, reported: null, contributors: c.contributors, difference: null, gapPct: null, direction: null });
  }
  const order = { gap: 0, no_si_record: 1, no_report: 2, not_monitored: 3 };
  rows.sort((a, b) => order[a.kind] - order[b.kind] || Math.abs(b.gapPct ?? 0) - Math.abs(a.gapPct ?? 0) || a.creditCode.localeCompare(b.creditCode));
  return { period, thresholdPct, checked, rows };
}

export function article41Flags(ctx: ServiceContext, input: { period?: string }): Article41Result {
  const p = panel(ctx);
  const period = resolvePeriod(p, input.period);
  const params = { ...ARTICLE41_DEFAULTS };
  if (!period) return { period: null, params, rows: [] };
  const rows = withFirms(p, p.store.reportsForPeriod(period))
    .map(({ firm, report }) => ({ firm, report: stripVintage(report), flag: article41(report.sepEconomic, report.opening, params), planned: article41(report.plannedCuts, report.opening, params) }))
    .filter((r) => r.flag.article41 || r.planned.article41)
    .sort((a, b) => Number(b.flag.bigCut) - Number(a.flag.bigCut) || Number(b.flag.article41) - Number(a.flag.article41) || b.report.sepEconomic - a.report.sepEconomic || b.report.plannedCuts - a.report.plannedCuts);
  return { period, params, rows };
}

// ------------------------------------------------------------------ export

const firmColumns = (ctx: ServiceContext, locale: Locale): Array<ExportColumn<{ firm: Enterprise }>> => {
  const dims = listDimensions(ctx.db);
  const label = (dim: string, code: string) => {
    const n = dims.find((d) => d.code === dim)?.members.find((m) => m.code === code)?.name ?? { zh: code, en: code };
    return locale === 'zh-CN' ? n.zh : n.en;
  };
  return [
    { header: { zh: '统一社会信用代码', en: 'Credit code' }, value: (r) => r.firm.creditCode, width: 22 },
    { header: { zh: '企业名称', en: 'Firm' }, value: (r) => r.firm.name, width: 36 },
    { header: { zh: '行业', en: 'Sector' }, value: (r) => label('sector', r.firm.sector) },
    { header: { zh: '所有制', en: 'Ownership' }, value: (r) => label('ownership', r.firm.ownership) },
    { header: { zh: '区县', en: 'District' }, value: (r) => label('district', r.firm.district) },
    { header: { zh: '规模', en: 'Size' }, value: (r) => label('size', r.firm.size) },
  ];
};

export async function exportEnterpriseTable(
  ctx: ServiceContext,
  input: { table: 'list' | 'topCuts' | 'crossCheck' | 'article41' | 'firm'; format: 'csv' | 'xlsx'; period?: string; filter?: FirmFilter; thresholdPct?: number; id?: number; limit?: number; locale: Locale },
): Promise<ExportedFile> {
  const { locale, format } = input;
  const pick = (n: LocalizedName) => (locale === 'zh-CN' ? n.zh : n.en);
  const firmCols = firmColumns(ctx, locale);
  const pct = '0.00';
  const suffix = (period: string | null) => (period ? `_${period}` : '');
  switch (input.table) {
    case 'list': {
      const { period, rows } = firmList(ctx, input);
      return exportTable(`${pick({ zh: '重点企业', en: 'key-enterprises' })}${suffix(period)}`, [
        ...(firmCols as Array<ExportColumn<FirmRow>>),
        { header: { zh: '期初人数', en: 'Opening' }, value: (r) => r.report?.opening, numFmt: '#,##0' },
        { header: { zh: '新招用', en: 'Hires' }, value: (r) => r.report?.hires, numFmt: '#,##0' },
        { header: { zh: '减员', en: 'Separations' }, value: (r) => r.separations, numFmt: '#,##0' },
        { header: { zh: '其中经济性裁员', en: 'Economic layoffs' }, value: (r) => r.report?.sepEconomic, numFmt: '#,##0' },
        { header: { zh: '期末人数', en: 'Closing' }, value: (r) => r.report?.closing, numFmt: '#,##0' },
        { header: { zh: '净增减', en: 'Net change' }, value: (r) => r.netChange, numFmt: '#,##0' },
        { header: { zh: '岗位流失率(%)', en: 'Job-loss rate (%)' }, value: (r) => r.jobLossRate, numFmt: pct },
        { header: { zh: '平均工资(元)', en: 'Average wage (yuan)' }, value: (r) => r.report?.avgWage, numFmt: '#,##0' },
        { header: { zh: '生产状态', en: 'Production' }, value: (r) => (r.report ? pick(PRODUCTION_LABELS[r.report.production]) : null) },
        { header: { zh: '拟裁员', en: 'Planned cuts' }, value: (r) => r.report?.plannedCuts, numFmt: '#,##0' },
        { header: { zh: '社保缴费人数', en: 'SI contributors' }, value: (r) => r.contributors, numFmt: '#,##0' },
        { header: { zh: '比对差距(%)', en: 'Gap (%)' }, value: (r) => r.gapPct, numFmt: pct },
      ], rows, format, locale);
    }
    case 'topCuts': {
      const period = input.period ?? resolvePeriod(panel(ctx), undefined);
      if (!period) throw new AppError('enterprises.no_data', 'No enterprise reports yet');
      const result = topCuts(ctx, { period, limit: input.limit ?? 50, filter: input.filter });
      return exportTable(`${pick({ zh: '减员企业排名', en: 'largest-reducers' })}_${period}`, [
        { header: { zh: '排名', en: 'Rank' }, value: (r) => r.rank },
        ...(firmCols as Array<ExportColumn<TopCuts['items'][number]>>),
        { header: { zh: '期初人数', en: 'Opening' }, value: (r) => r.report.opening, numFmt: '#,##0' },
        { header: { zh: '期末人数', en: 'Closing' }, value: (r) => r.report.closing, numFmt: '#,##0' },
        { header: { zh: '净减少', en: 'Net reduction' }, value: (r) => r.reduction, numFmt: '#,##0' },
        ...(['economic', 'contractEnd', 'quit', 'retire', 'other'] as const).map((k) => ({ header: SEPARATION_REASON_LABELS[k], value: (r: TopCuts['items'][number]) => r.reasons[k], numFmt: '#,##0' })),
        { header: { zh: '主要原因', en: 'Main reason' }, value: (r) => (r.mainReason ? pick(SEPARATION_REASON_LABELS[r.mainReason]) : '') },
        { header: { zh: '生产状态', en: 'Production' }, value: (r) => pick(PRODUCTION_LABELS[r.report.production]) },
        { header: { zh: '拟裁员', en: 'Planned cuts' }, value: (r) => r.report.plannedCuts, numFmt: '#,##0' },
      ], result.items, format, locale);
    }
    case 'crossCheck': {
      const result = crossCheck(ctx, input);
      const kinds: Record<CrossCheckRow['kind'], LocalizedName> = { gap: { zh: '数据比对异常', en: 'Gap' }, no_si_record: { zh: '无社保记录', en: 'No SI record' }, no_report: { zh: '本月未报送', en: 'No report this month' }, not_monitored: { zh: '非监测企业', en: 'Not monitored' } };
      const directions = { more_contributors: { zh: '缴费人数多于在岗人数', en: 'More contributors than staff' }, fewer_contributors: { zh: '缴费人数少于在岗人数', en: 'Fewer contributors than staff' } };
      return exportTable(`${pick({ zh: '社保数据比对', en: 'si-cross-check' })}${suffix(result.period)}`, [
        { header: { zh: '类型', en: 'Kind' }, value: (r) => pick(kinds[r.kind]) },
        { header: { zh: '统一社会信用代码', en: 'Credit code' }, value: (r) => r.creditCode, width: 22 },
        { header: { zh: '企业名称', en: 'Firm' }, value: (r) => r.name, width: 36 },
        { header: { zh: '报送在岗人数', en: 'Reported staff' }, value: (r) => r.reported, numFmt: '#,##0' },
        { header: { zh: '社保缴费人数', en: 'SI contributors' }, value: (r) => r.contributors, numFmt: '#,##0' },
        { header: { zh: '差额', en: 'Difference' }, value: (r) => r.difference, numFmt: '#,##0' },
        { header: { zh: '差距(%)', en: 'Gap (%)' }, value: (r) => r.gapPct, numFmt: pct },
        { header: { zh: '方向', en: 'Direction' }, value: (r) => (r.direction ? pick(directions[r.direction]) : '') },
      ], result.rows, format, locale);
    }
    case 'article41': {
      const result = article41Flags(ctx, input);
      const clause = (c: 'people' | 'share' | null) => (c === 'people' ? pick({ zh: '20人以上', en: '20 or more' }) : c === 'share' ? pick({ zh: '不足20人但占10%以上', en: 'under 20 but 10% or more' }) : '');
      return exportTable(`${pick({ zh: '第四十一条提示', en: 'article-41' })}${suffix(result.period)}`, [
        ...(firmCols as Array<ExportColumn<Article41Result['rows'][number]>>),
        { header: { zh: '期初人数', en: 'Opening' }, value: (r) => r.report.opening, numFmt: '#,##0' },
        { header: { zh: '经济性裁员', en: 'Economic layoffs' }, value: (r) => r.report.sepEconomic, numFmt: '#,##0' },
        { header: { zh: '占比(%)', en: 'Share (%)' }, value: (r) => r.flag.sharePct, numFmt: pct },
        { header: { zh: '适用情形', en: 'Clause' }, value: (r) => clause(r.flag.clause) },
        { header: { zh: '超过200人', en: 'Over 200' }, value: (r) => (r.flag.bigCut ? pick({ zh: '是', en: 'yes' }) : '') },
        { header: { zh: '拟裁员', en: 'Planned cuts' }, value: (r) => r.report.plannedCuts, numFmt: '#,##0' },
        { header: { zh: '拟裁员适用情形', en: 'Planned cuts clause' }, value: (r) => clause(r.planned.clause) },
      ], result.rows, format, locale);
    }
    case 'firm': {
      if (!input.id) throw new AppError('enterprises.not_found', 'Which firm?', { id: 0 });
      const detail = firmDetail(ctx, input.id);
      return exportTable(`${detail.firm.name}_${detail.firm.creditCode}`, [
        { header: { zh: '月份', en: 'Month' }, value: (m) => periodLabel(m.period, locale) },
        { header: { zh: '期初人数', en: 'Opening' }, value: (m) => m.opening, numFmt: '#,##0' },
        { header: { zh: '新招用', en: 'Hires' }, value: (m) => m.hires, numFmt: '#,##0' },
        ...(['economic', 'contractEnd', 'quit', 'retire', 'other'] as const).map((k) => ({
          header: SEPARATION_REASON_LABELS[k],
          value: (m: FirmMonth) => m[({ economic: 'sepEconomic', contractEnd: 'sepContractEnd', quit: 'sepQuit', retire: 'sepRetire', other: 'sepOther' } as const)[k]],
          numFmt: '#,##0',
        })),
        { header: { zh: '期末人数', en: 'Closing' }, value: (m) => m.closing, numFmt: '#,##0' },
        { header: { zh: '平均工资(元)', en: 'Average wage (yuan)' }, value: (m) => m.avgWage, numFmt: '#,##0' },
        { header: { zh: '生产状态', en: 'Production' }, value: (m) => pick(PRODUCTION_LABELS[m.production]) },
        { header: { zh: '拟裁员', en: 'Planned cuts' }, value: (m) => m.plannedCuts, numFmt: '#,##0' },
        { header: { zh: '社保缴费人数', en: 'SI contributors' }, value: (m) => m.contributors, numFmt: '#,##0' },
      ], detail.months, format, locale);
    }
  }
}

export function enterprisesHandlers(
  ctx: ServiceContext,
): HandlersFor<'enterprises.overview' | 'enterprises.list' | 'enterprises.topCuts' | 'enterprises.detail' | 'enterprises.crossCheck' | 'enterprises.layoffFlags' | 'enterprises.export' | 'enterprises.settings' | 'enterprises.saveSettings'> {
  return {
    'enterprises.overview': (input) => enterpriseOverview(ctx, input),
    'enterprises.list': (input) => firmList(ctx, input),
    'enterprises.topCuts': (input) => topCuts(ctx, input),
    'enterprises.detail': ({ id }) => firmDetail(ctx, id),
    'enterprises.crossCheck': (input) => crossCheck(ctx, input),
    'enterprises.layoffFlags': (input) => article41Flags(ctx, input),
    'enterprises.export': (input) => exportEnterpriseTable(ctx, input),
    'enterprises.settings': () => enterpriseSettings(ctx),
    'enterprises.saveSettings': (input) => {
      const before = enterpriseSettings(ctx);
      const after: EnterpriseSettings = { crossCheckThresholdPct: input.crossCheckThresholdPct ?? before.crossCheckThresholdPct, wageBounds: input.wageBounds ?? before.wageBounds };
      if (after.wageBounds.min >= after.wageBounds.max) throw new AppError('enterprises.bad_wage_bounds', `The lower wage bound must be below the upper one (${after.wageBounds.min} >= ${after.wageBounds.max})`, { min: after.wageBounds.min, max: after.wageBounds.max });
      ctx.db.transaction(() => {
        setSetting(ctx.db, SETTINGS_KEY, after);
        writeAudit(ctx.db, { actor: ctx.actor, action: 'enterprises.settings', entity: 'setting', entityId: SETTINGS_KEY, details: { before, after } });
      })();
      return after;
    },
  };
}
