/**
 * Checks a workbook's zip container before any XLSX parser sees it: reads the central directory
 * (a truncated file has none), refuses encrypted entries, unknown compression and too many entries,
 * then inflates every entry as a stream, counting the real output against per-entry, total and
 * ratio limits (a zip bomb lies in its headers; the count does not) and verifying each CRC. Memory
 * stays at one chunk, or one small entry (limits.syncInflateBytes, inflated in one call and capped
 * at what it declares). On the way it picks up what the streaming parser cannot give: merged ranges
 * (written after the cell data) and the sheet names and order.
 */
import { closeSync, openSync, readSync, fstatSync } from 'node:fs';
import { createInflateRaw, crc32, inflateRawSync } from 'node:zlib';
import { createReadStream } from 'node:fs';
import type { MergeRange } from '../../shared/import/table';
import { columnIndex } from '../../shared/import/text';
import { dataError } from './errors';
import { IMPORT_LIMITS, type ImportLimits } from './limits';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface WorkbookSheetInfo {
  name: string;
  /** Path of the sheet XML in the zip (xl/worksheets/sheet1.xml). */
  path: string;
  hidden: boolean;
}

export interface GuardedWorkbook {
  entries: ZipEntry[];
  /** Sheets in workbook order. */
  sheets: WorkbookSheetInfo[];
  /** Merged ranges per sheet path. */
  merges: Map<string, MergeRange[]>;
  inflatedBytes: number;
  /** Dates count from 1904-01-01 (workbookPr date1904). */
  date1904: boolean;
  /** Paths of the shared-string table and the styles, when the workbook has them. */
  sharedStringsPath: string | null;
  stylesPath: string | null;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, position);
  return buf.subarray(0, n);
}

/** Reads the central directory; throws zip_truncated when there is none. */
export function readCentralDirectory(path: string, fileName: string, limits: ImportLimits = IMPORT_LIMITS): ZipEntry[] {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const tailLen = Math.min(size, 65535 + 22);
    const tail = readAt(fd, size - tailLen, tailLen);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw dataError('import.zip_truncated', { file: fileName });
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdOffset === 0xffffffff) throw dataError('import.zip_too_many_entries', { file: fileName, count: '65535+' });
    if (count > limits.maxZipEntries) throw dataError('import.zip_too_many_entries', { file: fileName, count });
    if (cdOffset + cdSize > size - (tail.length - eocd)) throw dataError('import.zip_truncated', { file: fileName });
    const cd = readAt(fd, cdOffset, cdSize);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw dataError('import.zip_truncated', { file: fileName });
      const flags = cd.readUInt16LE(p + 8);
      const method = cd.readUInt16LE(p + 10);
      const crc = cd.readUInt32LE(p + 16);
      const compressedSize = cd.readUInt32LE(p + 20);
      const uncompressed = cd.readUInt32LE(p + 24);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      const localOffset = cd.readUInt32LE(p + 42);
      const name = cd.subarray(p + 46, p + 46 + nameLen).toString('utf8');
      p += 46 + nameLen + extraLen + commentLen;
      if (flags & 0x1) throw dataError('import.zip_encrypted', { file: fileName });
      if (method !== 0 && method !== 8) throw dataError('import.zip_corrupt', { file: fileName, entry: name, reason: `compression method ${method}` });
      if (compressedSize === 0xffffffff || uncompressed === 0xffffffff || localOffset === 0xffffffff) {
        throw dataError('import.zip_bomb', { file: fileName, entry: name, limit: limits.maxEntryBytes });
      }
      if (localOffset + compressedSize > size) throw dataError('import.zip_truncated', { file: fileName });
      entries.push({ name, method, flags, crc, compressedSize, size: uncompressed, localOffset });
    }
    let declared = 0;
    for (const e of entries) {
      declared += e.size;
      if (e.size > limits.maxEntryBytes) throw dataError('import.zip_bomb', { file: fileName, entry: e.name, limit: limits.maxEntryBytes });
    }
    if (declared > limits.maxTotalInflatedBytes) throw dataError('import.zip_bomb', { file: fileName, entry: '*', limit: limits.maxTotalInflatedBytes });
    return entries;
  } finally {
    closeSync(fd);
  }
}

function readRange(path: string, position: number, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    return readAt(fd, position, length);
  } finally {
    closeSync(fd);
  }
}

function dataOffset(path: string, entry: ZipEntry, fileName: string): number {
  const fd = openSync(path, 'r');
  try {
    const h = readAt(fd, entry.localOffset, 30);
    if (h.length < 30 || h.readUInt32LE(0) !== 0x04034b50) throw dataError('import.zip_corrupt', { file: fileName, entry: entry.name, reason: 'local header' });
    return entry.localOffset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28);
  } finally {
    closeSync(fd);
  }
}

/**
 * One entry's inflated bytes, chunk by chunk, under the limits: per-entry and total size (against
 * `budget`, shared by the entries of one read), compression ratio, and at the end the real size
 * and the CRC. Stopping early closes the file.
 */
