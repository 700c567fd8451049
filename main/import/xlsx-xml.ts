/**
 * The XML side of the XLSX reader: a small streaming tokenizer and handlers for the parts of a
 * workbook the importer reads - shared strings, styles (which cells are dates) and worksheets.
 *
 * Text arrives already decoded from UTF-8 by a streaming decoder per zip entry, so a character
 * cut by a chunk boundary is never split (exceljs 4.4's streaming reader decoded every chunk on
 * its own and corrupted such characters). The tokenizer keeps an unfinished tag for the next
 * chunk, hands character data over raw and in pieces, and checks that elements nest and close.
 * Handlers decode entities once a value is complete. Pure: no Node API.
 */
import type { RawRow } from '../../shared/import/table';
import type { Cell } from '../../shared/import/text';

export class XmlError extends Error {}

export interface XmlHandler {
  /** An element opens; its attributes are the raw text `src.slice(attrStart, attrEnd)`. */
  open(name: string, src: string, attrStart: number, attrEnd: number): void;
  /** An element closes (also right after `open` for `<x/>`). */
  close(name: string): void;
  /** Raw character data `src.slice(start, end)`, entities not decoded; one text may come in pieces. */
  text(src: string, start: number, end: number): void;
}

/** A start tag (with its attributes) longer than this is not spreadsheet XML. */
const MAX_MARKUP = 1024 * 1024;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function localName(qname: string): string {
  const k = qname.indexOf(':');
  return k < 0 ? qname : qname.slice(k + 1);
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** Streaming tokenizer: `write` decoded text as it comes, then `end`. */
export class XmlScanner {
  private rest = '';
  private readonly stack: string[] = [];
  /** The local names of the open elements (what handlers are told), beside their qualified names. */
  private readonly locals: string[] = [];
  private rootSeen = false;

  constructor(private readonly h: XmlHandler) {}

  write(chunk: string): void {
    const s = this.rest.length ? this.rest + chunk : chunk;
    const n = s.length;
    const h = this.h;
    const stack = this.stack;
    const locals = this.locals;
    let pos = 0;
    while (pos < n) {
      const lt = s.indexOf('<', pos);
      const textEnd = lt < 0 ? n : lt;
      if (textEnd > pos) {
        if (stack.length) h.text(s, pos, textEnd);
        else this.outside(s, pos, textEnd);
        pos = textEnd;
        if (lt < 0) break;
      }
      if (lt + 1 >= n) break;
      const c = s.charCodeAt(lt + 1);
      if (c === 47) {
        // </name>
        const gt = s.indexOf('>', lt + 2);
        if (gt < 0) break;
        let end = gt;
        while (end > lt + 2 && isSpace(s.charCodeAt(end - 1))) end--;
        // Compared in place with the open element's name: no string per closing tag.
        const open = stack.length ? stack[stack.length - 1]! : undefined;
        if (open === undefined || end - lt - 2 !== open.length || !s.startsWith(open, lt + 2)) {
          const qname = s.slice(lt + 2, end);
          throw new XmlError(open === undefined ? `</${qname}> closes nothing` : `</${qname}> where </${open}> was expected`);
        }
        stack.pop();
        h.close(locals.pop()!);
        pos = gt + 1;
        continue;
      }
      if (c === 63) {
        // <?processing instruction?>
        const e = s.indexOf('?>', lt + 2);
        if (e < 0) break;
        pos = e + 2;
        continue;
      }
      if (c === 33) {
        if (s.startsWith('<!--', lt)) {
          const e = s.indexOf('-->', lt + 4);
          if (e < 0) break;
          pos = e + 3;
          continue;
        }
        if (s.startsWith('<![CDATA[', lt)) {
          const e = s.indexOf(']]>', lt + 9);
          if (e < 0) break;
          if (!stack.length) throw new XmlError('character data outside the root element');
          // Handlers decode entities; CDATA holds none, so it is escaped on the way.
          const escaped = escapeText(s.slice(lt + 9, e));
          h.text(escaped, 0, escaped.length);
          pos = e + 3;
          continue;
        }
        if (n - lt < 9) break;
        throw new XmlError('a DOCTYPE or other declaration, which workbook parts never hold');
      }
      // <name attr="v" ...> or <name .../>: find the '>' outside quoted values.
      let i = lt + 1;
      let q = 0;
      for (; i < n; i++) {
        const ch = s.charCodeAt(i);
        if (q) {
          if (ch === q) q = 0;
        } else if (ch === 62) break;
        else if (ch === 34 || ch === 39) q = ch;
      }
      if (i >= n) break;
      const selfClosing = s.charCodeAt(i - 1) === 47;
      const tagEnd = selfClosing ? i - 1 : i;
      let ne = lt + 1;
      while (ne < tagEnd && !isSpace(s.charCodeAt(ne))) ne++;
      if (ne === lt + 1) throw new XmlError('an element without a name');
      const qname = s.slice(lt + 1, ne);
      if (!stack.length) {
        if (this.rootSeen) throw new XmlError('a second root element');
        this.rootSeen = true;
      }
      const name = localName(qname);
      h.open(name, s, ne, tagEnd);
      if (selfClosing) h.close(name);
      else {
        stack.push(qname);
        locals.push(name);
      }
      pos = i + 1;
    }
    this.rest = pos < n ? s.slice(pos) : '';
    if (this.rest.length > MAX_MARKUP) throw new XmlError('a tag that never ends');
  }

  end(): void {
    if (this.rest.trim()) throw new XmlError('the part ends inside a tag');
    if (!this.rootSeen) throw new XmlError('the part is empty');
    if (this.stack.length) throw new XmlError(`the part ends before </${this.stack[this.stack.length - 1]}>`);
  }

  private outside(s: string, a: number, b: number): void {
    for (let i = a; i < b; i++) {
      const c = s.charCodeAt(i);
      // Whitespace, and a BOM a decoder left in place, may surround the root.
      if (!isSpace(c) && c !== 0xfeff) throw new XmlError(this.rootSeen ? 'text after the root element' : 'text before the root element');
    }
  }
}

/**
 * Attribute (name, raw value) pairs of a start tag, appended to `out` (cleared first). Values keep
 * their entities; decode with {@link decodeXml} where they can hold any.
 */
export function readAttributes(s: string, start: number, end: number, out: string[]): string[] {
  out.length = 0;
  let i = start;
  while (i < end) {
    while (i < end && isSpace(s.charCodeAt(i))) i++;
    if (i >= end) break;
    const nameStart = i;
    while (i < end && s.charCodeAt(i) !== 61 && !isSpace(s.charCodeAt(i))) i++;
    const name = s.slice(nameStart, i);
    while (i < end && isSpace(s.charCodeAt(i))) i++;
    if (s.charCodeAt(i) !== 61) throw new XmlError(`attribute ${name} has no value`);
    i++;
    while (i < end && isSpace(s.charCodeAt(i))) i++;
    const quote = s.charCodeAt(i);
    if (quote !== 34 && quote !== 39) throw new XmlError(`attribute ${name} is not quoted`);
    const close = s.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (close < 0 || close >= end) throw new XmlError(`attribute ${name} is not closed`);
    out.push(name, s.slice(i + 1, close));
    i = close + 1;
  }
  return out;
}

/** One attribute's decoded value, or null. Matches the local name (`r:id` matches `id` too). */
export function attribute(s: string, start: number, end: number, name: string): string | null {
  const pairs = readAttributes(s, start, end, []);
  for (let k = 0; k < pairs.length; k += 2) if (localName(pairs[k]!) === name) return decodeXml(pairs[k + 1]!);
  return null;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character data as text: entities and character references decoded, line ends normalized. */
export function decodeXml(raw: string): string {
  let s = raw;
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z]{2,4});/g, (m, e: string) => {
    if (e.charCodeAt(0) !== 35) return NAMED[e] ?? m;
    const cp = e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : m;
  });
}

