/**
 * STL: Seasonal-Trend decomposition by LOESS (R. B. Cleveland, W. S. Cleveland, J. E. McRae and
 * I. Terpenning, "STL: A Seasonal-Trend Decomposition Procedure Based on Loess", Journal of
 * Official Statistics 6(1), 1990, 3-73), ported from the netlib Fortran that R's `stats::stl()`
 * runs, with R's defaults and argument handling, so results agree with R to rounding.
 *
 * The procedure: an inner loop (n_i passes) of
 *   1. detrending, 2. cycle-subseries smoothing (LOESS of each month's subseries, extended one
 *   period at both ends), 3. low-pass filtering of that (moving averages of length np, np, 3, then
 *   LOESS), 4. seasonal = smoothed subseries - low-pass, 5. deseasonalising, 6. trend smoothing
 *   (LOESS);
 * inside an outer loop (n_o passes) that recomputes robustness weights from the remainder with
 * Tukey's bisquare of |R| / (6 median |R|). LOESS uses tricube neighbourhood weights, degree 0 or 1,
 * and evaluates every `jump`-th point with linear interpolation in between.
 *
 * The Fortran writes some constants as single-precision literals (`.999`, `.001`); they are kept as
 * such (Math.fround) so that boundary decisions match R's build exactly.
 */
import { AppError } from '../api/errors';
import type { Frequency, SeriesPoint } from '../domain/types';
import { periodOrdinal, periodsPerYear, mustParsePeriod } from '../period';

const F999 = Math.fround(0.999);
const F001 = Math.fround(0.001);

export interface StlOptions {
  /** Observations per cycle: 12 for monthly, 4 for quarterly data. */
  period: number;
  /** Span (in cycles) of the seasonal LOESS, odd and >= 7 recommended; or 'periodic'. */
  sWindow: number | 'periodic';
  /** Degree of the seasonal LOESS (0 or 1). R's default 0; forced to 0 when periodic. */
  sDegree?: 0 | 1;
  /** Span of the trend LOESS; default R's nextodd(ceiling(1.5 period / (1 - 1.5 / s.window))). */
  tWindow?: number;
  tDegree?: 0 | 1;
  /** Span of the low-pass LOESS; default the smallest odd integer >= period. */
  lWindow?: number;
  lDegree?: 0 | 1;
  sJump?: number;
  tJump?: number;
  lJump?: number;
  /** Robust fitting: outer loop with robustness weights (R: inner 1, outer 15). */
  robust?: boolean;
  /** Passes of the inner loop; R's default 2, or 1 when robust. */
  inner?: number;
  /** Passes of the outer (robustness) loop; R's default 0, or 15 when robust. */
  outer?: number;
}

/** The parameters actually used, as R reports them in `$win`, `$deg`, `$jump`, `$inner`, `$outer`. */
export interface StlParameters {
  period: number;
  periodic: boolean;
  sWindow: number;
  tWindow: number;
  lWindow: number;
  sDegree: 0 | 1;
  tDegree: 0 | 1;
  lDegree: 0 | 1;
  sJump: number;
  tJump: number;
  lJump: number;
  inner: number;
  outer: number;
}

export interface StlResult {
  seasonal: number[];
  trend: number[];
  /** data - seasonal - trend */
  remainder: number[];
  /** data - seasonal: the seasonally adjusted series. */
  adjusted: number[];
  /** Final robustness weights (all 1 without robust fitting). */
  weights: number[];
  parameters: StlParameters;
}

function nextOdd(x: number): number {
  // R: x <- round(x); if (x %% 2 == 0) x <- x + 1. R's round() is half-to-even.
  let r = Math.round(x);
  if (Math.abs(x % 1) === 0.5 && r % 2 !== 0) r -= 1;
  return r % 2 === 0 ? r + 1 : r;
}

function degree(value: number | undefined, fallback: 0 | 1, name: string): 0 | 1 {
  const d = value ?? fallback;
  if (d !== 0 && d !== 1) throw new AppError('analytics.stl_bad_degree', `${name} must be 0 or 1`, { name });
  return d;
}

function positiveInt(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new AppError('analytics.stl_bad_parameter', `${name} must be a positive integer, got ${value}`, { name, value: String(value) });
  return value;
}

