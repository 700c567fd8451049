/**
 * Changes between periods done the way the bureau reports them: counts and amounts in percent,
 * rates and growth rates in percentage points, ratios and indices as a plain difference.
 * Gaps stay gaps: a missing or zero base gives `null`, never NaN or Infinity.
 */
import type { Frequency, SeriesPoint, ValueKind } from '../domain/types';
import { mustParsePeriod, lastYear, shiftPeriod } from '../period';

export type ChangeUnit = 'percent' | 'points' | 'diff';

/**
 * How a change in a value of this kind is expressed.
 * @example changeUnitOf('rate') // 'points'
 */
export function changeUnitOf(kind: ValueKind): ChangeUnit {
  switch (kind) {
    case 'count':
    case 'amount':
      return 'percent';
    case 'rate':
    case 'growth':
      return 'points';
    case 'ratio':
    case 'index':
      return 'diff';
  }
}

/** Removes binary floating-point noise such as 5.2 - 5.3 = -0.0999999. */
export function clean(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/**
 * The change from `base` to `current` in the given unit, or null where it is undefined.
 * @example change(110, 100, 'percent') // 10
 * @example change(5.2, 5.3, 'points') // -0.1
 */
export function change(current: number | null | undefined, base: number | null | undefined, unit: ChangeUnit): number | null {
  if (current == null || base == null || !Number.isFinite(current) || !Number.isFinite(base)) return null;
  if (unit === 'percent') {
    if (base === 0) return null;
    return clean((current / base - 1) * 100);
  }
  return clean(current - base);
}

function indexByPeriod(points: readonly SeriesPoint[]): Map<string, number | null> {
  return new Map(points.map((p) => [p.period, p.value]));
}

/**
 * Year-on-year change of every point against the same period a year earlier.
 * For a YTD series this compares 1-N月 with 1-N月 of the previous year.
 * @example yearOnYear([{ period: '2023-06', value: 100 }, { period: '2024-06', value: 105 }], 'percent')
 * // [{ period: '2023-06', value: null }, { period: '2024-06', value: 5 }]
 */
export function yearOnYear(points: readonly SeriesPoint[], unit: ChangeUnit): SeriesPoint[] {
  const byPeriod = indexByPeriod(points);
  return points.map((p) => ({ period: p.period, value: change(p.value, byPeriod.get(lastYear(p.period)), unit) }));
}

/**
 * Change of every point against the previous period of the same frequency.
 * @example periodOnPeriod([{ period: '2024-05', value: 5.3 }, { period: '2024-06', value: 5.2 }], 'points')
 * // [{ period: '2024-05', value: null }, { period: '2024-06', value: -0.1 }]
 */
export function periodOnPeriod(points: readonly SeriesPoint[], unit: ChangeUnit): SeriesPoint[] {
  const byPeriod = indexByPeriod(points);
  return points.map((p) => ({ period: p.period, value: change(p.value, byPeriod.get(shiftPeriod(p.period, -1)), unit) }));
}

export interface DecumulatedPoint extends SeriesPoint {
  /** Number of months (or quarters) the value covers: 2 for a combined 1-2月 point. */
  covers: number;
}

/**
 * Turns a year-to-date series into per-period values: value(t) = YTD(t) - YTD(t-1) within a year;
 * the first period of a year is its own YTD. A February point without January, for an indicator
 * published as 1-2月, is kept as one combined point covering two months. Any other gap gives null:
 * a value is never invented.
 * @example decumulate([{ period: '2024-02', value: 2 }, { period: '2024-03', value: 3.5 }], 'M', true)
 * // [{ period: '2024-02', value: 2, covers: 2 }, { period: '2024-03', value: 1.5, covers: 1 }]
 */
export function decumulate(points: readonly SeriesPoint[], frequency: Frequency, janFebCombined: boolean): DecumulatedPoint[] {
  const byPeriod = indexByPeriod(points);
  return points.map((p) => {
    const parsed = mustParsePeriod(p.period);
    if (p.value == null) return { period: p.period, value: null, covers: 1 };
    if (parsed.index === 1 || frequency === 'A') return { period: p.period, value: p.value, covers: 1 };
    const prev = byPeriod.get(shiftPeriod(p.period, -1));
    if (prev != null) return { period: p.period, value: clean(p.value - prev), covers: 1 };
    if (frequency === 'M' && parsed.index === 2 && janFebCombined && !byPeriod.has(shiftPeriod(p.period, -1))) {
      return { period: p.period, value: p.value, covers: 2 };
    }
    return { period: p.period, value: null, covers: 1 };
  });
}
