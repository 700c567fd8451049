/**
 * Changes between periods done the way the bureau reports them: counts and amounts in percent,
 * rates and growth rates in percentage points, ratios and indices as a plain difference.
 * Gaps stay gaps: a missing or zero base gives `null`, never NaN or Infinity.
 */
import type { Frequency, SeriesPoint, ValueKind } from '../domain/types';
import { mustParsePeriod, lastYear, periodOrdinal, shiftPeriod } from '../period';

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
  /**
   * Set on the January and February points made by splitting a published 1-2月 total in two equal
   * halves (option `split`): the two add up to the published figure, the split itself is a convention.
   */
  split?: true;
}

export interface DecumulateOptions {
  /**
   * What to do with a 1-2月 point (February published without January, for an indicator published
   * that way): `combined` keeps one point at February covering two months (default); `split`
   * returns a January and a February point of half the total each, marked `split`.
   */
  janFeb?: 'combined' | 'split';
}

/**
 * Turns a year-to-date series into per-period values: value(t) = YTD(t) - YTD(t-1) within a year;
 * the first period of a year is its own YTD. A February point without January, for an indicator
 * published as 1-2月, is kept as one combined point covering two months, or split in two equal
 * halves when asked (`{ janFeb: 'split' }`). Any other gap gives null: a value is never invented.
 * @example decumulate([{ period: '2024-02', value: 2 }, { period: '2024-03', value: 3.5 }], 'M', true)
 * // [{ period: '2024-02', value: 2, covers: 2 }, { period: '2024-03', value: 1.5, covers: 1 }]
 * @example decumulate([{ period: '2024-02', value: 2 }], 'M', true, { janFeb: 'split' })
 * // [{ period: '2024-01', value: 1, covers: 1, split: true }, { period: '2024-02', value: 1, covers: 1, split: true }]
 */
export function decumulate(points: readonly SeriesPoint[], frequency: Frequency, janFebCombined: boolean, options: DecumulateOptions = {}): DecumulatedPoint[] {
  const byPeriod = indexByPeriod(points);
  const out: DecumulatedPoint[] = [];
  for (const p of points) {
    const parsed = mustParsePeriod(p.period);
    if (p.value == null) {
      out.push({ period: p.period, value: null, covers: 1 });
      continue;
    }
    if (parsed.index === 1 || frequency === 'A') {
      out.push({ period: p.period, value: p.value, covers: 1 });
      continue;
    }
    const prev = byPeriod.get(shiftPeriod(p.period, -1));
    if (prev != null) {
      out.push({ period: p.period, value: clean(p.value - prev), covers: 1 });
      continue;
    }
    const january = shiftPeriod(p.period, -1);
    if (frequency === 'M' && parsed.index === 2 && janFebCombined && !byPeriod.has(january)) {
      if (options.janFeb === 'split') {
        const half = clean(p.value / 2);
        out.push({ period: january, value: half, covers: 1, split: true }, { period: p.period, value: half, covers: 1, split: true });
      } else {
        out.push({ period: p.period, value: p.value, covers: 2 });
      }
      continue;
    }
    out.push({ period: p.period, value: null, covers: 1 });
  }
  return out;
}

/**
 * The inverse of {@link decumulate}: per-period flows cumulated within each year into 1-N月 totals.
 * A year's running total stops (null) from its first missing period on: a total is never built on
 * an unknown month; a point covering two periods (a combined 1-2月 flow) counts for both. Points
 * must be one series, sorted or not; the result is sorted.
 * @example cumulate([{ period: '2024-01', value: 1 }, { period: '2024-02', value: 2 }, { period: '2024-03', value: 3 }])
 * // [{ period: '2024-01', value: 1 }, { period: '2024-02', value: 3 }, { period: '2024-03', value: 6 }]
 */
export function cumulate(points: ReadonlyArray<SeriesPoint & { covers?: number }>): SeriesPoint[] {
  const sorted = [...points].sort((a, b) => periodOrdinal(a.period) - periodOrdinal(b.period));
  const out: SeriesPoint[] = [];
  let year = Number.NaN;
  let total: number | null = 0;
  let expected = 0;
  for (const p of sorted) {
    const parsed = mustParsePeriod(p.period);
    if (parsed.year !== year) {
      year = parsed.year;
      total = 0;
      expected = 1;
    }
    // A skipped period inside the year (or a year starting after its first period) breaks the total;
    // a combined 1-2月 flow (covers 2) legitimately starts at February.
    if (parsed.index - (p.covers ?? 1) + 1 !== expected) total = null;
    expected = parsed.index + 1;
    total = total === null || p.value == null || !Number.isFinite(p.value) ? null : clean(total + p.value);
    out.push({ period: p.period, value: total });
  }
  return out;
}

/**
 * Year-to-date year-on-year: 1-N月 this year against 1-N月 last year. A series published as YTD is
 * compared as it stands; per-period flows (`input: 'flows'`) are cumulated first, so a year with a
 * missing month has no YTD and no change. Percent for counts, points for rates (pass the unit).
 * @example ytdYearOnYear([{ period: '2023-03', value: 3 }, { period: '2024-03', value: 3.3 }], 'percent') // [..., { period: '2024-03', value: 10 }]
 * @example ytdYearOnYear(monthlyFlows, 'percent', 'flows') // cumulates, then compares
 */
export function ytdYearOnYear(points: readonly SeriesPoint[], unit: ChangeUnit, input: 'ytd' | 'flows' = 'ytd'): SeriesPoint[] {
  return yearOnYear(input === 'flows' ? cumulate(points) : points, unit);
}
