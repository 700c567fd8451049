/**
 * ECharts options for the employment climate index: the index line on top and, below on the same
 * time axis, each component's contribution to the month's change as stacked bars (positive parts
 * stack up, negative parts down, their sum is the change). Annotations (points or ranges) are
 * drawn on the index line. Built without a DOM: the screen and the printed report use the same.
 */
import type { Locale, LocalizedName } from '../domain/types';
import { formatAxisValue, formatNumber } from '../format';
import { periodLabel } from '../period';
import { CHART_FONT_FAMILY, PALETTE, type ChartStyle } from './theme';

export interface ClimateChartInput {
  periods: readonly string[];
  index: ReadonlyArray<number | null>;
  change: ReadonlyArray<number | null>;
  components: ReadonlyArray<{ key: string; label: LocalizedName; pointContributions: ReadonlyArray<number | null> }>;
}

export interface ClimateAnnotation {
  /** A point annotation has `from` only; a range has `from` and `to` (inclusive periods). */
  from: string;
  to?: string;
  text: string;
}

export interface ClimateChartOptions {
  locale: Locale;
  title?: string;
  style?: ChartStyle;
  /** Show the zoom slider (screen only). */
  zoom?: boolean;
  /** Start of the zoom window as a share of the axis (0-100). */
  zoomStart?: number;
  annotations?: readonly ClimateAnnotation[];
  /** Labels for the two panels and the index series. */
  labels?: { index: string; change: string };
}

const clean = (v: number | null | undefined) => (v == null || !Number.isFinite(v) ? null : v);

/**
 * @example climateIndexOption(result, { locale: 'zh-CN', labels: { index: '景气指数', change: '拉动(点)' } })
 */
export function climateIndexOption(input: ClimateChartInput, o: ClimateChartOptions): Record<string, unknown> {
  const print = o.style === 'print';
  const zh = o.locale === 'zh-CN';
  const labels = o.labels ?? (zh ? { index: '景气指数', change: '各成分拉动（点）' } : { index: 'Climate index', change: 'Contributions (points)' });
  const name = (l: LocalizedName) => (zh ? l.zh : l.en) || l.zh;
  const periods = [...input.periods];
  const fmt = (v: unknown) => (typeof v === 'number' ? formatNumber(v, 2, o.locale) : '—');
  const inRange = (p: string) => periods.includes(p);
  const annotations = (o.annotations ?? []).filter((a) => inRange(a.from) && (!a.to || inRange(a.to)));
  const points = annotations.filter((a) => !a.to || a.to === a.from);
  const ranges = annotations.filter((a) => a.to && a.to !== a.from);
  const bottom = o.zoom ? 64 : 36;
  return {
    animation: !print,
    color: PALETTE,
    textStyle: { fontFamily: CHART_FONT_FAMILY },
    title: o.title ? { text: o.title, left: 'center', textStyle: { fontSize: print ? 14 : 13, fontFamily: CHART_FONT_FAMILY } } : undefined,
    tooltip: print ? undefined : { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: fmt },
    legend: { type: print ? 'plain' : 'scroll', bottom: o.zoom ? 30 : 0, textStyle: { fontFamily: CHART_FONT_FAMILY, width: 120, overflow: 'truncate' }, tooltip: { show: true } },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    grid: [
      { left: 56, right: 24, top: o.title ? 40 : 24, height: '44%', containLabel: true },
      { left: 56, right: 24, top: '58%', bottom, containLabel: true },
    ],
    xAxis: [0, 1].map((gridIndex) => ({
      type: 'category',
      gridIndex,
      data: periods,
      axisLabel: gridIndex === 0 ? { show: false } : { formatter: (p: string) => periodLabel(p, o.locale), hideOverlap: true },
      axisTick: { show: gridIndex === 1 },
    })),
    yAxis: [
      { type: 'value', gridIndex: 0, name: labels.index, scale: true, axisLabel: { formatter: (v: number) => formatAxisValue(v, o.locale) } },
      { type: 'value', gridIndex: 1, name: labels.change, axisLabel: { formatter: (v: number) => formatAxisValue(v, o.locale) } },
    ],
    dataZoom: o.zoom ? [{ type: 'slider', xAxisIndex: [0, 1], start: o.zoomStart ?? 0, end: 100, bottom: 4, height: 20 }, { type: 'inside', xAxisIndex: [0, 1] }] : undefined,
    series: [
      {
        name: labels.index,
        type: 'line',
        xAxisIndex: 0,
        yAxisIndex: 0,
        showSymbol: false,
        connectNulls: false,
        lineStyle: { width: print ? 1.5 : 2.2 },
        color: '#1f5fa8',
        data: input.index.map(clean),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#999' },
          label: { formatter: '100', position: 'insideEndTop' },
          data: [{ yAxis: 100 }, ...points.map((a) => ({ xAxis: a.from, label: { formatter: a.text, position: 'insideEndTop' }, lineStyle: { color: '#d48806', type: 'solid' } }))],
        },
        markArea: ranges.length
          ? { silent: true, itemStyle: { color: 'rgba(212,136,6,0.10)' }, label: { color: '#8c5a2b' }, data: ranges.map((a) => [{ xAxis: a.from, name: a.text }, { xAxis: a.to }]) }
          : undefined,
      },
      ...input.components.map((c, k) => ({
        name: name(c.label),
        type: 'bar',
        stack: 'contributions',
        xAxisIndex: 1,
        yAxisIndex: 1,
        color: PALETTE[(k + 1) % PALETTE.length],
        barMaxWidth: 14,
        data: c.pointContributions.map(clean),
      })),
    ],
  };
}
