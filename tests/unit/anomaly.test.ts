import { describe, expect, it } from 'vitest';
import { anomalyScores, median, medianAbsoluteDeviation, robustScore } from '../../shared/calc/anomaly';
import { periodRange } from '../../shared/period';

describe('robust anomaly score', () => {
  it('median and MAD by hand', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(median([Number.NaN, 4])).toBe(4);
    // |1-3|,|2-3|,|3-3|,|4-3|,|100-3| = 2,1,0,1,97 -> median 1
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 100])).toBe(1);
    expect(medianAbsoluteDeviation([])).toBeNull();
  });

  it('scores against median and 1.4826 x MAD', () => {
    // reference 1..5: median 3, MAD 1 -> (10 - 3) / 1.4826
    expect(robustScore(10, [1, 2, 3, 4, 5], 5)).toBeCloseTo(7 / 1.4826, 12);
    expect(robustScore(3, [1, 2, 3, 4, 5], 5)).toBe(0);
    expect(robustScore(-1, [1, 2, 3, 4, 5], 5)).toBeCloseTo(-4 / 1.4826, 12);
  });

  it('is barely moved by an outlier in the history', () => {
    const clean = [1, 2, 3, 4, 5, 6, 7];
    const dirty = [1, 2, 3, 4, 5, 6, 700];
    expect(robustScore(20, dirty, 5)).toBeCloseTo(robustScore(20, clean, 5)!, 12);
  });

  it('falls back to the mean absolute deviation when the MAD is zero', () => {
    // reference [0,0,0,0,4]: median 0, MAD 0; mean |x - 0| = 0.8 -> scale 1.2533 * 0.8
    expect(robustScore(2, [0, 0, 0, 0, 4], 5)).toBeCloseTo(2 / (1.2533 * 0.8), 12);
  });

  it('has no scale on a flat history: 0 at the median, null elsewhere, never Infinity', () => {
    expect(robustScore(0, [0, 0, 0, 0, 0], 5)).toBe(0);
    expect(robustScore(1, [0, 0, 0, 0, 0], 5)).toBeNull();
  });

  it('needs a minimum sample and a finite value', () => {
    expect(robustScore(10, [1, 2, 3], 5)).toBeNull();
    expect(robustScore(null, [1, 2, 3, 4, 5], 5)).toBeNull();
    expect(robustScore(Number.POSITIVE_INFINITY, [1, 2, 3, 4, 5], 5)).toBeNull();
  });

  it('scores each month-on-month change against the preceding ones only', () => {
    // A rate alternating 5.0, 5.1 gives changes of +0.1, -0.1; then a jump of +0.8 points.
    const periods = periodRange('2024-01', '2024-12');
    const values = [5.0, 5.1, 5.0, 5.1, 5.0, 5.1, 5.0, 5.1, 5.0, 5.1, 5.0, 5.8];
    const scores = anomalyScores(periods.map((period, i) => ({ period, value: values[i]! })), { unit: 'points', window: 24, minSample: 6 });
    expect(scores[0]).toEqual({ period: '2024-01', change: null, score: null });
    // Up to month 6 there are fewer than 6 reference changes.
    expect(scores.slice(0, 7).every((s) => s.score === null)).toBe(true);
    // Last: reference = 10 changes, five +0.1 and five -0.1 -> median 0, MAD 0.1; (0.8 - 0) / (1.4826 * 0.1)
    const last = scores[11]!;
    expect(last.change).toBe(0.8);
    expect(last.score).toBeCloseTo(0.8 / 0.14826, 9);
  });

  it('limits the reference to the window and supports year-on-year changes', () => {
    const periods = periodRange('2022-01', '2024-12');
    const points = periods.map((period, i) => ({ period, value: 100 + i }));
    // window 3 and minSample 3 on 100, 101, 102, ...: the first change has no base, so month 3 has
    // only two reference changes; month 4 has three.
    const s = anomalyScores(points, { unit: 'percent', window: 3, minSample: 3 });
    expect(s[3]!.score).toBeNull();
    const c = [1, (102 / 101 - 1) * 100, (103 / 102 - 1) * 100]; // reference of month 4
    const c4 = (104 / 103 - 1) * 100;
    const mad = [Math.abs(c[0]! - c[1]!), 0, Math.abs(c[2]! - c[1]!)].sort((a, b) => a - b)[1]!;
    expect(s[4]!.score).toBeCloseTo((c4 - c[1]!) / (1.4826 * mad), 6);
    // month 10 sees only months 7-9, not the whole history
    const r = [7, 8, 9].map((k) => ((100 + k) / (99 + k) - 1) * 100);
    const c10 = (110 / 109 - 1) * 100;
    const mad10 = [Math.abs(r[0]! - r[1]!), 0, Math.abs(r[2]! - r[1]!)].sort((a, b) => a - b)[1]!;
    expect(s[10]!.score).toBeCloseTo((c10 - r[1]!) / (1.4826 * mad10), 5);
    const yoy = anomalyScores(points, { unit: 'percent', basis: 'yoy', minSample: 1 });
    // First year-on-year change is 2023-01: (112/100 - 1) * 100 = 12
    expect(yoy[12]!.change).toBe(12);
    expect(yoy[12]!.score).toBeNull(); // no earlier yoy change
  });

  it('does not modify or reorder its input', () => {
    const points = [
      { period: '2024-02', value: 2 },
      { period: '2024-01', value: 1 },
    ];
    const copy = structuredClone(points);
    const s = anomalyScores(points, { unit: 'diff', minSample: 1 });
    expect(points).toEqual(copy);
    expect(s.map((p) => p.period)).toEqual(['2024-01', '2024-02']);
  });
});
