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

export function targetKey(t: AnnotationTarget): string {
  return t.kind === 'series' ? `s:${t.indicator}|${seriesKey(t.members)}` : `i:${t.index}`;
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
    chart.on('click', (p: { componentType?: string; seriesName?: string; name?: string; data?: unknown; dataIndex?: number }) => {
      const { series: all, periods: axis, list } = state.current;
      const id = (p.data as { annotationId?: number } | undefined)?.annotationId;
      if ((p.componentType === 'markPoint' || p.componentType === 'markArea' || p.componentType === 'markLine') && id) {
        const annotation = list.find((a) => a.id === id);
        if (annotation) setIntent({ kind: 'edit', annotation });
        return;
      }
      if (p.componentType !== 'series' || p.dataIndex === undefined) return;
      const s = all.find((x) => x.name === p.seriesName);
      const period = axis[p.dataIndex];
      if (s && period) setIntent({ kind: 'new', target: s.target, seriesName: s.name, periodFrom: period, periodTo: null });
    });
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
