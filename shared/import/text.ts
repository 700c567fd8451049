/**
 * Text helpers for agency files: full-width forms, label normalization, spreadsheet column letters
 * and the cell values readers hand over. Pure: no Node, no DOM.
 */

/** A cell as a reader delivers it: CSV gives strings, XLSX also numbers, booleans and dates. */
export type Cell = string | number | boolean | Date | null;

/**
 * Converts full-width ASCII forms (U+FF01-U+FF5E) and the ideographic space to their ASCII
 * counterparts, and the Unicode minus to a hyphen.
 * @example toHalfWidth('１，２３４．５％') // '1,234.5%'
 */
export function toHalfWidth(text: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) {
      out += String.fromCharCode(c - 0xfee0);
      changed = true;
    } else if (c === 0x3000 || c === 0xa0 || c === 0x2009 || c === 0x202f) {
      out += ' ';
      changed = true;
    } else if (c === 0x2212) {
      out += '-';
      changed = true;
    } else {
      out += text[i];
    }
  }
  return changed ? out : text;
}

/**
 * A label as compared with catalogue names: half-width, trimmed, inner whitespace removed
 * (agencies pad Chinese labels with spaces: "铁 西 区").
 * @example normalizeLabel(' 铁 西 区 ') // '铁西区'
 */
export function normalizeLabel(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '').trim();
}

/**
 * Spreadsheet column letters from a 0-based index.
 * @example columnLetter(0) // 'A'
 * @example columnLetter(27) // 'AB'
 */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * 0-based column index from letters, or -1 when not letters.
 * @example columnIndex('AB') // 27
 */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * A cell as display text: numbers as JavaScript writes them, dates as YYYY-MM-DD (UTC, the way
 * spreadsheet readers deliver them), booleans as TRUE/FALSE, empty as ''.
 * @example cellText(1234.5) // '1234.5'
 */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
}

/** True when a cell holds nothing but whitespace. */
export function isBlank(cell: Cell | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  // trim() also removes the ideographic space (U+3000) and no-break spaces.
  if (typeof cell === 'string') return cell.length === 0 || cell.trim() === '';
  return false;
}

/**
 * Splits a trailing unit in brackets off a label: "城镇新增就业人数（万人）" -> name and unit.
 * @example splitUnitSuffix('城镇新增就业人数(万人)') // { label: '城镇新增就业人数', unit: '万人' }
 */
export function splitUnitSuffix(text: string): { label: string; unit: string | null } {
  const t = toHalfWidth(text).trim();
  const m = /^(.*?)[([【]\s*(?:单位[:：]?)?\s*([^()[\]【】]{1,8})\s*[)\]】]$/.exec(t);
  if (m && m[1]!.trim()) return { label: m[1]!.trim(), unit: m[2]!.trim() };
  return { label: t, unit: null };
}