/** Resolves R's defaults; throws an AppError on parameters R would refuse. */
export function stlParameters(n: number, options: StlOptions): StlParameters {
  const period = options.period;
  if (!Number.isInteger(period) || period < 2) {
    throw new AppError('analytics.stl_not_periodic', `The period must be an integer of at least 2, got ${period}`, { period: String(period) });
  }
  if (n <= 2 * period) {
    throw new AppError('analytics.stl_too_short', `STL needs more than two full cycles: ${n} values for a period of ${period} (at least ${2 * period + 1})`, {
      n,
      period,
      min: 2 * period + 1,
    });
  }
  const periodic = options.sWindow === 'periodic';
  let sWindow: number;
  let sDegree: 0 | 1;
  if (periodic) {
    sWindow = 10 * n + 1;
    sDegree = 0;
  } else {
    sWindow = positiveInt(options.sWindow as number, 's.window');
    sDegree = degree(options.sDegree, 0, 's.degree');
  }
  const tDegree = degree(options.tDegree, 1, 't.degree');
  const lDegree = degree(options.lDegree, tDegree, 'l.degree');
  const tWindow = options.tWindow === undefined ? nextOdd(Math.ceil((1.5 * period) / (1 - 1.5 / sWindow))) : positiveInt(options.tWindow, 't.window');
  const lWindow = options.lWindow === undefined ? nextOdd(period) : positiveInt(options.lWindow, 'l.window');
  const robust = options.robust ?? false;
  const inner = options.inner ?? (robust ? 1 : 2);
  const outer = options.outer ?? (robust ? 15 : 0);
  if (!Number.isInteger(inner) || inner < 1) throw new AppError('analytics.stl_bad_parameter', `inner must be a positive integer`, { name: 'inner', value: String(inner) });
  if (!Number.isInteger(outer) || outer < 0) throw new AppError('analytics.stl_bad_parameter', `outer must be a non-negative integer`, { name: 'outer', value: String(outer) });
  return {
    period,
    periodic,
    sWindow,
    tWindow,
    lWindow,
    sDegree,
    tDegree,
    lDegree,
    sJump: options.sJump ?? Math.ceil(sWindow / 10),
    tJump: options.tJump ?? Math.ceil(tWindow / 10),
    lJump: options.lJump ?? Math.ceil(lWindow / 10),
    inner,
    outer,
  };
}

// ------------------------------------------------------------------------------------------------
// The Fortran routines. Arrays are addressed 1-based through a base offset: element j of an
// argument `(a, ab)` is a[ab + j], as the Fortran passes sub-arrays such as work2(2).

type F64 = Float64Array;

/**
 * LOESS fit at abscissa xs over y(nleft..nright) (stlest). Returns NaN when every weight is zero
 * (the Fortran's ok = .false.); callers substitute the data value, so NaN never escapes.
 */
function est(y: F64, yb: number, n: number, len: number, ideg: number, xs: number, nleft: number, nright: number, w: F64, wb: number, userw: boolean, rw: F64, rwb: number): number {
  const range = n - 1;
  let h = Math.max(xs - nleft, nright - xs);
  if (len > n) h += Math.trunc((len - n) / 2);
  const h9 = F999 * h;
  const h1 = F001 * h;
  let a = 0;
  for (let j = nleft; j <= nright; j++) {
    const r = Math.abs(j - xs);
    let wj = 0;
    if (r <= h9) {
      if (r <= h1) wj = 1;
      else {
        const q = r / h;
        const t = 1 - q * q * q;
        wj = t * t * t;
      }
      if (userw) wj *= rw[rwb + j]!;
      a += wj;
    }
    w[wb + j] = wj;
  }
  if (a <= 0) return Number.NaN;
  for (let j = nleft; j <= nright; j++) w[wb + j] = w[wb + j]! / a;
  if (h > 0 && ideg > 0) {
    let m = 0;
    for (let j = nleft; j <= nright; j++) m += w[wb + j]! * j;
    let b = xs - m;
    let c = 0;
    for (let j = nleft; j <= nright; j++) c += w[wb + j]! * (j - m) * (j - m);
    if (Math.sqrt(c) > F001 * range) {
      b /= c;
      for (let j = nleft; j <= nright; j++) w[wb + j] = w[wb + j]! * (b * (j - m) + 1);
    }
  }
  let ys = 0;
  for (let j = nleft; j <= nright; j++) ys += w[wb + j]! * y[yb + j]!;
  return ys;
}

