/**
 * Composite index by the Conference Board method (DOMAIN.md section 3; The Conference Board,
 * "Calculating the Composite Indexes"), as used for the employment climate index (就业景气指数):
 *
 * 1. Period-on-period change of each component: the symmetric percent change
 *    x_t = 200 (X_t - X_{t-1}) / (X_t + X_{t-1}) for levels (counts, amounts, ratios), the simple
 *    difference x_t = X_t - X_{t-1} for rates, growth rates and diffusion indices. The sign is
 *    inverted for components where up is bad (unemployment, claims, separations).
 * 2. Standardisation: w_c = 1 / sd(x_c) over the estimation window, normalised to sum to 1
 *    (or fixed weights that sum to 1).
 * 3. Growth of the index: i_t = sum_c w_c x_{c,t}.
 * 4. Cumulation: I_t = I_{t-1} (200 + i_t) / (200 - i_t), starting from 100.
 * 5. Rebasing so that the base year averages 100.
 * Each component's contribution is w_c x_{c,t} (in growth units, summing to i_t) and its share of
 * the index change in points, c_t x 2 I_{t-1} / (200 - i_t) (summing exactly to I_t - I_{t-1}).
 *
 * The rules for data that do not line up (documented for users in the climate-index page):
 * - The index has the finest frequency among its components (monthly if any is monthly).
 * - A component's change is always between two consecutive periods of its own frequency; a
 *   quarterly component's quarter-on-quarter change is placed in the quarter's last month, the
 *   month its figure describes. It is never spread over the quarter: that would invent months.
 *   Its standard deviation is that of its own (quarterly) changes.
 * - A month in which some components have no change (not published that month, or missing) is
 *   computed from the components available, with their weights renormalised to sum to 1, and is
 *   flagged with the absent components and the reason ('frequency' or 'missing').
 * - A month where the available components carry less than `minCoverage` of the total weight
 *   (default one half) is not computed. Since the index is a chain, it then runs over the latest
 *   unbroken stretch of computed months; earlier months keep their growth figures but no level.
 * Gaps stay gaps: nothing here returns NaN or Infinity.
 */
import { AppError } from '../api/errors';
import type { Frequency, SeriesPoint } from '../domain/types';
import { lastMonthOf, mustParsePeriod, periodFromOrdinal, periodOrdinal } from '../period';

export type IndexTransform = 'level' | 'difference';

export interface IndexComponentInput {
  /** Unique key of the component (a column name, or indicator+members key). */
  id: string;
  /** Symmetric percent change for levels, simple difference for rates/growth/diffusion indices. */
  transform: IndexTransform;
  /** True for components where a rise is bad news: their change enters with the opposite sign. */
  invert?: boolean;
  /** Weight for `weighting: 'fixed'`; the weights of all components must sum to 1. */
  weight?: number;
  /** Monthly or quarterly values (canonical periods); one frequency per component. */
  points: readonly SeriesPoint[];
}

export interface CompositeIndexOptions {
  /** Inverse standard deviations normalised to 1 (Conference Board), or the components' fixed weights. */
  weighting: 'standardized' | 'fixed';
  /** The year whose periods average 100. */
  baseYear: number;
  /** Estimation window for the standard deviations (periods of the index frequency, inclusive). */
  window?: { from?: string; to?: string };
  /** Minimum share of total weight that must be available for a period to be computed (default 0.5). */
  minCoverage?: number;
}

export interface AbsentComponent {
  id: string;
  /** 'frequency': a quarterly component between quarter ends; 'missing': no value or no previous value. */
  reason: 'frequency' | 'missing';
}

export interface IndexComponentResult {
  id: string;
  frequency: Frequency;
  transform: IndexTransform;
  invert: boolean;
  /** Normalised weight (standardisation factor), summing to 1 over the components. */
  weight: number;
  /** Standard deviation of the changes in the estimation window (null for fixed weights without enough data). */
  sd: number | null;
  /** Number of changes in the estimation window. */
  windowChanges: number;
  /** Contribution to the growth i_t (renormalised weight x change); sums to i_t over components. */
  contributions: Array<number | null>;
  /** Contribution to the index change in points; sums to the index change over components. */
  pointContributions: Array<number | null>;
}

