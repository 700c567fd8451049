/**
 * STL against R's stats::stl() run in the test set-up on the same series (R's own data sets and
 * seeded synthetic series written to a temp file), compared within 1e-6; plus properties.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/errors';
import { latestCompleteRun, stl, stlParameters, stlSeries, type StlOptions } from '../../shared/calc/stl';
import { periodRange } from '../../shared/period';
import { hasR, parseRows, runR } from '../support/r-reference';

/** A seeded monthly series with trend, changing seasonality, noise and a few gross outliers. */
function synthetic(n: number, seed: number): number[] {
  let s = seed;
  const rand = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  return Array.from({ length: n }, (_, i) => {
    const seasonal = (3 + i / 40) * Math.sin((2 * Math.PI * i) / 12) + 1.5 * Math.cos((4 * Math.PI * i) / 12);
    const noise = (rand() + rand() + rand() - 1.5) * 0.8;
    const outlier = i % 37 === 17 ? 12 : 0;
    return 50 + 0.08 * i + 2 * Math.sin(i / 15) + seasonal + noise + outlier;
  });
}

interface Case {
  name: string;
  data: string;
  period: number;
  /** Extra arguments of R's stl() after s.window. */
  r: string;
  options: Omit<StlOptions, 'period'>;
}

const CASES: Case[] = [
  { name: 'co2 periodic', data: 'co2', period: 12, r: 's.window = "periodic"', options: { sWindow: 'periodic' } },
  { name: 'co2 s.window 7', data: 'co2', period: 12, r: 's.window = 7', options: { sWindow: 7 } },
  { name: 'co2 s.window 7 robust', data: 'co2', period: 12, r: 's.window = 7, robust = TRUE', options: { sWindow: 7, robust: true } },
  { name: 'nottem s.window 13 t.window 19 robust', data: 'nottem', period: 12, r: 's.window = 13, t.window = 19, robust = TRUE', options: { sWindow: 13, tWindow: 19, robust: true } },
  { name: 'nottem periodic robust', data: 'nottem', period: 12, r: 's.window = "periodic", robust = TRUE', options: { sWindow: 'periodic', robust: true } },
  { name: 'log UKgas quarterly s.window 7', data: 'ukgas', period: 4, r: 's.window = 7', options: { sWindow: 7 } },
  { name: 'log UKgas quarterly periodic robust', data: 'ukgas', period: 4, r: 's.window = "periodic", robust = TRUE', options: { sWindow: 'periodic', robust: true } },
  { name: 'synthetic with outliers s.window 7', data: 'syn', period: 12, r: 's.window = 7', options: { sWindow: 7 } },
  { name: 'synthetic with outliers s.window 7 robust', data: 'syn', period: 12, r: 's.window = 7, robust = TRUE', options: { sWindow: 7, robust: true } },
  { name: 'synthetic s.window 9 s.degree 1 no jumps', data: 'syn', period: 12, r: 's.window = 9, s.degree = 1, t.jump = 1, l.jump = 1, s.jump = 1', options: { sWindow: 9, sDegree: 1, tJump: 1, lJump: 1, sJump: 1 } },
  { name: 'synthetic even windows (made odd) t.window 20', data: 'syn', period: 12, r: 's.window = 8, t.window = 20', options: { sWindow: 8, tWindow: 20 } },
  { name: 'synthetic t.degree 0 robust, 3 outer', data: 'syn', period: 12, r: 's.window = 11, t.degree = 0, robust = TRUE, outer = 3', options: { sWindow: 11, tDegree: 0, robust: true, outer: 3 } },
  { name: 'shortest allowed monthly series (25 values)', data: 'short', period: 12, r: 's.window = 7', options: { sWindow: 7 } },
  { name: 'shortest monthly series periodic robust', data: 'short', period: 12, r: 's.window = "periodic", robust = TRUE', options: { sWindow: 'periodic', robust: true } },
];

const SYN = synthetic(121, 7);
const SHORT = synthetic(25, 11);

let data: Record<string, number[]> = {};
let reference: Record<string, number[][]> = {};

