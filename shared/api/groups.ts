/** Key groups (重点群体): graduates, rural labour transfer, hard-to-employ people, zero-employment households. Aggregates only. */
import { z } from 'zod';
import { method } from './define';
import { monthSchema } from './warnings';
import type { LocalizedName } from '../domain/types';

export interface Breakdown {
  code: string;
  label: LocalizedName;
  value: number | null;
}

export interface GraduateMonth {
  period: string;
  total: number | null;
  byDegree: Breakdown[];
  /** The same month of the previous cycle. */
  lastYear: number | null;
}

export interface KeyGroupsDashboard {
  period: string | null;
  graduates: {
    /** The July-December cycle shown (the latest one started by the period). */
    cycle: number | null;
    months: GraduateMonth[];
    latest: GraduateMonth | null;
    /** Share still not employed at the latest month, of the July figure, percent. */
    remainingPct: number | null;
  };
  rural: {
    /** Latest quarter ended by the period (year to date, 万人). */
    period: string | null;
    total: number | null;
    vsLastYearPct: number | null;
    byDistrict: Breakdown[];
    byDestination: Breakdown[];
    byIndustry: Breakdown[];
    byWage: Breakdown[];
    trend: Array<{ period: string; value: number | null }>;
  };
  hardToEmploy: {
    period: string | null;
    /** Year to date. */
    total: number | null;
    vsLastYearPct: number | null;
    byDistrict: Breakdown[];
    /** Each month's own placements (de-cumulated). */
    monthly: Array<{ period: string; value: number | null; covers?: number }>;
  };
  zeroEmployment: {
    period: string | null;
    total: number | null;
    target: 0;
    /** Districts with households not yet cleared. */
    districts: Breakdown[];
    /** Consecutive months at zero up to the period. */
    monthsAtZero: number;
    trend: Array<{ period: string; value: number | null }>;
  };
}

export const groupsMethods = {
  'groups.dashboard': method<KeyGroupsDashboard>()(z.object({ period: monthSchema.optional() }).strict()),
};
