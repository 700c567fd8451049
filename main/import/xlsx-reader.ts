/**
 * XLSX reader: after the zip guard passed, exceljs's streaming reader delivers the rows of every
 * sheet in workbook order. Cell values become plain cells (rich text joined, formulas as their
 * cached result, errors as their text); merged ranges found by the guard are filled in so that a
 * district merged over 男/女 reads on both columns.
 */
import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import type { MergeRange, RawRow } from '../../shared/import/table';
import type { Cell } from '../../shared/import/text';
import { isBlank } from '../../shared/import/text';
import { AppError } from '../../shared/api/errors';
import { dataError } from './errors';
import { IMPORT_LIMITS, type ImportLimits } from './limits';
import type { FileSource, SheetSource } from './source';
import { guardWorkbook, type GuardedWorkbook } from './zip-guard';
import { createHash } from 'node:crypto';

const BATCH = 512;

/** An exceljs cell value as a plain cell. */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as Array<{ text?: string }>).map((r) => r.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) return 'result' in v ? toCell(v.result) : null;
    if ('error' in v) return String(v.error);
    if ('text' in v) return toCell(v.text);
  }
  return null;
}

/** Fills covered cells of merged ranges with the master's value, row by row in order. */
class MergeFiller {
  private readonly masters = new Map<MergeRange, Cell>();
  constructor(private readonly ranges: MergeRange[]) {}

  apply(row: RawRow): void {
    for (const m of this.ranges) {
      if (row.row < m.r1 || row.row > m.r2) continue;
      if (row.row === m.r1) this.masters.set(m, row.cells[m.c1] ?? null);
      const master = this.masters.get(m) ?? null;
      if (master === null) continue;
      for (let c = m.c1; c <= m.c2; c++) {
        if (c === m.c1 && row.row === m.r1) continue;
        if (isBlank(row.cells[c])) row.cells[c] = master;
      }
    }
  }
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

interface WorksheetReaderLike extends AsyncIterable<ExcelJS.Row> {
  id: number | string;
  name?: string;
  state?: string;
}

export async function openXlsx(path: string, fileName: string, size: number, limits: ImportLimits = IMPORT_LIMITS, onGuardProgress?: (bytes: number) => void): Promise<FileSource & { guarded: GuardedWorkbook }> {
  const guarded = await guardWorkbook(path, fileName, limits, onGuardProgress);
  const digest = await sha256Of(path);
  let read = 0;

  async function* sheets(): AsyncGenerator<SheetSource> {
    const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
    stream.on('data', (c) => (read += c.length));
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    try {
      for await (const ws of reader as AsyncIterable<WorksheetReaderLike>) {
        const info =
          guarded.sheets.find((s) => s.name === ws.name) ?? guarded.sheets.find((s) => s.path === `xl/worksheets/sheet${ws.id}.xml`);
        const name = info?.name ?? ws.name ?? `Sheet${ws.id}`;
        const index = info ? guarded.sheets.indexOf(info) : guarded.sheets.length;
        const merges = (info && guarded.merges.get(info.path)) ?? [];
        const filler = new MergeFiller(merges);
        let finished = false;
        const rowsOf = async function* (): AsyncGenerator<RawRow[]> {
          let batch: RawRow[] = [];
          try {
            for await (const row of ws) {
              const values = row.values as unknown[];
              const cells: Cell[] = [];
              for (let c = 1; c < values.length; c++) cells.push(toCell(values[c]));
              const raw: RawRow = { row: row.number, cells };
              filler.apply(raw);
              batch.push(raw);
              if (batch.length >= BATCH) {
                yield batch;
                batch = [];
              }
            }
          } catch (err) {
            if (err instanceof AppError) throw err;
            throw dataError('import.xlsx_invalid', { file: fileName, reason: `${name}: ${err instanceof Error ? err.message : String(err)}` });
          }
          if (batch.length) yield batch;
          finished = true;
        };
        const rows = rowsOf();
        yield { name, index, merges, rows, hidden: info?.hidden ?? ws.state === 'hidden' };
        // The zip is read in order: a sheet the engine did not read to the end is drained here.
        if (!finished) for await (const _ of rows) void _;
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw dataError('import.xlsx_invalid', { file: fileName, reason: err instanceof Error ? err.message : String(err) });
    } finally {
      stream.destroy();
    }
  }

  return {
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    size,
    guarded,
    sheets: sheets(),
    bytesRead: () => read,
    sha256: () => digest,
  };
}
