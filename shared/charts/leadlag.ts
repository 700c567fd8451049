/**
 * ECharts options for the lead/lag page: cross-correlation bars by lead with the approximate
 * significance band, and the two series overlaid with the best lead applied.
 */
import { shiftByLead } from '../analytics/leadlag-summary';
import type { Locale } from '../domain/types';
import { formatNumber } from '../format';
import { periodLabel } from '../period';
import { CHART_FONT_FAMILY, PALETTE } from './theme';

/**
 * Bars of r by lead (-maxLag..maxLag), the +-band lines, and the best lead highlighted.
 * @example xcorrBarsOption({ leads: [-1, 0, 1], r: [0.1, 0.2, 0.5], band: 0.2, best: { lead: 1, r: 0.5, significant: true } }, { locale: 'zh-CN' })
 */
export function xcorrBarsOption(
  c: { leads: readonly number[]; r: ReadonlyArray<number | null>; band: number; best: { lead: number } | null },
  o: { locale: Locale; axisName?: string },
): Record<string, unknown> {
  const zh = o.locale === 'zh-CN';
  return {
    animation: true,
    textStyle: { fontFamily: CHART_FONT_FAMILY },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v, 3, o.locale) : '—') },
    grid: { left: 48, right: 24, top: 24, bottom: 36, containLabel: true },
    xAxis: { type: 'category', name: o.axisName ?? (zh ? '领先月数' : 'Lead (months)'), nameLocation: 'middle', nameGap: 26, data: c.leads.map(String) },
    yAxis: { type: 'value', min: -1, max: 1, name: 'r' },
    series: [
      {
        name: 'r',
        type: 'bar',
        barMaxWidth: 16,
        data: c.r.map((v, i) => {
          const value = v == null || !Number.isFinite(v) ? null : v;
          const best = c.best && c.leads[i] === c.best.lead;
          const outside = value !== null && Math.abs(value) > c.band;
          return { value, itemStyle: { color: best ? '#c23b22' : outside ? PALETTE[0] : '#9fb4cc' } };
        }),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#c23b22' },
          label: { formatter: (p: { value: number }) => `${p.value > 0 ? '+' : ''}${formatNumber(p.value, 2, o.locale)}`, position: 'insideEndTop' },
          data: [{ yAxis: c.band }, { yAxis: -c.band }],
        },
      },
    ],
  };
}

/**
 * The target and the candidate on two axes, the candidate shifted by `lead` periods so that its
 * value at t - lead sits at t.
 * @example overlayOption({ name: '社保缴费人数', points }, { name: 'PMI从业人员', points }, 2, { locale: 'zh-CN' })
 */
export function overlayOption(
  target: { name: string; points: ReadonlyArray<{ period: string; value: number | null }> },
  candidate: { name: string; points: ReadonlyArray<{ period: string; value: number | null }> },
  lead: number,
  o: { locale: Locale; shiftedLabel?: (name: string, lead: number) => string },
): Record<string, unknown> {
  const periods = target.points.map((p) => p.period);
  const clean = (v: number | null) => (v == null || !Number.isFinite(v) ? null : v);
  const zh = o.locale === 'zh-CN';
  const shiftedName = o.shiftedLabel ? o.shiftedLabel(candidate.name, lead) : lead === 0 ? candidate.name : zh ? `${candidate.name}（前移${lead}个月）` : `${candidate.name} (shifted ${lead} months)`;
  return {
    textStyle: { fontFamily: CHART_FONT_FAMILY },
    color: [PALETTE[0], PALETTE[1]],
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v, 2, o.locale) : '—') },
    legend: { bottom: 0 },
    grid: { left: 56, right: 56, top: 24, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: periods, axisLabel: { formatter: (p: string) => periodLabel(p, o.locale), hideOverlap: true } },
    yAxis: [
      { type: 'value', scale: true, name: target.name, nameTextStyle: { align: 'left' } },
      { type: 'value', scale: true, name: shiftedName, nameTextStyle: { align: 'right' }, splitLine: { show: false } },
    ],
    series: [
      { name: target.name, type: 'line', showSymbol: false, connectNulls: false, yAxisIndex: 0, data: target.points.map((p) => clean(p.value)) },
      { name: shiftedName, type: 'line', showSymbol: false, connectNulls: false, yAxisIndex: 1, lineStyle: { type: 'dashed' }, data: shiftByLead(candidate.points, lead, periods) },
    ],
  };
}