export interface CompositeIndexResult {
  frequency: Frequency;
  periods: string[];
  /** i_t, the period's growth rate of the index (symmetric percent); null where not computed. */
  growth: Array<number | null>;
  /** I_t rebased so the base year averages 100; null before the index's start. */
  index: Array<number | null>;
  /** I_t - I_{t-1} in index points. */
  change: Array<number | null>;
  /** Share of the total weight carried by the components available in the period. */
  coverage: number[];
  /** Components without a change in the period, and why. */
  absent: AbsentComponent[][];
  components: IndexComponentResult[];
  /** First period with an index level (the level before the first change of the stretch). */
  start: string | null;
  baseYear: number;
  /** Mean of the unrebased index over the base year (the chain starts at 100). */
  baseLevel: number;
}

/**
 * The Conference Board's symmetric percent change; null where undefined (missing or a
 * non-positive sum of the two levels).
 * @example symmetricChange(41.4, 41.8) // -0.9615... (published example: -0.96)
 */
export function symmetricChange(current: number | null | undefined, previous: number | null | undefined): number | null {
  if (current == null || previous == null || !Number.isFinite(current) || !Number.isFinite(previous)) return null;
  const sum = current + previous;
  if (!(sum > 0)) return null;
  return (200 * (current - previous)) / sum;
}

/**
 * The next level of a composite index from its growth i_t; null where the growth is missing or
 * outside (-200, 200), where the formula has no meaning.
 * @example nextIndexLevel(105.2, 0.06) // 105.263... (published example: April 1998 = 105.3)
 */
export function nextIndexLevel(previous: number | null, growth: number | null): number | null {
  if (previous == null || growth == null || !(Math.abs(growth) < 200)) return null;
  return (previous * (200 + growth)) / (200 - growth);
}

function sampleSd(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  return Math.sqrt(ss / (values.length - 1));
}

interface Prepared {
  input: IndexComponentInput;
  frequency: Frequency;
  /** Change by slot (index period position); NaN = absent. */
  change: Float64Array;
}

/**
 * Computes the composite index and each component's contributions. Inputs are not modified.
 * Throws AppError (`analytics.index_*`) for no components, duplicate ids, annual components,
 * fixed weights not summing to 1, a component without variation in the window, or a base year
 * the index does not cover.
 * @example compositeIndex([{ id: 'HIRES', transform: 'level', points: hires }, { id: 'RATE', transform: 'difference', invert: true, points: rate }], { weighting: 'standardized', baseYear: 2024 })
 */
