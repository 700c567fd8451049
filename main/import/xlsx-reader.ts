/**
 * XLSX reader. After the zip guard passed (limits, bombs, CRCs, truncation; sheet names, order and
 * visibility; merged ranges), the parts are read straight from the zip by their place in the
 * central directory, whatever order the writer stored them in: the shared strings, the styles
 * (which cell styles are dates), then each sheet in workbook order, streamed - inflated, decoded
 * by one streaming UTF-8 decoder per part (a character cut by a chunk boundary stays whole) and
 * tokenized chunk by chunk into rows of plain cells. Merged ranges are filled in, so a district
 * merged over 男/女 reads on both columns. A sheet the engine skips is never inflated.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import type { MergeRange, RawRow } from '../../shared/import/table';
import type { Cell } from '../../shared/import/text';
import { isBlank } from '../../shared/import/text';
import { AppError } from '../../shared/api/errors';
import { dataError } from './errors';
import { IMPORT_LIMITS, type ImportLimits } from './limits';
import type { FileSource, SheetSource } from './source';
import { entryChunks, guardWorkbook, type GuardedWorkbook, type ZipEntry } from './zip-guard';
import { SharedStringsHandler, SheetHandler, StylesHandler, XmlScanner, type SheetParts, type XmlHandler } from './xlsx-xml';

const BATCH = 512;
/** Inflated bytes per chunk handed to the decoder and tokenizer. */
const CHUNK = 256 * 1024;

/** Fills covered cells of merged ranges with the master's value, row by row in order. */
export class MergeFiller {
  private readonly pending: MergeRange[];
  private next = 0;
  private active: Array<{ m: MergeRange; master: Cell }> = [];

  constructor(ranges: readonly MergeRange[]) {
    this.pending = [...ranges].sort((a, b) => a.r1 - b.r1);
  }

  apply(row: RawRow): void {
    const r = row.row;
    if (this.active.length && this.active.some((a) => a.m.r2 < r)) this.active = this.active.filter((a) => a.m.r2 >= r);
    // Ranges whose first row was never written (a blank master row) start here with no master.
    while (this.next < this.pending.length && this.pending[this.next]!.r1 <= r) {
      const m = this.pending[this.next++]!;
      if (m.r2 >= r) this.active.push({ m, master: m.r1 === r ? (row.cells[m.c1] ?? null) : null });
    }
    const cells = row.cells;
    for (const a of this.active) {
      const { m, master } = a;
      if (master === null || isBlank(master)) continue;
      for (let c = m.c1; c <= m.c2; c++) {
        if (c === m.c1 && r === m.r1) continue;
        while (cells.length < c) cells.push(null);
        if (isBlank(cells[c])) cells[c] = master;
      }
    }
  }
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

/** Text decoder for one part: UTF-8 (a BOM is skipped) or, with its BOM, UTF-16LE. Invalid bytes are an error. */
class PartDecoder {
  private decoder: TextDecoder | null = null;

  write(chunk: Buffer): string {
    if (!this.decoder) {
      const utf16 = chunk.length >= 2 && chunk[0] === 0xff && chunk[1] === 0xfe;
      this.decoder = new TextDecoder(utf16 ? 'utf-16le' : 'utf-8', { fatal: true });
    }
    return this.decoder.decode(chunk, { stream: true });
  }

  end(): string {
    return this.decoder ? this.decoder.decode() : '';
  }
}

export async function openXlsx(path: string, fileName: string, size: number, limits: ImportLimits = IMPORT_LIMITS, onGuardProgress?: (bytes: number) => void): Promise<FileSource & { guarded: GuardedWorkbook }> {
  const guarded = await guardWorkbook(path, fileName, limits, onGuardProgress);
  const digest = await sha256Of(path);
  const budget = { left: limits.maxTotalInflatedBytes };
  /** Compressed bytes of the parts read so far (progress). */
  let read = 0;
  const entryOf = (name: string): ZipEntry => {
    const e = guarded.entries.find((x) => x.name === name);
    if (!e) throw dataError('import.zip_corrupt', { file: fileName, entry: name, reason: 'missing part' });
    return e;
  };

  const invalid = (part: string, err: unknown): AppError =>
    err instanceof AppError ? err : dataError('import.xlsx_invalid', { file: fileName, reason: `${part}: ${err instanceof Error ? err.message : String(err)}` });

  /**
   * Feeds one part through a tokenizer; `after` runs after every chunk (a sheet hands its rows on
   * there). Progress counts the part's compressed bytes in proportion to what was inflated.
   */
  async function* parse(entry: ZipEntry, handler: XmlHandler): AsyncGenerator<void> {
    const scanner = new XmlScanner(handler);
    const decoder = new PartDecoder();
    const base = read;
    let inflated = 0;
    for await (const chunk of entryChunks(path, entry, fileName, limits, budget, CHUNK)) {
      inflated += chunk.length;
      read = base + Math.round((entry.compressedSize * inflated) / Math.max(1, entry.size));
      scanner.write(decoder.write(chunk));
      yield;
    }
    scanner.write(decoder.end());
    scanner.end();
    read = base + entry.compressedSize;
  }

  async function readWhole(entry: ZipEntry, handler: XmlHandler): Promise<void> {
    try {
      for await (const _ of parse(entry, handler)) void _;
    } catch (err) {
      throw invalid(entry.name, err);
    }
  }

  async function* sheetRows(entry: ZipEntry, name: string, merges: MergeRange[], parts: SheetParts): AsyncGenerator<RawRow[]> {
    let batch: RawRow[] = [];
    const filler = merges.length ? new MergeFiller(merges) : null;
    const handler = new SheetHandler(parts, (row) => {
      filler?.apply(row);
      batch.push(row);
    });
    const chunks = parse(entry, handler);
    try {
      while (true) {
        let next: IteratorResult<void>;
        try {
          next = await chunks.next();
        } catch (err) {
          throw invalid(name, err);
        }
        if (next.done) break;
        if (batch.length >= BATCH) {
          const out = batch;
          batch = [];
          yield out;
        }
      }
    } finally {
      // Stopped early (the engine moved on, or failed): close the part.
      await chunks.return(undefined);
    }
    if (batch.length) yield batch;
  }

  async function* sheets(): AsyncGenerator<SheetSource> {
    const strings = new SharedStringsHandler();
    if (guarded.sharedStringsPath) await readWhole(entryOf(guarded.sharedStringsPath), strings);
    const styles = new StylesHandler();
    if (guarded.stylesPath) await readWhole(entryOf(guarded.stylesPath), styles);
    const parts: SheetParts = { sharedStrings: strings.strings, dateStyles: styles.dateStyles(), date1904: guarded.date1904 };
    for (let index = 0; index < guarded.sheets.length; index++) {
      const info = guarded.sheets[index]!;
      const merges = guarded.merges.get(info.path) ?? [];
      const rows = sheetRows(entryOf(info.path), info.name, merges, parts);
      try {
        yield { name: info.name, index, merges, rows, hidden: info.hidden };
      } finally {
        // A sheet the engine did not read to the end is closed; one it skipped was never opened.
        await rows.return(undefined);
      }
    }
    read = size;
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
