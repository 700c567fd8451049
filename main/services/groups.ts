/**
 * Key groups dashboard (重点群体), from aggregate indicators only (no personal records):
 * graduates not employed after leaving school over the July-December cycle by degree, rural labour
 * transfer by county, destination, industry and wage band, hard-to-employ people placed, and
 * zero-employment households against the target of zero.
 */
import type { Breakdown, GraduateMonth, KeyGroupsDashboard } from '../../shared/api/groups';
import { change, decumulate } from '../../shared/calc/changes';
import type { MemberSelection } from '../../shared/domain/types';
import { comparePeriods, lastYear, mustParsePeriod, periodRange, shiftPeriod } from '../../shared/period';
import { evaluationPeriod } from '../../shared/warnings/scope';
import { getIndicator, listDimensions } from '../db/catalog';
import { latestDataMonth } from './warnings';
import type { HandlersFor, ServiceContext } from './types';

export function keyGroupsDashboard(ctx: ServiceContext, month?: string): KeyGroupsDashboard {
  const period = month ?? latestDataMonth(ctx);
  const dims = listDimensions(ctx.db);
  const series = new Map<string, Map<string, number | null>>();
  const read = (indicator: string, members: MemberSelection = {}): Map<string, number | null> => {
    const key = `${indicator}|${JSON.stringify(members)}`;
    let m = series.get(key);
    if (!m) series.set(key, (m = new Map(ctx.store.readSeries(indicator, members).map((p) => [p.period, p.value]))));
    return m;
  };
  const breakdown = (indicator: string, dimension: string, at: string): Breakdown[] =>
    (dims.find((d) => d.code === dimension)?.members ?? []).map((m) => ({ code: m.code, label: m.name, value: read(indicator, { [dimension]: m.code }).get(at) ?? null }));

  const empty: KeyGroupsDashboard = {
    period: null,
    graduates: { cycle: null, months: [], latest: null, remainingPct: null },
    rural: { period: null, total: null, vsLastYearPct: null, byDistrict: [], byDestination: [], byIndustry: [], byWage: [], trend: [] },
    hardToEmploy: { period: null, total: null, vsLastYearPct: null, byDistrict: [], monthly: [] },
    zeroEmployment: { period: null, total: null, target: 0, districts: [], monthsAtZero: 0, trend: [] },
  };
  if (!period) return empty;
  const p = mustParsePeriod(period);

  // Graduates: the cycle runs July to December of the graduation year.
  const cycle = p.index >= 7 ? p.year : p.year - 1;
  const cycleEnd = p.index >= 7 ? period : `${cycle}-12`;
  const grad = read('GRP.GRAD_UNEMP');
  const months: GraduateMonth[] = periodRange(`${cycle}-07`, cycleEnd).map((m) => ({
    period: m,
    total: grad.get(m) ?? null,
    byDegree: breakdown('GRP.GRAD_UNEMP', 'degree', m),
    lastYear: grad.get(lastYear(m)) ?? null,
  }));
  const latestGrad = [...months].reverse().find((m) => m.total !== null) ?? null;
  const july = months[0]?.total ?? null;

  // Rural transfer: quarterly, year to date.
  const quarter = evaluationPeriod(period, 'Q');
  const rural = read('GRP.RURAL_TRANSFER');
  const ruralTotal = rural.get(quarter) ?? null;
  const ruralTrend = periodRange(shiftPeriod(quarter, -11), quarter).map((q) => ({ period: q, value: rural.get(q) ?? null }));

  // Hard-to-employ placed: monthly, year to date (1-2月 published together).
  const hard = getIndicator(ctx.db, 'EMP.HARD_PLACED');
  const hardPoints = ctx.store.readSeries('EMP.HARD_PLACED').map((x) => ({ period: x.period, value: x.value })).filter((x) => comparePeriods(x.period, period) <= 0);
  const hardAt = [...hardPoints].reverse().find((x) => x.value !== null && x.period.slice(0, 4) === period.slice(0, 4)) ?? null;
  const hardMonthly = hard ? decumulate(hardPoints, hard.frequency, hard.janFebCombined).slice(-24).map((x) => (x.covers > 1 ? { period: x.period, value: x.value, covers: x.covers } : { period: x.period, value: x.value })) : [];

  // Zero-employment households: the target is zero, continuously.
  const zero = read('GRP.ZERO_EMP_HH');
  let monthsAtZero = 0;
  for (let m = period; zero.get(m) === 0; m = shiftPeriod(m, -1)) monthsAtZero++;

  return {
    period,
    graduates: {
      cycle,
      months,
      latest: latestGrad,
      remainingPct: latestGrad?.total != null && july ? Math.round((1000 * latestGrad.total) / july) / 10 : null,
    },
    rural: {
      period: rural.has(quarter) ? quarter : null,
      total: ruralTotal,
      vsLastYearPct: change(ruralTotal, rural.get(lastYear(quarter)), 'percent'),
      byDistrict: breakdown('GRP.RURAL_TRANSFER', 'district', quarter).filter((b) => b.value !== null),
      byDestination: breakdown('GRP.RURAL_TRANSFER', 'destination', quarter),
      byIndustry: breakdown('GRP.RURAL_TRANSFER', 'industry', quarter),
      byWage: breakdown('GRP.RURAL_TRANSFER', 'wage_band', quarter),
      trend: ruralTrend,
    },
    hardToEmploy: {
      period: hardAt?.period ?? null,
      total: hardAt?.value ?? null,
      vsLastYearPct: hardAt ? change(hardAt.value, read('EMP.HARD_PLACED').get(lastYear(hardAt.period)), 'percent') : null,
      byDistrict: hardAt ? breakdown('EMP.HARD_PLACED', 'district', hardAt.period) : [],
      monthly: hardMonthly,
    },
    zeroEmployment: {
      period: zero.has(period) ? period : null,
      total: zero.get(period) ?? null,
      target: 0,
      districts: breakdown('GRP.ZERO_EMP_HH', 'district', period).filter((b) => (b.value ?? 0) > 0),
      monthsAtZero,
      trend: periodRange(shiftPeriod(period, -23), period).map((m) => ({ period: m, value: zero.get(m) ?? null })),
    },
  };
}

export function groupsHandlers(ctx: ServiceContext): HandlersFor<'groups.dashboard'> {
  return {
    'groups.dashboard': ({ period }) => keyGroupsDashboard(ctx, period),
  };
}
