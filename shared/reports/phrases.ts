/**
 * Standard phrasing of the monthly report (../DOMAIN.md section 7), in Chinese and English, with the
 * words chosen from the actual sign and size of a change: 上升/增长, 下降, 持平; 快于/慢于时序进度;
 * 连续N个月; 个百分点 for rates. A change that rounds to zero at the shown precision reads as flat,
 * so "下降0.0个百分点" can never be printed.
 */
import { clean, type ChangeUnit } from '../calc/changes';
import type { Frequency, Locale, Polarity } from '../domain/types';
import { formatNumber, MISSING } from '../format';

export type Direction = 'up' | 'down' | 'flat';

/**
 * Direction of a change as it will be read at `decimals` places.
 * @example directionOf(-0.04, 1) // 'flat'
 * @example directionOf(-0.06, 1) // 'down'
 */
export function directionOf(change: number, decimals: number): Direction {
  const shown = Number(Math.abs(change).toFixed(decimals));
  if (shown === 0) return 'flat';
  return change > 0 ? 'up' : 'down';
}

/** Decimals a change is shown with: one for percent, at least one for points, the value's own for plain differences. */
export function changeDecimals(unit: ChangeUnit, valueDecimals: number): number {
  return unit === 'percent' ? 1 : unit === 'points' ? Math.max(valueDecimals, 1) : valueDecimals;
}

/**
 * A change with its direction word.
 * @example changePhrase(-0.1, 'points', 'zh-CN', 1) // '下降0.1个百分点'
 * @example changePhrase(2.345, 'percent', 'zh-CN', 1) // '增长2.3%'
 * @example changePhrase(0.01, 'points', 'en-US', 1) // 'unchanged'
 * @example changePhrase(1.5, 'percent', 'en-US', 1) // 'up 1.5%'
 */
export function changePhrase(change: number | null | undefined, unit: ChangeUnit, locale: Locale, decimals: number): string {
  if (change == null || !Number.isFinite(change)) return MISSING;
  const dir = directionOf(change, decimals);
  const zh = locale === 'zh-CN';
  if (dir === 'flat') return zh ? '持平' : 'unchanged';
  const amount = formatNumber(Math.abs(change), decimals, locale);
  if (zh) {
    const word = dir === 'down' ? '下降' : unit === 'percent' ? '增长' : '上升';
    const suffix = unit === 'percent' ? '%' : unit === 'points' ? '个百分点' : '';
    return `${word}${amount}${suffix}`;
  }
  const suffix = unit === 'percent' ? '%' : unit === 'points' ? (amount === '1.0' || amount === '1' ? ' point' : ' points') : '';
  return `${dir === 'down' ? 'down' : 'up'} ${amount}${suffix}`;
}

/**
 * A signed change with its unit, without words.
 * @example signedChange(-0.1, 'points', 'zh-CN', 1) // '-0.1个百分点'
 */
export function signedChange(change: number | null | undefined, unit: ChangeUnit, locale: Locale, decimals: number): string {
  if (change == null || !Number.isFinite(change)) return MISSING;
  const dir = directionOf(change, decimals);
  const amount = formatNumber(Math.abs(change), decimals, locale);
  const suffix = unit === 'percent' ? '%' : unit === 'points' ? (locale === 'zh-CN' ? '个百分点' : ' pp') : '';
  return `${dir === 'up' ? '+' : dir === 'down' ? '-' : ''}${amount}${suffix}`;
}

/**
 * A completion rate against time progress (N/12 of the year), in percentage points.
 * @example progressPhrase(3.2, 'zh-CN') // '快于时序进度3.2个百分点'
 * @example progressPhrase(-1.25, 'en-US') // '1.3 points behind time progress'
 */
export function progressPhrase(gap: number | null | undefined, locale: Locale, decimals = 1): string {
  if (gap == null || !Number.isFinite(gap)) return MISSING;
  const dir = directionOf(gap, decimals);
  const amount = formatNumber(Math.abs(gap), decimals, locale);
  if (locale === 'zh-CN') return dir === 'flat' ? '与时序进度持平' : `${dir === 'up' ? '快于' : '慢于'}时序进度${amount}个百分点`;
  if (dir === 'flat') return 'in line with time progress';
  return `${amount} ${amount === '1.0' ? 'point' : 'points'} ${dir === 'up' ? 'ahead of' : 'behind'} time progress`;
}

export interface Streak {
  /** Direction of the latest change. */
  direction: Direction;
  /** Consecutive periods changing in that direction, ending at the latest (0 when there is no change to read). */
  length: number;
  /** Direction of the change just before the streak began, if known. */
  before: Direction | null;
}

/**
 * The run of same-direction changes ending with the last value. Values are compared at
 * `decimals` places, as they are read; a gap ends the run.
 * @example streakOf([5.5, 5.4, 5.3, 5.2], 1) // { direction: 'down', length: 3, before: null }
 * @example streakOf([5.2, 5.3, 5.2], 1) // { direction: 'down', length: 1, before: 'up' }
 */
