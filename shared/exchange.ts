/**
 * The workstation's own exchange format: a long CSV with the header `indicator,period,value`, one
 * column per dimension used (`district`, `gender`, ...) and optionally `unit`. Indicators by
 * catalogue code, periods canonical, members by code. The explorer's export writes it and the
 * importer reads it without a mapping (docs/exchange-format.md).
 */
import type { MemberSelection } from './domain/types';

export const EXCHANGE_BASE_COLUMNS = ['indicator', 'period', 'value'] as const;

export interface ExchangeRow {
  indicator: string;
  period: string;
  value: number | null;
  members: MemberSelection;
}

/** Quotes a CSV field when it holds a delimiter, quote or line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Writes rows as exchange CSV (no BOM, `\n` line ends). Dimension columns follow `dimensionOrder`;
 * `extra` adds constant columns such as `view` for derived values.
 * @example writeExchangeCsv([{ indicator: 'UNE.SURVEY_RATE', period: '2024-06', value: 5, members: {} }], [])
 * // 'indicator,period,value\nUNE.SURVEY_RATE,2024-06,5\n'
 */
export function writeExchangeCsv(rows: readonly ExchangeRow[], dimensionOrder: readonly string[], extra: Record<string, string> = {}): string {
  const used = new Set<string>();
  for (const r of rows) for (const d of Object.keys(r.members)) used.add(d);
  const dims = [...dimensionOrder.filter((d) => used.has(d)), ...[...used].filter((d) => !dimensionOrder.includes(d)).sort()];
  const extraCols = Object.keys(extra);
  const lines = [[...EXCHANGE_BASE_COLUMNS, ...dims, ...extraCols].join(',')];
  for (const r of rows) {
    if (r.value == null) continue;
    lines.push(
      [r.indicator, r.period, String(r.value), ...dims.map((d) => r.members[d] ?? ''), ...extraCols.map((c) => extra[c]!)].map(csvField).join(','),
    );
  }
  return lines.join('\n') + '\n';
}
