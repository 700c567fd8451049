/**
 * ECharts options for trend lines, built without a DOM so they can be tested, rendered in the
 * renderer and rendered server-side (SVG) for reports.
 */
import type { Locale } from '../domain/types';
import { formatAxisValue, formatNumber } from '../format';
import { periodLabel } from '../period';
import { CHART_FONT_FAMILY, PALETTE, type ChartStyle } from './theme';
import { annotationMarks, numberAnnotations, type TrendAnnotation } from './annotations';

export interface TrendSeries {
  name: string;
  points: ReadonlyArray<{ period: string; value: number | null }>;
  /** Draw as bars instead of a line. */
  bar?: boolean;
}

export interface TrendOptions {
  title?: string;
  unit?: string;
  series: TrendSeries[];
  locale: Locale;
  decimals: number;
  /** Periods are YTD cumulatives: label them 1-N月. */
  ytd?: boolean;
  style?: ChartStyle;
  /** Show the zoom slider (screen only). */
  zoom?: boolean;
  /** Start the zoom window at this share of the axis (0-100). */
  zoomStart?: number;
  /** Annotations of the drawn series (markPoint / markArea), numbered in reading order. */
  annotations?: readonly TrendAnnotation[];
}

/** Every period of any series, sorted: the shared category axis. */
export function categoryAxis(series: readonly TrendSeries[]): string[] {
  const all = new Set<string>();
  for (const s of series) for (const p of s.points) all.add(p.period);
  return [...all].sort();
}

/**
 * @example trendOption({ series: [{ name: '全市', points: [{ period: '2024-06', value: 5.2 }] }], locale: 'zh-CN', decimals: 1 })
 */
export function trendOption(o: TrendOptions): Record<string, unknown> {
  const periods = categoryAxis(o.series);
  const print = o.style === 'print';
  const fmt = (v: unknown) => (typeof v === 'number' ? formatNumber(v, o.decimals, o.locale) : '—');
  const numbered = o.annotations?.length ? numberAnnotations(o.annotations, periods, o.series.map((s) => s.name)) : [];
  return {
    animation: !print,
    color: PALETTE,
    textStyle: { fontFamily: CHART_FONT_FAMILY },
    title: o.title ? { text: o.title, left: 'center', textStyle: { fontSize: print ? 14 : 13, fontFamily: CHART_FONT_FAMILY } } : undefined,
    tooltip: print ? undefined : { trigger: 'axis', valueFormatter: fmt },
    legend: o.series.length > 1 ? { type: print ? 'plain' : 'scroll', bottom: 0, textStyle: { fontFamily: CHART_FONT_FAMILY } } : undefined,
    grid: { left: 56, right: 24, top: o.title ? 40 : 24, bottom: (o.series.length > 1 ? 32 : 8) + (o.zoom ? 36 : 0), containLabel: true },
    xAxis: {
      type: 'category',
      data: periods,
      axisLabel: { formatter: (p: string) => periodLabel(p, o.locale, false), hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      name: o.unit ?? '',
      scale: true,
      axisLabel: { formatter: (v: number) => formatAxisValue(v, o.locale) },
    },
    dataZoom: o.zoom ? [{ type: 'slider', start: o.zoomStart ?? 0, end: 100, bottom: o.series.length > 1 ? 28 : 4, height: 20 }, { type: 'inside' }] : undefined,
    series: o.series.map((s) => {
      const byPeriod = new Map(s.points.map((p) => [p.period, p.value]));
      return {
        name: s.name,
        type: s.bar ? 'bar' : 'line',
        showSymbol: false,
        connectNulls: false,
        lineStyle: { width: print ? 1.5 : 2 },
        data: periods.map((p) => {
          const v = byPeriod.get(p);
          return v == null || !Number.isFinite(v) ? null : v;
        }),
        ...(numbered.length ? annotationMarks(numbered, s.name, (p) => finiteOrNull(byPeriod.get(p)), o.style) : {}),
      };
    }),
  };
}

function finiteOrNull(v: number | null | undefined): number | null {
  return v == null || !Number.isFinite(v) ? null : v;
}
