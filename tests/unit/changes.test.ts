import { describe, expect, it } from 'vitest';
import { change, changeUnitOf, cumulate, decumulate, periodOnPeriod, yearOnYear, ytdYearOnYear } from '../../shared/calc/changes';

describe('changes', () => {
  it('expresses counts in percent, rates in points, ratios as a difference', () => {
    expect(changeUnitOf('count')).toBe('percent');
    expect(changeUnitOf('amount')).toBe('percent');
    expect(changeUnitOf('rate')).toBe('points');
    expect(changeUnitOf('growth')).toBe('points');
    expect(changeUnitOf('ratio')).toBe('diff');
  });

  it('computes hand-checked changes without float noise', () => {
    // 118,888 vs 116,739: 118888/116739 - 1 = 0.0184086... -> 1.84086%
    expect(change(118888, 116739, 'percent')).toBeCloseTo(1.840858, 5);
    // 5.2 - 5.3 is -0.1 points exactly, not -0.09999999999999964.
    expect(change(5.2, 5.3, 'points')).toBe(-0.1);
    expect(change(1.53, 1.48, 'diff')).toBe(0.05);
  });

  it('leaves gaps as gaps: no base, zero base or non-finite gives null', () => {
    expect(change(10, null, 'percent')).toBeNull();
    expect(change(null, 10, 'percent')).toBeNull();
    expect(change(10, 0, 'percent')).toBeNull();
    expect(change(Number.NaN, 1, 'points')).toBeNull();
    expect(change(1, Number.POSITIVE_INFINITY, 'points')).toBeNull();
  });

  it('month-on-month for a rate is in points, and the first point has no base', () => {
    const mom = periodOnPeriod(
      [
        { period: '2024-05', value: 5.0 },
        { period: '2024-06', value: 5.3 },
        { period: '2024-08', value: 5.1 },
      ],
      'points',
    );
    expect(mom).toEqual([
      { period: '2024-05', value: null },
      { period: '2024-06', value: 0.3 },
      { period: '2024-08', value: null }, // July is missing: no invented base
    ]);
  });

  it('year-on-year of a YTD series compares 1-N月 with 1-N月', () => {
    const yoy = yearOnYear(
      [
        { period: '2023-06', value: 6.0 },
        { period: '2024-06', value: 6.6 },
      ],
      'percent',
    );
    expect(yoy[1]!.value).toBeCloseTo(10, 10);
  });

  it('de-cumulates a YTD series: January alone, combined 1-2月 kept combined, gaps stay null', () => {
    const points = [
      { period: '2023-12', value: 12.3 },
      { period: '2024-02', value: 1.6 }, // 1-2月 combined: no January published
      { period: '2024-03', value: 2.9 },
      { period: '2024-04', value: 4.0 },
      { period: '2024-06', value: 6.1 }, // May missing
      { period: '2025-01', value: 0.8 },
      { period: '2025-02', value: 1.5 },
    ];
    expect(decumulate(points, 'M', true)).toEqual([
      { period: '2023-12', value: null, covers: 1 }, // November unknown
      { period: '2024-02', value: 1.6, covers: 2 },
      { period: '2024-03', value: 1.3, covers: 1 },
      { period: '2024-04', value: 1.1, covers: 1 },
      { period: '2024-06', value: null, covers: 1 },
      { period: '2025-01', value: 0.8, covers: 1 },
      { period: '2025-02', value: 0.7, covers: 1 },
    ]);
    // Without the 1-2月 convention, a February without January is not invented either.
    expect(decumulate([{ period: '2024-02', value: 1.6 }], 'M', false)).toEqual([{ period: '2024-02', value: null, covers: 1 }]);
  });

  it('de-cumulates quarterly YTD series (GDP)', () => {
    const q = decumulate(
      [
        { period: '2024-Q1', value: 2100 },
        { period: '2024-Q2', value: 4500 },
        { period: '2024-Q3', value: 6900 },
      ],
      'Q',
      false,
    );
    expect(q.map((p) => p.value)).toEqual([2100, 2400, 2400]);
  });

  it('splits a combined 1-2月 point in two equal halves when asked, and only then', () => {
    const points = [
      { period: '2024-02', value: 1.6 }, // 1-2月
      { period: '2024-03', value: 2.9 },
      { period: '2025-01', value: 0.8 }, // January published on its own: nothing to split
      { period: '2025-02', value: 1.5 },
    ];
    expect(decumulate(points, 'M', true, { janFeb: 'split' })).toEqual([
      { period: '2024-01', value: 0.8, covers: 1, split: true },
      { period: '2024-02', value: 0.8, covers: 1, split: true },
      { period: '2024-03', value: 1.3, covers: 1 },
      { period: '2025-01', value: 0.8, covers: 1 },
      { period: '2025-02', value: 0.7, covers: 1 },
    ]);
    // The halves add up to the published total.
    const [jan, feb] = decumulate([{ period: '2024-02', value: 3.33 }], 'M', true, { janFeb: 'split' });
    expect(jan!.value! + feb!.value!).toBeCloseTo(3.33, 12);
    // An indicator not published as 1-2月 is never split: February without January stays a gap.
    expect(decumulate([{ period: '2024-02', value: 1.6 }], 'M', false, { janFeb: 'split' })).toEqual([{ period: '2024-02', value: null, covers: 1 }]);
  });

  it('month-on-month in percent for a count, year-on-year in points for a rate', () => {
    const count = periodOnPeriod(
      [
        { period: '2024-05', value: 200 },
        { period: '2024-06', value: 230 },
      ],
      'percent',
    );
    expect(count[1]!.value).toBe(15); // 230/200 - 1 = 15%
    const rate = yearOnYear(
      [
        { period: '2023-Q2', value: 3.12 },
        { period: '2024-Q2', value: 2.95 },
      ],
      'points',
    );
    expect(rate[1]!.value).toBe(-0.17); // 2.95 - 3.12 points
  });

  it('cumulates flows into 1-N月 totals and stops a year at its first missing month', () => {
    expect(
      cumulate([
        { period: '2024-02', value: 2 },
        { period: '2024-01', value: 1 },
        { period: '2024-03', value: 3 },
        { period: '2024-05', value: 5 }, // April missing
        { period: '2025-01', value: 4 },
      ]),
    ).toEqual([
      { period: '2024-01', value: 1 },
      { period: '2024-02', value: 3 },
      { period: '2024-03', value: 6 },
      { period: '2024-05', value: null },
      { period: '2025-01', value: 4 },
    ]);
    // A year starting at March has no YTD; a null flow breaks the rest of its year only.
    expect(cumulate([{ period: '2024-03', value: 1 }])[0]!.value).toBeNull();
    expect(
      cumulate([
        { period: '2024-01', value: null },
        { period: '2024-02', value: 1 },
        { period: '2025-01', value: 2 },
      ]).map((p) => p.value),
    ).toEqual([null, null, 2]);
    // A combined 1-2月 flow starts the year at February.
    expect(
      cumulate([
        { period: '2024-02', value: 1.6, covers: 2 },
        { period: '2024-03', value: 1.3 },
      ]).map((p) => p.value),
    ).toEqual([1.6, 2.9]);
  });

  it('YTD year-on-year compares 1-N月 with 1-N月, from a YTD series or from flows', () => {
    // Published YTD: 1-3月 2023 = 3.0, 1-3月 2024 = 3.3 -> +10%
    const fromYtd = ytdYearOnYear(
      [
        { period: '2023-03', value: 3.0 },
        { period: '2024-03', value: 3.3 },
      ],
      'percent',
    );
    expect(fromYtd[1]).toEqual({ period: '2024-03', value: 10 });
    // Flows: 2023 Jan-Mar 1,1,1 (YTD 3), 2024 Jan-Mar 1,1.2,1.3 (YTD 3.5) -> +16.666...%
    const flows = [
      { period: '2023-01', value: 1 },
      { period: '2023-02', value: 1 },
      { period: '2023-03', value: 1 },
      { period: '2024-01', value: 1 },
      { period: '2024-02', value: 1.2 },
      { period: '2024-03', value: 1.3 },
    ];
    const yoy = ytdYearOnYear(flows, 'percent', 'flows');
    expect(yoy.find((p) => p.period === '2024-03')!.value).toBeCloseTo((3.5 / 3 - 1) * 100, 7);
    expect(yoy.find((p) => p.period === '2024-01')!.value).toBe(0);
    // The single month's year-on-year differs: March 1.3 vs 1 = +30%
    expect(yearOnYear(flows, 'percent').find((p) => p.period === '2024-03')!.value).toBe(30);
    // A missing month last year: no YTD, no change.
    const gap = ytdYearOnYear([flows[0]!, flows[2]!, ...flows.slice(3)], 'percent', 'flows');
    expect(gap.find((p) => p.period === '2024-03')!.value).toBeNull();
  });

  it('does not modify its input', () => {
    const points = [
      { period: '2024-03', value: 3 },
      { period: '2024-02', value: 1.6 },
    ];
    const copy = structuredClone(points);
    decumulate(points, 'M', true, { janFeb: 'split' });
    cumulate(points);
    ytdYearOnYear(points, 'percent', 'flows');
    expect(points).toEqual(copy);
  });
});
