/**
 * Period arithmetic on canonical period strings:
 * monthly `YYYY-MM`, quarterly `YYYY-Qn`, annual `YYYY`.
 */
import type { Frequency, Locale } from './domain/types';

export interface ParsedPeriod {
  frequency: Frequency;
  year: number;
  /** Month 1-12, quarter 1-4, or 1 for a year. */
  index: number;
}

const MONTHLY = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTERLY = /^(\d{4})-Q([1-4])$/;
const ANNUAL = /^(\d{4})$/;

/**
 * Parses a canonical period string; returns null when it is not one.
 * @example parsePeriod('2024-06') // { frequency: 'M', year: 2024, index: 6 }
 */
export function parsePeriod(period: string): ParsedPeriod | null {
  let m = MONTHLY.exec(period);
  if (m) return { frequency: 'M', year: Number(m[1]), index: Number(m[2]) };
  m = QUARTERLY.exec(period);
  if (m) return { frequency: 'Q', year: Number(m[1]), index: Number(m[2]) };
  m = ANNUAL.exec(period);
  if (m) return { frequency: 'A', year: Number(m[1]), index: 1 };
  return null;
}

/** Like {@link parsePeriod} but throws on a malformed period. */
export function mustParsePeriod(period: string): ParsedPeriod {
  const parsed = parsePeriod(period);
  if (!parsed) throw new RangeError(`Not a canonical period: ${period}`);
  return parsed;
}

/**
 * Builds the canonical string.
 * @example formatPeriod({ frequency: 'Q', year: 2024, index: 2 }) // '2024-Q2'
 */
export function formatPeriod(p: ParsedPeriod): string {
  switch (p.frequency) {
    case 'M':
      return `${p.year}-${String(p.index).padStart(2, '0')}`;
    case 'Q':
      return `${p.year}-Q${p.index}`;
    case 'A':
      return String(p.year);
  }
}

/** Periods per year: 12, 4 or 1. */
export function periodsPerYear(frequency: Frequency): number {
  return frequency === 'M' ? 12 : frequency === 'Q' ? 4 : 1;
}

/**
 * Number of periods since year 0, for distance arithmetic.
 * @example periodOrdinal('2024-01') - periodOrdinal('2023-12') // 1
 */
export function periodOrdinal(period: string): number {
  const p = mustParsePeriod(period);
  return p.year * periodsPerYear(p.frequency) + (p.index - 1);
}

/** Inverse of {@link periodOrdinal} for a given frequency. */
export function periodFromOrdinal(ordinal: number, frequency: Frequency): string {
  const n = periodsPerYear(frequency);
  const year = Math.floor(ordinal / n);
  return formatPeriod({ frequency, year, index: ordinal - year * n + 1 });
}

/**
 * Moves a period by `n` steps of its own frequency.
 * @example shiftPeriod('2024-01', -1) // '2023-12'
 */
export function shiftPeriod(period: string, n: number): string {
  const p = mustParsePeriod(period);
  return periodFromOrdinal(periodOrdinal(period) + n, p.frequency);
}

/** The same period one year earlier. @example lastYear('2024-Q2') // '2023-Q2' */
export function lastYear(period: string): string {
  const p = mustParsePeriod(period);
  return formatPeriod({ ...p, year: p.year - 1 });
}

/**
 * All periods from `from` to `to` inclusive (same frequency).
 * @example periodRange('2024-11', '2025-01') // ['2024-11', '2024-12', '2025-01']
 */
export function periodRange(from: string, to: string): string[] {
  const a = mustParsePeriod(from);
  const b = mustParsePeriod(to);
  if (a.frequency !== b.frequency) throw new RangeError(`Mixed frequencies: ${from}..${to}`);
  const out: string[] = [];
  for (let o = periodOrdinal(from), end = periodOrdinal(to); o <= end; o++) {
    out.push(periodFromOrdinal(o, a.frequency));
  }
  return out;
}

/** Compares two periods of the same frequency (for sorting). */
export function comparePeriods(a: string, b: string): number {
  return periodOrdinal(a) - periodOrdinal(b);
}

