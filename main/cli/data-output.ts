/**
 * How the data commands (import, snapshots, provenance, package) talk: the same messages as the
 * UI (shared/import/messages.ts) in the cache's language or --lang, issues with their sheet, row
 * and column, and AppErrors reported with exit code 2.
 */
import { AppError } from '../../shared/api/errors';
import type { ImportIssue } from '../../shared/api/imports';
import { dataMessage } from '../../shared/import/messages';
import type { Locale } from '../../shared/domain/types';
import { getSetting } from '../services/settings';
import type { Db } from '../db/connection';
import { EXIT_REJECTED, type CliIO, type ParsedArgs } from './command';

export const LANG_OPTION = { lang: { type: 'string' } } as const;

export function cliLocale(args: ParsedArgs, db?: Db): Locale {
  const lang = args.values.lang as string | undefined;
  if (lang === 'en' || lang === 'en-US') return 'en-US';
  if (lang === 'zh' || lang === 'zh-CN') return 'zh-CN';
  return db ? getSetting<Locale>(db, 'locale', 'zh-CN') : 'zh-CN';
}

export function messageOf(code: string, params: Record<string, string | number>, locale: Locale, fallback: string): string {
  return dataMessage(code, params, locale) ?? fallback;
}

/** "新增就业!E5" / "第 14 行 C 列" / "row 14, column C". */
export function locationOf(i: Pick<ImportIssue, 'sheet' | 'row' | 'col'>, locale: Locale): string {
  const zh = locale === 'zh-CN';
  if (i.sheet && i.row !== null && i.col) return `${i.sheet}!${i.col}${i.row}`;
  const parts: string[] = [];
  if (i.sheet) parts.push(zh ? `工作表“${i.sheet}”` : `sheet "${i.sheet}"`);
  if (i.row !== null) parts.push(zh ? `第 ${i.row} 行` : `row ${i.row}`);
  if (i.col) parts.push(zh ? `${i.col} 列` : `column ${i.col}`);
  return parts.join(zh ? ' ' : ', ');
}

export function issueLine(i: ImportIssue, locale: Locale): string {
  const where = locationOf(i, locale);
  const severity = locale === 'zh-CN' ? { error: '错误', warning: '警告', info: '提示' }[i.severity] : i.severity;
  return `${severity}${where ? ` ${where}` : ''}: ${messageOf(i.code, i.params, locale, i.code)} [${i.code}]`;
}

/** Runs a data command body; an AppError is printed in the user's language and exits 2. */
export async function reportingErrors(io: CliIO, locale: () => Locale, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof AppError) {
      const loc = locale();
      io.err(`${loc === 'zh-CN' ? '错误' : 'error'} [${err.code}]: ${messageOf(err.code, err.params, loc, err.message)}`);
      return EXIT_REJECTED;
    }
    throw err;
  }
}