export async function* entryChunks(
  path: string,
  entry: ZipEntry,
  fileName: string,
  limits: ImportLimits,
  budget: { left: number },
  chunkSize = 64 * 1024,
): AsyncGenerator<Buffer> {
  const start = dataOffset(path, entry, fileName);
  if (entry.compressedSize === 0) {
    if (entry.size !== 0 && entry.method === 8) throw dataError('import.zip_corrupt', { file: fileName, entry: entry.name, reason: 'empty data' });
    return;
  }
  const whole = entry.method === 8 && entry.size <= limits.syncInflateBytes && entry.compressedSize <= limits.syncInflateBytes;
  const raw = whole ? null : createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: 256 * 1024 });
  const maxOut = Math.min(limits.maxEntryBytes, entry.size);
  let out = 0;
  let crc = 0;
  const bomb = () => dataError('import.zip_bomb', { file: fileName, entry: entry.name, limit: maxOut });
  const consume = (chunk: Buffer) => {
    out += chunk.length;
    budget.left -= chunk.length;
    if (out > maxOut || budget.left < 0) throw bomb();
    if (out > limits.ratioCheckAboveBytes && out / entry.compressedSize > limits.maxCompressionRatio) throw bomb();
    crc = crc32(chunk, crc);
  };
  try {
    if (!raw) {
      // A small entry (as declared) is inflated in one call, capped one byte past what it may
      // inflate to, and handed on in chunks under the same checks: no thread hop per chunk.
      let data: Buffer;
      try {
        data = inflateRawSync(readRange(path, start, entry.compressedSize), { maxOutputLength: maxOut + 1 });
      } catch (err) {
        if (err instanceof RangeError) throw bomb();
        throw err;
      }
      if (data.length > maxOut) throw bomb();
      for (let at = 0; at < data.length; at += chunkSize) {
        const chunk = data.subarray(at, at + chunkSize);
        consume(chunk);
        yield chunk;
      }
    } else if (entry.method === 0) {
      for await (const chunk of raw as AsyncIterable<Buffer>) {
        consume(chunk);
        yield chunk;
      }
    } else {
      const inflate = createInflateRaw({ chunkSize });
      raw.on('error', (e) => inflate.destroy(e));
      raw.pipe(inflate);
      try {
        for await (const chunk of inflate as AsyncIterable<Buffer>) {
          consume(chunk);
          yield chunk;
        }
      } finally {
        inflate.destroy();
      }
    }
  } catch (err) {
    if (err instanceof Error && 'code' in err && String((err as { code: unknown }).code).startsWith('Z_')) {
      throw dataError('import.zip_corrupt', { file: fileName, entry: entry.name, reason: err.message });
    }
    throw err;
  } finally {
    raw?.destroy();
  }
  if (out !== entry.size) throw dataError('import.zip_corrupt', { file: fileName, entry: entry.name, reason: `size ${out} != ${entry.size}` });
  if ((crc >>> 0) !== entry.crc) throw dataError('import.zip_corrupt', { file: fileName, entry: entry.name, reason: 'CRC mismatch' });
}

/** Streams one entry's inflated bytes through `onChunk` (see {@link entryChunks}); returns the size. */
async function inflateEntry(
  path: string,
  entry: ZipEntry,
  fileName: string,
  limits: ImportLimits,
  budget: { left: number },
  onChunk: (chunk: Buffer) => void,
): Promise<number> {
  let out = 0;
  for await (const chunk of entryChunks(path, entry, fileName, limits, budget)) {
    out += chunk.length;
    onChunk(chunk);
  }
  return out;
}

const MERGE_CELL = Buffer.from('mergeCell', 'latin1');

/** Finds `<mergeCell ref="A1:E1"/>` across chunk boundaries. */
export class MergeScanner {
  private tail = '';
  readonly ranges: MergeRange[] = [];

  push(chunk: Buffer): void {
    // Every match holds "mergeCell": a chunk without it (in itself, in the tail kept, or across
    // the two) only moves the tail on, without decoding the chunk or running the pattern.
    if (chunk.indexOf(MERGE_CELL) < 0 && !this.tail.includes('mergeCell') && !(this.tail.slice(-8) + chunk.toString('latin1', 0, 8)).includes('mergeCell')) {
      this.tail = chunk.length >= 256 ? chunk.toString('latin1', chunk.length - 256) : (this.tail + chunk.toString('latin1')).slice(-256);
      return;
    }
    const text = this.tail + chunk.toString('latin1');
    const re = /<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"/g;
    let m: RegExpExecArray | null;
    let lastEnd = 0;
    while ((m = re.exec(text))) {
      if (re.lastIndex > this.tail.length) {
        this.ranges.push({ r1: Number(m[2]), c1: columnIndex(m[1]!), r2: Number(m[4]), c2: columnIndex(m[3]!) });
      }
      lastEnd = re.lastIndex;
    }
    const keepFrom = Math.max(lastEnd, text.length - 256);
    this.tail = text.slice(keepFrom);
  }
}

