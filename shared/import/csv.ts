/**
 * A streaming RFC 4180 CSV tokenizer over decoded text (the encoding is the reader's business):
 * quoted fields with doubled quotes and line breaks, CRLF/LF/CR line ends, and limits so that a
 * binary or truncated file fails with a clear reason instead of exhausting memory.
 */

export type CsvDelimiter = ',' | '\t' | ';' | '|';

export const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', '\t', ';', '|'];

export interface CsvLimits {
  /** Longest record (characters) before the input is declared not to be CSV. */
  maxRecordChars: number;
  /** Most fields in one record. */
  maxFields: number;
}

export const DEFAULT_CSV_LIMITS: CsvLimits = { maxRecordChars: 4 * 1024 * 1024, maxFields: 16384 };

export class CsvError extends Error {
  constructor(
    readonly reason: 'unterminated_quote' | 'record_too_long' | 'too_many_fields',
    /** 1-based record number where it happened. */
    readonly record: number,
  ) {
    super(`CSV ${reason} at record ${record}`);
    this.name = 'CsvError';
  }
}

/**
 * Feed text with {@link CsvTokenizer.push}; complete records come out through the callback with
 * their 1-based record number. {@link CsvTokenizer.end} flushes the last record and throws a
 * {@link CsvError} on an unterminated quote (a truncated file).
 * @example
 * const rows: string[][] = [];
 * const t = new CsvTokenizer(',', (r) => rows.push(r));
 * t.push('a,"b,""c"""\r\n1,2'); t.end(); // rows = [['a', 'b,"c"'], ['1', '2']]
 */
export class CsvTokenizer {
  private pending = '';
  private record = 0;
  private skipLf = false;
  private readonly delim: number;

  constructor(
    delimiter: CsvDelimiter,
    private readonly onRecord: (fields: string[], record: number) => void,
    private readonly limits: CsvLimits = DEFAULT_CSV_LIMITS,
  ) {
    this.delim = delimiter.charCodeAt(0);
  }

  /** Records completed so far. */
  get records(): number {
    return this.record;
  }

  push(chunk: string): void {
    if (!chunk) return;
    let text = this.pending ? this.pending + chunk : chunk;
    this.pending = '';
    if (this.skipLf && text.charCodeAt(0) === 10) text = text.slice(1);
    this.skipLf = false;
    const end = this.parse(text, false);
    if (end < text.length) {
      this.pending = text.slice(end);
      if (this.pending.length > this.limits.maxRecordChars) throw new CsvError('record_too_long', this.record + 1);
    }
  }

  end(): void {
    const text = this.pending;
    this.pending = '';
    if (text.length) this.parse(text, true);
  }

  /** Parses complete records from `text`; returns where the incomplete tail starts. */
  private parse(text: string, final: boolean): number {
    const n = text.length;
    const d = this.delim;
    let pos = 0;
    while (pos < n) {
      const start = pos;
      const fields: string[] = [];
      let i = pos;
      for (;;) {
        if (i >= n) {
          if (!final) return start;
          fields.push('');
          pos = n;
          break;
        }
        let c = text.charCodeAt(i);
        if (c === 34) {
          // Quoted field: read to the closing quote, "" is a literal quote.
          let value = '';
          let j = i + 1;
          for (;;) {
            const q = text.indexOf('"', j);
            if (q < 0) {
              if (!final) return start;
              throw new CsvError('unterminated_quote', this.record + 1);
            }
            if (q + 1 < n && text.charCodeAt(q + 1) === 34) {
              value += text.slice(j, q + 1);
              j = q + 2;
              continue;
            }
            if (q + 1 >= n && !final) return start;
            value += text.slice(j, q);
            j = q + 1;
            break;
          }
          // Lenient: anything between the closing quote and the next delimiter is kept.
          let k = j;
          while (k < n) {
            c = text.charCodeAt(k);
            if (c === d || c === 10 || c === 13) break;
            k++;
          }
          if (k > j) value += text.slice(j, k);
          fields.push(value);
          i = k;
        } else {
          let k = i;
          while (k < n) {
            c = text.charCodeAt(k);
            if (c === d || c === 10 || c === 13) break;
            k++;
          }
          if (k >= n && !final) return start;
          fields.push(text.slice(i, k));
          i = k;
        }
        if (fields.length > this.limits.maxFields) throw new CsvError('too_many_fields', this.record + 1);
        if (i >= n) {
          pos = n;
          break;
        }
        c = text.charCodeAt(i);
        if (c === d) {
          i++;
          if (i >= n && !final) return start;
          continue;
        }
        // Line end.
        if (c === 13) {
          if (i + 1 < n) {
            i += text.charCodeAt(i + 1) === 10 ? 2 : 1;
          } else {
            i += 1;
            if (!final) this.skipLf = true;
          }
        } else {
          i += 1;
        }
        pos = i;
        break;
      }
      this.record++;
      this.onRecord(fields, this.record);
    }
    return pos;
  }
}

/**
 * Picks the delimiter from a sample of text: the candidate splitting the first lines into the
 * most columns, consistently. Comma when nothing splits.
 * @example detectDelimiter('a;b;c\n1;2;3\n') // ';'
 */
export function detectDelimiter(sample: string): CsvDelimiter {
  const lines = sample.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 30);
  if (lines.length && !/\r\n|\n|\r/.test(sample.slice(-2)) && lines.length > 1) lines.pop();
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  for (const d of CSV_DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const nonZero = counts.filter((c) => c > 0);
    if (!nonZero.length) continue;
    // The most common count among lines that split, weighted by how many lines agree.
    const freq = new Map<number, number>();
    for (const c of nonZero) freq.set(c, (freq.get(c) ?? 0) + 1);
    const [mode, agree] = [...freq].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
    const score = agree * Math.min(mode, 50) + nonZero.length;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}
