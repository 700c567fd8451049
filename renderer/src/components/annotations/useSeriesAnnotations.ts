/**
 * Annotations of the series a chart shows, ready for the trend option builder, plus the chart
 * interactions that create and open them: a click on a value or a pin, a brushed range.
 */
import type { ECharts } from 'echarts/core';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Annotation, AnnotationTarget } from '../../../../shared/api/annotations';
import type { TrendAnnotation } from '../../../../shared/charts/annotations';
import { seriesKey } from '../../../../shared/domain/series-key';
import { useApi } from '../../api/client';

export interface ChartSeriesTarget {
  /** The chart series name (TrendSeries.name). */
  name: string;
  target: AnnotationTarget;
}

/** What the author started on the chart: a new annotation at a period or range, or an existing one. */
export type AnnotationIntent =
  | { kind: 'new'; target: AnnotationTarget; seriesName: string; periodFrom: string; periodTo: string | null }
  | { kind: 'edit'; annotation: Annotation };

const blankClick = new WeakMap<ECharts, (e: { target?: unknown; offsetX: number; offsetY: number }) => void>();

export function targetKey(t: AnnotationTarget): string {
  if (t.kind === 'series') return `s:${t.indicator}|${seriesKey(t.members)}`;
  return t.kind === 'firm' ? `f:${t.enterpriseId}` : `i:${t.index}`;
}

export function useSeriesAnnotations(series: readonly ChartSeriesTarget[], periods: readonly string[]) {
  const targets = useMemo(() => series.map((s) => s.target), [series]);
  const q = useApi('annotation.list', { targets }, { enabled: targets.length > 0 });
  const [intent, setIntent] = useState<AnnotationIntent | null>(null);
  const [brushing, setBrushing] = useState(false);

  const byTarget = useMemo(() => new Map(series.map((s) => [targetKey(s.target), s.name])), [series]);
  const marks: TrendAnnotation[] = useMemo(
    () =>
      (q.data ?? []).flatMap((a) => {
        const name = byTarget.get(targetKey(a.target));
        return name ? [{ series: name, periodFrom: a.periodFrom, periodTo: a.periodTo, text: a.text, category: a.category, id: a.id }] : [];
      }),
    [q.data, byTarget],
  );

  // Handlers read the latest props through refs: the chart keeps one listener per event.
  const state = useRef({ series, periods, list: q.data ?? [], brushing });
  state.current = { series, periods, list: q.data ?? [], brushing };

  const onReady = useCallback((chart: ECharts) => {
    chart.off('click');
    chart.off('brushEnd');
    const zr = chart.getZr();
    /** The axis period under a pixel of the plot, or null outside it. */
    const periodAt = (x: number, y: number): string | null => {
      if (!chart.containPixel({ gridIndex: 0 }, [x, y])) return null;
      const at = chart.convertFromPixel({ gridIndex: 0 }, [x, y]) as number[] | number;
      const index = Math.round(Array.isArray(at) ? at[0]! : at);
      return state.current.periods[index] ?? null;
    };
    const startNew = (seriesName: string | undefined, period: string | null) => {
      const { series: all } = state.current;
      const s = all.find((x) => x.name === seriesName) ?? all[0];
      if (s && period) setIntent({ kind: 'new', target: s.target, seriesName: s.name, periodFrom: period, periodTo: null });
    };
    chart.on('click', (p: { componentType?: string; seriesName?: string; data?: unknown; dataIndex?: number; event?: { offsetX: number; offsetY: number } }) => {
      if (state.current.brushing) return;
      const id = (p.data as { annotationId?: number } | undefined)?.annotationId;
      if ((p.componentType === 'markPoint' || p.componentType === 'markArea' || p.componentType === 'markLine') && id) {
        const annotation = state.current.list.find((a) => a.id === id);
        if (annotation) setIntent({ kind: 'edit', annotation });
        return;
      }
      if (p.componentType !== 'series') return;
      // A symbol carries its data index; the line itself does not, so read the period under the pointer.
      const period = p.dataIndex !== undefined ? (state.current.periods[p.dataIndex] ?? null) : p.event ? periodAt(p.event.offsetX, p.event.offsetY) : null;
      startNew(p.seriesName, period);
    });
    // A click on the empty plot area annotates the first series at that period. Only our own
    // handler is replaced: ECharts dispatches its own click events through the same zrender event.
    const previous = blankClick.get(chart);
    if (previous) zr.off('click', previous);
    const onBlank = (e: { target?: unknown; offsetX: number; offsetY: number }) => {
      if (state.current.brushing || e.target) return;
      startNew(undefined, periodAt(e.offsetX, e.offsetY));
    };
    blankClick.set(chart, onBlank);
    zr.on('click', onBlank);
    chart.on('brushEnd', (event: unknown) => {
      const { series: all, periods: axis } = state.current;
      const range = (event as { areas?: Array<{ coordRange?: [number, number] }> }).areas?.[0]?.coordRange;
      const first = all[0];
      if (!range || !first) return;
      const from = axis[Math.max(0, Math.min(range[0], range[1]))];
      const to = axis[Math.min(axis.length - 1, Math.max(range[0], range[1]))];
      chart.dispatchAction({ type: 'brush', areas: [] });
      if (from && to) setIntent({ kind: 'new', target: first.target, seriesName: first.name, periodFrom: from, periodTo: to === from ? null : to });
    });
    chart.dispatchAction({ type: 'takeGlobalCursor', key: 'brush', brushOption: state.current.brushing ? { brushType: 'lineX', brushMode: 'single' } : { brushType: false } });
  }, []);

  /** Adds the brush component the range selection needs (toolbox hidden: the panel has the switch). */
  const decorate = useCallback(
    (option: Record<string, unknown>): Record<string, unknown> => ({
      ...option,
      brush: { xAxisIndex: 0, brushType: 'lineX', brushMode: 'single', throttleType: 'debounce', throttleDelay: 100, brushStyle: { color: 'rgba(31,95,168,0.15)', borderColor: '#1f5fa8' } },
      toolbox: { show: false, feature: { brush: { type: ['lineX'] } } },
      // A new object when the switch flips, so the chart re-applies the brush cursor.
      annotationBrush: brushing,
    }),
    [brushing],
  );

  return { list: q.data ?? [], marks, intent, setIntent, brushing, setBrushing, onReady, decorate, refetch: q.refetch };
}
