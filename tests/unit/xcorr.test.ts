/** Cross-correlation against R's ccf() run in the test set-up, by hand, and on known shifts. */
import { beforeAll, describe, expect, it } from 'vitest';
import { crossCorrelateSeries, crossCorrelation, winsorize } from '../../shared/calc/xcorr';
import { periodRange } from '../../shared/period';
import { hasR, parseRows, runR } from '../support/r-reference';

function noise(seed: number, n: number): number[] {
  let s = seed;
  return Array.from({ length: n }, () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647 - 0.5;
  });
}

// x: a random series; y: x three periods later plus noise; a few gaps in each.
const N = 90;
const X: Array<number | null> = noise(3, N + 3).map((v, i, a) => v + 0.5 * (a[i - 1] ?? 0));
const Y: Array<number | null> = X.map((_, t) => (t >= 3 ? X[t - 3]! : 0) * 0.8 + noise(9, N + 3)[t]! * 0.6);
X.splice(N);
Y.splice(N);
X[10] = null;
X[47] = null;
Y[20] = null;
Y[61] = null;

let rCcf: number[] = [];

beforeAll(() => {
  if (!hasR()) throw new Error('Rscript is not installed: apt-get install -y r-base-core (see .ci/run)');
  const text = (xs: Array<number | null>) => xs.map((v) => (v === null ? 'NA' : v.toPrecision(17))).join('\n') + '\n';
  const out = runR(
    [
      'x <- as.numeric(readLines("x.txt")); y <- as.numeric(readLines("y.txt"))',
      'r <- ccf(x, y, lag.max = 12, plot = FALSE, na.action = na.pass)',
      'writeLines(sprintf("%.17g,%.17g", r$lag, r$acf), "ccf.txt")',
    ].join('\n'),
    { 'x.txt': text(X), 'y.txt': text(Y) },
    ['ccf.txt'],
  );
  // R's lag k estimates cor(x[t+k], y[t]); our lead L = -k.
  const rows = parseRows(out['ccf.txt']!);
  rCcf = Array.from({ length: 25 }, (_, i) => rows.find((row) => row[0] === -(i - 12))![1]!);
});

describe('cross-correlation', () => {
  it("agrees with R's ccf(na.action = na.pass) within 1e-9 at every lag", () => {
    const c = crossCorrelation(X, Y, 12);
    expect(c.leads).toEqual(Array.from({ length: 25 }, (_, i) => i - 12));
    c.r.forEach((v, i) => expect(v).toBeCloseTo(rCcf[i]!, 9));
  });

  it('finds the planted three-period lead, with the 2/sqrt(n) band', () => {
    const c = crossCorrelation(X, Y, 12);
    expect(c.best!.lead).toBe(3);
    expect(c.best!.significant).toBe(true);
    // n: periods where both are present (90 minus the four gaps)
    expect(c.n).toBe(86);
    expect(c.band).toBeCloseTo(2 / Math.sqrt(86), 12);
  });

  it('hand-computed small case', () => {
    // x = 1, 2, 3, 4; y = 2, 4, 6, 9 -> means 2.5 and 5.25
    // centred x: -1.5 -0.5 0.5 1.5 ; y: -3.25 -1.25 0.75 3.75
    // c_xx = 5/4 = 1.25; c_yy = (10.5625 + 1.5625 + 0.5625 + 14.0625)/4 = 6.6875
    // lead 0: (4.875 + 0.625 + 0.375 + 5.625)/4 = 2.875 -> r = 2.875 / sqrt(1.25 * 6.6875)
    // lead 1 (x[i] with y[i+1]): (-1.5*-1.25 + -0.5*0.75 + 0.5*3.75)/(3 + 1) = 3.375/4
    const c = crossCorrelation([1, 2, 3, 4], [2, 4, 6, 9], 1);
    const sd = Math.sqrt(1.25 * 6.6875);
    expect(c.r[1]).toBeCloseTo(2.875 / sd, 12);
    expect(c.r[2]).toBeCloseTo(3.375 / 4 / sd, 12);
    // lead -1 (x[i+1] with y[i]): (-0.5*-3.25 + 0.5*-1.25 + 1.5*0.75)/4 = 2.125/4
    expect(c.r[0]).toBeCloseTo(2.125 / 4 / sd, 12);
    expect(c.pairs).toEqual([3, 4, 3]);
  });

  it('refuses too short an overlap with a typed error, and never returns NaN', () => {
    expect(() => crossCorrelation([1, 2, 3], [1, 2, 3], 12)).toThrow(expect.objectContaining({ code: 'analytics.xcorr_too_short' }));
    const flat = crossCorrelation([1, 1, 1, 1, 1], [1, 2, 3, 4, 5], 1);
    expect(flat.r.every((v) => v === null)).toBe(true);
    expect(flat.best).toBeNull();
  });

  it('correlates the changes of two period series over their common span', () => {
    const months = periodRange('2018-01', '2025-12');
    const base = noise(5, months.length + 2).map((v) => 100 + 10 * v);
    // y's level follows x's level two months later; y also starts later and is missing a month.
    const x = months.map((period, t) => ({ period, value: base[t + 2]! }));
    const y = months.slice(6).map((period, t) => ({ period, value: period === '2022-03' ? null : 5 + 0.01 * base[t + 6]! }));
    const c = crossCorrelateSeries(x, y, { xChange: 'percent', yChange: 'diff', maxLag: 12 });
    expect(c.from).toBe('2018-07');
    expect(c.to).toBe('2025-12');
    expect(c.best!.lead).toBe(2);
    expect(c.best!.r).toBeGreaterThan(0.95); // percent vs point changes of the same path: nearly, not exactly, linear
    expect(() => crossCorrelateSeries(x, [{ period: '2020-Q1', value: 1 }], { xChange: 'none', yChange: 'none' })).toThrow(expect.objectContaining({ code: 'analytics.xcorr_frequency' }));
  });

  it('winsorizes at median +- k x 1.4826 MAD so a shared shock does not decide the lead', () => {
    // median 3, MAD 1: bounds 3 +- 3 x 1.4826 = -1.4478 .. 7.4478
    expect(winsorize([1, 2, 3, 4, 100, null], 3)).toEqual([1, 2, 3, 4, 3 + 3 * 1.4826, null]);
    expect(winsorize([-50, 2, 3, 4, 5], 1)).toEqual([3 - 1.4826, 2, 3, 4, 3 + 1.4826]);
    expect(winsorize([2, 2, 2, 9], 3)).toEqual([2, 2, 2, 9]); // zero MAD: unchanged
    // x leads y by 2, but one month hits both at once with a huge move: raw ccf says lead 0.
    const months = periodRange('2016-01', '2025-12');
    const base = noise(21, months.length + 2);
    const x = months.map((period, t) => ({ period, value: 100 + base.slice(0, t + 3).reduce((a, b) => a + b, 0) + (period === '2020-02' ? -40 : 0) }));
    const y = months.map((period, t) => ({ period, value: 50 + base.slice(0, t + 1).reduce((a, b) => a + b, 0) + (period === '2020-02' ? -40 : 0) }));
    expect(crossCorrelateSeries(x, y, { xChange: 'diff', yChange: 'diff' }).best!.lead).toBe(0);
    expect(crossCorrelateSeries(x, y, { xChange: 'diff', yChange: 'diff', clip: 3 }).best!.lead).toBe(2);
  });
});
