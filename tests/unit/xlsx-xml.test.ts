import { describe, expect, it } from 'vitest';
import { decodeXml, decodeXstring, excelSerialToDate, isDateFormat, SharedStringsHandler, SheetHandler, XmlError, XmlScanner } from '../../main/import/xlsx-xml';
import type { RawRow } from '../../shared/import/table';

const SHEET = `<?xml version="1.0" encoding="UTF-8"?>
<!-- written by hand -->
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>沈阳 &amp; 铁西</t></is></c><c r="B1" t='str'><v>&#x1F600;&lt;x&gt;</v></c><c r="C1"><v>12.5</v></c></row>
<row r="2"><c r="B2" t="inlineStr"><is><t><![CDATA[<b>&amp;</b>]]></t></is></c><?pi data?><c r="D2" t="b"><v>1</v></c></row>
</sheetData></worksheet>`;

function rowsOf(chunks: string[]): RawRow[] {
  const rows: RawRow[] = [];
  const scanner = new XmlScanner(new SheetHandler({ sharedStrings: [], dateStyles: new Uint8Array(0), date1904: false }, (r) => rows.push(r)));
  for (const c of chunks) scanner.write(c);
  scanner.end();
  return rows;
}

describe('the streaming XML tokenizer', () => {
  const expected: RawRow[] = [
    { row: 1, cells: ['沈阳 & 铁西', '😀<x>', 12.5] },
    { row: 2, cells: [null, '<b>&amp;</b>', null, true] },
  ];

  it('reads a sheet whole', () => {
    expect(rowsOf([SHEET])).toEqual(expected);
  });

  it('reads the same however the text is cut into chunks', () => {
    for (let cut = 1; cut < SHEET.length; cut++) expect(rowsOf([SHEET.slice(0, cut), SHEET.slice(cut)]), `cut at ${cut}`).toEqual(expected);
    expect(rowsOf(Array.from(SHEET))).toEqual(expected);
  });

  it('refuses XML that is not well formed', () => {
    const bad = [
      '<worksheet><sheetData></worksheet>',
      '<worksheet><sheetData>',
      '<worksheet/><worksheet/>',
      'garbage<worksheet/>',
      '<worksheet/>trailing',
      '<!DOCTYPE x [<!ENTITY a "b">]><worksheet/>',
      '<worksheet><sheetData><row r="1"><c r="A1" t="q"><v>1</v></c></row></sheetData></worksheet>',
      '<worksheet><sheetData><row r="1"><c r="A2"><v>1</v></c></row></sheetData></worksheet>',
      '<worksheet><sheetData><row r="1"><c r="1A"><v>1</v></c></row></sheetData></worksheet>',
      '<worksheet><sheetData><row r="1"><c r=A1><v>1</v></c></row></sheetData></worksheet>',
      '<worksheet',
      '',
    ];
    for (const xml of bad) expect(() => rowsOf([xml]), xml).toThrow(XmlError);
  });

  it('matches each closing tag with its element exactly, prefixes and namespaces included', () => {
    const wrong = [
      '<worksheet><sheetData></sheetDat></worksheet>',
      '<worksheet><sheetData></sheetDataX></worksheet>',
      '<worksheet><sheetData></x:sheetData></worksheet>',
      '<x:worksheet><x:sheetData></sheetData></x:worksheet>',
      '<worksheet><sheetData><row r="1"></c></row></sheetData></worksheet>',
      '</worksheet>',
    ];
    for (const xml of wrong) expect(() => rowsOf([xml]), xml).toThrow(XmlError);
    expect(() => rowsOf(['<worksheet><sheetData></sheetDat></worksheet>'])).toThrow('</sheetDat> where </sheetData> was expected');
    // Prefixed elements, a space before '>', and a closing tag cut by a chunk boundary all read.
    const xml = '<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="2"><x:c r="B2"><x:v>7</x:v></x:c ></x:row></x:sheetData></x:worksheet>';
    for (let cut = 0; cut <= xml.length; cut++) expect(rowsOf([xml.slice(0, cut), xml.slice(cut)])).toEqual([{ row: 2, cells: [null, 7] }]);
  });

  it('reads cell attributes in any order, quoting and spacing; refuses bad references', () => {
    const sheet = (cells: string, row = ' r="7"') => `<worksheet><sheetData><row${row}>${cells}</row></sheetData></worksheet>`;
    expect(rowsOf([sheet(`<c t='n' s = "0"  r = 'b7' ><v>1</v></c><c r="XFD7"><v>2</v></c>`)])).toEqual([{ row: 7, cells: [null, 1, ...Array(16381).fill(null), 2] }]);
    // A row without its number takes it from its first cell; a cell without one follows the previous.
    expect(rowsOf([sheet('<c r="C0009"><v>3</v></c><c><v>4</v></c>', '')])).toEqual([{ row: 9, cells: [null, null, 3, 4] }]);
    for (const cells of ['<c r="XFE7"><v>1</v></c>', '<c r="ABCD7"><v>1</v></c>', '<c r="A8"><v>1</v></c>', '<c r="7"><v>1</v></c>', '<c r><v>1</v></c>', '<c r="A7><v>1</v></c>', '<c r=A7><v>1</v></c>']) {
      expect(() => rowsOf([sheet(cells)]), cells).toThrow(XmlError);
    }
    expect(() => rowsOf([sheet('<c r="A0"><v>1</v></c>', '')])).toThrow('cell reference "A0"');
    expect(() => rowsOf([sheet('<c r="B8"><v>1</v></c>')])).toThrow('cell B8 in row 7');
  });

  it('refuses a shared string index the table does not have', () => {
    const scanner = new XmlScanner(new SheetHandler({ sharedStrings: ['a'], dateStyles: new Uint8Array(0), date1904: false }, () => {}));
    expect(() => scanner.write('<worksheet><sheetData><row r="3"><c r="B3" t="s"><v>1</v></c></row></sheetData></worksheet>')).toThrow('shared string 1 in B3');
  });

  it('joins rich-text runs of a shared string and leaves phonetic runs out', () => {
    const h = new SharedStringsHandler();
    const s = new XmlScanner(h);
    s.write('<sst><si><r><t>城镇</t></r><r><rPr/><t xml:space="preserve"> 就业</t></r><rPh><t>x</t></rPh></si><si><t>_x000D_&#10;</t></si></sst>');
    s.end();
    expect(h.strings).toEqual(['城镇 就业', '\r\n']);
  });
});