beforeAll(() => {
  if (!hasR()) throw new Error('Rscript is not installed: apt-get install -y r-base-core (see .ci/run)');
  const fmt = (xs: number[]) => xs.map((x) => x.toPrecision(17)).join('\n') + '\n';
  const script = [
    'w <- function(x, f) writeLines(sprintf("%.17g", as.numeric(x)), f)',
    'w(co2, "co2.txt"); w(nottem, "nottem.txt"); w(log(UKgas), "ukgas.txt")',
    'load_series <- function(name, period) ts(scan(paste0(name, ".txt"), quiet = TRUE), frequency = period)',
    ...CASES.map((c, i) =>
      [
        `r <- stl(load_series("${c.data}", ${c.period}), ${c.r})`,
        `ts4 <- cbind(r$time.series, r$weights)`,
        `writeLines(apply(ts4, 1, function(row) paste(sprintf("%.17g", row), collapse = ",")), "out${i}.txt")`,
      ].join('\n'),
    ),
  ].join('\n');
  const out = runR(script, { 'syn.txt': fmt(SYN), 'short.txt': fmt(SHORT) }, ['co2.txt', 'nottem.txt', 'ukgas.txt', ...CASES.map((_, i) => `out${i}.txt`)]);
  data = {
    co2: parseRows(out['co2.txt']!).map((r) => r[0]!),
    nottem: parseRows(out['nottem.txt']!).map((r) => r[0]!),
    ukgas: parseRows(out['ukgas.txt']!).map((r) => r[0]!),
    syn: SYN,
    short: SHORT,
  };
  reference = Object.fromEntries(CASES.map((c, i) => [c.name, parseRows(out[`out${i}.txt`]!)]));
});

function maxAbsDiff(a: readonly number[], b: readonly number[]): number {
  expect(a.length).toBe(b.length);
  return Math.max(...a.map((x, i) => Math.abs(x - b[i]!)));
}

describe("STL agrees with R's stl() within 1e-6", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const ref = reference[c.name]!;
      const y = data[c.data]!;
      expect(y.length).toBe(ref.length);
      const r = stl(y, { period: c.period, ...c.options });
      expect(maxAbsDiff(r.seasonal, ref.map((row) => row[0]!))).toBeLessThan(1e-6);
      expect(maxAbsDiff(r.trend, ref.map((row) => row[1]!))).toBeLessThan(1e-6);
      expect(maxAbsDiff(r.remainder, ref.map((row) => row[2]!))).toBeLessThan(1e-6);
      expect(maxAbsDiff(r.weights, ref.map((row) => row[3]!))).toBeLessThan(1e-6);
      expect(maxAbsDiff(r.adjusted, y.map((v, i) => v - ref[i]![0]!))).toBeLessThan(1e-6);
    });
  }

  it('robust fitting down-weights the planted outliers', () => {
    const r = stl(SYN, { period: 12, sWindow: 7, robust: true });
    for (let i = 17; i < SYN.length; i += 37) expect(r.weights[i]).toBeLessThan(0.5);
    const median = [...r.weights].sort((a, b) => a - b)[60]!;
    expect(median).toBeGreaterThan(0.8);
  });
});

