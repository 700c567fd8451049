/**
 * The one ECharts component. Options are built by pure functions in shared/charts; this only
 * mounts, updates, resizes and disposes the chart.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, MarkPointComponent, TitleComponent, TooltipComponent, BrushComponent, ToolboxComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, DataZoomComponent, MarkPointComponent, MarkAreaComponent, MarkLineComponent, BrushComponent, ToolboxComponent, CanvasRenderer]);

export interface ChartProps {
  option: Record<string, unknown>;
  height?: number;
  testId?: string;
  /** Receives the instance after each option update (for events such as brush or click). */
  onReady?: (chart: echarts.ECharts) => void;
}

export function Chart({ option, height = 320, testId, onReady }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = ref.current!;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    // Web fonts load lazily by unicode range; redraw once they are in so labels use them.
    const redraw = () => chart.setOption(chart.getOption(), { notMerge: true });
    document.fonts?.addEventListener('loadingdone', redraw);
    return () => {
      document.fonts?.removeEventListener('loadingdone', redraw);
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    chart.setOption(option, { notMerge: true });
    onReady?.(chart);
  }, [option, onReady]);

  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