/** The frequency of a canonical period string. */
export function periodFrequency(period: string): Frequency {
  return mustParsePeriod(period).frequency;
}

/** The last month covered by a period. @example lastMonthOf('2024-Q2') // '2024-06' */
export function lastMonthOf(period: string): string {
  const p = mustParsePeriod(period);
  const month = p.frequency === 'M' ? p.index : p.frequency === 'Q' ? p.index * 3 : 12;
  return formatPeriod({ frequency: 'M', year: p.year, index: month });
}

/** The quarter a month belongs to. @example quarterOf('2024-05') // '2024-Q2' */
export function quarterOf(month: string): string {
  const p = mustParsePeriod(month);
  return formatPeriod({ frequency: 'Q', year: p.year, index: Math.ceil(p.index / 3) });
}

/** The first month covered by a period. @example firstMonthOf('2024-Q2') // '2024-04' */
export function firstMonthOf(period: string): string {
  const p = mustParsePeriod(period);
  const month = p.frequency === 'M' ? p.index : p.frequency === 'Q' ? p.index * 3 - 2 : 1;
  return formatPeriod({ frequency: 'M', year: p.year, index: month });
}

/**
 * Every month a period covers.
 * @example monthsOf('2024-Q2') // ['2024-04', '2024-05', '2024-06']
 */
export function monthsOf(period: string): string[] {
  return periodRange(firstMonthOf(period), lastMonthOf(period));
}

/**
 * The period of a coarser (or the same) frequency that contains a month.
 * @example periodOfMonth('2024-05', 'Q') // '2024-Q2'
 * @example periodOfMonth('2024-05', 'A') // '2024'
 */
export function periodOfMonth(month: string, frequency: Frequency): string {
  const p = mustParsePeriod(month);
  if (p.frequency !== 'M') throw new RangeError(`Not a month: ${month}`);
  if (frequency === 'M') return month;
  return frequency === 'Q' ? quarterOf(month) : String(p.year);
}

/**
 * Number of steps from `from` to `to` (same frequency); negative when `to` is earlier.
 * @example periodDistance('2023-11', '2024-02') // 3
 */
export function periodDistance(from: string, to: string): number {
  const a = mustParsePeriod(from);
  const b = mustParsePeriod(to);
  if (a.frequency !== b.frequency) throw new RangeError(`Mixed frequencies: ${from}..${to}`);
  return periodOrdinal(to) - periodOrdinal(from);
}

/**
 * The latest full calendar month before `today` (the month before the current one).
 * @example latestFullMonth(new Date('2026-11-28')) // '2026-10'
 */
export function latestFullMonth(today: Date): string {
  const y = today.getFullYear();
  const m = today.getMonth(); // 0-based: the previous month as 1-based
  return m === 0 ? `${y - 1}-12` : formatPeriod({ frequency: 'M', year: y, index: m });
}

/**
 * Human label of a period. YTD labels read as the cumulative span (1-6月 / Jan-Jun).
 * @example periodLabel('2024-06', 'zh-CN', true) // '2024年1-6月'
 */
export function periodLabel(period: string, locale: Locale, ytd = false): string {
  const p = parsePeriod(period);
  if (!p) return period;
  const zh = locale === 'zh-CN';
  if (p.frequency === 'A') return zh ? `${p.year}年` : String(p.year);
  if (p.frequency === 'Q') {
    if (ytd && p.index > 1) {
      const end = p.index * 3;
      return zh ? `${p.year}年1-${end}月` : `Jan-${MONTHS_EN[end - 1]} ${p.year}`;
    }
    return zh ? `${p.year}年${QUARTERS_ZH[p.index - 1]}季度` : `Q${p.index} ${p.year}`;
  }
  if (ytd && p.index > 1) {
    return zh ? `${p.year}年1-${p.index}月` : `Jan-${MONTHS_EN[p.index - 1]} ${p.year}`;
  }
  return zh ? `${p.year}年${p.index}月` : `${MONTHS_EN[p.index - 1]} ${p.year}`;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const QUARTERS_ZH = ['一', '二', '三', '四'];
