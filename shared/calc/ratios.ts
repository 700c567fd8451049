/**
 * Shares of a total and rates over a group, done the way a statistics office does them: a rate for
 * several districts is the sum of numerators over the sum of denominators, never the plain average
 * of the districts' rates (a small county would weigh as much as 铁西区). A missing or zero base
 * gives null, never NaN or Infinity.
 */
import { clean } from './changes';

/**
 * A part as a percentage of a total; null where the total is missing or zero.
 * @example share(68151 * 0.759, 68151) // 75.9
 */
export function share(part: number | null | undefined, total: number | null | undefined): number | null {
  if (part == null || total == null || !Number.isFinite(part) || !Number.isFinite(total) || total === 0) return null;
  return clean((100 * part) / total);
}

/**
 * Each part's share of the total, in percent. Without an explicit total, the parts' sum is the
 * total, and then every part must be known (one missing part makes every share unknown).
 * @example shares({ I1: 15, I2: 226, I3: 759 }) // { I1: 1.5, I2: 22.6, I3: 75.9 }
 */
export function shares<K extends string>(parts: Readonly<Record<K, number | null | undefined>>, total?: number | null): Record<K, number | null> {
  const keys = Object.keys(parts) as K[];
  let base: number | null | undefined = total;
  if (total === undefined) {
    base = 0;
    for (const k of keys) {
      const v = parts[k];
      if (v == null || !Number.isFinite(v)) {
        base = null;
        break;
      }
      base += v;
    }
  }
  const out = {} as Record<K, number | null>;
  for (const k of keys) out[k] = share(parts[k], base);
  return out;
}

export interface RateParts {
  numerator: number | null | undefined;
  denominator: number | null | undefined;
}

export interface AggregateRateOptions {
  /** 100 for a percentage (default), 1 for a plain ratio such as 求人倍率. */
  scale?: number;
  /**
   * `require` (default): any unit with a missing part makes the aggregate unknown.
   * `skip`: units with a missing part are left out of both sums (say so where it is shown).
   */
  missing?: 'require' | 'skip';
}

/**
 * The rate of a group from its units' numerators and denominators: scale x sum(num) / sum(den).
 * @example aggregateRate([{ numerator: 30, denominator: 1000 }, { numerator: 1, denominator: 100 }]) // 2.818181818...
 * // (not the average of 3% and 1%, which would be 2%)
 */
export function aggregateRate(units: readonly RateParts[], options: AggregateRateOptions = {}): number | null {
  const scale = options.scale ?? 100;
  let num = 0;
  let den = 0;
  let used = 0;
  for (const u of units) {
    const ok = u.numerator != null && u.denominator != null && Number.isFinite(u.numerator) && Number.isFinite(u.denominator);
    if (!ok) {
      if ((options.missing ?? 'require') === 'require') return null;
      continue;
    }
    num += u.numerator!;
    den += u.denominator!;
    used++;
  }
  if (used === 0 || den === 0) return null;
  return clean((scale * num) / den);
}

/**
 * A group rate when only each unit's rate and its base (the rate's denominator) are known:
 * the base-weighted mean, which equals the rate recomputed from numerators and denominators.
 * @example weightedRate([{ rate: 3, base: 1000 }, { rate: 1, base: 100 }]) // 2.818181818...
 */
export function weightedRate(units: ReadonlyArray<{ rate: number | null | undefined; base: number | null | undefined }>, options: Omit<AggregateRateOptions, 'scale'> = {}): number | null {
  return aggregateRate(
    units.map((u) => ({ numerator: u.rate == null || u.base == null ? null : u.rate * u.base, denominator: u.base })),
    { ...options, scale: 1 },
  );
}

/**
 * The registered urban unemployment rate: registered unemployed / (urban employed + registered
 * unemployed), in percent (DOMAIN.md section 2).
 * @example registeredUnemploymentRate(111000, 3520000) // 3.057...
 */
export function registeredUnemploymentRate(unemployed: number | null | undefined, employed: number | null | undefined): number | null {
  if (unemployed == null || employed == null) return null;
  return aggregateRate([{ numerator: unemployed, denominator: employed + unemployed }]);
}
