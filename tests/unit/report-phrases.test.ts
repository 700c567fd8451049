import { describe, expect, it } from 'vitest';
import {
  changePhrase,
  directionOf,
  isImprovement,
  listPhrase,
  overallJudgement,
  progressPhrase,
  signedChange,
  streakOf,
  trendPhrase,
} from '../../shared/reports/phrases';

describe('changePhrase: the direction word comes from the sign and size of the change', () => {
  it('rising: 上升 for rates in points, 增长 for counts in percent', () => {
    expect(changePhrase(0.2, 'points', 'zh-CN', 1)).toBe('上升0.2个百分点');
    expect(changePhrase(3.456, 'percent', 'zh-CN', 1)).toBe('增长3.5%');
    expect(changePhrase(0.05, 'diff', 'zh-CN', 2)).toBe('上升0.05');
    expect(changePhrase(0.2, 'points', 'en-US', 1)).toBe('up 0.2 points');
    expect(changePhrase(3.456, 'percent', 'en-US', 1)).toBe('up 3.5%');
  });

  it('falling: 下降 with the absolute amount', () => {
    expect(changePhrase(-0.1, 'points', 'zh-CN', 1)).toBe('下降0.1个百分点');
    expect(changePhrase(-12.04, 'percent', 'zh-CN', 1)).toBe('下降12.0%');
    expect(changePhrase(-0.1, 'points', 'en-US', 1)).toBe('down 0.1 points');
    expect(changePhrase(-1, 'points', 'en-US', 1)).toBe('down 1.0 point');
  });

  it('flat: a change that rounds to zero reads 持平, never "下降0.0"', () => {
    expect(changePhrase(0, 'points', 'zh-CN', 1)).toBe('持平');
    expect(changePhrase(-0.04, 'points', 'zh-CN', 1)).toBe('持平');
    expect(changePhrase(0.049, 'percent', 'zh-CN', 1)).toBe('持平');
    expect(changePhrase(-0.04, 'points', 'en-US', 1)).toBe('unchanged');
    // At two decimals the same change is no longer flat.
    expect(changePhrase(-0.04, 'points', 'zh-CN', 2)).toBe('下降0.04个百分点');
  });

  it('a missing change is a dash, never NaN', () => {
    expect(changePhrase(null, 'percent', 'zh-CN', 1)).toBe('—');
    expect(changePhrase(Number.NaN, 'percent', 'en-US', 1)).toBe('—');
    expect(changePhrase(Number.POSITIVE_INFINITY, 'points', 'zh-CN', 1)).toBe('—');
  });

  it('signed form for tables', () => {
    expect(signedChange(-0.1, 'points', 'zh-CN', 1)).toBe('-0.1个百分点');
    expect(signedChange(1.94, 'percent', 'zh-CN', 1)).toBe('+1.9%');
    expect(signedChange(0.01, 'percent', 'zh-CN', 1)).toBe('0.0%');
  });
});

describe('progressPhrase: 快于/慢于时序进度', () => {
  it('ahead, behind and level, in both languages', () => {
    // 1-6月 completion 55.3% against time progress 50%: 5.3 points ahead.
    expect(progressPhrase(55.3 - 50, 'zh-CN')).toBe('快于时序进度5.3个百分点');
    expect(progressPhrase(47.5 - 50, 'zh-CN')).toBe('慢于时序进度2.5个百分点');
    expect(progressPhrase(0.02, 'zh-CN')).toBe('与时序进度持平');
    expect(progressPhrase(5.3, 'en-US')).toBe('5.3 points ahead of time progress');
    expect(progressPhrase(-2.5, 'en-US')).toBe('2.5 points behind time progress');
    expect(progressPhrase(0, 'en-US')).toBe('in line with time progress');
  });
});

describe('streaks: 连续N个月', () => {
  it('counts consecutive changes in one direction, compared as printed', () => {
    expect(streakOf([5.5, 5.4, 5.3, 5.2], 1)).toEqual({ direction: 'down', length: 3, before: null });
    expect(streakOf([5.0, 5.2, 5.4, 5.3, 5.2], 1)).toEqual({ direction: 'down', length: 2, before: 'up' });
    expect(streakOf([5.2, 5.3, 5.2], 1)).toEqual({ direction: 'down', length: 1, before: 'up' });
    // 5.21 -> 5.19 reads 5.2 -> 5.2 at one decimal: flat.
    expect(streakOf([5.3, 5.21, 5.19], 1)).toEqual({ direction: 'flat', length: 1, before: 'down' });
    // A gap ends the run.
    expect(streakOf([5.5, 5.4, null, 5.3, 5.2], 1)).toEqual({ direction: 'down', length: 1, before: null });
    expect(streakOf([5.5], 1)).toEqual({ direction: 'flat', length: 0, before: null });
  });

  it('words for runs, reversals and flats', () => {
    expect(trendPhrase({ direction: 'down', length: 3, before: 'up' }, 'zh-CN', 'M')).toBe('连续3个月下降');
    expect(trendPhrase({ direction: 'up', length: 4, before: null }, 'zh-CN', 'M', 'count')).toBe('连续4个月增长');
    expect(trendPhrase({ direction: 'up', length: 2, before: null }, 'zh-CN', 'Q')).toBe('连续2个季度上升');
    expect(trendPhrase({ direction: 'up', length: 1, before: 'down' }, 'zh-CN', 'M')).toBe('由降转升');
    expect(trendPhrase({ direction: 'down', length: 1, before: 'up' }, 'zh-CN', 'M')).toBe('由升转降');
    expect(trendPhrase({ direction: 'flat', length: 1, before: 'up' }, 'zh-CN', 'M')).toBe('与上月持平');
    expect(trendPhrase({ direction: 'down', length: 3, before: 'up' }, 'en-US', 'M')).toBe('down for 3 months in a row');
    expect(trendPhrase({ direction: 'up', length: 1, before: 'down' }, 'en-US', 'M')).toBe('turning up after a fall');
    expect(trendPhrase({ direction: 'flat', length: 0, before: null }, 'en-US', 'M')).toBe('—');
  });
});

describe('judgement and lists', () => {
  it('reads improvements by polarity', () => {
    expect(directionOf(-0.06, 1)).toBe('down');
    expect(isImprovement('down', 'up_bad')).toBe(true);
    expect(isImprovement('down', 'up_good')).toBe(false);
    expect(isImprovement('flat', 'up_good')).toBeNull();
    expect(isImprovement('up', 'neutral')).toBeNull();
  });

  it('总体判断 from the balance of improvements', () => {
    expect(overallJudgement([true, true, false, null])).toBe('stable');
    expect(overallJudgement([true, true, true, false])).toBe('progress');
    expect(overallJudgement([false, false, null])).toBe('pressure');
    expect(overallJudgement([])).toBe('stable');
  });

  it('joins names the way each language lists them', () => {
    expect(listPhrase(['甲', '乙', '丙'], 'zh-CN')).toBe('甲、乙和丙');
    expect(listPhrase(['a'], 'en-US')).toBe('a');
    expect(listPhrase(['a', 'b', 'c'], 'en-US')).toBe('a, b and c');
  });
});
