/**
 * Turns an indicator's published series into the series whose changes are analysed (climate-index
 * components, lead/lag):
 * - a count or amount published year-to-date is de-cumulated into monthly values; a combined
 *   1-2月 point is left out (its two months are not split for the index: that would be invented);
 * - a growth rate published year-to-date is used as published (it cannot be de-cumulated);
 * - with seasonal adjustment, STL (period 12 or 4, s.window 7, robust) runs on the latest run of
 *   consecutive values; earlier values are left out. A series without such a run of more than two
 *   cycles is used unadjusted, and the note says so.
 */
import { decumulate } from '../calc/changes';
import type { IndexTransform } from '../calc/composite-index';
import { latestCompleteRun, stl } from '../calc/stl';
import type { Indicator, SeriesPoint } from '../domain/types';
import { periodsPerYear } from '../period';

export type PreparationNote = 'jan_feb_dropped' | 'ytd_growth_as_published' | 'not_adjusted_gaps' | 'not_adjusted_short' | 'adjusted_from';

export interface PreparedSeries {
  points: SeriesPoint[];
  transform: IndexTransform;
  decumulated: boolean;
  seasonallyAdjusted: boolean;
  /** Why the series differs from what one might expect (i18n key `climate:prep.<note>`). */
  note: PreparationNote | null;
  /** First period used after seasonal adjustment, for the `adjusted_from` note. */
  from: string | null;
}

/**
 * The default change formula for an indicator: levels (counts, amounts, ratios) use the symmetric
 * percent change, rates, growth rates and indices the simple difference.
 * @example defaultTransform({ kind: 'rate' } as Indicator) // 'difference'
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
  let note: PreparationNote | null = null;
  if (indicator.ytd && (indicator.kind === 'count' || indicator.kind === 'amount')) {
    const flows = decumulate(points, indicator.frequency, indicator.janFebCombined);
    decumulated = true;
    if (flows.some((p) => p.covers > 1)) note = 'jan_feb_dropped';
    points = flows.filter((p) => p.covers === 1).map((p) => ({ period: p.period, value: p.value }));
  } else if (indicator.ytd) {
    note = 'ytd_growth_as_published';
  }
  if (options.seasonalAdjustment === 'none' || indicator.frequency === 'A') {
    return { points, transform, decumulated, seasonallyAdjusted: false, note, from: null };
  }
  const period = periodsPerYear(indicator.frequency);
  const run = latestCompleteRun(points);
  if (run.length <= 2 * period) {
    const gaps = points.some((p) => p.value == null) || run.length < points.filter((p) => p.value != null).length;
    return { points, transform, decumulated, seasonallyAdjusted: false, note: note ?? (gaps ? 'not_adjusted_gaps' : 'not_adjusted_short'), from: null };
  }
  const fit = stl(
    run.map((p) => p.value),
    { period, sWindow: 7, robust: true },
  );
  const adjusted = run.map((p, i) => ({ period: p.period, value: fit.adjusted[i]! }));
  const dropped = run.length < points.filter((p) => p.value != null).length;
  return { points: adjusted, transform, decumulated, seasonallyAdjusted: true, note: note ?? (dropped ? 'adjusted_from' : null), from: run[0]!.period };
}
