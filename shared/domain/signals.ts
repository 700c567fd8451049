/**
 * Public-opinion signals (舆情线索): case lists from the 12345 hotline, the wage-arrears warning
 * platform, police 110 linkage and the like. Each case row has a date, channel, district, the firm
 * (name or credit code), a category, a count and a summary; cases are linked to monitored firms by
 * credit code or exact name and counted by district and category for the warning rules.
 */
import { SIGNAL_CATEGORIES, SIGNAL_CHANNELS, type SignalCategory, type SignalChannel } from '../warnings/rules';

export { SIGNAL_CATEGORIES, SIGNAL_CHANNELS, type SignalCategory, type SignalChannel };

export interface SignalCaseInput {
  /** YYYY-MM-DD */
  date: string;
  channel: SignalChannel;
  district: string | null;
  firmName: string | null;
  creditCode: string | null;
  category: SignalCategory;
  count: number;
  summary: string;
}

export interface SignalCase extends SignalCaseInput {
  id: number;
  period: string;
  enterpriseId: number | null;
  snapshotId: number;
}

const CATEGORY_WORDS: Record<SignalCategory, string[]> = {
  wage_arrears: ['欠薪', '拖欠工资', '欠薪预警', 'wage arrears', 'wage_arrears'],
  layoff: ['裁员', '辞退', '解除劳动合同', 'layoff', 'layoffs'],
  halt: ['停产', '停工', '停业', 'halt', 'shutdown'],
  social_insurance: ['社保', '社会保险', '断缴', 'social insurance', 'social_insurance'],
  other: ['其他', '其它', 'other'],
};

const CHANNEL_WORDS: Record<SignalChannel, string[]> = {
  hotline: ['12345', '12345热线', '市民热线', '热线', 'hotline'],
  wage_arrears: ['欠薪预警平台', '欠薪平台', '根治欠薪平台', '欠薪预警', 'wage-arrears platform', 'wage_arrears'],
  police110: ['110', '110联动', '公安110', '110警情', 'police 110', 'police110'],
  other: ['其他', '其它', 'other'],
};

function lookup<K extends string>(table: Record<K, string[]>, text: string): K | null {
  const t = text.trim().toLowerCase();
  if (!t) return null;
  for (const [key, words] of Object.entries(table) as Array<[K, string[]]>) {
    if (words.some((w) => w.toLowerCase() === t)) return key;
  }
  return null;
}

/**
 * The category a case list writes as 欠薪, 裁员, 停产, 社保 or 其他 (or the code itself).
 * @example parseSignalCategory('欠薪') // 'wage_arrears'
 */
export function parseSignalCategory(text: string): SignalCategory | null {
  return lookup(CATEGORY_WORDS, text);
}

/**
 * The channel of a case list: 12345, 欠薪预警平台, 110联动, 其他 (or the code itself).
 * @example parseSignalChannel('110联动') // 'police110'
 */
export function parseSignalChannel(text: string): SignalChannel | null {
  return lookup(CHANNEL_WORDS, text);
}

/**
 * A key identifying a case row, so that importing the same list twice adds nothing.
 * @example signalFingerprint({ date: '2026-10-03', channel: 'hotline', district: '210106', firmName: 'A', creditCode: null, category: 'layoff', count: 2, summary: 's' })
 */
export function signalFingerprint(c: SignalCaseInput): string {
  return [c.date, c.channel, c.district ?? '', c.creditCode ?? '', (c.firmName ?? '').trim(), c.category, String(c.count), c.summary.trim()].join('\u241f');
}

export interface FirmMatcher {
  byCode(code: string): number | null;
  byName(name: string): number | null;
}

/**
 * Links a case to a monitored firm: by credit code first, else by exact name (after trimming).
 * @example linkSignal({ creditCode: null, firmName: '沈阳北方重型机械有限公司' }, matcher) // the firm's id or null
 */
export function linkSignal(c: Pick<SignalCaseInput, 'creditCode' | 'firmName'>, matcher: FirmMatcher): number | null {
  if (c.creditCode) {
    const id = matcher.byCode(c.creditCode);
    if (id !== null) return id;
  }
  if (c.firmName && c.firmName.trim()) return matcher.byName(c.firmName.trim());
  return null;
}

export interface SignalCountRow {
  key: string;
  count: number;
  cases: number;
  byCategory: Record<string, number>;
  byChannel: Record<string, number>;
  caseIds: number[];
}

/**
 * Counts cases (the sum of their counts) per key, e.g. per district or per firm.
 * Cases whose key is null (no district given, no firm linked) are left out.
 * @example countSignals(cases, (c) => c.district) // one row per district
 */
export function countSignals<T extends Pick<SignalCase, 'id' | 'count' | 'category' | 'channel'>>(cases: readonly T[], keyOf: (c: T) => string | null): SignalCountRow[] {
  const rows = new Map<string, SignalCountRow>();
  for (const c of cases) {
    const key = keyOf(c);
    if (key === null) continue;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { key, count: 0, cases: 0, byCategory: {}, byChannel: {}, caseIds: [] }));
    r.count += c.count;
    r.cases++;
    r.byCategory[c.category] = (r.byCategory[c.category] ?? 0) + c.count;
    r.byChannel[c.channel] = (r.byChannel[c.channel] ?? 0) + c.count;
    r.caseIds.push(c.id);
  }
  return [...rows.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/**
 * A case's date as YYYY-MM-DD from what a case list holds: a spreadsheet date, or text such as
 * 2026-10-03, 2026/10/3, 2026.10.3, 2026年10月3日 or 20261003 (a time after it is ignored).
 * Null when it is not a real calendar date.
 * @example parseCaseDate('2026年10月3日 14:20') // '2026-10-03'
 * @example parseCaseDate('2026-02-30') // null
 */
export function parseCaseDate(cell: string | number | boolean | Date | null | undefined): string | null {
  let y: number;
  let m: number;
  let d: number;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    // Spreadsheet dates arrive as UTC midnight of the day written.
    y = cell.getUTCFullYear();
    m = cell.getUTCMonth() + 1;
    d = cell.getUTCDate();
  } else if (typeof cell === 'string' || typeof cell === 'number') {
    const text = String(cell)
      .replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .trim();
    const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[\sT].*)?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
    if (!match) return null;
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  } else {
    return null;
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