/** LOESS smoothing of y(1..n) into ys, evaluated every njump points and interpolated (stless). */
function ess(y: F64, yb: number, n: number, len: number, ideg: number, njump: number, userw: boolean, rw: F64, rwb: number, ys: F64, ysb: number, res: F64, resb: number): void {
  if (n < 2) {
    ys[ysb + 1] = y[yb + 1]!;
    return;
  }
  const fit = (i: number, nleft: number, nright: number) => {
    const v = est(y, yb, n, len, ideg, i, nleft, nright, res, resb, userw, rw, rwb);
    ys[ysb + i] = Number.isNaN(v) ? y[yb + i]! : v;
  };
  const newnj = Math.min(njump, n - 1);
  let nleft = 0;
  let nright = 0;
  if (len >= n) {
    nleft = 1;
    nright = n;
    for (let i = 1; i <= n; i += newnj) fit(i, nleft, nright);
  } else if (newnj === 1) {
    const nsh = Math.trunc((len + 1) / 2);
    nleft = 1;
    nright = len;
    for (let i = 1; i <= n; i++) {
      if (i > nsh && nright !== n) {
        nleft++;
        nright++;
      }
      fit(i, nleft, nright);
    }
  } else {
    const nsh = Math.trunc((len + 1) / 2);
    for (let i = 1; i <= n; i += newnj) {
      if (i < nsh) {
        nleft = 1;
        nright = len;
      } else if (i >= n - nsh + 1) {
        nleft = n - len + 1;
        nright = n;
      } else {
        nleft = i - nsh + 1;
        nright = len + i - nsh;
      }
      fit(i, nleft, nright);
    }
  }
  if (newnj !== 1) {
    for (let i = 1; i <= n - newnj; i += newnj) {
      const delta = (ys[ysb + i + newnj]! - ys[ysb + i]!) / newnj;
      for (let j = i + 1; j <= i + newnj - 1; j++) ys[ysb + j] = ys[ysb + i]! + delta * (j - i);
    }
    const k = Math.trunc((n - 1) / newnj) * newnj + 1;
    if (k !== n) {
      // The window is the one left by the last evaluation above, as in the Fortran.
      fit(n, nleft, nright);
      if (k !== n - 1) {
        const delta = (ys[ysb + n]! - ys[ysb + k]!) / (n - k);
        for (let j = k + 1; j <= n - 1; j++) ys[ysb + j] = ys[ysb + k]! + delta * (j - k);
      }
    }
  }
}

/** Moving average of length len (stlma): ave(1..n-len+1). */
function ma(x: F64, xb: number, n: number, len: number, ave: F64, aveb: number): void {
  const newn = n - len + 1;
  let v = 0;
  for (let i = 1; i <= len; i++) v += x[xb + i]!;
  ave[aveb + 1] = v / len;
  let k = len;
  let m = 0;
  for (let j = 2; j <= newn; j++) {
    k++;
    m++;
    v = v - x[xb + m]! + x[xb + k]!;
    ave[aveb + j] = v / len;
  }
}

/** The low-pass filter's three moving averages (stlfts). */
function fts(x: F64, xb: number, n: number, np: number, trend: F64, trendb: number, work: F64, workb: number): void {
  ma(x, xb, n, np, trend, trendb);
  ma(trend, trendb, n - np + 1, np, work, workb);
  ma(work, workb, n - 2 * np + 2, 3, trend, trendb);
}