describe('STL properties and input checks', () => {
  const seasonalShape = [3, 1, -2, -4, -1, 0, 2, 5, 1, -2, -2, -1];
  const mean = seasonalShape.reduce((a, b) => a + b, 0) / 12;
  const season = seasonalShape.map((v) => v - mean);
  const line = (i: number) => 100 + 0.5 * i;

  it('returns the components of a pure (linear) trend + periodic seasonal series', () => {
    const y = Array.from({ length: 120 }, (_, i) => line(i) + season[i % 12]!);
    // Converged fits (the robust fit runs 16 passes): exact to rounding.
    for (const options of [{ sWindow: 'periodic' as const, robust: true }, { sWindow: 'periodic' as const, inner: 20 }, { sWindow: 7, inner: 30 }]) {
      const r = stl(y, { period: 12, ...options });
      expect(maxAbsDiff(r.seasonal, y.map((_, i) => season[i % 12]!))).toBeLessThan(1e-6);
      expect(maxAbsDiff(r.trend, y.map((_, i) => line(i)))).toBeLessThan(1e-6);
      expect(Math.max(...r.remainder.map(Math.abs))).toBeLessThan(1e-6);
    }
  });

  it('a periodic seasonal is exactly periodic', () => {
    const r = stl(SYN, { period: 12, sWindow: 'periodic' });
    for (let i = 12; i < SYN.length; i++) expect(r.seasonal[i]).toBe(r.seasonal[i - 12]);
  });

  it('uses R defaults for the derived parameters', () => {
    // t.window = nextodd(ceiling(1.5 * 12 / (1 - 1.5 / 7))) = nextodd(23) = 23; jumps ceiling(w / 10)
    expect(stlParameters(120, { period: 12, sWindow: 7 })).toMatchObject({ sWindow: 7, tWindow: 23, lWindow: 13, sJump: 1, tJump: 3, lJump: 2, inner: 2, outer: 0, sDegree: 0, tDegree: 1, lDegree: 1 });
    // periodic: s.window = 10 n + 1, t.window = nextodd(ceiling(18 / (1 - 1.5 / 1201))) = nextodd(19) = 19
    expect(stlParameters(120, { period: 12, sWindow: 'periodic', robust: true })).toMatchObject({ sWindow: 1201, tWindow: 19, sJump: 121, inner: 1, outer: 15, periodic: true });
    // quarterly: t.window = nextodd(ceiling(6 / (1 - 1.5 / 7))) = nextodd(8) = 9; l.window = nextodd(4) = 5
    expect(stlParameters(40, { period: 4, sWindow: 7 })).toMatchObject({ tWindow: 9, lWindow: 5 });
  });

  it('refuses series of two cycles or less, with a clear typed error', () => {
    const y = Array.from({ length: 24 }, (_, i) => i);
    expect(() => stl(y, { period: 12, sWindow: 7 })).toThrow(AppError);
    try {
      stl(y, { period: 12, sWindow: 7 });
    } catch (err) {
      expect((err as AppError).code).toBe('analytics.stl_too_short');
      expect((err as AppError).params).toMatchObject({ n: 24, period: 12, min: 25 });
    }
    expect(() => stl(Array.from({ length: 8 }, (_, i) => i), { period: 4, sWindow: 7 })).toThrow(/two full cycles/);
  });

  it('refuses missing values and bad parameters instead of producing NaN', () => {
    const y = [...SYN];
    y[5] = Number.NaN;
    expect(() => stl(y, { period: 12, sWindow: 7 })).toThrow(expect.objectContaining({ code: 'analytics.stl_missing_values' }));
    expect(() => stl(SYN, { period: 1, sWindow: 7 })).toThrow(expect.objectContaining({ code: 'analytics.stl_not_periodic' }));
    expect(() => stl(SYN, { period: 12, sWindow: 0 })).toThrow(expect.objectContaining({ code: 'analytics.stl_bad_parameter' }));
    expect(() => stl(SYN, { period: 12, sWindow: 7, sDegree: 2 as 1 })).toThrow(expect.objectContaining({ code: 'analytics.stl_bad_degree' }));
  });

  it('does not modify its input', () => {
    const y = [...SYN];
    stl(y, { period: 12, sWindow: 7, robust: true });
    expect(y).toEqual(SYN);
  });

  it('decomposes a period-indexed series and refuses gaps', () => {
    const periods = periodRange('2015-01', '2025-01');
    const points = periods.map((period, i) => ({ period, value: SYN[i]! }));
    const r = stlSeries(points, { sWindow: 7 });
    const direct = stl(SYN, { period: 12, sWindow: 7 });
    expect(r[120]).toEqual({ period: '2025-01', value: SYN[120], seasonal: direct.seasonal[120], trend: direct.trend[120], remainder: direct.remainder[120], adjusted: direct.adjusted[120] });
    const quarterly = periodRange('2015-Q1', '2025-Q1').map((period, i) => ({ period, value: SYN[i]! }));
    expect(stlSeries(quarterly, { sWindow: 7 })[0]!.seasonal).toBeCloseTo(stl(SYN.slice(0, 41), { period: 4, sWindow: 7 }).seasonal[0]!, 12);
    const gap = points.filter((p) => p.period !== '2020-06');
    expect(() => stlSeries(gap, { sWindow: 7 })).toThrow(expect.objectContaining({ code: 'analytics.stl_gap' }));
    const nul = points.map((p) => (p.period === '2020-06' ? { ...p, value: null } : p));
    expect(() => stlSeries(nul, { sWindow: 7 })).toThrow(expect.objectContaining({ code: 'analytics.stl_gap' }));
  });

  it('finds the latest complete run of a series with gaps', () => {
    const pts = [
      { period: '2024-01', value: 1 },
      { period: '2024-02', value: null },
      { period: '2024-03', value: 3 },
      { period: '2024-04', value: 4 },
      { period: '2024-06', value: 6 },
      { period: '2024-07', value: 7 },
      { period: '2024-08', value: null },
    ];
    expect(latestCompleteRun(pts)).toEqual([
      { period: '2024-06', value: 6 },
      { period: '2024-07', value: 7 },
    ]);
    expect(latestCompleteRun([])).toEqual([]);
  });
});