/**
 * A SpreadsheetML string (ST_Xstring): XML-decoded, then `_xHHHH_` escapes (Excel writes a
 * carriage return as `_x000D_`, and a literal `_x` as `_x005F_x`) turned into their characters.
 */
export function decodeXstring(raw: string): string {
  const s = decodeXml(raw);
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** `<sst>`: every `<si>` as one string - plain `<t>`, or rich-text runs joined; phonetic runs left out. */
export class SharedStringsHandler implements XmlHandler {
  readonly strings: string[] = [];
  private inSi = false;
  private inT = false;
  private phonetic = 0;
  private raw = '';

  open(name: string): void {
    if (name === 'si') {
      this.inSi = true;
      this.raw = '';
    } else if (name === 't') {
      this.inT = this.inSi && this.phonetic === 0;
    } else if (name === 'rPh') {
      this.phonetic++;
    }
  }

  close(name: string): void {
    if (name === 't') this.inT = false;
    else if (name === 'rPh') this.phonetic--;
    else if (name === 'si') {
      this.strings.push(decodeXstring(this.raw));
      this.raw = '';
      this.inSi = false;
    }
  }

  text(src: string, start: number, end: number): void {
    if (this.inT) this.raw += src.slice(start, end);
  }
}

/**
 * Built-in number formats that show dates or times: 14-22 everywhere, 27-36 and 50-58 in the
 * East Asian locales (zh-CN: yyyy"年"m"月" ...), 45-47 (mm:ss ...). Excel does not write these
 * into styles.xml; a cell styled with one is a date.
 */
function builtinDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/**
 * True when a number format code shows a date or time: a y, m, d, h or s outside quoted text,
 * escapes, brackets ([Red], [$-804], [DBNum1]; but [h] and [mm] are elapsed time) and fill or
 * padding characters. Only the first section (positive numbers) counts.
 */
export function isDateFormat(code: string): boolean {
  let f = code;
  // Elapsed time ([h]:mm, [mm]:ss, [ss]) is time.
  if (/\[(?:h+|m+|s+)\]/i.test(f)) return true;
  f = f.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/[_*]./g, '').replace(/\[[^\]]*\]/g, '');
  f = f.split(';')[0]!;
  if (/^general$/i.test(f.trim())) return false;
  return /[ymdhs]/i.test(f.replace(/E[+-]/gi, ''));
}

