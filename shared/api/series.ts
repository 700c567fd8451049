import { z } from 'zod';
import { method } from './define';
import { asOfSchema, indicatorCodeSchema, memberSelectionSchema, periodSchema } from './schemas';
import type { Indicator, LocalizedName, MemberSelection } from '../domain/types';

/**
 * How a series is shown: as published (YTD stays cumulative), per period (YTD de-cumulated),
 * or year-on-year (percent for counts, points for rates); `sa`, `trend` and `seasonal` are the
 * STL decomposition of the per-period values (seasonally adjusted, trend, seasonal factor).
 */
export const seriesViewSchema = z.enum(['published', 'period', 'yoy', 'sa', 'trend', 'seasonal']);
export type SeriesView = z.infer<typeof seriesViewSchema>;

export const seriesQuerySchema = z
  .object({
    indicator: indicatorCodeSchema,
    /** Members fixed for every returned series (e.g. gender=F). */
    filter: memberSelectionSchema.default({}),
    /** Break the indicator down by this dimension: one series per member. */
    breakdown: z.string().max(32).optional(),
    /** Members of the breakdown dimension to return (default: all). */
    members: z.array(z.string().max(64)).max(64).optional(),
    /** Also return the total (or the filtered series) next to a breakdown. */
    includeTotal: z.boolean().default(true),
    view: seriesViewSchema.default('published'),
    from: periodSchema.optional(),
    to: periodSchema.optional(),
    asOf: asOfSchema.optional(),
  })
  .strict();
export type SeriesQuery = z.input<typeof seriesQuerySchema>;

export interface SeriesValue {
  period: string;
  value: number | null;
  /** Periods covered, when a de-cumulated point spans two (1-2月). */
  covers?: number;
  /** The snapshot the shown vintage comes from (published view), for provenance. */
  snapshotId?: number;
}

export interface SeriesData {
  key: string;
  members: MemberSelection;
  label: LocalizedName;
  points: SeriesValue[];
  /** Why a derived view differs from what one might expect (i18n keys `analytics:prep.<note>`). */
  notes?: string[];
}

export interface SeriesResult {
  indicator: Indicator;
  view: SeriesView;
  /** Unit of the returned values: the indicator's unit, or % / 个百分点 for year-on-year. */
  valueUnit: LocalizedName;
  series: SeriesData[];
}

export interface ExportedFile {
  fileName: string;
  mime: string;
  /** UTF-8 text, or base64 when `encoding` is base64. */
  content: string;
  encoding: 'utf8' | 'base64';
}

export const seriesMethods = {
  'series.query': method<SeriesResult>()(seriesQuerySchema),
  'series.exportCsv': method<ExportedFile>()(seriesQuerySchema),
};
