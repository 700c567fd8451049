/**
 * Annotations on trend charts: point annotations as numbered pins (markPoint), range annotations
 * as shaded bands (markArea). The numbers match the notes listed under a printed chart, so a
 * reader of the black-and-white print can tell them apart without colour.
 */
import type { AnnotationCategory } from '../api/annotations';
import type { Locale } from '../domain/types';
import { periodLabel } from '../period';
import type { ChartStyle } from './theme';

export interface TrendAnnotation {
  /** Name of the chart series it belongs to (TrendSeries.name). */
  series: string;
  periodFrom: string;
  periodTo: string | null;
  text: string;
  category: AnnotationCategory;
  /** Carried into the mark's data so a click can find the annotation. */
  id?: number;
}

export const CATEGORY_COLORS: Record<AnnotationCategory, string> = {
  policy: '#1f5fa8',
  event: '#c23b22',
  data: '#6b6b6b',
  seasonal: '#2f8f4e',
  other: '#6b4fa1',
};

const CATEGORY_NAMES: Record<AnnotationCategory, { zh: string; en: string }> = {
  policy: { zh: '政策', en: 'Policy' },
  event: { zh: '事件', en: 'Event' },
  data: { zh: '数据', en: 'Data' },
  seasonal: { zh: '季节', en: 'Seasonal' },
  other: { zh: '其他', en: 'Other' },
};

/** @example categoryName('policy', 'zh-CN') // '政策' */
export function categoryName(category: AnnotationCategory, locale: Locale): string {
  return locale === 'zh-CN' ? CATEGORY_NAMES[category].zh : CATEGORY_NAMES[category].en;
}

/**
 * The annotations a chart can show, in reading order (by first period, then series), each with its
 * number. Annotations on series the chart does not draw, or wholly outside its axis, are dropped;
 * ranges reaching past the axis are clipped to it.
 * @example numberAnnotations([{ series: 'A', periodFrom: '2024-03', periodTo: null, text: 't', category: 'event' }], ['2024-01', '2024-06'], ['A'])
 * // [{ ..., number: 1, from: '2024-03', to: null }]
 */
export function numberAnnotations(
  annotations: readonly TrendAnnotation[],
  axis: readonly string[],
  seriesNames: readonly string[],
): Array<TrendAnnotation & { number: number; from: string; to: string | null }> {
  if (!axis.length) return [];
  const first = axis[0]!;
  const last = axis[axis.length - 1]!;
  const shown = annotations
    .filter((a) => seriesNames.includes(a.series))
    .map((a) => {
      const end = a.periodTo ?? a.periodFrom;
      if (end < first || a.periodFrom > last) return null;
      if (a.periodTo === null) return axis.includes(a.periodFrom) ? { ...a, from: a.periodFrom, to: null } : null;
      return { ...a, from: a.periodFrom < first ? first : a.periodFrom, to: end > last ? last : end };
    })
    .filter((a): a is TrendAnnotation & { from: string; to: string | null } => a !== null)
    .sort((a, b) => a.from.localeCompare(b.from) || seriesNames.indexOf(a.series) - seriesNames.indexOf(b.series) || (a.id ?? 0) - (b.id ?? 0));
  return shown.map((a, i) => ({ ...a, number: i + 1 }));
}

/**
 * markPoint / markArea / markLine options for one series. A point annotation sits on the value it
 * explains; where that value is a gap it becomes a vertical line at the period instead.
 */
export function annotationMarks(
  numbered: ReadonlyArray<TrendAnnotation & { number: number; from: string; to: string | null }>,
  seriesName: string,
  valueAt: (period: string) => number | null,
  style: ChartStyle = 'screen',
): Record<string, unknown> {
  const mine = numbered.filter((a) => a.series === seriesName);
  if (!mine.length) return {};
  const print = style === 'print';
  const points = mine.filter((a) => a.to === null && valueAt(a.from) !== null);
  const lines = mine.filter((a) => a.to === null && valueAt(a.from) === null);
  const ranges = mine.filter((a) => a.to !== null);
  const out: Record<string, unknown> = {};
  if (points.length) {
    out.markPoint = {
      symbol: 'pin',
      symbolSize: print ? 30 : 36,
      animation: false,
      label: { show: true, formatter: '{b}', color: '#fff', fontSize: print ? 10 : 11 },
      data: points.map((a) => ({
        name: String(a.number),
        coord: [a.from, valueAt(a.from)],
        itemStyle: { color: CATEGORY_COLORS[a.category] },
        annotationId: a.id,
      })),
    };
  }
  if (lines.length) {
    out.markLine = {
      symbol: 'none',
      animation: false,
      label: { show: true, formatter: '{b}', position: 'end' },
      data: lines.map((a) => ({ name: String(a.number), xAxis: a.from, lineStyle: { color: CATEGORY_COLORS[a.category], type: 'dashed' }, annotationId: a.id })),
    };
  }
  if (ranges.length) {
    out.markArea = {
      silent: print,
      animation: false,
      label: { show: true, position: 'insideTop', fontSize: print ? 10 : 11, color: '#333' },
      data: ranges.map((a) => [
        {
          name: String(a.number),
          xAxis: a.from,
          itemStyle: { color: CATEGORY_COLORS[a.category], opacity: print ? 0.1 : 0.14, borderColor: CATEGORY_COLORS[a.category], borderWidth: print ? 0.5 : 0, borderType: 'dashed' },
          annotationId: a.id,
        },
        { xAxis: a.to },
      ]),
    };
  }
  return out;
}

/**
 * The notes printed under a chart, one per numbered annotation.
 * @example annotationNote({ number: 1, from: '2024-06', to: null, category: 'policy', text: '稳岗返还' }, 'zh-CN') // '① 2024年6月 [政策] 稳岗返还'
 */
export function annotationNote(a: { number: number; from: string; to: string | null; category: AnnotationCategory; text: string }, locale: Locale): string {
  const when = a.to ? `${periodLabel(a.from, locale)}${locale === 'zh-CN' ? '至' : ' to '}${periodLabel(a.to, locale)}` : periodLabel(a.from, locale);
  return `${circled(a.number)} ${when} [${categoryName(a.category, locale)}] ${a.text}`;
}

/** ①..⑳, then (21), (22)... */
export function circled(n: number): string {
  return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `(${n})`;
}