/** `styles.xml`: which cell style indexes (`<c s="..">`) show dates. */
export class StylesHandler implements XmlHandler {
  private readonly formats = new Map<number, string>();
  private readonly xfFormats: number[] = [];
  private inCellXfs = false;
  private readonly attrs: string[] = [];

  open(name: string, src: string, a: number, b: number): void {
    if (name === 'numFmt') {
      const pairs = readAttributes(src, a, b, this.attrs);
      let id = -1;
      let code = '';
      for (let k = 0; k < pairs.length; k += 2) {
        if (pairs[k] === 'numFmtId') id = Number(pairs[k + 1]);
        else if (pairs[k] === 'formatCode') code = decodeXml(pairs[k + 1]!);
      }
      if (Number.isInteger(id)) this.formats.set(id, code);
    } else if (name === 'cellXfs') {
      this.inCellXfs = true;
    } else if (name === 'xf' && this.inCellXfs) {
      const pairs = readAttributes(src, a, b, this.attrs);
      let id = 0;
      for (let k = 0; k < pairs.length; k += 2) if (pairs[k] === 'numFmtId') id = Number(pairs[k + 1]) || 0;
      this.xfFormats.push(id);
    }
  }

  close(name: string): void {
    if (name === 'cellXfs') this.inCellXfs = false;
  }

  text(): void {}

  /** One flag per cell style: 1 when it shows a date or time. */
  dateStyles(): Uint8Array {
    const out = new Uint8Array(this.xfFormats.length);
    this.xfFormats.forEach((id, k) => {
      const code = this.formats.get(id);
      out[k] = (code !== undefined ? isDateFormat(code) : builtinDateFormat(id)) ? 1 : 0;
    });
    return out;
  }
}

const MS_PER_DAY = 86_400_000;

/**
 * A date serial as a Date (UTC midnight-based, as spreadsheet readers deliver dates). 1900 system:
 * day 1 is 1900-01-01 and day 60 Excel's fictitious 1900-02-29, so serials below 61 are a day
 * later than a plain count from 1899-12-30 gives. 1904 system: day 0 is 1904-01-01.
 */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial - 24107 : serial < 61 ? serial - 25568 : serial - 25569;
  return new Date(Math.round(days * MS_PER_DAY));
}

/** Cell types (the `t` attribute). */
const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE = 6;

function cellType(t: string): number {
  switch (t) {
    case 's':
      return T_SHARED;
    case 'str':
      return T_STR;
    case 'inlineStr':
      return T_INLINE;
    case 'b':
      return T_BOOL;
    case 'e':
      return T_ERROR;
    case 'd':
      return T_DATE;
    case 'n':
      return T_NUMBER;
    default:
      throw new XmlError(`unknown cell type t="${t}"`);
  }
}

/** Excel's last column, XFD. */
const MAX_COLUMNS = 16384;

export interface SheetParts {
  sharedStrings: readonly string[];
  /** Per cell style index, 1 when it shows dates. */
  dateStyles: Uint8Array;
  date1904: boolean;
}

