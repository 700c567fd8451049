/** The overview: KPI cards for the core indicators at their latest period, and trend charts. */
import type { Kpi, Overview } from '../../shared/api/overview';
import { change, changeUnitOf, decumulate } from '../../shared/calc/changes';
import { OVERVIEW_KPIS } from '../../shared/domain/catalog';
import type { Indicator, SeriesPoint } from '../../shared/domain/types';
import { lastYear, mustParsePeriod, shiftPeriod } from '../../shared/period';
import { getIndicator } from '../db/catalog';
import type { HandlersFor, ServiceContext } from './types';

/** Indicators drawn as trend charts on the overview. */
export const OVERVIEW_TRENDS = ['UNE.SURVEY_RATE', 'EMP.NEW_URBAN', 'UNE.REG_COUNT', 'UI.RECIPIENTS', 'ENT.HEADCOUNT', 'LMK.RATIO'];

/** Builds one KPI card from a series as published. */
export function buildKpi(indicator: Indicator, points: readonly SeriesPoint[]): Kpi {
  const byPeriod = new Map(points.map((p) => [p.period, p.value]));
  const latest = [...points].reverse().find((p) => p.value != null) ?? null;
  const unit = changeUnitOf(indicator.kind);
  if (!latest) {
    return { indicator, period: null, value: null, vsPrevious: null, vsLastYear: null, periodValue: null, timeProgress: null };
  }
  const vsLastYear = { value: change(latest.value, byPeriod.get(lastYear(latest.period)), unit), unit };
  let periodValue: number | null = null;
  let vsPrevious: Kpi['vsPrevious'] = null;
  if (indicator.ytd) {
    const own = decumulate(points, indicator.frequency, indicator.janFebCombined).find((p) => p.period === latest.period);
    periodValue = own?.value ?? null;
  } else {
    vsPrevious = { value: change(latest.value, byPeriod.get(shiftPeriod(latest.period, -1)), unit), unit };
  }
  const parsed = mustParsePeriod(latest.period);
  const monthsElapsed = parsed.frequency === 'M' ? parsed.index : parsed.frequency === 'Q' ? parsed.index * 3 : 12;
  const timeProgress = indicator.code.endsWith('_PCT') && indicator.ytd ? Math.round((monthsElapsed / 12) * 1000) / 10 : null;
  return { indicator, period: latest.period, value: latest.value, vsPrevious, vsLastYear, periodValue, timeProgress };
}

export function getOverview(ctx: ServiceContext, months: number): Overview {
  const read = (code: string) => {
    const indicator = getIndicator(ctx.db, code);
    return indicator ? { indicator, points: ctx.store.readSeries(code).map((p) => ({ period: p.period, value: p.value })) } : null;
  };
  const kpis = OVERVIEW_KPIS.map(read)
    .filter((x): x is NonNullable<typeof x> => x !== null)
    .map(({ indicator, points }) => buildKpi(indicator, points));
  const latestPeriod = kpis
    .filter((k) => k.indicator.frequency === 'M' && k.period)
    .map((k) => k.period!)
    .sort()
    .pop() ?? null;
  const trends = OVERVIEW_TRENDS.map(read)
    .filter((x): x is NonNullable<typeof x> => x !== null)
    .map(({ indicator, points }) => {
      const perYear = indicator.frequency === 'M' ? 12 : indicator.frequency === 'Q' ? 4 : 1;
      return { indicator, points: points.slice(-Math.ceil((months / 12) * perYear)) };
    });
  return { latestPeriod, kpis, trends };
}

export function overviewHandlers(ctx: ServiceContext): HandlersFor<'overview.get'> {
  return {
    'overview.get': ({ months }) => getOverview(ctx, months),
  };
}
