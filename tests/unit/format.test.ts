import { describe, expect, it } from 'vitest';
import { assessChange, formatAxisValue, formatChange, formatNumber } from '../../shared/format';

describe('formatting', () => {
  it('formats numbers per locale with fixed decimals', () => {
    expect(formatNumber(118888, 0, 'zh-CN')).toBe('118,888');
    expect(formatNumber(12.345, 2, 'en-US')).toBe('12.35');
    expect(formatNumber(5, 1, 'zh-CN')).toBe('5.0');
  });

  it('never prints NaN, Infinity or -0', () => {
    expect(formatNumber(Number.NaN, 1, 'zh-CN')).toBe('—');
    expect(formatNumber(Number.POSITIVE_INFINITY, 1, 'zh-CN')).toBe('—');
    expect(formatNumber(null, 1, 'zh-CN')).toBe('—');
    expect(formatNumber(-0.0001, 1, 'zh-CN')).toBe('0.0');
  });

  it('signs changes and names their unit', () => {
    expect(formatChange(-0.1, 'points', 'zh-CN', 1)).toBe('-0.1个百分点');
    expect(formatChange(0.1, 'points', 'en-US', 1)).toBe('+0.1 pp');
    expect(formatChange(2.345, 'percent', 'en-US', 1)).toBe('+2.3%');
    expect(formatChange(0.04, 'percent', 'zh-CN', 1)).toBe('0.0%');
    expect(formatChange(0.05, 'diff', 'zh-CN', 2)).toBe('+0.05');
  });

  it('judges changes by polarity', () => {
    expect(assessChange(0.2, 'up_bad')).toBe('worse');
    expect(assessChange(-0.2, 'up_bad')).toBe('better');
    expect(assessChange(3, 'up_good')).toBe('better');
    expect(assessChange(0, 'up_good')).toBe('flat');
    expect(assessChange(1, 'neutral')).toBe('neutral');
    expect(assessChange(null, 'up_good')).toBe('neutral');
  });
});

describe('axis labels', () => {
  it('keep the tick decimals so neighbouring ticks differ', () => {
    expect(['99.5', '100', '100.5'].map((t) => formatAxisValue(Number(t), 'zh-CN'))).toEqual(['99.5', '100', '100.5']);
    expect(formatAxisValue(0.25, 'en-US')).toBe('0.25');
    expect(formatAxisValue(342000, 'zh-CN')).toBe('342,000');
    expect(formatAxisValue(Number.NaN, 'zh-CN')).toBe('—');
  });
});