/** Cycle-subseries smoothing, each subseries extended by one point at both ends (stlss). */
function ss(y: F64, n: number, np: number, ns: number, isdeg: number, nsjump: number, userw: boolean, rw: F64, season: F64, work1: F64, work2: F64, work3: F64, work4: F64): void {
  for (let j = 1; j <= np; j++) {
    const k = Math.trunc((n - j) / np) + 1;
    for (let i = 1; i <= k; i++) work1[i] = y[(i - 1) * np + j]!;
    if (userw) for (let i = 1; i <= k; i++) work3[i] = rw[(i - 1) * np + j]!;
    ess(work1, 0, k, ns, isdeg, nsjump, userw, work3, 0, work2, 1, work4, 0);
    const nright = Math.min(ns, k);
    const first = est(work1, 0, k, ns, isdeg, 0, 1, nright, work4, 0, userw, work3, 0);
    work2[1] = Number.isNaN(first) ? work2[2]! : first;
    const nleft = Math.max(1, k - ns + 1);
    const last = est(work1, 0, k, ns, isdeg, k + 1, nleft, k, work4, 0, userw, work3, 0);
    work2[k + 2] = Number.isNaN(last) ? work2[k + 1]! : last;
    for (let m = 1; m <= k + 2; m++) season[(m - 1) * np + j] = work2[m]!;
  }
}

/**
 * Partial sort (Singleton's quickfind, as R's stl.f `psort`): rearranges a(1..n) so that the
 * positions listed in ind(1..ni) hold the order statistics of those ranks. The algorithm assumes
 * `ind` ascending; see {@link rwt} for why that matters.
 */
function psort(a: F64, n: number, ind: readonly number[], ni: number): void {
  if (n < 2 || ni === 0) return;
  const il = new Int32Array(17);
  const iu = new Int32Array(17);
  const indl = new Int32Array(17);
  const indu = new Int32Array(17);
  let jl = 1;
  let ju = ni;
  let i = 1;
  let j = n;
  let m = 1;
  indl[1] = 1;
  indu[1] = ni;
  let k: number;
  let l: number;
  let t: number;
  // The Fortran is a web of gotos; each state below is one of its labels.
  let state: 'outer' | 'pop' | 'while' | 'split' | 'insertion' = 'outer';
  for (;;) {
    switch (state) {
      case 'outer':
        state = i < j ? 'split' : 'pop';
        break;
      case 'pop':
        m--;
        if (m === 0) return;
        i = il[m]!;
        j = iu[m]!;
        jl = indl[m]!;
        ju = indu[m]!;
        if (jl <= ju) state = 'while';
        break;
      case 'while':
        state = j - i > 10 ? 'split' : 'insertion';
        break;
      case 'split': {
        k = i;
        const ij = Math.trunc((i + j) / 2);
        t = a[ij]!;
        if (a[i]! > t) {
          a[ij] = a[i]!;
          a[i] = t;
          t = a[ij]!;
        }
        l = j;
        if (a[j]! < t) {
          a[ij] = a[j]!;
          a[j] = t;
          t = a[ij]!;
          if (a[i]! > t) {
            a[ij] = a[i]!;
            a[i] = t;
            t = a[ij]!;
          }
        }
        for (;;) {
          l--;
          if (a[l]! <= t) {
            const tt = a[l]!;
            do k++;
            while (!(a[k]! >= t));
            if (k > l) break;
            a[l] = a[k]!;
            a[k] = tt;
          }
        }
        indl[m] = jl;
        indu[m] = ju;
        const top = m;
        m++;
        state = 'while';
        if (l - i <= j - k) {
          il[top] = k;
          iu[top] = j;
          j = l;
          while (jl <= ju && ind[ju]! > j) ju--;
          if (jl > ju) state = 'pop';
          else indl[top] = ju + 1;
        } else {
          il[top] = i;
          iu[top] = l;
          i = k;
          while (jl <= ju && ind[jl]! < i) jl++;
          if (jl > ju) state = 'pop';
          else indu[top] = jl - 1;
        }
        break;
      }
      case 'insertion':
        state = 'outer';
        if (i !== 1) {
          i--;
          for (;;) {
            i++;
            if (i === j) {
              state = 'pop';
              break;
            }
            t = a[i + 1]!;
            if (a[i]! > t) {
              k = i;
              do {
                a[k + 1] = a[k]!;
                k--;
              } while (!(t >= a[k]!));
              a[k + 1] = t;
            }
          }
        }
        break;
    }
  }
}

