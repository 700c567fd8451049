/**
 * Numbers as agencies write them: "1,234.5", "12.3%", full-width digits, "(12)" for -12,
 * "12.3万人" with a unit, and the many ways of saying "no figure" ("—", "-", "…", empty).
 */
import { toHalfWidth, type Cell } from './text';
import { VALUE_UNIT_SUFFIXES } from './units';

export type ParsedValue =
  | { kind: 'number'; value: number; percent: boolean; unit: string | null }
  | { kind: 'missing' }
  | { kind: 'invalid'; text: string };

/** Written instead of a number when there is none (after half-width conversion, spaces removed). */
const MISSING_TOKENS = new Set(['', '-', '--', '---', '—', '——', '–', '―', '…', '……', '...', '..', '/', '\\', 'n/a', 'na', 'null', '无', '空', '#n/a']);

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * Parses one value cell.
 * @example parseAgencyValue('1,234.5') // { kind: 'number', value: 1234.5, percent: false, unit: null }
 * @example parseAgencyValue('（12）') // { kind: 'number', value: -12, percent: false, unit: null }
 * @example parseAgencyValue('—') // { kind: 'missing' }
 */
export function parseAgencyValue(cell: Cell | undefined): ParsedValue {
  if (cell === null || cell === undefined) return { kind: 'missing' };
  if (typeof cell === 'number') {
    return Number.isFinite(cell) ? { kind: 'number', value: cell === 0 ? 0 : cell, percent: false, unit: null } : { kind: 'invalid', text: String(cell) };
  }
  if (typeof cell !== 'string') return { kind: 'invalid', text: cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell) };

  // Fast path: a plain number, as most machine-written files have it.
  const plain = plainNumber(cell);
  if (plain === plain) return { kind: 'number', value: plain, percent: false, unit: null };
  let t = toHalfWidth(cell).replace(/[\s\u200b\ufeff]+/g, '');
  if (MISSING_TOKENS.has(t.toLowerCase())) return { kind: 'missing' };

  let negative = false;
  const paren = /^\((.+)\)$/.exec(t);
  if (paren) {
    negative = true;
    t = paren[1]!;
  }
  let percent = false;
  if (t.endsWith('%')) {
    percent = true;
    t = t.slice(0, -1);
  }
  let unit: string | null = null;
  if (!percent) {
    for (const suffix of VALUE_UNIT_SUFFIXES) {
      if (t.endsWith(suffix) && t.length > suffix.length) {
        unit = suffix;
        t = t.slice(0, -suffix.length);
        break;
      }
    }
  }
  let v: number;
  if (PLAIN_NUMBER.test(t)) v = Number(t);
  else if (GROUPED_NUMBER.test(t)) v = Number(t.replace(/,/g, ''));
  else return { kind: 'invalid', text: cell };
  if (!Number.isFinite(v)) return { kind: 'invalid', text: cell };
  if (negative) {
    if (v < 0) return { kind: 'invalid', text: cell };
    v = -v;
  }
  return { kind: 'number', value: v === 0 ? 0 : v, percent, unit };
}

/**
 * The value of a finite number cell or of a plain-number text ("1234", "-3.5", ".5", "1.2E+05";
 * what {@link parseAgencyValue} reads as a number with no percent and no unit, -0 read as 0), or
 * NaN for anything else - which may still be a number in another form (ask parseAgencyValue).
 * Allocates nothing: the importer calls it once per value.
 * @example plainNumber('1234.5') // 1234.5
 * @example plainNumber('1,234') // NaN
 */
export function plainNumber(cell: Cell | undefined): number {
  if (typeof cell === 'number') return Number.isFinite(cell) ? (cell === 0 ? 0 : cell) : NaN;
  if (typeof cell !== 'string') return NaN;
  // /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/ (PLAIN_NUMBER) by hand.
  const n = cell.length;
  let i = 0;
  let c = n ? cell.charCodeAt(0) : 0;
  if (c === 43 || c === 45) i++;
  let digits = 0;
  while (i < n && (c = cell.charCodeAt(i)) >= 48 && c <= 57) {
    i++;
    digits++;
  }
  if (i < n && cell.charCodeAt(i) === 46) {
    i++;
    while (i < n && (c = cell.charCodeAt(i)) >= 48 && c <= 57) {
      i++;
      digits++;
    }
  }
  if (digits === 0) return NaN;
  if (i < n && ((c = cell.charCodeAt(i)) === 101 || c === 69)) {
    i++;
    if (i < n && ((c = cell.charCodeAt(i)) === 43 || c === 45)) i++;
    let exponent = 0;
    while (i < n && (c = cell.charCodeAt(i)) >= 48 && c <= 57) {
      i++;
      exponent++;
    }
    if (exponent === 0) return NaN;
  }
  if (i !== n) return NaN;
  const v = Number(cell);
  return Number.isFinite(v) ? (v === 0 ? 0 : v) : NaN;
}

/**
 * True when a cell reads as a number (used to tell data rows from header rows).
 * @example looksNumeric('1,234') // true
 */
export function looksNumeric(cell: Cell | undefined): boolean {
  return parseAgencyValue(cell).kind === 'number';
}
