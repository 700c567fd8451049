/**
 * Everything a trend chart needs for annotations in one hook: the marks for the option builder,
 * the brush decoration, the chart event wiring, and the side panel with its form.
 */
import { Col, Row } from 'antd';
import { useCallback, useMemo, type ReactNode } from 'react';
import { AnnotationForm } from './AnnotationForm';
import { AnnotationPanel } from './AnnotationPanel';
import { useSeriesAnnotations, type ChartSeriesTarget } from './useSeriesAnnotations';

export function useChartAnnotations(indicator: string | null, series: readonly ChartSeriesTarget[], periods: readonly string[]) {
  const a = useSeriesAnnotations(series, periods);
  const panel: ReactNode = useMemo(
    () => (
      <>
        <AnnotationPanel indicator={indicator} series={series} onEdit={(annotation) => a.setIntent({ kind: 'edit', annotation })} brushing={a.brushing} onBrushing={a.setBrushing} />
        <AnnotationForm intent={a.intent} periods={periods} series={series} onClose={() => a.setIntent(null)} />
      </>
    ),
    [indicator, series, periods, a.intent, a.brushing],
  );
  /** The chart with the panel at its side (below it on narrow screens). */
  const beside = useCallback(
    (chart: ReactNode) => (
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={16} xxl={17} style={{ minWidth: 0 }}>
          {chart}
        </Col>
        <Col xs={24} xl={8} xxl={7} style={{ maxHeight: 420, overflow: 'auto' }}>
          {panel}
        </Col>
      </Row>
    ),
    [panel],
  );
  return { marks: a.marks, decorate: a.decorate, onReady: a.onReady, panel, beside };
}