/**
 * Robustness weights: Tukey's bisquare of |y - fit| / (6 M), M the median of |y - fit| (stlrwt).
 * Like R, M is taken from a partial sort asked for ranks (n/2 + 1, n - n/2) in that order; for an
 * even n these are descending, which the partial sort does not expect, so its second value may be
 * a neighbouring order statistic instead of the lower median. Kept as is so results equal R's.
 */
function rwt(y: F64, n: number, fit: F64, rw: F64, scratch: F64): void {
  for (let i = 1; i <= n; i++) scratch[i] = Math.abs(y[i]! - fit[i]!);
  const mid1 = Math.trunc(n / 2) + 1;
  const mid2 = n - mid1 + 1;
  psort(scratch, n, [0, mid1, mid2], 2);
  const cmad = 3 * (scratch[mid1]! + scratch[mid2]!);
  const c9 = F999 * cmad;
  const c1 = F001 * cmad;
  for (let i = 1; i <= n; i++) {
    const r = Math.abs(y[i]! - fit[i]!);
    if (r <= c1) rw[i] = 1;
    else if (r <= c9) {
      const q = r / cmad;
      const t = 1 - q * q;
      rw[i] = t * t;
    } else rw[i] = 0;
  }
}

interface Work {
  w1: F64;
  w2: F64;
  w3: F64;
  w4: F64;
  w5: F64;
}

/** One run of the inner loop (stlstp). */
function stp(y: F64, n: number, np: number, ns: number, nt: number, nl: number, p: StlParameters, userw: boolean, rw: F64, season: F64, trend: F64, w: Work): void {
  for (let pass = 0; pass < p.inner; pass++) {
    for (let i = 1; i <= n; i++) w.w1[i] = y[i]! - trend[i]!;
    ss(w.w1, n, np, ns, p.sDegree, p.sJump, userw, rw, w.w2, w.w3, w.w4, w.w5, season);
    fts(w.w2, 0, n + 2 * np, np, w.w3, 0, w.w1, 0);
    ess(w.w3, 0, n, nl, p.lDegree, p.lJump, false, w.w4, 0, w.w1, 0, w.w5, 0);
    for (let i = 1; i <= n; i++) season[i] = w.w2[np + i]! - w.w1[i]!;
    for (let i = 1; i <= n; i++) w.w1[i] = y[i]! - season[i]!;
    ess(w.w1, 0, n, nt, p.tDegree, p.tJump, userw, rw, 0, trend, 0, w.w3, 0);
  }
}

/**
 * Decomposes a regularly spaced series without gaps into seasonal, trend and remainder, as R's
 * `stl(ts(values, frequency = period), s.window, ...)`. The input is not modified.
 * Throws AppError `analytics.stl_too_short` for n <= 2 periods (R refuses those too),
 * `analytics.stl_missing_values` for a missing or non-finite value.
 * @example stl(monthly, { period: 12, sWindow: 'periodic' }).adjusted
 * @example stl(monthly, { period: 12, sWindow: 7, robust: true }).trend
 */
export function stl(values: readonly number[], options: StlOptions): StlResult {
  const n = values.length;
  const bad = values.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
  if (bad >= 0) throw new AppError('analytics.stl_missing_values', `STL needs a complete series: value ${bad + 1} is missing`, { index: bad + 1 });
  const p = stlParameters(n, options);
  // The Fortran's own adjustments: spans at least 3 and odd, period at least 2.
  const odd = (x: number) => (x % 2 === 0 ? x + 1 : x);
  const ns = odd(Math.max(3, p.sWindow));
  const nt = odd(Math.max(3, p.tWindow));
  const nl = odd(Math.max(3, p.lWindow));
  const np = Math.max(2, p.period);

  const y = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) y[i + 1] = values[i]!;
  const rw = new Float64Array(n + 1);
  const season = new Float64Array(n + 1);
  const trend = new Float64Array(n + 1);
  const len = n + 2 * np + 1;
  const work: Work = { w1: new Float64Array(len), w2: new Float64Array(len), w3: new Float64Array(len), w4: new Float64Array(len), w5: new Float64Array(len) };
  const scratch = new Float64Array(n + 1);

  let userw = false;
  for (let k = 0; ; ) {
    stp(y, n, np, ns, nt, nl, p, userw, rw, season, trend, work);
    k++;
    if (k > p.outer) break;
    for (let i = 1; i <= n; i++) work.w1[i] = trend[i]! + season[i]!;
    rwt(y, n, work.w1, rw, scratch);
    userw = true;
  }
  if (p.outer <= 0) rw.fill(1);

  const seasonal = Array.from(season.subarray(1));
  if (p.periodic) {
    // R makes the seasonal exactly periodic: the mean of each cycle position.
    const sums = new Array<number>(p.period).fill(0);
    const counts = new Array<number>(p.period).fill(0);
    for (let i = 0; i < n; i++) {
      sums[i % p.period]! += seasonal[i]!;
      counts[i % p.period]!++;
    }
    for (let i = 0; i < n; i++) seasonal[i] = sums[i % p.period]! / counts[i % p.period]!;
  }
  const trendOut = Array.from(trend.subarray(1));
  const remainder = values.map((v, i) => v - seasonal[i]! - trendOut[i]!);
  const adjusted = values.map((v, i) => v - seasonal[i]!);
  return { seasonal, trend: trendOut, remainder, adjusted, weights: Array.from(rw.subarray(1)), parameters: p };
}

