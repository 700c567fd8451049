import { z } from 'zod';
import { method } from './define';
import type { ChangeUnit } from '../calc/changes';
import type { Indicator, SeriesPoint } from '../domain/types';

export interface ChangeValue {
  value: number | null;
  unit: ChangeUnit;
}

export interface Kpi {
  indicator: Indicator;
  period: string | null;
  value: number | null;
  /** Change against the previous period (for YTD indicators: the period's own increment is in `periodValue`). */
  vsPrevious: ChangeValue | null;
  /** Change against the same period a year earlier (YTD against YTD). */
  vsLastYear: ChangeValue | null;
  /** For YTD indicators: the value of the latest period alone (de-cumulated). */
  periodValue: number | null;
  /** For target completion rates: the time progress (N/12 x 100) to compare with. */
  timeProgress: number | null;
}

export interface OverviewTrend {
  indicator: Indicator;
  points: SeriesPoint[];
}

export interface Overview {
  latestPeriod: string | null;
  kpis: Kpi[];
  trends: OverviewTrend[];
}

export const overviewMethods = {
  'overview.get': method<Overview>()(z.object({ months: z.number().int().min(12).max(240).default(60) }).strict()),
};
