import { describe, expect, it } from 'vitest';
import { stl } from '../../shared/calc/stl';
import { defaultTransform, prepareSeries } from '../../shared/analytics/prepare';
import { periodRange } from '../../shared/period';

const ind = (kind: 'count' | 'rate' | 'growth' | 'ratio', ytd: boolean, janFebCombined = false, frequency: 'M' | 'Q' = 'M') => ({ kind, ytd, janFebCombined, frequency });

describe('preparing a series for analysis', () => {
  it('levels use the symmetric change, rates and growth the difference', () => {
    expect(defaultTransform({ kind: 'count' })).toBe('level');
    expect(defaultTransform({ kind: 'amount' })).toBe('level');
    expect(defaultTransform({ kind: 'ratio' })).toBe('level');
    expect(defaultTransform({ kind: 'rate' })).toBe('difference');
    expect(defaultTransform({ kind: 'growth' })).toBe('difference');
    expect(defaultTransform({ kind: 'index' })).toBe('difference');
  });

  it('de-cumulates a YTD count and splits a combined 1-2月 point in halves, with a note', () => {
    const ytd = [
      { period: '2024-02', value: 20 }, // 1-2月
      { period: '2024-03', value: 32 },
      { period: '2024-04', value: 41 },
    ];
    const p = prepareSeries(ind('count', true, true), ytd, { seasonalAdjustment: 'none' });
    expect(p.points).toEqual([
      { period: '2024-01', value: 10 },
      { period: '2024-02', value: 10 },
      { period: '2024-03', value: 12 },
      { period: '2024-04', value: 9 },
    ]);
    expect(p).toMatchObject({ decumulated: true, seasonallyAdjusted: false, notes: ['jan_feb_split'], transform: 'level' });
  });

  it('uses a YTD growth rate as published', () => {
    const p = prepareSeries(ind('growth', true, true), [{ period: '2024-03', value: 5.1 }], { seasonalAdjustment: 'none' });
    expect(p.points).toEqual([{ period: '2024-03', value: 5.1 }]);
    expect(p).toMatchObject({ decumulated: false, notes: ['ytd_growth_as_published'], transform: 'difference' });
  });

  it('seasonally adjusts the latest complete run with STL (s.window 7, robust) and leaves earlier values out', () => {
    const months = periodRange('2015-01', '2024-12');
    const values = months.map((_, i) => 100 + i * 0.3 + 8 * Math.sin((2 * Math.PI * i) / 12) + ((i * 7919) % 13) / 10);
    const withGap = months.map((period, i) => ({ period, value: period === '2016-06' ? null : values[i]! }));
    const p = prepareSeries(ind('count', false), withGap, { seasonalAdjustment: 'stl' });
    const run = values.slice(months.indexOf('2016-07'));
    const direct = stl(run, { period: 12, sWindow: 7, robust: true });
    expect(p.points.map((x) => x.period)).toEqual(months.slice(months.indexOf('2016-07')));
    p.points.forEach((x, i) => expect(x.value).toBeCloseTo(direct.adjusted[i]!, 12));
    p.trend!.forEach((x, i) => expect(x.value).toBeCloseTo(direct.trend[i]!, 12));
    p.seasonal!.forEach((x, i) => expect(x.value).toBeCloseTo(direct.seasonal[i]!, 12));
    expect(p).toMatchObject({ seasonallyAdjusted: true, notes: ['adjusted_from'], from: '2016-07' });
  });

  it('leaves a series it cannot adjust as it is, and says why', () => {
    const short = periodRange('2024-01', '2024-12').map((period, i) => ({ period, value: i }));
    expect(prepareSeries(ind('count', false), short, { seasonalAdjustment: 'stl' })).toMatchObject({ seasonallyAdjusted: false, notes: ['not_adjusted_short'], trend: null });
    const gappy = periodRange('2015-01', '2024-12').map((period, i) => ({ period, value: period.endsWith('-01') ? null : i }));
    expect(prepareSeries(ind('rate', false), gappy, { seasonalAdjustment: 'stl' })).toMatchObject({ seasonallyAdjusted: false, notes: ['not_adjusted_gaps'] });
  });

  it('adjusts quarterly series with period 4 and does not modify its input', () => {
    const quarters = periodRange('2015-Q1', '2024-Q4');
    const pts = quarters.map((period, i) => ({ period, value: 70000 + 500 * i + [-4000, 2500, 800, -1500][i % 4]! }));
    const copy = structuredClone(pts);
    const p = prepareSeries(ind('count', false, false, 'Q'), pts, { seasonalAdjustment: 'stl' });
    expect(pts).toEqual(copy);
    const direct = stl(pts.map((x) => x.value), { period: 4, sWindow: 7, robust: true });
    expect(p.points[5]!.value).toBeCloseTo(direct.adjusted[5]!, 12);
  });
});
