import { describe, expect, it } from 'vitest';
import { firstMonthOf, monthsOf, periodDistance, periodOfMonth, lastMonthOf, lastYear, latestFullMonth, parsePeriod, periodLabel, periodRange, quarterOf, shiftPeriod } from '../../shared/period';

describe('period arithmetic', () => {
  it('parses the three canonical forms and rejects others', () => {
    expect(parsePeriod('2024-06')).toEqual({ frequency: 'M', year: 2024, index: 6 });
    expect(parsePeriod('2024-Q2')).toEqual({ frequency: 'Q', year: 2024, index: 2 });
    expect(parsePeriod('2024')).toEqual({ frequency: 'A', year: 2024, index: 1 });
    for (const bad of ['2024-13', '2024-00', '2024-Q5', '2024/06', '202406', '']) expect(parsePeriod(bad)).toBeNull();
  });

  it('shifts across year boundaries', () => {
    expect(shiftPeriod('2024-01', -1)).toBe('2023-12');
    expect(shiftPeriod('2023-12', 1)).toBe('2024-01');
    expect(shiftPeriod('2024-Q1', -1)).toBe('2023-Q4');
    expect(shiftPeriod('2024-06', -12)).toBe(lastYear('2024-06'));
    expect(shiftPeriod('2024', 2)).toBe('2026');
  });

  it('lists ranges and maps months to quarters', () => {
    expect(periodRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(periodRange('2024-Q3', '2025-Q1')).toEqual(['2024-Q3', '2024-Q4', '2025-Q1']);
    expect(quarterOf('2024-05')).toBe('2024-Q2');
    expect(lastMonthOf('2024-Q3')).toBe('2024-09');
  });

  it('takes the latest full month before today', () => {
    expect(latestFullMonth(new Date(2026, 10, 28))).toBe('2026-10');
    expect(latestFullMonth(new Date(2026, 0, 5))).toBe('2025-12');
  });

  it('labels periods in both languages, YTD as a span', () => {
    expect(periodLabel('2024-06', 'zh-CN')).toBe('2024年6月');
    expect(periodLabel('2024-06', 'zh-CN', true)).toBe('2024年1-6月');
    expect(periodLabel('2024-01', 'zh-CN', true)).toBe('2024年1月');
    expect(periodLabel('2024-Q2', 'zh-CN')).toBe('2024年二季度');
    expect(periodLabel('2024-Q3', 'zh-CN', true)).toBe('2024年1-9月');
    expect(periodLabel('2024-06', 'en-US')).toBe('Jun 2024');
    expect(periodLabel('2024-06', 'en-US', true)).toBe('Jan-Jun 2024');
  });

  it('maps periods to the months they cover and months to coarser periods', () => {
    expect(firstMonthOf('2024-Q3')).toBe('2024-07');
    expect(firstMonthOf('2024')).toBe('2024-01');
    expect(firstMonthOf('2024-05')).toBe('2024-05');
    expect(monthsOf('2024-Q1')).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(monthsOf('2024')).toHaveLength(12);
    expect(periodOfMonth('2024-12', 'Q')).toBe('2024-Q4');
    expect(periodOfMonth('2024-12', 'A')).toBe('2024');
    expect(periodOfMonth('2024-12', 'M')).toBe('2024-12');
    expect(() => periodOfMonth('2024-Q1', 'A')).toThrow(RangeError);
  });

  it('measures distances in periods of one frequency', () => {
    expect(periodDistance('2023-11', '2024-02')).toBe(3);
    expect(periodDistance('2024-Q1', '2023-Q3')).toBe(-2);
    expect(periodDistance('2020', '2024')).toBe(4);
    expect(() => periodDistance('2024-01', '2024-Q1')).toThrow(RangeError);
  });
});
