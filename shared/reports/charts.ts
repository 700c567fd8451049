/**
 * The ECharts option of a report chart block, shared by the editor (canvas, screen style) and the
 * print page (SVG rendered in main, print style), so both show the same series and annotations.
 */
import type { Annotation } from '../api/annotations';
import type { SeriesResult } from '../api/series';
import type { TrendAnnotation } from '../charts/annotations';
import { numberAnnotations } from '../charts/annotations';
import { categoryAxis, trendOption, type TrendSeries } from '../charts/trend';
import type { ChartStyle } from '../charts/theme';
import { seriesKey } from '../domain/series-key';
import type { Indicator, Locale } from '../domain/types';
import { quarterOf, shiftPeriod } from '../period';
import type { Block } from './model';

type ChartBlock = Extract<Block, { type: 'chart' }>;

export interface ChartBlockData {
  /** One query result per series reference of the block, in order. */
  results: SeriesResult[];
  annotations: Annotation[];
}

/**
 * Names, points and annotations of a chart block's series.
 * @example chartSeries(block, { results, annotations }, 'zh-CN').series[0].name // '城镇调查失业率'
 */
export function chartSeries(block: ChartBlock, data: ChartBlockData, locale: Locale): { series: TrendSeries[]; annotations: TrendAnnotation[]; unit: string; decimals: number; ytd: boolean } {
  const zh = locale === 'zh-CN';
  const several = new Set(block.series.map((s) => s.indicator)).size > 1;
  const names = new Map<string, string>();
  const series: TrendSeries[] = [];
  data.results.forEach((r) => {
    for (const s of r.series) {
      const ind = zh ? r.indicator.name.zh : r.indicator.name.en;
      const label = zh ? s.label.zh : s.label.en;
      const name = several ? (s.key ? `${ind}·${label}` : ind) : s.key ? label : ind;
      names.set(`${r.indicator.code}|${s.key}`, name);
      series.push({ name, points: s.points.map((p) => ({ period: p.period, value: p.value })), bar: block.kind === 'bar' });
    }
  });
  const annotations: TrendAnnotation[] = block.annotations
    ? data.annotations.flatMap((a) => {
        if (a.target.kind !== 'series') return [];
        const name = names.get(`${a.target.indicator}|${seriesKey(a.target.members)}`);
        return name ? [{ series: name, periodFrom: a.periodFrom, periodTo: a.periodTo, text: a.text, category: a.category, id: a.id }] : [];
      })
    : [];
  const first = data.results[0];
  const unit = first ? (zh ? first.valueUnit.zh : first.valueUnit.en) : '';
  const decimals = first ? (block.view === 'yoy' ? 1 : first.indicator.decimals) : 1;
  return { series, annotations, unit, decimals, ytd: !!first?.indicator.ytd && block.view === 'published' };
}

/**
 * @example chartBlockOption(block, { results, annotations: [] }, 'zh-CN', 'print')
 */
export function chartBlockOption(block: ChartBlock, data: ChartBlockData, locale: Locale, style: ChartStyle): { option: Record<string, unknown>; notes: Array<ReturnType<typeof numberAnnotations>[number]> } {
  const s = chartSeries(block, data, locale);
  const option = trendOption({ series: s.series, unit: s.unit, locale, decimals: s.decimals, ytd: s.ytd, style, annotations: s.annotations });
  // Bars are read by their length: their axis starts at zero.
  if (block.kind === 'bar') option.yAxis = { ...(option.yAxis as Record<string, unknown>), scale: false };
  const notes = numberAnnotations(s.annotations, categoryAxis(s.series), s.series.map((x) => x.name));
  return { option, notes };
}

/**
 * The periods a chart or table of this indicator covers in a report for `month`: `span` periods of
 * the indicator's own frequency ending with the one that contains the month.
 * @example chartWindow({ frequency: 'Q' } as Indicator, '2024-08', 4) // { from: '2023-Q4', to: '2024-Q3' }
 */
export function chartWindow(indicator: Pick<Indicator, 'frequency'>, month: string, span: number): { from: string; to: string } {
  const to = indicator.frequency === 'M' ? month : indicator.frequency === 'Q' ? quarterOf(month) : month.slice(0, 4);
  return { from: shiftPeriod(to, -(span - 1)), to };
}
