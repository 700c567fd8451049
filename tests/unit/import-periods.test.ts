import { describe, expect, it } from 'vitest';
import { parsePeriodText, periodTextIn, resolvePeriod, yearIn } from '../../shared/import/periods';

const M = { frequency: 'M' as const, ytd: false };
const MY = { frequency: 'M' as const, ytd: true };
const Q = { frequency: 'Q' as const, ytd: false };
const QY = { frequency: 'Q' as const, ytd: true };

function resolve(text: string | number | Date, ind: { frequency: 'M' | 'Q' | 'A'; ytd: boolean }, yearHint: number | null = null) {
  const p = parsePeriodText(text, yearHint);
  if (!p) return 'unreadable';
  const r = resolvePeriod(p, ind);
  return 'period' in r ? r.period : r.problem;
}

describe('periods in every listed form', () => {
  it.each([
    ['2024-06', '2024-06'],
    ['2024-6', '2024-06'],
    ['2024/6', '2024-06'],
    ['2024.06', '2024-06'],
    ['2024年6月', '2024-06'],
    ['2024年06月份', '2024-06'],
    ['202406', '2024-06'],
    [202406, '2024-06'],
    ['2024M06', '2024-06'],
    ['2024m6', '2024-06'],
    ['２０２４年６月', '2024-06'],
    ['2024年十二月', '2024-12'],
    ['2024-06-01', '2024-06'],
  ])('%s is the month %s', (text, period) => {
    expect(resolve(text, M)).toBe(period);
    expect(resolve(text, MY)).toBe(period);
  });

  it('reads spreadsheet dates as their month', () => {
    expect(resolve(new Date(Date.UTC(2024, 5, 1)), M)).toBe('2024-06');
  });

  it.each([
    ['2024年1-6月', '2024-06'],
    ['2024年1—6月', '2024-06'],
    ['2024年1～6月累计', '2024-06'],
    ['2024年1至6月', '2024-06'],
    ['2024年1-2月', '2024-02'],
    ['2024年6月累计', '2024-06'],
    ['2024年上半年', '2024-06'],
    ['2024年前三季度', '2024-09'],
  ])('%s is a year-to-date span ending %s', (text, period) => {
    expect(resolve(text, MY)).toBe(period);
    expect(resolve(text, M)).toBe('ytd_form');
  });

  it('takes the year of a YTD span from the title when the cell has none', () => {
    expect(resolve('1-6月累计', MY, 2024)).toBe('2024-06');
    expect(resolve('1-6月累计', MY, null)).toBe('unreadable');
    expect(resolve('6月', M, 2025)).toBe('2025-06');
  });

  it('refuses spans not starting in January', () => {
    expect(resolve('2024年3-6月', MY)).toBe('ytd_start');
  });

  it.each([
    ['2024Q2', '2024-Q2'],
    ['2024-Q2', '2024-Q2'],
    ['2024 q2', '2024-Q2'],
    ['2024年二季度', '2024-Q2'],
    ['2024年第二季度', '2024-Q2'],
    ['2024年2季度', '2024-Q2'],
  ])('%s is the quarter %s', (text, period) => {
    expect(resolve(text, Q)).toBe(period);
  });

  it('maps YTD spans to quarters for cumulative quarterly indicators (GDP)', () => {
    expect(resolve('2024年1-6月', QY)).toBe('2024-Q2');
    expect(resolve('2024年上半年', QY)).toBe('2024-Q2');
    expect(resolve('2024年前三季度', QY)).toBe('2024-Q3');
    expect(resolve('2024年1-3季度', QY)).toBe('2024-Q3');
    expect(resolve('2024年1-5月', QY)).toBe('frequency');
    expect(resolve('2024Q2', QY)).toBe('2024-Q2');
  });

  it('refuses a single quarter named in words for a cumulative indicator, except the first', () => {
    expect(resolve('2024年二季度', QY)).toBe('single_form');
    expect(resolve('2024年一季度', QY)).toBe('2024-Q1');
    expect(resolve('2024年6月当月', MY)).toBe('single_form');
    expect(resolve('2024年6月当月', M)).toBe('2024-06');
  });

  it('refuses periods of another frequency', () => {
    expect(resolve('2024-06', Q)).toBe('frequency');
    expect(resolve('2024Q2', M)).toBe('frequency');
    expect(resolve('2024年', M)).toBe('frequency');
    expect(resolve('2024', { frequency: 'A', ytd: false })).toBe('2024');
  });

  it.each(['2024-13', '2024年13月', '202413', '1899-01', 'abc', '', 'Q2', '上半年', 2024.5, 2024.1])('%s is unreadable', (text) => {
    expect(parsePeriodText(text)).toBeNull();
  });

  it('reads "2024.5" written as text as May, but never a spreadsheet number like 2024.1 (October lost its zero)', () => {
    expect(resolve('2024.5', M)).toBe('2024-05');
    expect(resolve('2024.10', M)).toBe('2024-10');
  });

  it('finds a year and a period in titles and file names', () => {
    expect(yearIn('沈阳市2024年1-6月就业情况')).toBe(2024);
    expect(yearIn('2024_06_就业.xlsx')).toBe(2024);
    expect(yearIn('就业情况')).toBeNull();
    expect(periodTextIn('沈阳市2024年1-6月城镇新增就业')).toBe('2024年1-6月');
    expect(periodTextIn('2024年二季度人力资源市场供求')).toBe('2024年二季度');
  });
});
