/**
 * The import's fast paths keep the slow paths' results: a CSV read in many chunks gives the records
 * the tokenizer gives for the whole text at once; records whose key texts repeat the previous
 * record's are still validated one by one; values are stored whatever the insert batch boundaries,
 * all or nothing, and a re-import counts unchanged and revised values exactly.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { deflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCsv } from '../../main/import/csv-reader';
import { entryChunks, MergeScanner, readCentralDirectory } from '../../main/import/zip-guard';
import { IMPORT_LIMITS, type ImportLimits } from '../../main/import/limits';
import { AppError } from '../../shared/api/errors';
import { buildZip, type ZipPart } from '../support/zip';
import { CsvTokenizer } from '../../shared/import/csv';
import { ObservationStore } from '../../main/db/observations';
import { encode, importBench, type Bench } from '../support/imports';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempFile(name: string, content: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'ws-speed-'));
  dirs.push(dir);
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('CSV reader over many read chunks', () => {
  it.each(['utf-8', 'gb18030'] as const)('%s: a file of many chunks reads as the whole text tokenized at once', async (encoding) => {
    // Multi-byte names, quoted fields with commas, doubled quotes and line breaks, CRLF line ends:
    // about 1 MB, so characters, quotes and CRLFs fall on chunk boundaries.
    const lines = ['地区,期间,数值,备注'];
    for (let i = 0; i < 20_000; i++) {
      const note = i % 7 === 0 ? `"第${i}行,含逗号""和引号""\r\n跨行"` : `备注${'甲乙丙'.repeat(i % 5)}`;
      lines.push(`铁西区${i % 13},2025-${String((i % 12) + 1).padStart(2, '0')},"${(i * 37) % 100000},${i % 1000}",${note}`);
    }
    const text = lines.join('\r\n') + '\r\n';
    const bytes = encode(text, encoding);
    expect(bytes.length).toBeGreaterThan(900_000);
    const path = tempFile('many.csv', bytes);

    const expected: Array<{ row: number; cells: string[] }> = [];
    const t = new CsvTokenizer(',', (cells, row) => expected.push({ row, cells }));
    t.push(text);
    t.end();
    expect(expected.length).toBe(20_001);

    const source = openCsv(path, 'many.csv', bytes.length, encoding, 0, ',');
    const got: Array<{ row: number; cells: string[] }> = [];
    for await (const sheet of source.sheets) for await (const batch of sheet.rows) for (const r of batch) got.push({ row: r.row, cells: r.cells as string[] });
    expect(got).toEqual(expected);
    expect(source.bytesRead()).toBe(bytes.length);
  });
});

describe('observation target: cached keys, batched writes', () => {
  const benches: Bench[] = [];
  afterEach(() => {
    for (const b of benches.splice(0)) b.close();
  });
  const bench = () => {
    const b = importBench({ demo: false });
    benches.push(b);
    return b;
  };
  const months = (n: number) => Array.from({ length: n }, (_, i) => `${2001 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

  it('validates each record on its own although consecutive rows share indicator and member texts', async () => {
    const b = bench();
    // Row numbers are 1-based with the header as row 1. Expected outcomes are written down per row.
    const rows: Array<[string, string, string, string, string]> = [
      ['UNE.REG_COUNT', '2025-01', '100', '铁西区', ''], // 2 ok
      ['UNE.REG_COUNT', '2025-02', '110', '铁西区', ''], // 3 ok (same key texts as row 2)
      ['UNE.REG_COUNT', '2025-03', '1x0', '铁西区', ''], // 4 bad value, same key texts
      ['UNE.REG_COUNT', '2025-03', '120', '不存在区', ''], // 5 unknown member after valid rows
      ['UNE.REG_COUNT', '2025-04', '130', '不存在区', ''], // 6 unknown member again (cached outcome)
      ['UNE.REG_COUNT', '2025-03', '120', '铁西区', ''], // 7 ok, key texts as rows 2-4 again
      ['EMP.HARD_PLACED', '2025-03', '5', '铁西区', '男'], // 8 gender not used by this indicator
      ['EMP.HARD_PLACED', '2025-03', '5', '铁西区', ''], // 9 ok
      ['UNE.REG_COUNT', '2025-Q1', '120', '铁西区', ''], // 10 wrong frequency
      ['UNE.REG_COUNT', '2025-05', '—', '铁西区', ''], // 11 no figure (skipped)
      ['UNE.REG_COUNT', '2025-05', '140', '铁西区', '女'], // 12 ok, another series
    ];
    const csv = 'indicator,period,value,district,gender\n' + rows.map((r) => r.join(',')).join('\n') + '\n';
    const p = await b.preview(b.write('mixed.csv', csv), { unit: 'RSJ' });
    expect(p.counts).toMatchObject({ read: 11, added: 5, rejected: 5, skipped: 1, revised: 0, unchanged: 0 });
    const errors = p.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.row, i.col]);
    expect(errors).toEqual([
      ['import.bad_value', 4, 'C'],
      ['import.unknown_member', 5, 'D'],
      ['import.unknown_member', 6, 'D'],
      ['import.dimension_not_used', 8, 'E'],
      ['import.period_frequency', 10, 'B'],
    ]);
    const c = await b.commit(b.write('mixed.csv', csv), { unit: 'RSJ', acceptRejected: true });
    const stored = b.ws.ctx.db
      .prepare('SELECT s.indicator, s.members, o.period, o.value, o.row, o.col FROM observation o JOIN series s ON s.id = o.series_id WHERE o.snapshot_id = ? ORDER BY o.row')
      .all(c.snapshotId);
    expect(stored).toEqual([
      { indicator: 'UNE.REG_COUNT', members: 'district=210106', period: '2025-01', value: 100, row: 2, col: 'C' },
      { indicator: 'UNE.REG_COUNT', members: 'district=210106', period: '2025-02', value: 110, row: 3, col: 'C' },
      { indicator: 'UNE.REG_COUNT', members: 'district=210106', period: '2025-03', value: 120, row: 7, col: 'C' },
      { indicator: 'EMP.HARD_PLACED', members: 'district=210106', period: '2025-03', value: 5, row: 9, col: 'C' },
      { indicator: 'UNE.REG_COUNT', members: 'district=210106;gender=F', period: '2025-05', value: 140, row: 12, col: 'C' },
    ]);
  });

  /** A long CSV of `n` UNE.REG_COUNT values over districts and months; value i is 1000 + i. */
  function longCsv(n: number, change: (i: number) => number = (i) => 1000 + i): { csv: string; expected: Map<string, { value: number; row: number }> } {
    const districts = ['210102', '210103', '210106', '210112'];
    const ms = months(Math.ceil(n / districts.length));
    const lines = ['indicator,period,value,district'];
    const expected = new Map<string, { value: number; row: number }>();
    for (let i = 0; i < n; i++) {
      const d = districts[i % districts.length]!;
      const m = ms[Math.floor(i / districts.length)]!;
      lines.push(`UNE.REG_COUNT,${m},${change(i)},${d}`);
      expected.set(`district=${d}|${m}`, { value: change(i), row: i + 2 });
    }
    return { csv: lines.join('\n') + '\n', expected };
  }

  function storedOf(b: Bench, snapshotId: number): Map<string, { value: number; row: number }> {
    const rows = b.ws.ctx.db
      .prepare('SELECT s.members AS m, o.period AS p, o.value AS value, o.row AS row, o.col AS col, o.sheet AS sheet FROM observation o JOIN series s ON s.id = o.series_id WHERE o.snapshot_id = ?')
      .all(snapshotId) as Array<{ m: string; p: string; value: number; row: number; col: string; sheet: string | null }>;
    for (const r of rows) {
      expect(r.col).toBe('C');
      expect(r.sheet).toBeNull();
    }
    return new Map(rows.map((r) => [`${r.m}|${r.p}`, { value: r.value, row: r.row }]));
  }

  it.each([1, 127, 128, 129, 256, 389])('stores all %i values with their provenance, whatever the batch boundaries', async (n) => {
    const b = bench();
    const { csv, expected } = longCsv(n);
    const c = await b.commit(b.write('n.csv', csv), { unit: 'RSJ' });
    expect(c.counts).toMatchObject({ read: n, added: n, revised: 0, unchanged: 0, rejected: 0 });
    expect(storedOf(b, c.snapshotId)).toEqual(expected);
  });

  it('a failure while writing the last value of a batch leaves the cache as it was', async () => {
    const b = bench();
    const { csv } = longCsv(389);
    const before = b.fingerprint();
    // Values are written series by series (first seen first), each by period: 98 of 210102, 97 of
    // 210103, then 210106 - whose 61st value (i = 2 + 4 * 60, row 244) is the 256th written, the
    // last of the second batch of 128. The database refuses it.
    b.ws.ctx.db.exec("CREATE TEMP TRIGGER refuse BEFORE INSERT ON observation WHEN NEW.row = 244 BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
    await expect(b.commit(b.write('n.csv', csv), { unit: 'RSJ' })).rejects.toThrow(/refused by the test/);
    expect(b.fingerprint()).toEqual(before);
    b.ws.ctx.db.exec('DROP TRIGGER refuse');
    const c = await b.commit(b.write('n.csv', csv), { unit: 'RSJ' });
    expect(c.counts.added).toBe(389);
  });

  it('a revised file counts unchanged and revised values against the current vintage and stores only the revisions', async () => {
    const b = bench();
    const first = longCsv(389);
    await b.commit(b.write('a.csv', first.csv), { unit: 'RSJ' });
    // Every 7th value revised, every 50th by a tenfold jump (a warning each), the rest as before.
    const second = longCsv(389, (i) => (i % 50 === 3 ? (1000 + i) * 10 : i % 7 === 0 ? 1000 + i + 1 : 1000 + i));
    let revised = 0;
    let jumps = 0;
    for (let i = 0; i < 389; i++) {
      if (i % 50 === 3) jumps++;
      if (i % 50 === 3 || i % 7 === 0) revised++;
    }
    const p = await b.preview(b.write('b.csv', second.csv), { unit: 'RSJ' });
    expect(p.counts).toMatchObject({ read: 389, added: 0, revised, unchanged: 389 - revised, rejected: 0 });
    expect(p.issues.filter((i) => i.code === 'import.jump_revision')).toHaveLength(jumps);
    const c = await b.commit(b.write('b.csv', second.csv), { unit: 'RSJ' });
    expect(c.counts).toEqual(p.counts);
    const stored = storedOf(b, c.snapshotId);
    expect(stored.size).toBe(revised);
    for (const [k, v] of stored) expect(second.expected.get(k)).toEqual(v);
    const store = new ObservationStore(b.ws.ctx.db);
    for (const [k, v] of second.expected) {
      const [m, period] = k.split('|') as [string, string];
      expect(store.readSeries('UNE.REG_COUNT', { district: m.slice('district='.length) }).find((x) => x.period === period)?.value).toBe(v.value);
    }
  });
});

