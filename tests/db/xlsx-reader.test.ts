/**
 * The XLSX reader on its own: every cell read back exactly as written. Long Chinese texts, enough
 * to span many inflate chunks, in shared strings (exceljs), inline strings (exceljs's streaming
 * writer) and a LibreOffice-written workbook - a multi-byte character cut by a chunk boundary must
 * come back whole. Then a workbook written by hand with what other writers do: parts in another
 * order, namespace prefixes, rich text with phonetic runs, escapes, formulas' cached values,
 * booleans, errors, date styles (built-in, Chinese built-in, custom; 1904 system), cells and rows
 * without references, merged cells.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openXlsx } from '../../main/import/xlsx-reader';
import type { RawRow } from '../../shared/import/table';
import type { Cell } from '../../shared/import/text';
import { buildZip } from '../support/zip';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ws-xlsx-reader-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ReadSheet {
  name: string | null;
  index: number;
  hidden: boolean;
  rows: RawRow[];
}

async function readAll(path: string, skip: string[] = []): Promise<ReadSheet[]> {
  const source = await openXlsx(path, basename(path), statSync(path).size);
  const out: ReadSheet[] = [];
  for await (const sheet of source.sheets) {
    const rows: RawRow[] = [];
    if (!skip.includes(sheet.name ?? '')) for await (const batch of sheet.rows) rows.push(...batch);
    out.push({ name: sheet.name, index: sheet.index, hidden: !!sheet.hidden, rows });
  }
  return out;
}

/** A fixed-seed generator, so every run writes the same texts. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

// Three-byte UTF-8 (common hanzi, full-width punctuation), four-byte (CJK extension B, outside the
// BMP: a surrogate pair in JavaScript), two-byte and ASCII characters.
const HANZI = '沈阳东北超市连锁股份有限公司铁西和平大东皇姑浑南于洪沈北新区苏家屯辽中康平法库新民机械制造汽车零部件物流商贸餐饮服务科技信息软件建筑工程劳务派遣人力资源管理咨询';
const WIDE = ['𠀀', '𠮷', '𡈽', '𤭢', '𩸽'];
const OTHER = ['（', '）', '·', '—', 'é', 'ü', 'A', '7', ' '];

function chineseText(r: () => number, min: number, max: number, wide: boolean): string {
  const n = min + Math.floor(r() * (max - min + 1));
  let s = '沈阳';
  for (let i = 0; i < n; i++) {
    const x = r();
    if (x < 0.04 && wide) s += WIDE[Math.floor(r() * WIDE.length)];
    else if (x < 0.1) s += OTHER[Math.floor(r() * OTHER.length)];
    else s += HANZI[Math.floor(r() * HANZI.length)];
  }
  return `${s}有限公司`;
}

/**
 * Rows of [firm name, long description, headcount]: about 1.5 MB of UTF-8 text. `wide` adds
 * characters outside the BMP - not for exceljs-written fixtures: exceljs 4.4's writer itself
 * corrupts such a character where its string buffer grows (StringBuf.addText).
 */
function firmRows(count: number, seed: number, wide: boolean): Array<[string, string, number]> {
  const r = rng(seed);
  return Array.from({ length: count }, (_, i) => [chineseText(r, 8, 30, wide), chineseText(r, 60, 160, wide), 100 + i]);
}

const text = (s: string) => Buffer.from(s, 'utf8');
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function cellsOf(sheet: ReadSheet): Cell[][] {
  return sheet.rows.map((row) => row.cells);
}

