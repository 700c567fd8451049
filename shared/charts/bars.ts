/**
 * ECharts options for bar charts over categories (sectors, districts, destinations) and for the
 * key enterprises' diffusion indices, built without a DOM like the trend lines.
 */
import type { Locale } from '../domain/types';
import { formatAxisValue, formatNumber } from '../format';
import { CHART_FONT_FAMILY, PALETTE } from './theme';
import { trendOption, type TrendSeries } from './trend';

export interface BarSeries {
  name: string;
  values: ReadonlyArray<number | null>;
}

export interface BarOptions {
  categories: readonly string[];
  series: BarSeries[];
  unit?: string;
  locale: Locale;
  decimals: number;
  /** Bars to the right with categories down the side (long names). */
  horizontal?: boolean;
  stacked?: boolean;
  /** Colour positive and negative values differently (net change). */
  signed?: boolean;
}

const clean = (v: number | null | undefined) => (v == null || !Number.isFinite(v) ? null : v);

/**
 * @example barOption({ categories: ['装备制造', '冶金'], series: [{ name: '净增减', values: [-12, 3] }], locale: 'zh-CN', decimals: 0 })
 */
export function barOption(o: BarOptions): Record<string, unknown> {
  const fmt = (v: unknown) => (typeof v === 'number' ? formatNumber(v, o.decimals, o.locale) : '—');
  const categoryAxis = { type: 'category', data: [...o.categories], axisLabel: { hideOverlap: !o.horizontal, interval: 0, fontSize: 11 }, inverse: !!o.horizontal };
  const valueAxis = { type: 'value', name: o.unit ?? '', axisLabel: { formatter: (v: number) => formatAxisValue(v, o.locale) } };
  return {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: CHART_FONT_FAMILY },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: fmt },
    legend: o.series.length > 1 ? { bottom: 0, textStyle: { fontFamily: CHART_FONT_FAMILY } } : undefined,
    grid: { left: 8, right: 24, top: 28, bottom: o.series.length > 1 ? 32 : 8, containLabel: true },
    xAxis: o.horizontal ? valueAxis : categoryAxis,
    yAxis: o.horizontal ? categoryAxis : valueAxis,
    series: o.series.map((s, i) => ({
      name: s.name,
      type: 'bar',
      stack: o.stacked ? 'total' : undefined,
      data: s.values.map((v) => {
        const value = clean(v);
        if (!o.signed || value === null) return value;
        return { value, itemStyle: { color: value < 0 ? '#c23b22' : '#2f8f4e' } };
      }),
      itemStyle: o.signed ? undefined : { color: PALETTE[i % PALETTE.length] },
      barMaxWidth: 28,
    })),
  };
}

/**
 * Diffusion indices (0-100) as lines with the neutral 50 marked.
 * @example diffusionOption({ series: [{ name: '招工', points }], locale: 'zh-CN' })
 */
export function diffusionOption(o: { series: TrendSeries[]; locale: Locale; neutralLabel?: string }): Record<string, unknown> {
  const base = trendOption({ series: o.series, locale: o.locale, decimals: 1, unit: '' });
  const series = (base.series as Array<Record<string, unknown>>).map((s, i) =>
    i === 0 ? { ...s, markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#8c8c8c' }, label: { formatter: o.neutralLabel ?? '50' }, data: [{ yAxis: 50 }] } } : s,
  );
  return { ...base, yAxis: { ...(base.yAxis as Record<string, unknown>), scale: false, min: 0, max: 100 }, series };
}
