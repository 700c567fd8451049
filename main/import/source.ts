/** What readers hand to the engine: sheets of rows, read once, in batches. */
import type { CsvDelimiter } from '../../shared/import/csv';
import type { MergeRange, RawRow } from '../../shared/import/table';
import type { TextEncoding } from './sniff';

export interface SheetSource {
  /** Sheet name; null for CSV. */
  name: string | null;
  /** 0-based position in the workbook. */
  index: number;
  /** Merged ranges (XLSX); covered cells already carry the master's value. */
  merges: MergeRange[];
  /** Hidden in the workbook: read only when a mapping names it. */
  hidden?: boolean;
  /** Rows in order, in batches. Iterate once. */
  rows: AsyncIterable<RawRow[]>;
}

export interface FileSource {
  format: 'csv' | 'xlsx';
  encoding: TextEncoding | null;
  delimiter: CsvDelimiter | null;
  size: number;
  sheets: AsyncIterable<SheetSource>;
  /** Bytes of the file read so far (progress). */
  bytesRead(): number;
  /** SHA-256 of the whole file, hex; known once every sheet was read. */
  sha256(): string;
}
