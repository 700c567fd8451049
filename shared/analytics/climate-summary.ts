/**
 * The generated sentence under the climate index: "本月指数上升X点，主要由A、B拉动，C拖累" and its
 * English counterpart, from each component's contribution in index points. Drivers are the
 * largest contributions in the direction of the change (at most two), the drag the largest one
 * against it (at most one). A change that rounds to 0.0 points reads as flat.
 */
import type { LocalizedName, Locale } from '../domain/types';
import { formatNumber } from '../format';
import { periodLabel } from '../period';

export interface ClimateSummaryInput {
  periods: readonly string[];
  change: ReadonlyArray<number | null>;
  index: ReadonlyArray<number | null>;
  components: ReadonlyArray<{ key: string; label: LocalizedName; pointContributions: ReadonlyArray<number | null> }>;
}

export interface ClimateSummary {
  period: string;
  index: number;
  change: number;
  direction: 'up' | 'down' | 'flat';
  /** Components pushing in the direction of the change, largest first. */
  drivers: Array<{ key: string; label: LocalizedName; points: number }>;
  /** Components pushing against it, largest first. */
  drags: Array<{ key: string; label: LocalizedName; points: number }>;
}

/**
 * The drivers and drags of period `t`'s index change; null where the period has no change.
 * With a flat index, drivers are the positive contributions and drags the negative ones.
 * @example summarizeClimate(result, result.periods.length - 1)?.direction // 'up'
 */
export function summarizeClimate(input: ClimateSummaryInput, t: number): ClimateSummary | null {
  const change = input.change[t];
  const index = input.index[t];
  if (change == null || index == null || !Number.isFinite(change) || !Number.isFinite(index)) return null;
  const direction = Math.abs(change) < 0.05 ? 'flat' : change > 0 ? 'up' : 'down';
  const sign = direction === 'down' ? -1 : 1;
  const parts = input.components
    .map((c) => ({ key: c.key, label: c.label, points: c.pointContributions[t] ?? null }))
    .filter((c): c is { key: string; label: LocalizedName; points: number } => c.points !== null && Number.isFinite(c.points) && Math.abs(c.points) >= 0.005);
  const drivers = parts.filter((c) => sign * c.points > 0).sort((a, b) => sign * (b.points - a.points)).slice(0, 2);
  const drags = parts.filter((c) => sign * c.points < 0).sort((a, b) => sign * (a.points - b.points)).slice(0, 1);
  return { period: input.periods[t]!, index, change, direction, drivers, drags };
}

/**
 * The sentence for period `t` (`subject` 'this' for 本月 / This month, 'period' to name it).
 * @example climateSentence(result, t, 'zh-CN') // '本月指数上升1.2点，主要由重点企业新招用人数、新登记经营主体拉动，城镇调查失业率拖累。'
 * @example climateSentence(result, t, 'en-US') // 'This month the index rose 1.2 points, driven mainly by ...; ... weighed on it.'
 */
export function climateSentence(input: ClimateSummaryInput, t: number, locale: Locale, subject: 'this' | 'period' = 'this'): string | null {
  const s = summarizeClimate(input, t);
  if (!s) return null;
  const zh = locale === 'zh-CN';
  const name = (l: LocalizedName) => (zh ? l.zh : l.en) || (zh ? l.en : l.zh);
  const points = formatNumber(Math.abs(s.change), 1, locale);
  const drivers = s.drivers.map((d) => name(d.label));
  const drags = s.drags.map((d) => name(d.label));
  if (zh) {
    const who = subject === 'this' ? '本月' : periodLabel(s.period, locale);
    if (s.direction === 'flat') {
      const parts = [`${who}指数与上期基本持平`];
      if (drivers.length) parts.push(`${drivers.join('、')}拉动`);
      if (drags.length) parts.push(`${drags.join('、')}拖累`);
      return parts.join('，') + '。';
    }
    if (s.direction === 'up') {
      let text = `${who}指数上升${points}点`;
      if (drivers.length) text += `，主要由${drivers.join('、')}拉动`;
      if (drags.length) text += `，${drags.join('、')}拖累`;
      return text + '。';
    }
    let text = `${who}指数下降${points}点`;
    if (drivers.length) text += `，主要受${drivers.join('、')}拖累`;
    if (drags.length) text += `，${drags.join('、')}拉动`;
    return text + '。';
  }
  const who = subject === 'this' ? 'This month' : `In ${periodLabel(s.period, locale)}`;
  const list = (xs: string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}` : xs[0]!);
  if (s.direction === 'flat') {
    let text = `${who} the index was broadly unchanged`;
    if (drivers.length) text += `; ${list(drivers)} pushed it up`;
    if (drags.length) text += `; ${list(drags)} held it back`;
    return text + '.';
  }
  const unit = points === formatNumber(1, 1, locale) ? 'point' : 'points';
  if (s.direction === 'up') {
    let text = `${who} the index rose ${points} ${unit}`;
    if (drivers.length) text += `, driven mainly by ${list(drivers)}`;
    if (drags.length) text += `; ${list(drags)} weighed on it`;
    return text + '.';
  }
  let text = `${who} the index fell ${points} ${unit}`;
  if (drivers.length) text += `, dragged down mainly by ${list(drivers)}`;
  if (drags.length) text += `; ${list(drags)} offset part of the fall`;
  return text + '.';
}