describe('long Chinese texts across inflate chunks', () => {
  it('come back exactly from shared strings (exceljs)', async () => {
    const data = firmRows(4000, 1, false);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('企业名录');
    ws.addRow(['单位名称', '经营范围', '人数']);
    for (const d of data) ws.addRow(d);
    const file = join(dir, 'shared.xlsx');
    await wb.xlsx.writeFile(file);
    const [sheet] = await readAll(file);
    expect(sheet!.name).toBe('企业名录');
    expect(cellsOf(sheet!)).toEqual([['单位名称', '经营范围', '人数'], ...data]);
    expect(sheet!.rows.map((r) => r.row)).toEqual(Array.from({ length: data.length + 1 }, (_, i) => i + 1));
  });

  it('come back exactly from inline strings and rich text (exceljs streaming writer, no shared strings)', async () => {
    const data = firmRows(3000, 2, false);
    const file = join(dir, 'inline.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const ws = wb.addWorksheet('Sheet1');
    for (const [name, text, n] of data) {
      // A plain string is written as t="str", rich text as t="inlineStr" with runs.
      // Runs cut between characters (not inside a surrogate pair).
      const chars = Array.from(text);
      const cut = Math.floor(chars.length / 3);
      ws.addRow([name, { richText: [{ text: chars.slice(0, cut).join(''), font: { bold: true } }, { text: chars.slice(cut).join('') }] }, n]).commit();
    }
    ws.commit();
    await wb.commit();
    const [sheet] = await readAll(file);
    expect(cellsOf(sheet!)).toEqual(data);
  });

  const hasSoffice = existsSync('/usr/bin/soffice');
  it.skipIf(!hasSoffice)('come back exactly from a workbook LibreOffice wrote', async () => {
    const data = firmRows(3000, 3, true);
    const csv = join(dir, 'lo-names.csv');
    writeFileSync(csv, ['单位名称,经营范围,人数', ...data.map(([a, b, n]) => `"${a}","${b}",${n}`)].join('\n') + '\n');
    const out = mkdtempSync(join(dir, 'lo-'));
    const profile = mkdtempSync(join(tmpdir(), 'ws-lo-profile-'));
    try {
      execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', out, csv], { stdio: 'ignore', timeout: 120_000 });
      const [sheet] = await readAll(join(out, 'lo-names.xlsx'));
      expect(cellsOf(sheet!)).toEqual([['单位名称', '经营范围', '人数'], ...data]);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('come back exactly with characters outside the BMP, from shared and inline strings written byte for byte', async () => {
    const data = firmRows(3000, 4, true);
    const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const strings = data.map(([name]) => `<si><t>${esc(name)}</t></si>`).join('');
    const rows = data
      .map(([, desc, n], i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c><c r="B${i + 1}" t="inlineStr"><is><t>${esc(desc)}</t></is></c><c r="C${i + 1}"><v>${n}</v></c></row>`)
      .join('');
    const file = join(dir, 'wide.xlsx');
    writeFileSync(
      file,
      buildZip([
        { name: 'xl/workbook.xml', data: text(`<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="名录" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
        { name: 'xl/_rels/workbook.xml.rels', data: text(`<Relationships xmlns="x"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`) },
        { name: 'xl/sharedStrings.xml', data: text(`<sst xmlns="${NS}">${strings}</sst>`) },
        { name: 'xl/worksheets/sheet1.xml', data: text(`<worksheet xmlns="${NS}"><sheetData>${rows}</sheetData></worksheet>`) },
      ]),
    );
    const [sheet] = await readAll(file);
    expect(cellsOf(sheet!)).toEqual(data);
  });
});


function handWritten(options: { date1904?: boolean } = {}): Buffer {
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:workbook xmlns:x="${NS}" xmlns:r="${REL}">${options.date1904 ? '<x:workbookPr date1904="1"/>' : '<x:workbookPr/>'}
  <x:sheets>
    <x:sheet name="数据 &amp; 说明" sheetId="7" r:id="rIdB"/>
    <x:sheet name="辅助" sheetId="3" state="hidden" r:id="rIdA"/>
    <x:sheet name="隐藏2" sheetId="4" state="veryHidden" r:id="rIdC"/>
  </x:sheets>
</x:workbook>`;
  const rels = `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rIdA" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>
  <Relationship Id="rIdB" Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/>
  <Relationship Id="rIdC" Type="${REL}/worksheet" Target="worksheets/sheet3.xml"/>
  <Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="strings.xml"/>
  <Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>
</Relationships>`;
  // Shared strings: plain, rich text runs, a phonetic run (left out), escapes, entities, CDATA.
  const strings = `<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="${NS}" count="7" uniqueCount="7">
  <si><t>指标</t></si>
  <si><r><rPr><b/></rPr><t>城镇</t></r><r><t xml:space="preserve">新增 </t></r><r><t>就业</t></r></si>
  <si><t>沈阳</t><rPh sb="0" eb="2"><t>シンヨウ</t></rPh><phoneticPr fontId="1"/></si>
  <si><t>第一行_x000D_
第二行 &lt;注&gt; &#x4E2D;&#25991; _x005F_x0041_</t></si>
  <si><t><![CDATA[a<b & c]]></t></si>
  <si><t>1,234.5</t></si>
  <si><t/></si>
</sst>`;
  // Styles: 0 general, 1 built-in date 14, 2 zh-CN built-in 31 (yyyy"年"m"月"d"日"), 3 custom
  // yyyy"年"m"月", 4 percent, 5 custom number with quoted text, 6 elapsed time [h]:mm.
  const styles = `<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="${NS}">
  <numFmts count="3">
    <numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/>
    <numFmt numFmtId="165" formatCode="#,##0&quot;人（万）&quot;;[Red]\\-#,##0"/>
    <numFmt numFmtId="166" formatCode="[h]:mm"/>
  </numFmts>
  <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
  <cellXfs count="7">
    <xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="31"/><xf numFmtId="164"/><xf numFmtId="10"/><xf numFmtId="165"/><xf numFmtId="166"/>
  </cellXfs>
</styleSheet>`;
  const sheet2 = `<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="${NS}">
  <x:dimension ref="A1:F9"/>
  <x:sheetData>
    <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c><x:c r="D1" s="4"/><x:c r="E1" s="4"/></x:row>
    <x:row r="2"><x:c r="A2" t="s"><x:v>3</x:v></x:c><x:c r="B2" t="s"><x:v>4</x:v></x:c><x:c r="C2" t="s"><x:v>5</x:v></x:c><x:c r="D2" t="s"><x:v>6</x:v></x:c></x:row>
    <x:row r="4" spans="1:6">
      <x:c r="A4" s="1"><x:v>45292</x:v></x:c>
      <x:c r="B4" s="2"><x:v>45473</x:v></x:c>
      <x:c r="C4" s="3"><x:v>45473.5</x:v></x:c>
      <x:c r="D4" s="4"><x:v>0.123</x:v></x:c>
      <x:c r="E4" s="5"><x:v>-12345</x:v></x:c>
      <x:c r="F4" s="6"><x:v>1.5</x:v></x:c>
    </x:row>
    <x:row r="5">
      <x:c r="A5"><x:f>1+1</x:f><x:v>2</x:v></x:c>
      <x:c r="B5" t="str"><x:f>"沈"&amp;"阳"</x:f><x:v>沈阳</x:v></x:c>
      <x:c r="C5" t="b"><x:f>TRUE()</x:f><x:v>1</x:v></x:c>
      <x:c r="D5" t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c>
      <x:c r="E5"><x:f>NOW()</x:f></x:c>
      <x:c r="F5" t="b"><x:v>0</x:v></x:c>
    </x:row>
    <x:row><x:c t="inlineStr"><x:is><x:r><x:t>铁西</x:t></x:r><x:r><x:t xml:space="preserve"> 区</x:t></x:r><x:rPh><x:t>テツセイ</x:t></x:rPh></x:is></x:c><x:c><x:v>1E3</x:v></x:c><x:c t="n"><x:v> 7 </x:v></x:c><x:c t="d"><x:v>2024-06-30T00:00:00</x:v></x:c><x:c><x:v>12a</x:v></x:c></x:row>
    <x:row r="8"><x:c r="C8" t="inlineStr"><x:is><x:t>合并</x:t></x:is></x:c><x:c r="E8"><x:v>5</x:v></x:c></x:row>
    <x:row r="9"><x:c r="C9"/><x:c r="D9"/></x:row>
  </x:sheetData>
  <x:mergeCells count="1"><x:mergeCell ref="C8:D9"/></x:mergeCells>
</x:worksheet>`;
  const sheet1 = `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>辅助</t></is></c></row></sheetData></worksheet>`;
  const sheet3 = `<worksheet xmlns="${NS}"><sheetData/></worksheet>`;
  // Sheets first, shared strings and styles last: the reader does not depend on the zip order.
  return buildZip([
    { name: '[Content_Types].xml', data: text('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    { name: 'xl/workbook.xml', data: text(workbook) },
    { name: 'xl/_rels/workbook.xml.rels', data: text(rels) },
    { name: 'xl/worksheets/sheet1.xml', data: text(sheet1) },
    { name: 'xl/worksheets/sheet2.xml', data: text(sheet2) },
    { name: 'xl/worksheets/sheet3.xml', data: text(sheet3), method: 0 },
    { name: 'xl/strings.xml', data: text(strings) },
    { name: 'xl/styles.xml', data: text(styles) },
  ]);
}

/** UTC date of a day; Excel serials by hand: 2024-01-01 is 45292 (1900 system), 2024-06-30 is 45292 + 181. */
const day = (y: number, m: number, d: number, h = 0) => new Date(Date.UTC(y, m - 1, d, h));

describe('a workbook written by hand as other writers do', () => {
  it('reads sheets in workbook order with their names and visibility, and every kind of cell', async () => {
    const file = join(dir, 'hand.xlsx');
    writeFileSync(file, handWritten());
    const sheets = await readAll(file);
    expect(sheets.map((s) => [s.name, s.index, s.hidden])).toEqual([
      ['数据 & 说明', 0, false],
      ['辅助', 1, true],
      ['隐藏2', 2, true],
    ]);
    const [data, helper, empty] = sheets;
    expect(data!.rows.map((r) => r.row)).toEqual([1, 2, 4, 5, 6, 8, 9]);
    expect(cellsOf(data!)).toEqual([
      ['指标', '城镇新增 就业', '沈阳'],
      ['第一行\r\n第二行 <注> 中文 _x0041_', 'a<b & c', '1,234.5', ''],
      [day(2024, 1, 1), day(2024, 6, 30), day(2024, 6, 30, 12), 0.123, -12345, day(1900, 1, 1, 12)],
      [2, '沈阳', true, '#DIV/0!', null, false],
      ['铁西 区', 1000, 7, day(2024, 6, 30), '12a'],
      [null, null, '合并', '合并', 5],
      [null, null, '合并', '合并'],
    ]);
    expect(cellsOf(helper!)).toEqual([['辅助']]);
    expect(empty!.rows).toEqual([]);
  });

  it('counts dates from 1904 when the workbook says so', async () => {
    const file = join(dir, 'hand-1904.xlsx');
    writeFileSync(file, handWritten({ date1904: true }));
    const [data] = await readAll(file);
    // 1904 system: 2024-01-01 is 45292 - 1462 = 43830, so 45292 is four years and a day later.
    expect(data!.rows[2]!.cells.slice(0, 2)).toEqual([day(2028, 1, 2), day(2028, 7, 1)]);
  });

  it('never reads a sheet that is skipped, and reads the next one after it', async () => {
    const file = join(dir, 'hand-skip.xlsx');
    writeFileSync(file, handWritten());
    const sheets = await readAll(file, ['数据 & 说明']);
    expect(sheets.map((s) => s.rows.length)).toEqual([0, 1, 0]);
    expect(cellsOf(sheets[1]!)).toEqual([['辅助']]);
  });
});