export function compositeIndex(components: readonly IndexComponentInput[], options: CompositeIndexOptions): CompositeIndexResult {
  if (!components.length) throw new AppError('analytics.index_no_components', 'The index has no components');
  const ids = new Set<string>();
  for (const c of components) {
    if (ids.has(c.id)) throw new AppError('analytics.index_duplicate_component', `Component ${c.id} appears twice`, { id: c.id });
    ids.add(c.id);
  }

  // Periods repeat across components: parse each distinct string once.
  const parsed = new Map<string, { frequency: Frequency; ordinal: number; monthOrdinal: number }>();
  const parse = (period: string) => {
    let p = parsed.get(period);
    if (!p) {
      const f = mustParsePeriod(period).frequency;
      p = { frequency: f, ordinal: periodOrdinal(period), monthOrdinal: f === 'Q' ? periodOrdinal(lastMonthOf(period)) : Number.NaN };
      parsed.set(period, p);
    }
    return p;
  };

  // Frequencies, own-period ordinals, and the span of the index.
  const ordinals: Int32Array[] = [];
  const freqs = components.map((c) => {
    const f = c.points.length ? parse(c.points[0]!.period).frequency : 'M';
    const ords = new Int32Array(c.points.length);
    for (let i = 0; i < c.points.length; i++) {
      const p = parse(c.points[i]!.period);
      if (p.frequency !== f) throw new AppError('analytics.index_frequency', `Component ${c.id} mixes frequencies`, { id: c.id });
      ords[i] = p.ordinal;
    }
    if (f === 'A') throw new AppError('analytics.index_frequency', `Component ${c.id} is annual; the index takes monthly and quarterly components`, { id: c.id });
    ordinals.push(ords);
    return f;
  });
  const frequency: Frequency = freqs.includes('M') ? 'M' : 'Q';
  let lo = Infinity;
  let hi = -Infinity;
  components.forEach((c, k) => {
    const sameFrequency = freqs[k] === frequency;
    for (let i = 0; i < c.points.length; i++) {
      const o = sameFrequency ? ordinals[k]![i]! : parse(c.points[i]!.period).monthOrdinal;
      if (o < lo) lo = o;
      if (o > hi) hi = o;
    }
  });
  if (lo === Infinity) throw new AppError('analytics.index_no_data', 'None of the components has data');
  const T = hi - lo + 1;
  const periods = Array.from({ length: T }, (_, t) => periodFromOrdinal(lo + t, frequency));
  const quarterEnd = periods.map((p) => frequency === 'M' && mustParsePeriod(p).index % 3 === 0);

  // Step 1: changes per component, placed in index slots.
  const changeBuffer = new Float64Array(T * components.length).fill(Number.NaN);
  let ownBuffer = new Float64Array(T);
  const prepared: Prepared[] = components.map((c, k) => {
    const f = freqs[k]!;
    // One buffer for all components' changes keeps allocation (and GC) down for large panels.
    const change = changeBuffer.subarray(k * T, (k + 1) * T);
    const ords = ordinals[k]!;
    let ownLo = Infinity;
    let ownHi = -Infinity;
    for (let i = 0; i < ords.length; i++) {
      if (ords[i]! < ownLo) ownLo = ords[i]!;
      if (ords[i]! > ownHi) ownHi = ords[i]!;
    }
    // The component's values by its own period (NaN: not published or not a finite number).
    const ownLength = Math.max(0, ownHi - ownLo + 1);
    if (ownBuffer.length < ownLength) ownBuffer = new Float64Array(ownLength);
    const own = ownBuffer.subarray(0, ownLength).fill(Number.NaN);
    for (let i = 0; i < ords.length; i++) {
      const v = c.points[i]!.value;
      if (v != null && Number.isFinite(v)) own[ords[i]! - ownLo] = v;
    }
    const sign = c.invert ? -1 : 1;
    const level = c.transform === 'level';
    for (let o = ownLo + 1; o <= ownHi; o++) {
      const cur = own[o - ownLo]!;
      const prev = own[o - ownLo - 1]!;
      if (Number.isNaN(cur) || Number.isNaN(prev)) continue;
      // A quarter's change goes to its last month: ordinal year*4 + (q-1) -> year*12 + 3(q-1) + 2.
      const slot = (f === frequency ? o : Math.floor(o / 4) * 12 + 3 * (o - Math.floor(o / 4) * 4) + 2) - lo;
      if (level) {
        const x = symmetricChange(cur, prev);
        if (x !== null) change[slot] = sign * x;
      } else change[slot] = sign * (cur - prev);
    }
    return { input: c, frequency: f, change };
  });

  // Step 2: weights.
  const from = options.window?.from ? periodOrdinal(options.window.from) - lo : 0;
  const to = options.window?.to ? periodOrdinal(options.window.to) - lo : T - 1;
  const sds: Array<number | null> = [];
  const counts: number[] = [];
  for (const p of prepared) {
    const sample: number[] = [];
    for (let t = Math.max(0, from); t <= Math.min(T - 1, to); t++) if (!Number.isNaN(p.change[t]!)) sample.push(p.change[t]!);
    counts.push(sample.length);
    sds.push(sampleSd(sample));
  }
  let weights: number[];
  if (options.weighting === 'fixed') {
    weights = components.map((c) => c.weight ?? Number.NaN);
    const bad = components.find((c) => c.weight == null || !Number.isFinite(c.weight) || c.weight < 0);
    if (bad) throw new AppError('analytics.index_weights_sum', `Fixed weights must be given for every component and be non-negative (${bad.id})`, { id: bad.id, sum: '—' });
    const sum = weights.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 1e-6) throw new AppError('analytics.index_weights_sum', `Fixed weights must sum to 1, they sum to ${sum}`, { id: '', sum: String(Math.round(sum * 1e6) / 1e6) });
  } else {
    const inv = sds.map((sd, k) => {
      if (sd === null || !(sd > 0)) {
        throw new AppError('analytics.index_flat_component', `Component ${components[k]!.id} has ${counts[k]} changes without variation in the estimation window; its weight is undefined`, {
          id: components[k]!.id,
          n: counts[k]!,
        });
      }
      return 1 / sd;
    });
    const k = inv.reduce((a, b) => a + b, 0);
    weights = inv.map((w) => w / k);
  }
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const minCoverage = options.minCoverage ?? 0.5;

  // Step 3: growth per period from the available components, weights renormalised.
  const growth: Array<number | null> = new Array<number | null>(T).fill(null);
  const coverage: number[] = new Array<number>(T).fill(0);
  const availableWeight = new Float64Array(T);
  const absent: AbsentComponent[][] = [];
  for (let t = 0; t < T; t++) {
    let wsum = 0;
    let acc = 0;
    const missing: AbsentComponent[] = [];
    for (let c = 0; c < prepared.length; c++) {
      const x = prepared[c]!.change[t]!;
      if (Number.isNaN(x)) {
        missing.push({ id: prepared[c]!.input.id, reason: prepared[c]!.frequency === frequency || quarterEnd[t] ? 'missing' : 'frequency' });
        continue;
      }
      wsum += weights[c]!;
      acc += weights[c]! * x;
    }
    absent.push(missing);
    availableWeight[t] = wsum;
    coverage[t] = totalWeight > 0 ? wsum / totalWeight : 0;
    if (wsum > 0 && coverage[t]! >= minCoverage - 1e-12) growth[t] = acc / wsum;
  }

  // Step 4: cumulate over the latest unbroken stretch of computed growth. The first period of
  // the stretch carries no growth of its own (its change has no base), so it holds the start level.
  const usable = (t: number) => growth[t] !== null && Math.abs(growth[t]!) < 200;
  let end = T - 1;
  while (end >= 0 && !usable(end)) end--;
  let first = end;
  while (first - 1 >= 0 && usable(first - 1)) first--;
  const raw: Array<number | null> = new Array<number | null>(T).fill(null);
  // growth[0] is always null (a change needs an earlier period), so a stretch starts at slot >= 1.
  const startSlot = end >= 1 && first >= 1 ? first - 1 : -1;
  if (startSlot >= 0) {
    raw[startSlot] = 100;
    for (let t = first; t <= end; t++) raw[t] = nextIndexLevel(raw[t - 1]!, growth[t]!);
  }

  // Step 5: rebase to the base year.
  const baseSlots: number[] = [];
  for (let t = 0; t < T; t++) if (mustParsePeriod(periods[t]!).year === options.baseYear) baseSlots.push(t);
  const perYear = frequency === 'M' ? 12 : 4;
  const covered = baseSlots.filter((t) => raw[t] != null);
  if (covered.length !== perYear) {
    throw new AppError('analytics.index_base_year', `The base year ${options.baseYear} must lie entirely within the index (${startSlot >= 0 ? periods[startSlot] : '—'} to ${end >= 0 ? periods[end] : '—'})`, {
      year: options.baseYear,
      from: startSlot >= 0 ? periods[startSlot]! : '—',
      to: end >= 0 ? periods[end]! : '—',
    });
  }
  const baseLevel = covered.reduce((a, t) => a + raw[t]!, 0) / covered.length;
  const index = raw.map((v) => (v === null ? null : (100 * v) / baseLevel));
  const change = index.map((v, t) => (v === null || t === 0 || index[t - 1] === null ? null : v - index[t - 1]!));

  const componentResults: IndexComponentResult[] = prepared.map((p, c) => {
    const contributions = new Array<number | null>(T);
    const pointContributions = new Array<number | null>(T);
    for (let t = 0; t < T; t++) {
      const x = p.change[t]!;
      const missing = Number.isNaN(x);
      const g = growth[t]!;
      if (g === null || missing) {
        contributions[t] = null;
        pointContributions[t] = null;
        continue;
      }
      const contribution = (weights[c]! * x) / availableWeight[t]!;
      contributions[t] = contribution;
      pointContributions[t] = change[t] === null ? null : (contribution * 2 * index[t - 1]!) / (200 - g);
    }
    return {
      id: p.input.id,
      frequency: p.frequency,
      transform: p.input.transform,
      invert: p.input.invert ?? false,
      weight: weights[c]!,
      sd: sds[c]!,
      windowChanges: counts[c]!,
      contributions,
      pointContributions,
    };
  });

  return {
    frequency,
    periods,
    growth,
    index,
    change,
    coverage,
    absent,
    components: componentResults,
    start: startSlot >= 0 ? periods[startSlot]! : null,
    baseYear: options.baseYear,
    baseLevel,
  };
}

/**
 * A component's change x_{c,t} (after inversion) in each period where the index was computed,
 * recovered from its contribution: x = contribution x coverage / weight (the weights sum to 1).
 * Periods without growth (too little coverage) or without the component give null. The result
 * does not carry the changes themselves, to keep large panels light.
 * @example componentChanges(result, 0)[5] // the first component's change in the sixth period
 */
export function componentChanges(result: Pick<CompositeIndexResult, 'coverage' | 'components'>, k: number): Array<number | null> {
  const c = result.components[k]!;
  const total = result.components.reduce((a, x) => a + x.weight, 0);
  return c.contributions.map((v, t) => (v === null || !(c.weight > 0) ? null : (v * result.coverage[t]! * total) / c.weight));
}
