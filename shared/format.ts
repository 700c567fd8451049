/** Number and change formatting per locale. Null, NaN and Infinity render as a dash, never as text like "NaN". */
import type { ChangeUnit } from './calc/changes';
import type { Locale, Polarity } from './domain/types';

export const MISSING = '—';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: Locale, decimals: number): Intl.NumberFormat {
  const key = `${locale}|${decimals}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formatters.set(key, f);
  }
  return f;
}

/**
 * @example formatNumber(118888, 0, 'zh-CN') // '118,888'
 * @example formatNumber(null, 1, 'en-US') // '—'
 */
export function formatNumber(value: number | null | undefined, decimals: number, locale: Locale): string {
  if (value == null || !Number.isFinite(value)) return MISSING;
  const out = formatter(locale, decimals).format(value);
  return out === '-0' || /^-0[.,]0+$/.test(out) ? out.slice(1) : out;
}

/**
 * A signed change with its unit: percent, percentage points or a plain difference.
 * @example formatChange(-0.1, 'points', 'zh-CN', 1) // '-0.1个百分点'
 * @example formatChange(2.345, 'percent', 'en-US', 1) // '+2.3%'
 */
export function formatChange(value: number | null | undefined, unit: ChangeUnit, locale: Locale, decimals = 1): string {
  if (value == null || !Number.isFinite(value)) return MISSING;
  const body = formatNumber(Math.abs(value), decimals, locale);
  const zero = /^[0.,]+$/.test(body);
  const sign = zero ? '' : value > 0 ? '+' : '-';
  const suffix = unit === 'percent' ? '%' : unit === 'points' ? (locale === 'zh-CN' ? '个百分点' : ' pp') : '';
  return `${sign}${body}${suffix}`;
}

export type Assessment = 'better' | 'worse' | 'flat' | 'neutral';

/**
 * Whether a change is good news given the indicator's polarity.
 * @example assessChange(0.2, 'up_bad') // 'worse'
 */
export function assessChange(delta: number | null | undefined, polarity: Polarity): Assessment {
  if (delta == null || !Number.isFinite(delta)) return 'neutral';
  if (Math.abs(delta) < 1e-9) return 'flat';
  if (polarity === 'neutral') return 'neutral';
  return (delta > 0) === (polarity === 'up_good') ? 'better' : 'worse';
}

/**
 * An axis tick: as many decimals as the tick itself has (ECharts picks round steps such as 0.5 or
 * 0.25), at most three, so neighbouring ticks never print the same label.
 * @example formatAxisValue(100.5, 'zh-CN') // '100.5'
 * @example formatAxisValue(342000, 'zh-CN') // '342,000'
 */
export function formatAxisValue(value: number, locale: Locale): string {
  if (!Number.isFinite(value)) return MISSING;
  const text = String(Math.round(value * 1000) / 1000);
  const dot = text.indexOf('.');
  return formatNumber(value, dot < 0 ? 0 : Math.min(3, text.length - dot - 1), locale);
}
