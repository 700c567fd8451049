/**
 * The import's fast paths keep the slow paths' results: a CSV read in many chunks gives the records
 * the tokenizer gives for the whole text at once.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCsv } from '../../main/import/csv-reader';
import { CsvTokenizer } from '../../shared/import/csv';
import { encode } from '../support/imports';

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
