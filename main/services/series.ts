/** Series queries for charts and tables, in their views, and their CSV export. */
import { AppError } from '../../shared/api/errors';
import type { ExportedFile, SeriesData, SeriesResult, SeriesValue } from '../../shared/api/series';
import type { ParsedInputOf } from '../../shared/api/contract';
import { changeUnitOf, decumulate, yearOnYear } from '../../shared/calc/changes';
import { seriesKey } from '../../shared/domain/series-key';
import type { Indicator, LocalizedName, MemberSelection } from '../../shared/domain/types';
import { decompositionView } from '../../shared/analytics/prepare';
import { writeExchangeCsv } from '../../shared/exchange';
import { comparePeriods } from '../../shared/period';
import { getIndicator, listDimensions } from '../db/catalog';
import type { HandlersFor, ServiceContext } from './types';

type Query = ParsedInputOf<'series.query'>;

const TOTAL_LABEL: LocalizedName = { zh: '全市', en: 'City total' };

export function requireIndicator(ctx: ServiceContext, code: string): Indicator {
  const indicator = getIndicator(ctx.db, code);
  if (!indicator) throw new AppError('series.unknown_indicator', `Unknown indicator ${code}`, { code });
  return indicator;
}

/** Values of one series in a view: as published, per period (YTD de-cumulated), year-on-year, or STL components. */
export function applyView(indicator: Indicator, points: SeriesValue[], view: Query['view']): SeriesValue[] {
  return viewWithNotes(indicator, points, view).points;
}

/** {@link applyView} with the notes of the STL views (why a series could not be adjusted). */
export function viewWithNotes(indicator: Indicator, points: SeriesValue[], view: Query['view']): { points: SeriesValue[]; notes: string[] } {
  if (view === 'sa' || view === 'trend' || view === 'seasonal') return decompositionView(indicator, points, view);
  return { points: basicView(indicator, points, view), notes: [] };
}

function basicView(indicator: Indicator, points: SeriesValue[], view: 'published' | 'period' | 'yoy'): SeriesValue[] {
  switch (view) {
    case 'published':
      return points;
    case 'period':
      return indicator.ytd ? decumulate(points, indicator.frequency, indicator.janFebCombined).map((p) => (p.covers > 1 ? p : { period: p.period, value: p.value })) : points;
    case 'yoy':
      return yearOnYear(points, changeUnitOf(indicator.kind));
  }
}

/** Unit of values in a view. */
export function viewUnit(indicator: Indicator, view: Query['view']): LocalizedName {
  if (view !== 'yoy') return indicator.unit;
  switch (changeUnitOf(indicator.kind)) {
    case 'percent':
      return { zh: '%', en: '%' };
    case 'points':
      return { zh: '个百分点', en: 'pp' };
    case 'diff':
      return indicator.unit;
  }
}

export function querySeries(ctx: ServiceContext, q: Query): SeriesResult {
  const indicator = requireIndicator(ctx, q.indicator);
  const dimensions = listDimensions(ctx.db);
  for (const d of [...Object.keys(q.filter), ...(q.breakdown ? [q.breakdown] : [])]) {
    if (!indicator.dimensions.includes(d)) {
      throw new AppError('series.unknown_dimension', `${indicator.code} is not broken down by ${d}`, { code: indicator.code, dimension: d });
    }
  }
  const memberName = (dim: string, code: string): LocalizedName =>
    dimensions.find((d) => d.code === dim)?.members.find((m) => m.code === code)?.name ?? { zh: code, en: code };
  const labelOf = (members: MemberSelection): LocalizedName => {
    const dims = Object.keys(members);
    if (!dims.length) return TOTAL_LABEL;
    const names = dims.map((d) => memberName(d, members[d]!));
    return { zh: names.map((n) => n.zh).join('·'), en: names.map((n) => n.en).join(' · ') };
  };

  const targets: MemberSelection[] = [];
  if (!q.breakdown || q.includeTotal) targets.push({ ...q.filter });
  if (q.breakdown) {
    const existing = new Set(ctx.store.listSeries(indicator.code).map((s) => s.key));
    const dim = dimensions.find((d) => d.code === q.breakdown);
    const codes = q.members ?? dim?.members.map((m) => m.code) ?? [];
    for (const code of codes) {
      const members = { ...q.filter, [q.breakdown]: code };
      if (q.members || existing.has(seriesKey(members))) targets.push(members);
    }
  }

  const series: SeriesData[] = targets.map((members) => {
    const raw: SeriesValue[] = ctx.store.readSeries(indicator.code, members, q.asOf).map((p) => ({ period: p.period, value: p.value, snapshotId: p.snapshotId }));
    const viewed = viewWithNotes(indicator, raw, q.view);
    const shown = viewed.points.filter((p) => (!q.from || comparePeriods(p.period, q.from) >= 0) && (!q.to || comparePeriods(p.period, q.to) <= 0));
    return { key: seriesKey(members), members, label: labelOf(members), points: shown, ...(viewed.notes.length ? { notes: viewed.notes } : {}) };
  });
  return { indicator, view: q.view, valueUnit: viewUnit(indicator, q.view), series };
}

export function exportSeriesCsv(ctx: ServiceContext, q: Query): ExportedFile {
  const result = querySeries(ctx, q);
  const rows = result.series.flatMap((s) => s.points.map((p) => ({ indicator: result.indicator.code, period: p.period, value: p.value, members: s.members })));
  const dimensionOrder = listDimensions(ctx.db).map((d) => d.code);
  const content = writeExchangeCsv(rows, dimensionOrder, q.view === 'published' ? {} : { view: q.view });
  const suffix = q.breakdown ? `_${q.breakdown}` : '';
  return { fileName: `${result.indicator.code}${suffix}_${q.view}.csv`, mime: 'text/csv', content, encoding: 'utf8' };
}

export function seriesHandlers(ctx: ServiceContext): HandlersFor<'series.query' | 'series.exportCsv'> {
  return {
    'series.query': (q) => querySeries(ctx, q),
    'series.exportCsv': (q) => exportSeriesCsv(ctx, q),
  };
}