export interface StlSeriesPoint {
  period: string;
  value: number;
  seasonal: number;
  trend: number;
  remainder: number;
  adjusted: number;
}

/**
 * STL of a series of canonical periods (monthly: period 12, quarterly: period 4), which must be
 * consecutive and complete: a gap is refused (AppError `analytics.stl_gap`) rather than filled.
 * @example stlSeries([{ period: '2015-01', value: 5.3 }, ...], { sWindow: 7 })[0] // { period: '2015-01', seasonal, trend, ... }
 */
export function stlSeries(points: readonly SeriesPoint[], options: Omit<StlOptions, 'period'> & { period?: number }): StlSeriesPoint[] {
  const sorted = [...points].sort((a, b) => periodOrdinal(a.period) - periodOrdinal(b.period));
  if (!sorted.length) throw new AppError('analytics.stl_too_short', 'STL needs more than two full cycles: the series is empty', { n: 0, period: options.period ?? 12, min: 2 * (options.period ?? 12) + 1 });
  const frequency: Frequency = mustParsePeriod(sorted[0]!.period).frequency;
  const values: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i]!;
    if (mustParsePeriod(p.period).frequency !== frequency) throw new AppError('analytics.stl_gap', `Mixed frequencies at ${p.period}`, { period: p.period });
    if (i > 0 && periodOrdinal(p.period) !== periodOrdinal(sorted[i - 1]!.period) + 1) {
      throw new AppError('analytics.stl_gap', `STL needs consecutive periods: ${sorted[i - 1]!.period} is followed by ${p.period}`, { period: p.period });
    }
    if (p.value == null || !Number.isFinite(p.value)) throw new AppError('analytics.stl_gap', `STL needs a complete series: ${p.period} has no value`, { period: p.period });
    values.push(p.value);
  }
  const r = stl(values, { ...options, period: options.period ?? periodsPerYear(frequency) });
  return sorted.map((p, i) => ({ period: p.period, value: values[i]!, seasonal: r.seasonal[i]!, trend: r.trend[i]!, remainder: r.remainder[i]!, adjusted: r.adjusted[i]! }));
}

/**
 * The longest run of consecutive periods with values that ends at the series' last value: what
 * an analyst can seasonally adjust without filling gaps.
 * @example latestCompleteRun([{ period: '2024-01', value: null }, { period: '2024-02', value: 1 }]) // [{ period: '2024-02', value: 1 }]
 */
export function latestCompleteRun(points: readonly SeriesPoint[]): Array<{ period: string; value: number }> {
  const sorted = [...points].sort((a, b) => periodOrdinal(a.period) - periodOrdinal(b.period));
  const out: Array<{ period: string; value: number }> = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i]!;
    if (p.value == null || !Number.isFinite(p.value)) {
      if (out.length) break;
      continue;
    }
    if (out.length && periodOrdinal(out[0]!.period) !== periodOrdinal(p.period) + 1) break;
    out.unshift({ period: p.period, value: p.value });
  }
  return out;
}
