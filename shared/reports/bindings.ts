/**
 * Resolution of a binding against one series as known in a snapshot state. Pure: the caller reads
 * the series (as of the report's pinned snapshot) and passes its points.
 */
import { change, changeUnitOf, clean, decumulate, type ChangeUnit } from '../calc/changes';
import type { Indicator, Locale } from '../domain/types';
import { formatNumber, MISSING } from '../format';
import { lastYear, mustParsePeriod, periodOrdinal, shiftPeriod } from '../period';
import type { Binding } from './model';
import { bindingKey } from './model';
import { changeDecimals, changePhrase, progressPhrase, signedChange, streakOf, trendPhrase } from './phrases';

export interface BindingPoint {
  period: string;
  value: number | null;
  snapshotId?: number;
}

export interface ResolvedBinding {
  key: string;
  binding: Binding;
  /** The number the text shows (a change for prev/yoy, the gap for progress, the run length for trend). */
  value: number | null;
  text: string;
  /** The value at the binding's period and the base it is compared with, for the hover. */
  current: number | null;
  base: number | null;
  basePeriod: string | null;
  unit: ChangeUnit | 'value';
  /** Snapshot that brought the value at the binding's period. */
  snapshotId: number | null;
}

/**
 * A value with its unit as written in a report.
 * @example valueWithUnit(12.345, { unit: { zh: '万人', en: '10k persons' }, decimals: 2 } as Indicator, 'zh-CN') // '12.35万人'
 */
export function valueWithUnit(value: number | null | undefined, indicator: Pick<Indicator, 'unit' | 'decimals'>, locale: Locale): string {
  const n = formatNumber(value, indicator.decimals, locale);
  if (n === MISSING) return MISSING;
  const unit = locale === 'zh-CN' ? indicator.unit.zh : indicator.unit.en;
  if (!unit) return n;
  return locale === 'zh-CN' || unit === '%' ? `${n}${unit}` : `${n} ${unit}`;
}

/**
 * Time progress of a year-to-date figure at `period`, in percent of the year, to one decimal as
 * the bureau publishes it. @example timeProgress('2024-06') // 50
 */
export function timeProgress(period: string): number {
  const p = mustParsePeriod(period);
  const months = p.frequency === 'M' ? p.index : p.frequency === 'Q' ? p.index * 3 : 12;
  return Math.round((months / 12) * 1000) / 10;
}

/** Values per period as read for changes: YTD indicators de-cumulated for period-on-period and runs. */
function ownValues(indicator: Indicator, points: readonly BindingPoint[]): Map<string, number | null> {
  if (!indicator.ytd) return new Map(points.map((p) => [p.period, p.value]));
  return new Map(decumulate(points, indicator.frequency, indicator.janFebCombined).map((p) => [p.period, p.covers > 1 ? null : p.value]));
}

/**
 * Resolves a binding. Missing data gives a dash, never NaN.
 * @example resolveBinding({ indicator: 'UNE.SURVEY_RATE', members: {}, period: '2024-06', measure: 'prev', format: 'phrase' }, rate, [{ period: '2024-05', value: 5.3 }, { period: '2024-06', value: 5.2 }], 'zh-CN').text
 * // '下降0.1个百分点'
 */
export function resolveBinding(b: Binding, indicator: Indicator, points: readonly BindingPoint[], locale: Locale): ResolvedBinding {
  const byPeriod = new Map(points.map((p) => [p.period, p]));
  const at = byPeriod.get(b.period);
  const current = at?.value ?? null;
  const unit = changeUnitOf(indicator.kind);
  const dec = changeDecimals(unit, indicator.decimals);
  const base: ResolvedBinding = { key: bindingKey(b), binding: b, value: null, text: MISSING, current, base: null, basePeriod: null, unit, snapshotId: at?.snapshotId ?? null };

  switch (b.measure) {
    case 'value':
      return { ...base, unit: 'value', value: current, text: valueWithUnit(current, indicator, locale) };
    case 'periodValue': {
      const own = ownValues(indicator, points).get(b.period) ?? null;
      return { ...base, unit: 'value', value: own, current: own, text: valueWithUnit(own, indicator, locale) };
    }
    case 'prev': {
      const own = ownValues(indicator, points);
      const prevPeriod = shiftPeriod(b.period, -1);
      const cur = own.get(b.period) ?? null;
      const prev = own.get(prevPeriod) ?? null;
      const delta = change(cur, prev, unit);
      const text = b.format === 'phrase' ? changePhrase(delta, unit, locale, dec) : signedChange(delta, unit, locale, dec);
      return { ...base, value: delta, current: cur, base: prev, basePeriod: prevPeriod, text };
    }
    case 'yoy': {
      const yearAgo = lastYear(b.period);
      const prev = byPeriod.get(yearAgo)?.value ?? null;
      const delta = change(current, prev, unit);
      const text = b.format === 'phrase' ? changePhrase(delta, unit, locale, dec) : signedChange(delta, unit, locale, dec);
      return { ...base, value: delta, base: prev, basePeriod: yearAgo, text };
    }
    case 'progress': {
      const progress = timeProgress(b.period);
      const gap = current == null ? null : clean(current - progress);
      const text = b.format === 'phrase' ? progressPhrase(gap, locale) : signedChange(gap, 'points', locale, 1);
      return { ...base, unit: 'points', value: gap, base: progress, text };
    }
    case 'trend': {
      const own = ownValues(indicator, points);
      // The run is read over the two years up to the period.
      const end = periodOrdinal(b.period);
      const window: Array<number | null> = [];
      for (let n = 24; n >= 0; n--) {
        const p = shiftPeriod(b.period, -n);
        if (periodOrdinal(p) <= end) window.push(own.get(p) ?? null);
      }
      const streak = streakOf(window, indicator.decimals);
      const text = trendPhrase(streak, locale, indicator.frequency, unit === 'percent' ? 'count' : 'rate');
      return { ...base, unit: 'value', value: streak.length || null, text };
    }
  }
}