/**
 * A worksheet's `<sheetData>` as rows of plain cells: shared and inline strings (rich text
 * joined), numbers, booleans, error texts (#DIV/0!), the cached value of a formula, dates for
 * date-styled numbers. Cells are dense from column A; trailing empty cells are dropped. A row or
 * cell without its `r` attribute follows the previous one.
 */
export class SheetHandler implements XmlHandler {
  private inData = false;
  private inRow = false;
  private rowNum = 0;
  /** The row's number came from its `r` attribute. */
  private rowExplicit = false;
  private cells: Cell[] = [];
  private nextCol = 0;

  private inCell = false;
  private col = 0;
  private type = T_NUMBER;
  private style = 0;
  private hasV = false;
  private raw = '';
  private capture = false;
  private inIs = false;
  private hasIs = false;
  private phonetic = 0;
  private isRaw = '';
  private readonly attrs: string[] = [];

  constructor(
    private readonly parts: SheetParts,
    private readonly onRow: (row: RawRow) => void,
  ) {}

  open(name: string, src: string, a: number, b: number): void {
    switch (name) {
      case 'c':
        if (this.inRow) this.openCell(src, a, b);
        return;
      case 'v':
        if (this.inCell && !this.inIs) {
          this.capture = true;
          this.hasV = true;
          this.raw = '';
        }
        return;
      case 'row':
        if (this.inData) this.openRow(src, a, b);
        return;
      case 'is':
        if (this.inCell) {
          this.inIs = true;
          this.hasIs = true;
          this.isRaw = '';
        }
        return;
      case 't':
        if (this.inIs && this.phonetic === 0) {
          this.capture = true;
          this.raw = '';
        }
        return;
      case 'rPh':
        if (this.inIs) this.phonetic++;
        return;
      case 'sheetData':
        this.inData = true;
        return;
    }
  }

  close(name: string): void {
    switch (name) {
      case 'v':
        this.capture = false;
        return;
      case 't':
        if (this.capture && this.inIs) {
          this.isRaw += this.raw;
          this.capture = false;
        }
        return;
      case 'c':
        if (this.inCell) this.closeCell();
        return;
      case 'row':
        if (this.inRow) {
          this.inRow = false;
          const cells = this.cells;
          let end = cells.length;
          while (end > 0 && cells[end - 1] === null) end--;
          cells.length = end;
          this.onRow({ row: this.rowNum, cells });
        }
        return;
      case 'is':
        this.inIs = false;
        return;
      case 'rPh':
        if (this.inIs) this.phonetic--;
        return;
      case 'sheetData':
        this.inData = false;
        return;
    }
  }

  text(src: string, start: number, end: number): void {
    if (this.capture) this.raw += src.slice(start, end);
  }

  private openRow(src: string, a: number, b: number): void {
    const pairs = readAttributes(src, a, b, this.attrs);
    let r = 0;
    for (let k = 0; k < pairs.length; k += 2) {
      if (pairs[k] === 'r') {
        r = Number(pairs[k + 1]);
        if (!Number.isInteger(r) || r < 1) throw new XmlError(`row number "${pairs[k + 1]}"`);
      }
    }
    this.rowNum = r || this.rowNum + 1;
    this.rowExplicit = r > 0;
    this.inRow = true;
    this.cells = [];
    this.nextCol = 0;
  }

  /**
   * `<c r=".." t=".." s="..">`, read in place: the hot path of a sheet, so no attribute strings
   * are built (readAttributes' checks and messages, by hand).
   */
  private openCell(src: string, a: number, b: number): void {
    let col = this.nextCol;
    let type = T_NUMBER;
    let style = 0;
    let i = a;
    while (i < b) {
      while (i < b && isSpace(src.charCodeAt(i))) i++;
      if (i >= b) break;
      const nameStart = i;
      while (i < b && src.charCodeAt(i) !== 61 && !isSpace(src.charCodeAt(i))) i++;
      const nameEnd = i;
      while (i < b && isSpace(src.charCodeAt(i))) i++;
      if (src.charCodeAt(i) !== 61) throw new XmlError(`attribute ${src.slice(nameStart, nameEnd)} has no value`);
      i++;
      while (i < b && isSpace(src.charCodeAt(i))) i++;
      const quote = src.charCodeAt(i);
      if (quote !== 34 && quote !== 39) throw new XmlError(`attribute ${src.slice(nameStart, nameEnd)} is not quoted`);
      const close = src.indexOf(quote === 34 ? '"' : "'", i + 1);
      if (close < 0 || close >= b) throw new XmlError(`attribute ${src.slice(nameStart, nameEnd)} is not closed`);
      if (nameEnd - nameStart === 1) {
        const ch = src.charCodeAt(nameStart);
        if (ch === 114) col = this.columnAt(src, i + 1, close);
        else if (ch === 116) type = cellType(src.slice(i + 1, close));
        else if (ch === 115) style = Number(src.slice(i + 1, close)) || 0;
      }
      i = close + 1;
    }
    this.inCell = true;
    this.col = col;
    this.type = type;
    this.style = style;
    this.hasV = false;
    this.hasIs = false;
    this.raw = '';
    this.isRaw = '';
    this.phonetic = 0;
  }

