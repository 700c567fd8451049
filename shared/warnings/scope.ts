/**
 * What a rule's scope selects: evaluation periods for an indicator's frequency, the panel filter,
 * panel aggregates as series, and the subject keys alerts are stored under.
 */
import { panelTotals, type Enterprise, type PanelTotals, type ReportFigures } from '../domain/enterprise';
import { seriesKey } from '../domain/series-key';
import type { Frequency, MemberSelection } from '../domain/types';
import { formatPeriod, lastMonthOf, mustParsePeriod, periodRange } from '../period';
import type { PanelMetric, PanelScope } from './rules';

/**
 * The period a rule on an indicator of `frequency` evaluates when asked about month `month`: the
 * month itself, or the latest quarter or year that has ended by then.
 * @example evaluationPeriod('2024-06', 'Q') // '2024-Q2'
 * @example evaluationPeriod('2024-05', 'Q') // '2024-Q1'
 * @example evaluationPeriod('2024-05', 'A') // '2023'
 */
export function evaluationPeriod(month: string, frequency: Frequency): string {
  const p = mustParsePeriod(month);
  if (p.frequency !== 'M') throw new RangeError(`Not a month: ${month}`);
  if (frequency === 'M') return month;
  if (frequency === 'Q') {
    const q = Math.floor(p.index / 3);
    return q === 0 ? formatPeriod({ frequency: 'Q', year: p.year - 1, index: 4 }) : formatPeriod({ frequency: 'Q', year: p.year, index: q });
  }
  return String(p.index === 12 ? p.year : p.year - 1);
}

/** True when the firm is inside the panel filter (empty lists mean all). */
export function inPanel(firm: Pick<Enterprise, 'sector' | 'district'>, scope: Pick<PanelScope, 'sectors' | 'districts'>): boolean {
  return (!scope.sectors.length || scope.sectors.includes(firm.sector)) && (!scope.districts.length || scope.districts.includes(firm.district));
}

/**
 * One panel aggregate's value.
 * @example panelMetricValue(panelTotals([report]), 'job_loss_rate') // separations / opening x 100
 */
export function panelMetricValue(t: PanelTotals, metric: PanelMetric): number | null {
  switch (metric) {
    case 'headcount':
      return t.firms ? t.closing : null;
    case 'net_change':
      return t.firms ? t.netChange : null;
    case 'hires':
      return t.firms ? t.hires : null;
    case 'separations':
      return t.firms ? t.separations : null;
    case 'sep_economic':
      return t.firms ? t.sepEconomic : null;
    case 'job_loss_rate':
      return t.jobLossRate === null ? null : Math.round(t.jobLossRate * 100) / 100;
  }
}

export interface PanelSeries {
  /** The grouping member (`sector=METAL`), or {} for the filtered panel as a whole. */
  members: MemberSelection;
  points: Array<{ period: string; value: number | null }>;
}

/**
 * Aggregates reports into one series per breakdown member (or one for the filtered panel), by period.
 * @example panelSeries(rows, { type: 'panel', sectors: ['METAL'], districts: [], metric: 'headcount' }) // one series
 */
export function panelSeries(rows: ReadonlyArray<{ firm: Enterprise; report: ReportFigures & { period: string } }>, scope: PanelScope): PanelSeries[] {
  const metric = scope.metric ?? 'headcount';
  const groups = new Map<string, { members: MemberSelection; byPeriod: Map<string, ReportFigures[]> }>();
  for (const { firm, report } of rows) {
    if (!inPanel(firm, scope)) continue;
    const members: MemberSelection = scope.breakdown ? { [scope.breakdown]: firm[scope.breakdown] } : {};
    const key = seriesKey(members);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { members, byPeriod: new Map() }));
    let list = g.byPeriod.get(report.period);
    if (!list) g.byPeriod.set(report.period, (list = []));
    list.push(report);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, g]) => ({
      members: g.members,
      points: [...g.byPeriod.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([period, reports]) => ({ period, value: panelMetricValue(panelTotals(reports), metric) })),
    }));
}

/** The subject key of an indicator series. @example seriesSubjectKey('RSK.HOTLINE', { district: '210106' }) // 'series:RSK.HOTLINE|district=210106' */
export function seriesSubjectKey(indicator: string, members: MemberSelection): string {
  return `series:${indicator}|${seriesKey(members)}`;
}

/** The subject key of a panel aggregate: the metric, the filter and the breakdown member. */
export function panelSubjectKey(scope: PanelScope, members: MemberSelection): string {
  const filter = [scope.sectors.length ? `sectors=${[...scope.sectors].sort().join(',')}` : '', scope.districts.length ? `districts=${[...scope.districts].sort().join(',')}` : ''].filter(Boolean).join(';');
  return `panel:${scope.metric ?? 'headcount'}|${filter}|${seriesKey(members)}`;
}

/** Names of the panel aggregates, for subject labels. */
export const PANEL_METRIC_NAMES: Record<PanelMetric, { zh: string; en: string }> = {
  headcount: { zh: '重点企业在岗人数', en: 'Key-enterprise headcount' },
  net_change: { zh: '重点企业净增减', en: 'Key-enterprise net change' },
  hires: { zh: '重点企业新招用', en: 'Key-enterprise hires' },
  separations: { zh: '重点企业减员', en: 'Key-enterprise separations' },
  sep_economic: { zh: '重点企业经济性裁员', en: 'Key-enterprise economic layoffs' },
  job_loss_rate: { zh: '重点企业岗位流失率', en: 'Key-enterprise job-loss rate' },
};

/** Longest span evaluated after one import (a long history file re-evaluates only its last months). */
export const MAX_MONTHS_AFTER_IMPORT = 24;

/**
 * The months to evaluate for data covering `from`..`to` (any frequency): every month up to the
 * end of the last period, at most the last {@link MAX_MONTHS_AFTER_IMPORT}.
 * @example monthsCovered('2026-Q2', '2026-Q3') // ['2026-04', ..., '2026-09']
 */
export function monthsCovered(from: string, to: string): string[] {
  const first = mustParsePeriod(from);
  const start = first.frequency === 'M' ? from : first.frequency === 'Q' ? `${first.year}-${String(first.index * 3 - 2).padStart(2, '0')}` : `${first.year}-01`;
  const months = periodRange(start, lastMonthOf(to));
  return months.slice(-MAX_MONTHS_AFTER_IMPORT);
}

