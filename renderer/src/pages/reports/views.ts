import { seriesViewSchema, type SeriesView } from '../../../../shared/api/series';

/** The chart views the contract offers (a seasonally adjusted view appears when the analytics feature adds it). */
export function useSeriesViews(): SeriesView[] {
  return [...seriesViewSchema.options];
}
