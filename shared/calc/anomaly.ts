/**
 * Robust anomaly score of a change: how far this period's change lies from the median of the
 * previous changes, in units of their scaled median absolute deviation (MAD):
 *
 *   score = (c_t - median(C)) / (1.4826 * MAD(C))
 *
 * where C are the changes of the preceding `window` periods. 1.4826 makes the MAD estimate the
 * standard deviation of normal data, so |score| > 3.5 is "unusual" in the usual sense
 * (Iglewicz and Hoaglin), while a single outlier in the history barely moves the scale.
 *
 * When more than half of the reference changes are equal the MAD is zero; the scale then falls
 * back to 1.2533 x the mean absolute deviation from the median (1.2533 = sqrt(pi/2), the same
 * normal-consistency for the mean deviation). When that is zero too (a flat history), there is no
 * scale: the score is 0 for a change equal to the median and null otherwise. Never NaN or Infinity.
 */
import type { SeriesPoint } from '../domain/types';
import { periodOnPeriod, yearOnYear, type ChangeUnit } from './changes';

/** Makes the MAD consistent with the standard deviation of normal data: 1 / qnorm(0.75). */
export const MAD_SCALE = 1.4826;
/** sqrt(pi / 2): the same for the mean absolute deviation. */
export const MEAN_AD_SCALE = 1.2533;

function finite(values: readonly number[]): number[] {
  return values.filter((v) => Number.isFinite(v));
}

/**
 * The median of the finite values; null when there are none.
 * @example median([3, 1, 2, 10]) // 2.5
 */
export function median(values: readonly number[]): number | null {
  const s = finite(values).sort((a, b) => a - b);
  if (!s.length) return null;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The (unscaled) median absolute deviation from the median; null when there are no values.
 * @example medianAbsoluteDeviation([1, 2, 3, 4, 100]) // 1
 */
export function medianAbsoluteDeviation(values: readonly number[]): number | null {
  const m = median(values);
  if (m === null) return null;
  return median(finite(values).map((v) => Math.abs(v - m)));
}

/**
 * The robust score of `value` against a reference sample; null when the sample has fewer than
 * `minSample` finite values, when `value` is not finite, or when the sample is flat and `value`
 * differs from it.
 * @example robustScore(10, [1, 2, 3, 4, 5]) // (10 - 3) / (1.4826 * 1) = 4.7214...
 */
export function robustScore(value: number | null | undefined, reference: readonly number[], minSample = 8): number | null {
  if (value == null || !Number.isFinite(value)) return null;
  const sample = finite(reference);
  if (sample.length < Math.max(1, minSample)) return null;
  const m = median(sample)!;
  const mad = medianAbsoluteDeviation(sample)!;
  let scale = MAD_SCALE * mad;
  if (scale === 0) scale = (MEAN_AD_SCALE * sample.reduce((a, v) => a + Math.abs(v - m), 0)) / sample.length;
  if (scale === 0) return value === m ? 0 : null;
  return (value - m) / scale;
}

export interface AnomalyOptions {
  /** How changes are expressed: percent for counts, points for rates (see changeUnitOf). */
  unit: ChangeUnit;
  /** Month-on-month (default) or year-on-year changes; year-on-year sidesteps seasonality. */
  basis?: 'pop' | 'yoy';
  /** Number of preceding changes used as the reference (default 36). */
  window?: number;
  /** Fewer usable reference changes than this gives a null score (default 12). */
  minSample?: number;
}

export interface AnomalyPoint {
  period: string;
  /** The change of this period (percent or points); null where it cannot be computed. */
  change: number | null;
  /** Robust score of that change against the preceding ones; null where undefined. */
  score: number | null;
}

/**
 * Scores every period's change against the changes of the preceding `window` periods (the period
 * itself is never in its own reference). Points must be one series of one frequency.
 * @example anomalyScores(points, { unit: 'points', window: 24 }).at(-1)?.score // e.g. 4.2 for a jump
 */
export function anomalyScores(points: readonly SeriesPoint[], options: AnomalyOptions): AnomalyPoint[] {
  const window = options.window ?? 36;
  const minSample = options.minSample ?? 12;
  const sorted = [...points].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  const changes = options.basis === 'yoy' ? yearOnYear(sorted, options.unit) : periodOnPeriod(sorted, options.unit);
  return changes.map((c, i) => {
    const reference: number[] = [];
    for (let j = Math.max(0, i - window); j < i; j++) {
      const v = changes[j]!.value;
      if (v != null) reference.push(v);
    }
    return { period: c.period, change: c.value, score: robustScore(c.value, reference, minSample) };
  });
}
