/**
 * Periods as agencies write them, resolved against an indicator's frequency and its year-to-date
 * definition: 2024-06, 2024/6, 2024年6月, 202406, 2024M06, 2024年1-6月 / 1-6月累计 (YTD),
 * 2024年二季度, 2024Q2, 2024年上半年, 2024年前三季度, 2024年.
 */
import { formatPeriod } from '../period';
import type { Frequency } from '../domain/types';
import { toHalfWidth, type Cell } from './text';

/** What the text says, before an indicator is known. */
export interface PeriodText {
  year: number;
  /** month: a month; quarter: a quarter; year: a year; ytd: January to `index` (a month, or a quarter end when `quarterly`). */
  kind: 'month' | 'quarter' | 'year' | 'ytd';
  /** Month (1-12) or quarter (1-4); for ytd the last month or quarter covered. */
  index: number;
  /** For ytd: the span counts quarters (前三季度) rather than months. */
  quarterly?: boolean;
  /** For ytd: the first month (or quarter) of the span as written; must be 1. */
  from?: number;
  /**
   * How explicit the text is: `ytd` names a cumulative span (1-6月, 累计, 上半年), `single` names one
   * period only (二季度, 6月当月), `neutral` is a plain date form that fits either.
   */
  form: 'neutral' | 'ytd' | 'single';
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

function num(text: string): number {
  return CN_DIGITS[text] ?? Number(text);
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function month(year: number, m: number, form: PeriodText['form'] = 'neutral'): PeriodText | null {
  if (year < MIN_YEAR || year > MAX_YEAR || !Number.isInteger(m) || m < 1 || m > 12) return null;
  return { year, kind: 'month', index: m, form };
}

function quarter(year: number, q: number, form: PeriodText['form']): PeriodText | null {
  if (year < MIN_YEAR || year > MAX_YEAR || !Number.isInteger(q) || q < 1 || q > 4) return null;
  return { year, kind: 'quarter', index: q, form };
}

function ytd(year: number, from: number, to: number, quarterly = false): PeriodText | null {
  const max = quarterly ? 4 : 12;
  if (year < MIN_YEAR || year > MAX_YEAR || !Number.isInteger(to) || to < 1 || to > max || from < 1 || from > to) return null;
  return { year, kind: 'ytd', index: to, from, quarterly, form: 'ytd' };
}

const SEP = '[-~—–―至到]';
const CN_NUM = '(\\d{1,2}|十[一二]?|[一二三四五六七八九十])';

const PATTERNS: Array<[RegExp, (m: RegExpExecArray, yearHint: number | null) => PeriodText | null]> = [
  // 2024-06, 2024/6, 2024.06, and dates in a month (2024-06-01)
  [/^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/, (m) => month(+m[1]!, +m[2]!)],
  // 202406
  [/^(\d{4})(\d{2})$/, (m) => month(+m[1]!, +m[2]!)],
  // 2024M06
  [/^(\d{4})[Mm](\d{1,2})$/, (m) => month(+m[1]!, +m[2]!)],
  // 2024Q2, 2024-Q2, 2024 Q2
  [/^(\d{4})-?[Qq]([1-4])$/, (m) => quarter(+m[1]!, +m[2]!, 'neutral')],
  // 2024年 / 2024
  [/^(\d{4})年?(?:度|全年)?$/, (m) => (+m[1]! >= MIN_YEAR && +m[1]! <= MAX_YEAR ? { year: +m[1]!, kind: 'year', index: 1, form: 'neutral' } : null)],
  // 2024年6月, 2024年6月份, 6月 (with a year from the context), 2024年6月当月
  [new RegExp(`^(?:(\\d{4})年)?${CN_NUM}月(?:份)?(当月|本月)?$`), (m, y) => {
    const year = m[1] ? +m[1] : y;
    return year === null ? null : month(year, num(m[2]!), m[3] ? 'single' : 'neutral');
  }],
  // 2024年1-6月, 1-6月累计, 2024年1—6月份累计
  [new RegExp(`^(?:(\\d{4})年)?${CN_NUM}月?${SEP}${CN_NUM}月(?:份)?(?:累计|合计)?$`), (m, y) => {
    const year = m[1] ? +m[1] : y;
    return year === null ? null : ytd(year, num(m[2]!), num(m[3]!));
  }],
  // 2024年6月累计, 截至6月累计, 2024年累计至6月
  [new RegExp(`^(?:(\\d{4})年)?(?:截至|截止|累计至)?${CN_NUM}月(?:末)?(?:累计)$`), (m, y) => {
    const year = m[1] ? +m[1] : y;
    return year === null ? null : ytd(year, 1, num(m[2]!));
  }],
  [new RegExp(`^(?:(\\d{4})年)?累计至${CN_NUM}月$`), (m, y) => {
    const year = m[1] ? +m[1] : y;
    return year === null ? null : ytd(year, 1, num(m[2]!));
  }],
  // 2024年二季度, 2024年第二季度, 2024年2季度
  [/^(?:(\d{4})年)?第?([一二三四1-4])季度?$/, (m, y) => {
    const year = m[1] ? +m[1] : y;
    return year === null ? null : quarter(year, num(m[2]!), 'single');
  }],
  // 2024年上半年
  [/^(?:(\d{4})年)?上半年$/, (m, y) => {
    const year = m[1] ? +m[1] : y;
    return year === null ? null : ytd(year, 1, 2, true);
  }],
  // 2024年前三季度, 2024年1-3季度, 一至三季度
  [/^(?:(\d{4})年)?(?:前([一二三四1-4])|([一二三四1-4])[-~—–至到]([一二三四1-4]))季度$/, (m, y) => {
    const year = m[1] ? +m[1] : y;
    if (year === null) return null;
    return m[2] ? ytd(year, 1, num(m[2]), true) : ytd(year, num(m[3]!), num(m[4]!), true);
  }],
];

/**
 * Reads a period cell. `yearHint` supplies the year for forms without one ("1-6月累计" under a
 * title "2024年..."). Dates (spreadsheet date cells) read as their month.
 * @example parsePeriodText('2024年1-6月') // { year: 2024, kind: 'ytd', index: 6, from: 1, quarterly: false, form: 'ytd' }
 * @example parsePeriodText('2024Q2') // { year: 2024, kind: 'quarter', index: 2, form: 'neutral' }
 */
export function parsePeriodText(cell: Cell | undefined, yearHint: number | null = null): PeriodText | null {
  if (cell === null || cell === undefined || typeof cell === 'boolean') return null;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    return month(cell.getUTCFullYear(), cell.getUTCMonth() + 1);
  }
  const text = typeof cell === 'number' ? (Number.isInteger(cell) ? String(cell) : '') : toHalfWidth(cell).replace(/\s+/g, '');
  if (!text) return null;
  for (const [re, build] of PATTERNS) {
    const m = re.exec(text);
    if (m) return build(m, yearHint);
  }
  return null;
}

export type PeriodProblem = 'frequency' | 'ytd_form' | 'single_form' | 'ytd_start';

/**
 * The canonical period of a text for an indicator, or why it does not fit: a YTD span for a
 * non-cumulative indicator, a single quarter for a cumulative one, a span not starting in January,
 * or a period of the wrong frequency.
 * @example resolvePeriod(parsePeriodText('2024年1-6月')!, { frequency: 'Q', ytd: true }) // { period: '2024-Q2' }
 * @example resolvePeriod(parsePeriodText('2024年1-6月')!, { frequency: 'M', ytd: false }) // { problem: 'ytd_form' }
 */
export function resolvePeriod(p: PeriodText, indicator: { frequency: Frequency; ytd: boolean }): { period: string } | { problem: PeriodProblem } {
  if (p.kind === 'ytd') {
    if (!indicator.ytd) return { problem: 'ytd_form' };
    if (p.from !== 1) return { problem: 'ytd_start' };
    const endMonth = p.quarterly ? p.index * 3 : p.index;
    return endMonthPeriod(p.year, endMonth, indicator.frequency);
  }
  if (p.form === 'single' && indicator.ytd && p.index > 1) return { problem: 'single_form' };
  switch (p.kind) {
    case 'month':
      return indicator.frequency === 'M' ? { period: formatPeriod({ frequency: 'M', year: p.year, index: p.index }) } : { problem: 'frequency' };
    case 'quarter':
      return indicator.frequency === 'Q' ? { period: formatPeriod({ frequency: 'Q', year: p.year, index: p.index }) } : { problem: 'frequency' };
    case 'year':
      return indicator.frequency === 'A' ? { period: String(p.year) } : { problem: 'frequency' };
  }
}

function endMonthPeriod(year: number, endMonth: number, frequency: Frequency): { period: string } | { problem: PeriodProblem } {
  if (frequency === 'M') return { period: formatPeriod({ frequency: 'M', year, index: endMonth }) };
  if (frequency === 'Q') return endMonth % 3 === 0 ? { period: formatPeriod({ frequency: 'Q', year, index: endMonth / 3 }) } : { problem: 'frequency' };
  return endMonth === 12 ? { period: String(year) } : { problem: 'frequency' };
}

/**
 * A year mentioned in a title or file name ("2024年6月各区就业情况.xlsx"), or null.
 * @example yearIn('沈阳市2024年1-6月就业情况') // 2024
 */
export function yearIn(text: string): number | null {
  const m = /(?:^|[^\d])((?:19|20)\d{2})(?:年|[-_./]|$|[^\d])/.exec(toHalfWidth(text));
  return m ? Number(m[1]) : null;
}

/**
 * A period written in a title ("2024年6月", "2024年1-6月"), as its text, or null.
 * @example periodTextIn('沈阳市2024年1-6月城镇新增就业') // '2024年1-6月'
 */
export function periodTextIn(text: string): string | null {
  const t = toHalfWidth(text).replace(/\s+/g, '');
  const m =
    /(\d{4}年(?:\d{1,2}[-~—–至]\d{1,2}月(?:累计)?|\d{1,2}月|[一二三四1-4]季度|第[一二三四]季度|上半年|前[一二三]季度))/.exec(t);
  return m ? m[1]! : null;
}
