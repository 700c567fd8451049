/**
 * Cross-correlation of two series' changes, to find which economic series lead employment
 * (DOMAIN.md section 3). The estimator is R's `ccf()` (`acf` on the two series over their common
 * span): each series is centred on its own mean, and
 *
 *   r(k) = sum_t x[t-k] y[t] / (m_k + |k|)  /  sqrt(c_xx c_yy)
 *
 * where m_k counts the pairs with both values present and c_xx, c_yy are the lag-0 variances
 * (sum of squares over the values present, divided by their count). Missing changes (a month not
 * published) are skipped pair by pair, as R does with `na.action = na.pass`.
 *
 * Here `lead` k > 0 means x leads y by k periods: r is the correlation of x k periods earlier with
 * y now (R's ccf(x, y) at lag -k). The approximate significance band is +-2 / sqrt(n), n the number
 * of periods where both changes are present.
 */
import { AppError } from '../api/errors';
import type { SeriesPoint } from '../domain/types';
import { mustParsePeriod, periodFromOrdinal, periodOrdinal } from '../period';
import { median, medianAbsoluteDeviation, MAD_SCALE } from './anomaly';
import { change, type ChangeUnit } from './changes';

export interface CrossCorrelation {
  /** Leads from -maxLag to +maxLag: positive = x leads y. */
  leads: number[];
  /** Correlation at each lead; null where no pair of values exists at that lead. */
  r: Array<number | null>;
  /** Number of pairs behind each r. */
  pairs: number[];
  /** Periods where both x and y are present (the n of the band). */
  n: number;
  /** Half-width of the approximate 95% band: 2 / sqrt(n). */
  band: number;
  /** The lead with the largest |r| (ties: the smaller |lead|, then the positive one). */
  best: { lead: number; r: number; significant: boolean } | null;
}

const mean = (xs: ReadonlyArray<number | null>) => {
  let s = 0;
  let c = 0;
  for (const x of xs) {
    if (x != null && Number.isFinite(x)) {
      s += x;
      c++;
    }
  }
  return c ? s / c : null;
};

/**
 * Cross-correlation of two aligned sequences (same periods, nulls for gaps) over leads
 * -maxLag..maxLag. Throws AppError `analytics.xcorr_too_short` when fewer than maxLag + 3 periods
 * have both values.
 * @example crossCorrelation([1, 3, 2, 5, 4, 6], [0, 1, 3, 2, 5, 4], 2).best // { lead: 1, r: ..., significant: ... }
 */
export function crossCorrelation(x: ReadonlyArray<number | null>, y: ReadonlyArray<number | null>, maxLag = 12): CrossCorrelation {
  if (x.length !== y.length) throw new RangeError('crossCorrelation needs aligned sequences of equal length');
  if (!Number.isInteger(maxLag) || maxLag < 0) throw new AppError('analytics.xcorr_bad_lag', `The maximum lag must be a non-negative integer, got ${maxLag}`, { maxLag: String(maxLag) });
  const ok = (v: number | null | undefined): v is number => v != null && Number.isFinite(v);
  const n = x.reduce<number>((acc, v, i) => acc + (ok(v) && ok(y[i]) ? 1 : 0), 0);
  if (n < maxLag + 3) {
    throw new AppError('analytics.xcorr_too_short', `Cross-correlation up to ${maxLag} lags needs at least ${maxLag + 3} periods where both series have a change; there are ${n}`, {
      n,
      min: maxLag + 3,
    });
  }
  const mx = mean(x)!;
  const my = mean(y)!;
  const cx = x.map((v) => (ok(v) ? v - mx : null));
  const cy = y.map((v) => (ok(v) ? v - my : null));
  const variance = (c: ReadonlyArray<number | null>) => {
    let s = 0;
    let k = 0;
    for (const v of c) {
      if (v !== null) {
        s += v * v;
        k++;
      }
    }
    return s / k;
  };
  const sd = Math.sqrt(variance(cx) * variance(cy));
  const len = x.length;
  const leads: number[] = [];
  const r: Array<number | null> = [];
  const pairs: number[] = [];
  for (let lead = -maxLag; lead <= maxLag; lead++) {
    // lead >= 0 pairs x[i] with y[i + lead] (x earlier); lead < 0 pairs x[i + |lead|] with y[i].
    const lag = Math.abs(lead);
    let sum = 0;
    let m = 0;
    for (let i = 0; i + lag < len; i++) {
      const a = lead >= 0 ? cx[i] : cx[i + lag];
      const b = lead >= 0 ? cy[i + lag] : cy[i];
      if (a != null && b != null) {
        sum += a * b;
        m++;
      }
    }
    leads.push(lead);
    pairs.push(m);
    if (m === 0 || !(sd > 0)) r.push(null);
    else r.push(Math.max(-1, Math.min(1, sum / (m + lag) / sd)));
  }
  const band = 2 / Math.sqrt(n);
  let best: CrossCorrelation['best'] = null;
  r.forEach((v, i) => {
    if (v === null) return;
    const lead = leads[i]!;
    const better =
      best === null ||
      Math.abs(v) > Math.abs(best.r) + 1e-12 ||
      (Math.abs(Math.abs(v) - Math.abs(best.r)) <= 1e-12 && (Math.abs(lead) < Math.abs(best.lead) || (Math.abs(lead) === Math.abs(best.lead) && lead > best.lead)));
    if (better) best = { lead, r: v, significant: Math.abs(v) > band };
  });
  return { leads, r, pairs, n, band, best };
}