export function streakOf(values: ReadonlyArray<number | null>, decimals: number): Streak {
  const dirs: Array<Direction | null> = [];
  for (let i = 1; i < values.length; i++) {
    const a = values[i - 1];
    const b = values[i];
    dirs.push(a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) ? null : directionOf(clean(b - a), decimals));
  }
  const last = dirs[dirs.length - 1];
  if (last == null) return { direction: 'flat', length: 0, before: null };
  let length = 0;
  let i = dirs.length - 1;
  while (i >= 0 && dirs[i] === last) {
    length++;
    i--;
  }
  return { direction: last, length, before: i >= 0 ? (dirs[i] ?? null) : null };
}

/**
 * The streak as words.
 * @example trendPhrase({ direction: 'down', length: 3, before: 'up' }, 'zh-CN', 'M') // '连续3个月下降'
 * @example trendPhrase({ direction: 'up', length: 1, before: 'down' }, 'zh-CN', 'M') // '由降转升'
 * @example trendPhrase({ direction: 'up', length: 2, before: null }, 'en-US', 'M') // 'up for 2 months in a row'
 */
export function trendPhrase(s: Streak, locale: Locale, frequency: Frequency, rising: 'rate' | 'count' = 'rate'): string {
  const zh = locale === 'zh-CN';
  if (s.length === 0) return MISSING;
  const unitZh = frequency === 'Q' ? '个季度' : frequency === 'A' ? '年' : '个月';
  const unitEn = frequency === 'Q' ? 'quarters' : frequency === 'A' ? 'years' : 'months';
  const upZh = rising === 'count' ? '增长' : '上升';
  if (s.direction === 'flat') {
    if (zh) return s.length >= 2 ? `连续${s.length}${unitZh}持平` : frequency === 'Q' ? '与上季持平' : '与上月持平';
    return s.length >= 2 ? `unchanged for ${s.length} ${unitEn} in a row` : 'unchanged from the previous period';
  }
  const wordZh = s.direction === 'up' ? upZh : '下降';
  if (s.length >= 2) return zh ? `连续${s.length}${unitZh}${wordZh}` : `${s.direction === 'up' ? 'up' : 'down'} for ${s.length} ${unitEn} in a row`;
  if (s.before && s.before !== 'flat' && s.before !== s.direction) {
    if (zh) return s.direction === 'up' ? '由降转升' : '由升转降';
    return s.direction === 'up' ? 'turning up after a fall' : 'turning down after a rise';
  }
  if (zh) return s.direction === 'up' ? `止稳后${upZh}` : '止稳后下降';
  return s.direction === 'up' ? 'rising after a steady period' : 'falling after a steady period';
}

/**
 * Whether a direction is good news for an indicator of this polarity.
 * @example isImprovement('down', 'up_bad') // true
 */
export function isImprovement(dir: Direction, polarity: Polarity): boolean | null {
  if (dir === 'flat' || polarity === 'neutral') return null;
  return (dir === 'up') === (polarity === 'up_good');
}

export type Judgement = 'progress' | 'stable' | 'pressure';

/**
 * 总体判断 from the year-on-year reading of the core indicators: each improvement counts +1, each
 * deterioration -1; two or more net improvements read 稳中有进, two or more net deteriorations read
 * 承压, anything between 总体稳定.
 * @example overallJudgement([true, true, null, false, true]) // 'progress'
 */
export function overallJudgement(improvements: ReadonlyArray<boolean | null>): Judgement {
  const score = improvements.reduce<number>((s, x) => s + (x === true ? 1 : x === false ? -1 : 0), 0);
  return score >= 2 ? 'progress' : score <= -2 ? 'pressure' : 'stable';
}

/** @example judgementPhrase('progress', 'zh-CN') // '稳中有进' */
export function judgementPhrase(j: Judgement, locale: Locale): string {
  if (locale === 'zh-CN') return j === 'progress' ? '稳中有进' : j === 'pressure' ? '承压运行' : '总体稳定';
  return j === 'progress' ? 'steady with progress' : j === 'pressure' ? 'under pressure' : 'broadly stable';
}

/**
 * Joins names as a Chinese or English list.
 * @example listPhrase(['甲', '乙', '丙'], 'zh-CN') // '甲、乙和丙'
 * @example listPhrase(['a', 'b'], 'en-US') // 'a and b'
 */
export function listPhrase(items: readonly string[], locale: Locale): string {
  if (items.length <= 1) return items[0] ?? '';
  const head = items.slice(0, -1);
  const last = items[items.length - 1]!;
  return locale === 'zh-CN' ? `${head.join('、')}和${last}` : `${head.join(', ')} and ${last}`;
}