function xmlDecode(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    switch (e) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? xmlDecode(m[1] ?? m[2]!) : null;
}

/** Relationship id -> part path, and the path of the first part of each relationship type (local name). */
function parseRelationships(relsXml: string): { targets: Map<string, string>; byType: Map<string, string> } {
  const targets = new Map<string, string>();
  const byType = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (!id || !target) continue;
    const path = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).replace(/\/\.\//g, '/');
    targets.set(id, path);
    const type = attr(m[0], 'Type')?.split('/').pop();
    if (type && !byType.has(type)) byType.set(type, path);
  }
  return { targets, byType };
}

/** Sheet names, paths and visibility from workbook.xml and its relationships. */
export function parseWorkbookSheets(workbookXml: string, relsXml: string): WorkbookSheetInfo[] {
  const { targets } = parseRelationships(relsXml);
  const sheets: WorkbookSheetInfo[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const rid = attr(m[0], '\\w+:id');
    const state = attr(m[0], 'state');
    const path = rid ? targets.get(rid) : undefined;
    if (name && path) sheets.push({ name, path, hidden: state === 'hidden' || state === 'veryHidden' });
  }
  return sheets;
}

/** The date system and the shared-string and styles parts of a workbook. */
export function parseWorkbookParts(workbookXml: string, relsXml: string): Pick<GuardedWorkbook, 'date1904' | 'sharedStringsPath' | 'stylesPath'> {
  const { byType } = parseRelationships(relsXml);
  const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbookXml)?.[0];
  const d = pr ? attr(pr, 'date1904') : null;
  return { date1904: d === '1' || d === 'true', sharedStringsPath: byType.get('sharedStrings') ?? null, stylesPath: byType.get('styles') ?? null };
}

/**
 * Every entry of a zip, inflated under the same limits and checks (for snapshot packages).
 * Throws the import.zip_* errors of {@link readCentralDirectory} and {@link inflateEntry}.
 */
export async function readZipEntries(path: string, fileName: string, limits: ImportLimits = IMPORT_LIMITS): Promise<Map<string, Buffer>> {
  const entries = readCentralDirectory(path, fileName, limits);
  const budget = { left: limits.maxTotalInflatedBytes };
  const out = new Map<string, Buffer>();
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const parts: Buffer[] = [];
    await inflateEntry(path, entry, fileName, limits, budget, (chunk) => parts.push(chunk));
    out.set(entry.name, Buffer.concat(parts));
  }
  return out;
}

/**
 * Runs every check and returns what the reader needs. Throws a dataError naming the file on the
 * first problem.
 */
export async function guardWorkbook(path: string, fileName: string, limits: ImportLimits = IMPORT_LIMITS, onProgress?: (bytes: number) => void): Promise<GuardedWorkbook> {
  const entries = readCentralDirectory(path, fileName, limits);
  const budget = { left: limits.maxTotalInflatedBytes };
  const merges = new Map<string, MergeRange[]>();
  const small = new Map<string, Buffer[]>();
  let inflated = 0;
  let compressedDone = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(entry.name);
    const keep = entry.name === 'xl/workbook.xml' || entry.name === 'xl/_rels/workbook.xml.rels';
    const scanner = isSheet ? new MergeScanner() : null;
    const parts: Buffer[] = [];
    inflated += await inflateEntry(path, entry, fileName, limits, budget, (chunk) => {
      scanner?.push(chunk);
      if (keep) parts.push(chunk);
    });
    if (scanner) merges.set(entry.name, scanner.ranges);
    if (keep) small.set(entry.name, parts);
    compressedDone += entry.compressedSize;
    onProgress?.(compressedDone);
  }
  const workbook = small.get('xl/workbook.xml');
  const rels = small.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw dataError('import.xlsx_invalid', { file: fileName, reason: 'no workbook part (xl/workbook.xml)' });
  const workbookXml = Buffer.concat(workbook).toString('utf8');
  const relsXml = Buffer.concat(rels).toString('utf8');
  const sheets = parseWorkbookSheets(workbookXml, relsXml);
  if (!sheets.length) throw dataError('import.xlsx_invalid', { file: fileName, reason: 'the workbook lists no sheet' });
  for (const s of sheets) {
    if (!entries.some((e) => e.name === s.path)) throw dataError('import.zip_corrupt', { file: fileName, entry: s.path, reason: 'missing sheet part' });
  }
  const parts = parseWorkbookParts(workbookXml, relsXml);
  // A relationship to a part the zip lacks: read as if there were none.
  if (parts.sharedStringsPath && !entries.some((e) => e.name === parts.sharedStringsPath)) parts.sharedStringsPath = null;
  if (parts.stylesPath && !entries.some((e) => e.name === parts.stylesPath)) parts.stylesPath = null;
  return { entries, sheets, merges, inflatedBytes: inflated, ...parts };
}