describe('SpreadsheetML text and dates', () => {
  it('decodes entities, character references and _xHHHH_ escapes', () => {
    expect(decodeXml('a &lt;b&gt; &amp;amp; &quot;&apos; &#20013;&#x6587; &nbsp; &#0;')).toBe('a <b> &amp; "\' 中文 &nbsp; &#0;');
    expect(decodeXml('a\r\nb\rc')).toBe('a\nb\nc');
    expect(decodeXstring('x_x000D_y _x005F_x000D_')).toBe('x\ry _x000D_');
  });

  it('tells date formats from number formats', () => {
    for (const f of ['yyyy-mm-dd', 'yyyy"年"m"月"', 'm/d/yy h:mm', '[$-804]yyyy年m月d日', 'h:mm:ss AM/PM', '[h]:mm:ss', 'mm:ss.0', 'YYYY/MM/DD', '[DBNum1]yyyy"年"m"月"']) expect(isDateFormat(f), f).toBe(true);
    for (const f of ['General', '0.00', '#,##0"人"', '0.0%', '#,##0;[Red]\\-#,##0', '0.00E+00', '"年度"0', '@', '_(* #,##0_);_(* (#,##0);_(* "-"??_);_(@_)']) expect(isDateFormat(f), f).toBe(false);
  });

  it('converts serials of both date systems', () => {
    // Anchors by hand: 1900 system day 1 = 1900-01-01, 59 = 1900-02-28, 61 = 1900-03-01, 45292 = 2024-01-01.
    expect(excelSerialToDate(1, false).toISOString()).toBe('1900-01-01T00:00:00.000Z');
    expect(excelSerialToDate(59, false).toISOString()).toBe('1900-02-28T00:00:00.000Z');
    expect(excelSerialToDate(61, false).toISOString()).toBe('1900-03-01T00:00:00.000Z');
    expect(excelSerialToDate(45292.75, false).toISOString()).toBe('2024-01-01T18:00:00.000Z');
    // 1904 system: day 0 = 1904-01-01.
    expect(excelSerialToDate(0, true).toISOString()).toBe('1904-01-01T00:00:00.000Z');
    expect(excelSerialToDate(43830, true).toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });
});
