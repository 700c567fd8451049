/**
 * Turns an indicator's published series into the series whose changes are analysed (climate-index
 * components, lead/lag, the explorer's seasonally adjusted and trend views):
 * - a count or amount published year-to-date is de-cumulated into per-period values; a combined
 *   1-2月 point is split into two equal halves (they add up to the published total; the split is a
 *   convention, and the note says so), because seasonal adjustment needs every month;
 * - a growth rate published year-to-date is used as published (it cannot be de-cumulated);
 * - with seasonal adjustment, STL (period 12 or 4, s.window 7, robust) runs on the latest run of
 *   consecutive values; earlier values are left out. A series without such a run of more than two
 *   cycles is used unadjusted, and the notes say why.
 */
import { decumulate } from '../calc/changes';
import type { IndexTransform } from '../calc/composite-index';
import { latestCompleteRun, stl } from '../calc/stl';
import type { Indicator, SeriesPoint } from '../domain/types';
import { periodsPerYear } from '../period';

/** i18n keys `analytics:prep.<note>`. */
export type PreparationNote = 'jan_feb_split' | 'ytd_growth_as_published' | 'not_adjusted_gaps' | 'not_adjusted_short' | 'adjusted_from';

/** STL settings used for analysis series (R: stl(x, s.window = 7, robust = TRUE)). */
export const ANALYSIS_STL = { sWindow: 7, robust: true } as const;

export interface PreparedSeries {
  /** The series analysed: per-period values, seasonally adjusted when `seasonallyAdjusted`. */
  points: SeriesPoint[];
  transform: IndexTransform;
  decumulated: boolean;
  seasonallyAdjusted: boolean;
  /** STL trend and seasonal components (same periods as `points`) when adjusted. */
  trend: SeriesPoint[] | null;
  seasonal: SeriesPoint[] | null;
  notes: PreparationNote[];
  /** First period of the adjusted run. */
  from: string | null;
}

/**
 * The default change formula for an indicator: levels (counts, amounts, ratios) use the symmetric
 * percent change, rates, growth rates and indices the simple difference.
 * @example defaultTransform({ kind: 'rate' }) // 'difference'
 */
export function defaultTransform(indicator: Pick<Indicator, 'kind'>): IndexTransform {
  return indicator.kind === 'count' || indicator.kind === 'amount' || indicator.kind === 'ratio' ? 'level' : 'difference';
}

/**
 * Prepares one indicator's series (see the module comment). The input is not modified.
 * @example prepareSeries(indicator, published, { seasonalAdjustment: 'stl' }).points
 */
export function prepareSeries(
  indicator: Pick<Indicator, 'kind' | 'ytd' | 'frequency' | 'janFebCombined'>,
  published: readonly SeriesPoint[],
  options: { seasonalAdjustment: 'stl' | 'none'; transform?: IndexTransform },
): PreparedSeries {
  const transform = options.transform ?? defaultTransform(indicator);
  let points: SeriesPoint[] = published.map((p) => ({ period: p.period, value: p.value }));
  let decumulated = false;
  const notes: PreparationNote[] = [];
  if (indicator.ytd && (indicator.kind === 'count' || indicator.kind === 'amount')) {
    const flows = decumulate(points, indicator.frequency, indicator.janFebCombined, { janFeb: 'split' });
    decumulated = true;
    if (flows.some((p) => p.split)) notes.push('jan_feb_split');
    points = flows.map((p) => ({ period: p.period, value: p.value }));
  } else if (indicator.ytd) {
    notes.push('ytd_growth_as_published');
  }
  const unadjusted = (note?: PreparationNote): PreparedSeries => ({
    points,
    transform,
    decumulated,
    seasonallyAdjusted: false,
    trend: null,
    seasonal: null,
    notes: note ? [...notes, note] : notes,
    from: null,
  });
  if (options.seasonalAdjustment === 'none' || indicator.frequency === 'A') return unadjusted();
  const period = periodsPerYear(indicator.frequency);
  const run = latestCompleteRun(points);
  const present = points.filter((p) => p.value != null && Number.isFinite(p.value)).length;
  if (run.length <= 2 * period) return unadjusted(run.length < present ? 'not_adjusted_gaps' : 'not_adjusted_short');
  const fit = stl(
    run.map((p) => p.value),
    { period, ...ANALYSIS_STL },
  );
  if (run.length < present) notes.push('adjusted_from');
  return {
    points: run.map((p, i) => ({ period: p.period, value: fit.adjusted[i]! })),
    transform,
    decumulated,
    seasonallyAdjusted: true,
    trend: run.map((p, i) => ({ period: p.period, value: fit.trend[i]! })),
    seasonal: run.map((p, i) => ({ period: p.period, value: fit.seasonal[i]! })),
    notes,
    from: run[0]!.period,
  };
}

/**
 * The explorer's STL views of a series: seasonally adjusted values, trend or seasonal factor, over
 * the per-period values (YTD de-cumulated). Periods outside the adjusted run, or all of them when the
 * series cannot be adjusted, are gaps (null); `notes` say why.
 * @example decompositionView(indicator, published, 'sa').points // [{ period: '2015-01', value: 5.31 }, ...]
 */
export function decompositionView(
  indicator: Pick<Indicator, 'kind' | 'ytd' | 'frequency' | 'janFebCombined'>,
  published: readonly SeriesPoint[],
  view: 'sa' | 'trend' | 'seasonal',
): { points: SeriesPoint[]; notes: PreparationNote[] } {
  const prepared = prepareSeries(indicator, published, { seasonalAdjustment: 'stl' });
  const all = prepareSeries(indicator, published, { seasonalAdjustment: 'none' }).points;
  const source = view === 'sa' ? prepared.points : view === 'trend' ? prepared.trend : prepared.seasonal;
  const byPeriod = new Map((prepared.seasonallyAdjusted && source ? source : []).map((p) => [p.period, p.value]));
  return { points: all.map((p) => ({ period: p.period, value: byPeriod.get(p.period) ?? null })), notes: prepared.notes };
}
