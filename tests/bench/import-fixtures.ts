/** Generated inputs for the import benchmarks: a long exchange CSV and an XLSX, with smooth values. */
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { DIMENSIONS } from '../../shared/domain/catalog';

const members = (code: string) => ['', ...DIMENSIONS.find((d) => d.code === code)!.members.map((m) => m.code)];

/** Series of RSJ count indicators (all members and their crossings) for a run of months. */
function* rows(limit: number): Generator<string[]> {
  const specs: Array<[string, string[]]> = [
    ['UNE.REG_COUNT', ['district', 'gender', 'age']],
    ['ENT.HEADCOUNT', ['district', 'sector']],
    ['EMP.REEMP', ['district', 'gender']],
  ];
  const cols = ['district', 'gender', 'age', 'sector'];
  let n = 0;
  for (const [indicator, dims] of specs) {
    let keys: Array<Record<string, string>> = [{}];
    for (const d of dims) keys = keys.flatMap((k) => members(d).map((m) => ({ ...k, [d]: m })));
    for (let k = 0; k < keys.length; k++) {
      const base = 1000 + ((k * 7919) % 9000);
      for (let y = 1901; y <= 2100; y++) {
        for (let m = 1; m <= 12; m++) {
          // A slow wave: realistic month-to-month changes, no tenfold jumps.
          const value = Math.round(base * (1 + 0.1 * Math.sin((y * 12 + m) / 9)));
          yield [indicator, `${y}-${String(m).padStart(2, '0')}`, String(value), ...cols.map((c) => keys[k]![c] ?? '')];
          if (++n >= limit) return;
        }
      }
    }
  }
}

export const EXCHANGE_HEADER = ['indicator', 'period', 'value', 'district', 'gender', 'age', 'sector'];

/** Writes `count` rows of the exchange format; returns the row count. */
export function writeLongCsv(path: string, count: number): number {
  const lines = [EXCHANGE_HEADER.join(',')];
  for (const r of rows(count)) lines.push(r.join(','));
  writeFileSync(path, lines.join('\n') + '\n');
  return lines.length - 1;
}

/** Writes the same layout as XLSX with `cells` cells (7 per row), streaming. */
export async function writeXlsx(path: string, csvPath: string, cells: number): Promise<number> {
  const count = Math.ceil(cells / EXCHANGE_HEADER.length);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(EXCHANGE_HEADER).commit();
  const lines = [EXCHANGE_HEADER.join(',')];
  for (const r of rows(count)) {
    ws.addRow([r[0], r[1], Number(r[2]), ...r.slice(3)]).commit();
    lines.push(r.join(','));
  }
  ws.commit();
  await wb.commit();
  writeFileSync(csvPath, lines.join('\n') + '\n');
  return count;
}
