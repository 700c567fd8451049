/**
 * Table export to CSV (UTF-8 with a byte-order mark, so Excel and WPS read the Chinese right) or
 * XLSX (exceljs, a real workbook with a header row, frozen, and number formats). Missing values are
 * empty cells, never NaN.
 */
import ExcelJS from 'exceljs';
import type { ExportedFile } from '../../shared/api/series';
import type { Locale, LocalizedName } from '../../shared/domain/types';

export interface ExportColumn<T> {
  header: LocalizedName;
  value: (row: T) => string | number | null | undefined;
  /** Excel number format, e.g. '0.00' or '#,##0'. */
  numFmt?: string;
  width?: number;
}

function cell(v: string | number | null | undefined): string | number | null {
  if (v == null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return v;
}

function csvField(v: string | number | null): string {
  if (v == null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Writes rows as CSV or XLSX.
 * @example await exportTable('台账', columns, rows, 'csv', 'zh-CN') // { fileName: '台账.csv', ... }
 */
export async function exportTable<T>(baseName: string, columns: ReadonlyArray<ExportColumn<T>>, rows: readonly T[], format: 'csv' | 'xlsx', locale: Locale, sheetName = 'Sheet1'): Promise<ExportedFile> {
  const headers = columns.map((c) => (locale === 'zh-CN' ? c.header.zh : c.header.en));
  const safeName = baseName.replace(/[\\/:*?"<>|]+/g, '_');
  if (format === 'csv') {
    const lines = [headers.map((h) => csvField(h)).join(',')];
    for (const r of rows) lines.push(columns.map((c) => csvField(cell(c.value(r)))).join(','));
    return { fileName: `${safeName}.csv`, mime: 'text/csv', content: `\ufeff${lines.join('\r\n')}\r\n`, encoding: 'utf8' };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = '就业监测分析工作站';
  const ws = wb.addWorksheet(sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, '_'), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c, i) => ({ header: headers[i]!, key: `c${i}`, width: c.width ?? Math.max(10, Math.min(40, headers[i]!.length * 2 + 4)), style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(columns.map((c) => cell(c.value(r))));
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${safeName}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: buffer.toString('base64'), encoding: 'base64' };
}