describe('merged-range scan of the zip guard', () => {
  it('finds every merged range however the sheet XML is cut into chunks, skipping chunks without one', () => {
    // Cell data first (long, no merges), then the merges Excel writes after the sheet data.
    const cells = Array.from({ length: 400 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const merges: Array<[string, string]> = [
      ['A1', 'C1'],
      ['B2', 'B5'],
      ['AA10', 'AB12'],
    ];
    const expected = [
      { r1: 1, c1: 0, r2: 1, c2: 2 },
      { r1: 2, c1: 1, r2: 5, c2: 1 },
      { r1: 10, c1: 26, r2: 12, c2: 27 },
    ];
    const xml = Buffer.from(
      `<worksheet><sheetData>${cells}</sheetData><mergeCells count="3">${merges.map(([a, b]) => `<x:mergeCell ref="${a}:${b}"/>`).join('')}</mergeCells></worksheet>`,
      'latin1',
    );
    const scan = (sizes: (k: number) => number) => {
      const s = new MergeScanner();
      for (let at = 0, k = 0; at < xml.length; k++) {
        const n = Math.max(1, sizes(k));
        s.push(xml.subarray(at, at + n));
        at += n;
      }
      return s.ranges;
    };
    expect(scan(() => xml.length)).toEqual(expected);
    const start = xml.indexOf('<mergeCells');
    // One cut at every place in and around the merges, and chunk sizes of 1, 7, 300 and 4096 bytes.
    for (let cut = start - 20; cut < xml.length; cut++) expect(scan((k) => (k === 0 ? cut : xml.length)), `cut at ${cut}`).toEqual(expected);
    for (const size of [1, 7, 300, 4096]) expect(scan(() => size), `chunks of ${size}`).toEqual(expected);
  });
});

describe('zip entries inflated in one call or streamed', () => {
  it('give the same bytes and the same refusals either way', async () => {
    // A sheet-like part of ~600 KB: some text, then a long run that compresses well.
    const data = Buffer.concat([Buffer.from(Array.from({ length: 20_000 }, (_, i) => `<c r="A${i}"><v>${(i * 7919) % 10007}</v></c>`).join(''), 'latin1'), Buffer.alloc(200_000, 0x20)]);
    const good = deflateRawSync(data);
    const flipped = Buffer.from(good);
    for (let i = 0; i < 8; i++) flipped[2000 + i] = flipped[2000 + i]! ^ 0xff;
    const cases: Array<{ name: string; part: ZipPart; limits?: Partial<ImportLimits>; budget?: number; expect: string }> = [
      { name: 'valid', part: { name: 'p.xml', data }, expect: 'ok' },
      { name: 'bad CRC', part: { name: 'p.xml', data, crc: 12345 }, expect: 'import.zip_corrupt' },
      { name: 'declared smaller', part: { name: 'p.xml', data, declaredSize: data.length - 1000 }, expect: 'import.zip_bomb' },
      { name: 'declared larger', part: { name: 'p.xml', data, declaredSize: data.length + 1000 }, expect: 'import.zip_corrupt' },
      { name: 'truncated data', part: { name: 'p.xml', data, raw: good.subarray(0, good.length >> 1) }, expect: 'import.zip_corrupt' },
      { name: 'flipped bytes', part: { name: 'p.xml', data, raw: flipped }, expect: 'import.zip_corrupt' },
      { name: 'over the total budget', part: { name: 'p.xml', data }, budget: 100_000, expect: 'import.zip_bomb' },
      { name: 'over the ratio', part: { name: 'p.xml', data }, limits: { ratioCheckAboveBytes: 100_000, maxCompressionRatio: 2 }, expect: 'import.zip_bomb' },
      { name: 'stored', part: { name: 'p.xml', data, method: 0 }, expect: 'ok' },
    ];
    for (const c of cases) {
      const path = tempFile('x.zip', buildZip([c.part]));
      const outcomes: string[] = [];
      for (const syncInflateBytes of [0, IMPORT_LIMITS.syncInflateBytes]) {
        const limits = { ...IMPORT_LIMITS, ...c.limits, syncInflateBytes };
        const [entry] = readCentralDirectory(path, 'x.zip', limits);
        const chunks: Buffer[] = [];
        try {
          for await (const chunk of entryChunks(path, entry!, 'x.zip', limits, { left: c.budget ?? limits.maxTotalInflatedBytes }, 4096)) {
            // Inflated parts come in chunks of the size asked for (stored ones as read).
            if (c.part.method !== 0) expect(chunk.length).toBeLessThanOrEqual(4096);
            chunks.push(chunk);
          }
          expect(Buffer.concat(chunks).equals(data), c.name).toBe(true);
          outcomes.push('ok');
        } catch (e) {
          expect(e, c.name).toBeInstanceOf(AppError);
          outcomes.push((e as AppError).code);
        }
      }
      expect(outcomes, c.name).toEqual([c.expect, c.expect]);
    }
  });
});
