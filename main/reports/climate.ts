/**
 * The climate-index block of a report: the analytics feature's index (its saved definition and
 * its computation), computed on the report's pinned snapshot state so the block is as
 * reproducible as every bound number, with the index's annotations and the month's sentence.
 */
import type { Database } from 'better-sqlite3';
import { climateSentence } from '../../shared/analytics/climate-summary';
import type { AsOf } from '../../shared/api/schemas';
import { AppError } from '../../shared/api/errors';
import { annotationNote, circled, numberAnnotations } from '../../shared/charts/annotations';
import { climateIndexOption } from '../../shared/charts/climate';
import type { Locale, MemberSelection } from '../../shared/domain/types';
import { formatNumber } from '../../shared/format';
import type { Block } from '../../shared/reports/model';
import { PRINT_CHART, type PrintBlock } from '../../shared/reports/print';
import { listAnnotations } from '../db/annotations';
import { ObservationStore, type VintagePoint } from '../db/observations';
import { computeClimate, requireDefinition } from '../services/analytics';
import type { ServiceContext } from '../services/types';
import { renderSvg } from './svg';

/** A store whose reads default to one snapshot state instead of the latest. */
export class PinnedStore extends ObservationStore {
  constructor(
    db: Database,
    private readonly snapshot: number,
  ) {
    super(db);
  }

  override readSeries(indicator: string, members: MemberSelection = {}, asOf?: AsOf): VintagePoint[] {
    return super.readSeries(indicator, members, asOf ?? { snapshot: this.snapshot });
  }
}

type ClimateBlock = Extract<Block, { type: 'climateIndex' }>;

const CLIMATE_CHART_HEIGHT = 480;

export function climateBlock(ctx: ServiceContext, block: ClimateBlock, month: string, snapshot: number, locale: Locale): PrintBlock[] {
  const zh = locale === 'zh-CN';
  let result;
  try {
    result = computeClimate({ ...ctx, store: new PinnedStore(ctx.db, snapshot) }, requireDefinition(ctx, { name: block.definition }));
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return [{ id: block.id, type: 'paragraph', runs: [{ text: `${zh ? '就业景气指数暂无法计算：' : 'The climate index cannot be computed: '}${err.message}` }] }];
  }
  let end = -1;
  result.periods.forEach((p, i) => {
    if (p <= month && result.index[i] != null) end = i;
  });
  if (end < 0) return [{ id: block.id, type: 'paragraph', runs: [{ text: zh ? '就业景气指数在本期之前没有数值。' : 'The climate index has no value up to this month.' }] }];
  const start = Math.max(0, end - block.span + 1);
  const cut = <T>(xs: readonly T[]) => xs.slice(start, end + 1);
  const input = {
    periods: cut(result.periods),
    index: cut(result.index),
    change: cut(result.change),
    components: result.components.map((c) => ({ key: c.key, label: c.label, pointContributions: cut(c.pointContributions) })),
  };
  const notes = numberAnnotations(
    listAnnotations(ctx.db, { targets: [{ kind: 'index', index: block.definition }] }).map((a) => ({ series: 'index', periodFrom: a.periodFrom, periodTo: a.periodTo, text: a.text, category: a.category, id: a.id })),
    input.periods,
    ['index'],
  );
  const option = climateIndexOption(input, {
    locale,
    style: 'print',
    annotations: notes.map((n) => ({ from: n.from, ...(n.to ? { to: n.to } : {}), text: circled(n.number) })),
    labels: zh ? { index: '景气指数', change: '各成分拉动（点）' } : { index: 'Climate index', change: 'Contributions (points)' },
  });
  // On paper the legend of every component wraps to several rows under the chart: leave them room,
  // and label the index axis to one decimal, as the index is read.
  const legendRows = Math.ceil(input.components.length / 3) + 1;
  const grids = option.grid as Array<Record<string, unknown>>;
  grids[0] = { ...grids[0], height: '36%' };
  grids[1] = { ...grids[1], top: '50%', bottom: 24 + legendRows * 20 };
  const yAxes = option.yAxis as Array<Record<string, unknown>>;
  yAxes[0] = { ...yAxes[0], axisLabel: { formatter: (v: number) => formatNumber(v, 1, locale) } };
  const sentence = climateSentence(input, input.periods.length - 1, locale, 'period');
  return [
    { id: block.id, type: 'chart', caption: block.caption, svg: renderSvg(option, PRINT_CHART.width, CLIMATE_CHART_HEIGHT, `chart-${block.id}`), width: PRINT_CHART.width, height: CLIMATE_CHART_HEIGHT, notes: notes.map((n) => annotationNote(n, locale)) },
    ...(sentence ? [{ id: `${block.id}-s`, type: 'paragraph' as const, runs: [{ text: sentence }] }] : []),
  ];
}
