import { useMemo } from 'react';
import type { Annotation } from '../../../../shared/api/annotations';
import type { SeriesResult } from '../../../../shared/api/series';
import { annotationNote } from '../../../../shared/charts/annotations';
import { chartBlockOption, chartWindow } from '../../../../shared/reports/charts';
import type { Block } from '../../../../shared/reports/model';
import { useApi } from '../../api/client';
import { Chart } from '../../components/Chart';
import { useLocale } from '../../hooks/useLocale';
import { useReportEditor } from './context';

type ChartBlock = Extract<Block, { type: 'chart' }>;

/** A chart block as the editor shows it: the pinned data, the series' annotations and their notes. */
export function ChartBlockView({ block, period, snapshot }: { block: ChartBlock; period: string; snapshot: number }) {
  const { locale } = useLocale();
  const { indicators } = useReportEditor();
  const queries = block.series.map((ref) => {
    const ind = indicators.get(ref.indicator);
    const window = ind ? chartWindow(ind, period, block.span) : null;
    return { indicator: ref.indicator, filter: ref.members, view: block.view, ...(window ?? {}), asOf: { snapshot } };
  });
  // One query per series reference (at most eight), each cached by react-query.
  const results = [useApi('series.query', queries[0] ?? { indicator: 'UNE.SURVEY_RATE' }, { enabled: !!queries[0] })];
  for (let i = 1; i < 8; i++) results.push(useApi('series.query', queries[i] ?? queries[0]!, { enabled: !!queries[i] }));
  const annotations = useApi('annotation.list', { targets: block.series.map((s) => ({ kind: 'series' as const, indicator: s.indicator, members: s.members })) }, { enabled: block.annotations });
  const data = results.slice(0, queries.length).map((r) => r.data);
  const ready = data.every((d): d is SeriesResult => !!d);
  const built = useMemo(
    () => (ready ? chartBlockOption(block, { results: data as SeriesResult[], annotations: (block.annotations ? annotations.data : []) ?? ([] as Annotation[]) }, locale, 'screen') : null),
    [ready, block, locale, annotations.data, ...data],
  );
  if (!built) return <div style={{ height: 260 }} />;
  return (
    <div data-testid={`report-chart-${block.id}`}>
      <Chart option={built.option} height={260} />
      {built.notes.length > 0 && (
        <div data-testid="report-chart-notes" style={{ fontSize: 12, color: '#555', marginTop: 4 }}>
          {built.notes.map((n) => (
            <div key={`${n.id}-${n.number}`}>{annotationNote(n, locale)}</div>
          ))}
        </div>
      )}
    </div>
  );
}
