import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvError, CsvTokenizer, detectDelimiter, type CsvDelimiter } from '../../shared/import/csv';

function tokenize(text: string, delimiter: CsvDelimiter = ',', cuts: number[] = []): string[][] {
  const rows: string[][] = [];
  const t = new CsvTokenizer(delimiter, (r) => rows.push(r));
  let last = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    t.push(text.slice(last, c));
    last = c;
  }
  t.push(text.slice(last));
  t.end();
  return rows;
}

/** A seeded generator, so failures reproduce. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const ALPHABET = ['a', '1', ' ', ',', '"', '\n', '\r\n', ';', '\t', '铁', '西', '—', '.'];

function randomField(r: () => number): string {
  const n = Math.floor(r() * 6);
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(r() * ALPHABET.length)];
  return s;
}

function writeCsv(rows: string[][], d: string, eol: string): string {
  return rows.map((row) => row.map((f) => (/[",\r\n;\t]/.test(f) || f === '' ? `"${f.replace(/"/g, '""')}"` : f)).join(d)).join(eol) + eol;
}

describe('CSV tokenizer', () => {
  it('reads quoted fields, doubled quotes and line breaks inside quotes', () => {
    expect(tokenize('a,"b,""c"""\r\n1,"x\ny"\n')).toEqual([
      ['a', 'b,"c"'],
      ['1', 'x\ny'],
    ]);
  });

  it('handles LF, CRLF and CR line ends, a missing final newline and empty fields', () => {
    expect(tokenize('a,b\r\nc,d\re,f\ng,')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', ''],
    ]);
  });

  it('gives the same records however the text is cut into chunks (CRLF split across chunks included)', () => {
    const text = 'indicator,period,value\r\n"EMP.NEW_URBAN","2024-06","1,234.5"\r\nX,"a""b",\r\n';
    const whole = tokenize(text);
    for (let i = 0; i <= text.length; i++) expect(tokenize(text, ',', [i])).toEqual(whole);
    for (let i = 0; i <= text.length; i++) for (let j = i; j <= text.length; j += 3) expect(tokenize(text, ',', [i, j])).toEqual(whole);
  });

  it('agrees with generated data and with csv-parse on 300 random tables, cut at random places', () => {
    const r = rng(7);
    for (let k = 0; k < 300; k++) {
      const d = ([',', ';', '\t'] as const)[k % 3]!;
      const width = 1 + Math.floor(r() * 5);
      const rows = Array.from({ length: 1 + Math.floor(r() * 6) }, () => Array.from({ length: width }, () => randomField(r)));
      const text = writeCsv(rows, d, k % 2 ? '\r\n' : '\n');
      const cuts = Array.from({ length: 3 }, () => Math.floor(r() * text.length));
      expect(tokenize(text, d, cuts)).toEqual(rows);
      expect(tokenize(text, d, cuts)).toEqual(parse(text, { delimiter: d, relax_column_count: true }));
    }
  });

  it('reads plain and quoted lines alike, with LF, CRLF and CR mixed line by line', () => {
    const r = rng(11);
    const plain = ['a', '1', ' ', '铁', '西', '—', '.', '2024-06'];
    for (let k = 0; k < 300; k++) {
      const d = ([',', ';', '\t'] as const)[k % 3]!;
      const width = 1 + Math.floor(r() * 5);
      const rows = Array.from({ length: 1 + Math.floor(r() * 8) }, () =>
        Array.from({ length: width }, () => (r() < 0.8 ? Array.from({ length: Math.floor(r() * 4) }, () => plain[Math.floor(r() * plain.length)]).join('') : randomField(r))),
      );
      // Quoted only where needed, so most lines hold no quote; each line ends its own way (a CR
      // before an empty line would read as CRLF, so that one ends in CRLF). A single empty field
      // is an empty line, which reads as one empty field.
      const lines = rows.map((row) => row.map((f) => (/[",\r\n;\t]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(d));
      const text = lines.map((l, i) => l + (['\n', '\r\n', '\r'] as const).map((e) => (e === '\r' && lines[i + 1] === '' ? '\r\n' : e))[Math.floor(r() * 3)]).join('');
      const cuts = Array.from({ length: 3 }, () => Math.floor(r() * text.length));
      expect(tokenize(text, d, cuts)).toEqual(rows);
      expect(tokenize(text, d)).toEqual(rows);
    }
  });

  it('reports an unterminated quote (a truncated file) with its record number', () => {
    expect(() => tokenize('a,b\n1,"unfinished\n2,3\n')).toThrowError(CsvError);
    try {
      tokenize('a,b\n1,"unfinished\n2,3\n');
    } catch (e) {
      expect((e as CsvError).reason).toBe('unterminated_quote');
      expect((e as CsvError).record).toBe(2);
    }
  });

  it('refuses a record that never ends and too many fields, with bounded buffering', () => {
    const t = new CsvTokenizer(',', () => {}, { maxRecordChars: 1000, maxFields: 10 });
    expect(() => {
      for (let i = 0; i < 100; i++) t.push('x'.repeat(100));
    }).toThrowError(/record_too_long/);
    const u = new CsvTokenizer(',', () => {}, { maxRecordChars: 1000, maxFields: 10 });
    expect(() => u.push(`${','.repeat(20)}\n`)).toThrowError(/too_many_fields/);
  });

  it('detects comma, tab, semicolon and pipe', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(detectDelimiter('a;b;c\n"1,5";2;3\n')).toBe(';');
    expect(detectDelimiter('a|b\n1|2\n')).toBe('|');
    expect(detectDelimiter('地区,数值\n"1,234.5",2\n')).toBe(',');
    expect(detectDelimiter('just text\n')).toBe(',');
  });
});
