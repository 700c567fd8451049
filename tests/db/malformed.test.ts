import ExcelJS from 'exceljs';
import { crc32, createDeflateRaw } from 'node:zlib';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/errors';
import { DATA_MESSAGES } from '../../shared/import/messages';
import { IMPORT_LIMITS, type ImportLimits } from '../../main/import/limits';
import { commitImport, previewImport } from '../../main/import/engine';
import { importBench, type Bench } from '../support/imports';
import { buildZip, readZip, type ZipPart } from '../support/zip';

interface Malformed {
  name: string;
  bytes: Buffer;
  limits?: Partial<ImportLimits>;
  encoding?: 'utf-8';
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function randomBytes(seed: number, n: number): Buffer {
  const r = rng(seed);
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(r() * 256);
  return b;
}

async function validWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('Sheet1');
  s.addRow(['indicator', 'period', 'value']);
  for (let i = 0; i < 200; i++) s.addRow(['UNE.SURVEY_RATE', `${1990 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, 5 + (i % 10) / 10]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function replacePart(parts: ZipPart[], name: string, change: (p: ZipPart) => ZipPart | null): ZipPart[] {
  return parts.flatMap((p) => (p.name === name ? (change(p) ? [change(p)!] : []) : [p]));
}

async function corpus(): Promise<Malformed[]> {
  const good = await validWorkbook();
  const parts = readZip(good);
  const sheet = 'xl/worksheets/sheet1.xml';
  const text = (s: string) => Buffer.from(s, 'utf8');
  const list: Malformed[] = [
    { name: 'empty.csv', bytes: Buffer.alloc(0) },
    { name: 'bom-only.csv', bytes: Buffer.from([0xef, 0xbb, 0xbf]) },
    { name: 'nul-text.csv', bytes: Buffer.concat([text('indicator,period,value\n'), Buffer.alloc(64), text('x\n')]) },
    { name: 'pdf.csv', bytes: text('%PDF-1.7\n%âãÏÓ\n1 0 obj\n') },
    { name: 'png.xlsx', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) },
    { name: 'gzip.csv', bytes: Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]) },
    { name: '7z.xlsx', bytes: Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]) },
    { name: 'rar.xlsx', bytes: text('Rar!\x1a\x07\x00') },
    { name: 'sqlite.csv', bytes: Buffer.concat([text('SQLite format 3\0'), Buffer.alloc(84)]) },
    { name: 'rtf.csv', bytes: text('{\\rtf1\\ansi 城镇}') },
    { name: 'old.xls', bytes: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]) },
    { name: 'unterminated-quote.csv', bytes: text('indicator,period,value\nUNE.SURVEY_RATE,2026-11,"5.1\nUNE.SURVEY_RATE,2026-12,5.2\n') },
    { name: 'truncated-mid-quote.csv', bytes: text('indicator,period,value,note\nUNE.SURVEY_RATE,2026-11,5.1,"a long note that was cu') },
    { name: 'endless-line.csv', bytes: text('x'.repeat(5000)), limits: { maxFileBytes: IMPORT_LIMITS.maxFileBytes } },
    { name: 'too-many-fields.csv', bytes: text(`${','.repeat(20000)}\n`) },
    { name: 'header-only.csv', bytes: text('indicator,period,value\n') },
    { name: 'title-only.csv', bytes: text('沈阳市就业情况\n') },
    { name: 'all-values-bad.csv', bytes: text('indicator,period,value\nUNE.SURVEY_RATE,2026-11,abc\nUNE.SURVEY_RATE,2026-12,?\n') },
    { name: 'all-unknown.csv', bytes: text('indicator,period,value\nNO.SUCH,2026-11,1\nNOR.THIS,2026-12,2\n') },
    { name: 'no-fields.csv', bytes: text('甲,乙,丙\n天,地,人\n') },
    { name: 'html.csv', bytes: text('<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table></body></html>\n') },
    { name: 'json.csv', bytes: text('{"indicator":"UNE.SURVEY_RATE","period":"2026-11","value":5.1}\n') },
    { name: 'xml.csv', bytes: text('<?xml version="1.0"?><root><v>5.1</v></root>\n') },
    { name: 'bad-utf8-late.csv', bytes: Buffer.concat([text(`indicator,period,value\n${'UNE.SURVEY_RATE,2026-11,5.1\n'.repeat(12000)}`), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), text('\n')]) },
    { name: 'forced-utf8-on-gbk.csv', bytes: Buffer.from([0xb3, 0xc7, 0xd5, 0xf2, 0x2c, 0x31, 0x0a]), encoding: 'utf-8' },
    { name: 'over-limit.csv', bytes: text('indicator,period,value\nUNE.SURVEY_RATE,2026-11,5.1\n'), limits: { maxFileBytes: 10 } },
    { name: 'too-many-values.csv', bytes: text(`indicator,period,value\n${Array.from({ length: 30 }, (_, i) => `UNE.SURVEY_RATE,${1990 + i}-01,5.1`).join('\n')}\n`), limits: { maxValues: 10 } },
    // Workbooks.
    { name: 'zip-without-workbook.xlsx', bytes: buildZip([{ name: 'readme.txt', data: text('hello') }]) },
    { name: 'docx.xlsx', bytes: buildZip([{ name: '[Content_Types].xml', data: text('<Types/>') }, { name: 'word/document.xml', data: text('<w:document/>') }]) },
    { name: 'ods.xlsx', bytes: buildZip([{ name: 'mimetype', data: text('application/vnd.oasis.opendocument.spreadsheet'), method: 0 }, { name: 'content.xml', data: text('<office:document-content/>') }]) },
    { name: 'empty-zip.xlsx', bytes: buildZip([]) },
    { name: 'no-central-directory.xlsx', bytes: good.subarray(0, good.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))) },
    { name: 'lying-size.xlsx', bytes: buildZip(replacePart(parts, sheet, (p) => ({ ...p, declaredSize: 100 }))) },
    { name: 'bad-crc.xlsx', bytes: buildZip(replacePart(parts, sheet, (p) => ({ ...p, crc: 12345 }))) },
    { name: 'encrypted.xlsx', bytes: buildZip(replacePart(parts, sheet, (p) => ({ ...p, flags: 1 }))) },
    { name: 'bzip2-method.xlsx', bytes: buildZip(replacePart(parts, sheet, (p) => ({ ...p, method: 12, raw: p.data }))) },
    { name: 'zip64-marker.xlsx', bytes: buildZip(parts, { zip64Marker: true }) },
    { name: 'missing-sheet-part.xlsx', bytes: buildZip(replacePart(parts, sheet, () => null)) },
    { name: 'broken-sheet-xml.xlsx', bytes: buildZip(replacePart(parts, sheet, (p) => ({ ...p, data: text('<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row>') }))) },
    { name: 'garbage-sheet-xml.xlsx', bytes: buildZip(replacePart(parts, sheet, (p) => ({ ...p, data: randomBytes(99, 3000) }))) },
    { name: 'text-only-workbook.xlsx', bytes: buildZip(replacePart(parts, 'xl/sharedStrings.xml', (p) => ({ ...p, data: Buffer.from(p.data.toString('utf8').replace(/UNE\.SURVEY_RATE/g, '说明文字')) }))) },
    { name: 'honest-bomb.xlsx', bytes: buildZip(replacePart(parts, sheet, (p) => ({ ...p, data: Buffer.concat([p.data, Buffer.alloc(3 * 1024 * 1024, 0x20)]) }))), limits: { maxEntryBytes: 1024 * 1024 } },
    { name: 'ratio-bomb.xlsx', bytes: buildZip(replacePart(parts, sheet, (p) => ({ ...p, data: Buffer.concat([p.data, Buffer.alloc(3 * 1024 * 1024, 0x20)]) }))), limits: { ratioCheckAboveBytes: 1024 * 1024, maxCompressionRatio: 50 } },
    { name: 'total-bomb.xlsx', bytes: good, limits: { maxTotalInflatedBytes: 2000 } },
    { name: 'too-many-entries.xlsx', bytes: good, limits: { maxZipEntries: 3 } },
  ];
  // Random binary garbage of several sizes.
  for (let seed = 1; seed <= 6; seed++) list.push({ name: `garbage-${seed}.csv`, bytes: randomBytes(seed, 100 * seed * seed) });
  // The valid workbook cut short at several places.
  for (const frac of [0.1, 0.3, 0.5, 0.7, 0.9, 0.99]) list.push({ name: `truncated-${frac}.xlsx`, bytes: good.subarray(0, Math.floor(good.length * frac)) });
  // Bytes flipped inside the compressed sheet.
  const sheetStart = good.indexOf(Buffer.from(sheet));
  for (const k of [1, 2, 3, 4]) {
    const b = Buffer.from(good);
    for (let i = 0; i < 8; i++) b[sheetStart + 60 + k * 40 + i] = b[sheetStart + 60 + k * 40 + i]! ^ 0xff;
    list.push({ name: `flipped-${k}.xlsx`, bytes: b });
  }
  return list;
}

let bench: Bench;
let files: Malformed[];
beforeAll(async () => {
  bench = importBench();
  files = await corpus();
});
afterAll(() => bench.close());

describe('a corpus of malformed files', () => {
  it('holds at least 50 distinct files', () => {
    expect(files.length).toBeGreaterThanOrEqual(50);
    expect(new Set(files.map((f) => f.name)).size).toBe(files.length);
  });

  it('refuses every one with a message, never crashes, and changes no row', async () => {
    const before = bench.fingerprint();
    const outcomes: string[] = [];
    for (const f of files) {
      const path = bench.write(f.name, f.bytes);
      const deps = { db: bench.ws.ctx.db, actor: 'tester', limits: { ...IMPORT_LIMITS, ...f.limits } };
      const req = { path, fileName: f.name, encoding: f.encoding };
      let code: string;
      try {
        const p = await previewImport(deps, req);
        // Read, but nothing importable: the preview says why, and a commit is refused.
        expect(p.ready, f.name).toBe(false);
        code = p.blockers.find((b) => !b.soft)?.code ?? p.blockers[0]!.code;
      } catch (e) {
        expect(e, f.name).toBeInstanceOf(AppError);
        code = (e as AppError).code;
      }
      expect(DATA_MESSAGES[code], `${f.name}: ${code}`).toBeDefined();
      let committed: unknown = null;
      try {
        committed = await commitImport(deps, req);
      } catch (e) {
        expect(e, f.name).toBeInstanceOf(AppError);
      }
      expect(committed, f.name).toBeNull();
      outcomes.push(`${f.name}: ${code}`);
    }
    expect(bench.fingerprint()).toEqual(before);
    // Each kind of damage is named for what it is.
    const byName = Object.fromEntries(outcomes.map((o) => o.split(': ') as [string, string]));
    expect(byName).toMatchObject({
      'empty.csv': 'import.file_empty',
      'old.xls': 'import.xls_unsupported',
      'pdf.csv': 'import.unsupported_format',
      'unterminated-quote.csv': 'import.csv_unterminated_quote',
      'truncated-mid-quote.csv': 'import.csv_unterminated_quote',
      'too-many-fields.csv': 'import.csv_too_many_fields',
      'bad-utf8-late.csv': 'import.bad_encoding',
      'over-limit.csv': 'import.file_too_large',
      'too-many-values.csv': 'import.too_many_values',
      'no-central-directory.xlsx': 'import.zip_truncated',
      'lying-size.xlsx': 'import.zip_bomb',
      'bad-crc.xlsx': 'import.zip_corrupt',
      'encrypted.xlsx': 'import.zip_encrypted',
      'honest-bomb.xlsx': 'import.zip_bomb',
      'ratio-bomb.xlsx': 'import.zip_bomb',
      'total-bomb.xlsx': 'import.zip_bomb',
      'too-many-entries.xlsx': 'import.zip_too_many_entries',
      'all-values-bad.csv': 'import.nothing_to_import',
      'garbage-1.csv': 'import.not_text',
    });
  }, 120_000);
});

describe('a zip bomb with the default limits', () => {
  it('is refused after inflating a bounded amount, with memory staying flat', async () => {
    const zeros = Buffer.alloc(1024 * 1024);
    const deflate = createDeflateRaw({ level: 9 });
    const chunks: Buffer[] = [];
    deflate.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((r) => deflate.on('end', r));
    let crc = 0;
    for (let i = 0; i < 256; i++) {
      crc = crc32(zeros, crc);
      if (!deflate.write(zeros)) await new Promise((r) => deflate.once('drain', r));
    }
    deflate.end();
    await done;
    const good = readZip(await validWorkbook());
    const bomb = buildZip(good.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, raw: Buffer.concat(chunks), declaredSize: 256 * 1024 * 1024, crc } : p)));
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const path = bench.write('bomb.xlsx', bomb);
    const before = bench.fingerprint();
    global.gc?.();
    const rss0 = process.memoryUsage().rss;
    let code = '';
    try {
      await previewImport({ db: bench.ws.ctx.db, actor: 'tester' }, { path, fileName: 'bomb.xlsx' });
    } catch (e) {
      code = (e as AppError).code;
    }
    const grew = process.memoryUsage().rss - rss0;
    expect(code).toBe('import.zip_bomb');
    expect(grew).toBeLessThan(128 * 1024 * 1024);
    expect(bench.fingerprint()).toEqual(before);
  }, 60_000);
});
