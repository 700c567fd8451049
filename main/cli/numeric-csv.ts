/**
 * Reads the numeric CSV the analytics commands take: a first column of labels (periods) and one
 * or more numeric columns, with a header row. Empty cells are gaps (null); anything else that is
 * not a number is rejected naming the file, row and column.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { rejectInput } from './command';

export interface NumericTable {
  file: string;
  /** Header of the value columns. */
  columns: string[];
  labels: string[];
  /** values[c][r]: column c, data row r. */
  values: Array<Array<number | null>>;
}

export function readNumericCsv(file: string, minColumns = 1): NumericTable {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    rejectInput('cli.file_unreadable', `Cannot read ${file}: ${(err as Error).message}`, { file });
  }
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: false, trim: true }) as string[][];
  } catch (err) {
    rejectInput('cli.csv_malformed', `${file}: ${(err as Error).message}`, { file });
  }
  if (rows.length < 2) rejectInput('cli.csv_empty', `${file}: expected a header row and at least one data row`, { file });
  const header = rows[0]!;
  if (header.length < 1 + minColumns) {
    rejectInput('cli.csv_bad_header', `${file}: expected a label column and at least ${minColumns} value column(s), got: ${header.join(',')}`, { file });
  }
  const columns = header.slice(1);
  const labels: string[] = [];
  const values = columns.map(() => [] as Array<number | null>);
  rows.slice(1).forEach((row, r) => {
    labels.push(row[0]!);
    columns.forEach((name, c) => {
      const raw = row[c + 1]!;
      if (raw === '' || /^(NA|NaN|null|-|—)$/i.test(raw)) {
        values[c]!.push(null);
        return;
      }
      const v = Number(raw.replace(/,/g, ''));
      if (!Number.isFinite(v)) {
        rejectInput('cli.csv_bad_value', `${file}, row ${r + 2}, column ${c + 2} (${name}): "${raw}" is not a number`, { file, row: r + 2, column: c + 2, value: raw });
      }
      values[c]!.push(v);
    });
  });
  return { file, columns, labels, values };
}

/** Formats a number for CSV output at full precision; gaps are empty. */
export function csvNumber(v: number | null | undefined): string {
  return v == null || !Number.isFinite(v) ? '' : String(v);
}