  /** 0-based column of the reference `src.slice(start, end)` such as "AB12"; its row must be the row's. */
  private columnAt(src: string, start: number, end: number): number {
    let col = 0;
    let i = start;
    for (; i < end; i++) {
      const c = src.charCodeAt(i);
      if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
      else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
      else break;
    }
    if (i === start || i > start + 3 || col > MAX_COLUMNS) throw new XmlError(`cell reference "${src.slice(start, end)}"`);
    if (i < end) {
      // The row part: plain digits read in place, anything else as Number() reads it.
      let row = 0;
      let k = i;
      for (; k < end; k++) {
        const c = src.charCodeAt(k);
        if (c < 48 || c > 57) break;
        row = row * 10 + (c - 48);
      }
      if (k < end || k - i > 15) row = Number(src.slice(i, end));
      if (row !== this.rowNum) {
        if (!Number.isInteger(row) || row < 1) throw new XmlError(`cell reference "${src.slice(start, end)}"`);
        // A row written without its number takes it from its first cell.
        if (!this.rowExplicit && this.cells.length === 0 && this.nextCol === 0) this.rowNum = row;
        else throw new XmlError(`cell ${src.slice(start, end)} in row ${this.rowNum}`);
      }
    }
    return col - 1;
  }

  private closeCell(): void {
    this.inCell = false;
    this.capture = false;
    const col = this.col;
    this.nextCol = col + 1;
    let v: Cell = null;
    if (this.type === T_INLINE) {
      if (this.hasIs) v = decodeXstring(this.isRaw);
      else if (this.hasV) v = decodeXstring(this.raw);
    } else if (this.hasV) {
      v = this.value(this.raw);
    }
    if (v === null) return;
    const cells = this.cells;
    while (cells.length < col) cells.push(null);
    cells[col] = v;
  }

  private value(raw: string): Cell {
    switch (this.type) {
      case T_NUMBER: {
        const t = raw.trim();
        if (t === '') return null;
        const x = Number(t);
        // A number that is not one: handed on as text, so validation names the cell.
        if (!Number.isFinite(x)) return t;
        const ds = this.parts.dateStyles;
        if (this.style < ds.length && ds[this.style] === 1) {
          const d = excelSerialToDate(x, this.parts.date1904);
          if (!Number.isNaN(d.getTime())) return d;
        }
        return x;
      }
      case T_SHARED: {
        const t = raw.trim();
        const k = Number(t);
        const strings = this.parts.sharedStrings;
        if (t === '' || !Number.isInteger(k) || k < 0 || k >= strings.length) {
          throw new XmlError(`shared string ${t} in ${this.here()} does not exist (${strings.length} strings)`);
        }
        return strings[k]!;
      }
      case T_STR:
        return decodeXstring(raw);
      case T_BOOL: {
        const t = raw.trim();
        return t === '1' || t === 'true';
      }
      case T_ERROR:
        return decodeXml(raw).trim() || null;
      case T_DATE: {
        const t = decodeXml(raw).trim();
        if (!t) return null;
        // ISO 8601 without a zone is a wall-clock time: read as UTC, like serial dates.
        const d = new Date(/(?:Z|[+-]\d\d:?\d\d)$/.test(t) || !t.includes('T') ? t : `${t}Z`);
        return Number.isNaN(d.getTime()) ? t : d;
      }
      default:
        return null;
    }
  }

  private here(): string {
    let n = this.col + 1;
    let letters = '';
    while (n > 0) {
      letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
      n = Math.floor((n - 1) / 26);
    }
    return `${letters}${this.rowNum}`;
  }
}