/**
 * Clips values to median +- k x 1.4826 MAD (a robust z-score of k), so that a few extreme changes
 * (a one-off shock hitting every series in the same month) do not decide the correlation on
 * their own. Nulls stay null; with a zero MAD the values are returned unchanged.
 * @example winsorize([1, 2, 3, 4, 100], 3) // [1, 2, 3, 4, 7.4478]  (3 + 3 x 1.4826 x 1)
 */
export function winsorize(values: ReadonlyArray<number | null>, k: number): Array<number | null> {
  const present = values.filter((v): v is number => v != null && Number.isFinite(v));
  const m = median(present);
  const mad = medianAbsoluteDeviation(present);
  if (m === null || mad === null || mad === 0) return [...values];
  const lo = m - k * MAD_SCALE * mad;
  const hi = m + k * MAD_SCALE * mad;
  return values.map((v) => (v == null || !Number.isFinite(v) ? null : Math.min(hi, Math.max(lo, v))));
}

/** How each series is turned into changes before correlating. */
export type XcorrChange = ChangeUnit | 'none';

/**
 * Aligns two series of one frequency on their common span, takes each one's period-on-period
 * change (percent for counts, points for rates, or 'none' to use the values as they are) and
 * cross-correlates them. `x` is the candidate leading series (e.g. an economic indicator), `y` the
 * employment series.
 * @example crossCorrelateSeries(pmi, headcount, { xChange: 'diff', yChange: 'percent' }).best // { lead: 2, ... }
 */
export function crossCorrelateSeries(
  x: readonly SeriesPoint[],
  y: readonly SeriesPoint[],
  options: { xChange: XcorrChange; yChange: XcorrChange; maxLag?: number; /** Winsorize the changes at this robust z-score (see {@link winsorize}). */ clip?: number },
): CrossCorrelation & { from: string; to: string } {
  if (!x.length || !y.length) throw new AppError('analytics.xcorr_too_short', 'Both series need data', { n: 0, min: (options.maxLag ?? 12) + 3 });
  const fx = mustParsePeriod(x[0]!.period).frequency;
  const fy = mustParsePeriod(y[0]!.period).frequency;
  if (fx !== fy || [...x, ...y].some((p) => mustParsePeriod(p.period).frequency !== fx)) {
    throw new AppError('analytics.xcorr_frequency', 'Both series must have the same frequency', { x: fx, y: fy });
  }
  const ords = (s: readonly SeriesPoint[]) => s.map((p) => periodOrdinal(p.period));
  const ox = ords(x);
  const oy = ords(y);
  const lo = Math.max(Math.min(...ox), Math.min(...oy));
  const hi = Math.min(Math.max(...ox), Math.max(...oy));
  if (hi < lo) throw new AppError('analytics.xcorr_too_short', 'The two series do not overlap in time', { n: 0, min: (options.maxLag ?? 12) + 3 });
  const changesOf = (s: readonly SeriesPoint[], o: number[], unit: XcorrChange) => {
    const byOrd = new Map<number, number | null>();
    s.forEach((p, i) => byOrd.set(o[i]!, p.value));
    const out: Array<number | null> = [];
    for (let t = lo; t <= hi; t++) {
      const cur = byOrd.get(t) ?? null;
      out.push(unit === 'none' ? (cur != null && Number.isFinite(cur) ? cur : null) : change(cur, byOrd.get(t - 1), unit));
    }
    return out;
  };
  const clip = (v: Array<number | null>) => (options.clip ? winsorize(v, options.clip) : v);
  const result = crossCorrelation(clip(changesOf(x, ox, options.xChange)), clip(changesOf(y, oy, options.yChange)), options.maxLag ?? 12);
  return { ...result, from: periodFromOrdinal(lo, fx), to: periodFromOrdinal(hi, fx) };
}
