/**
 * Limits that keep a hostile or broken file from exhausting memory or time. The importer refuses
 * rather than tries: a file over 1 GB, a workbook that inflates beyond its limits, a CSV record
 * that never ends.
 */
import { MAX_FILE_BYTES } from '../files/registry';

export const IMPORT_LIMITS = {
  /** Largest input file. */
  maxFileBytes: MAX_FILE_BYTES,
  /** Most values one import stages (memory: about 30 bytes each). */
  maxValues: 20_000_000,
  /** XLSX: most zip entries. */
  maxZipEntries: 10_000,
  /** XLSX: largest inflated entry (a sheet's XML). */
  maxEntryBytes: 512 * 1024 * 1024,
  /** XLSX: all entries inflated together. */
  maxTotalInflatedBytes: 1024 * 1024 * 1024,
  /** XLSX: an entry inflating more than this ratio over its compressed size, beyond 16 MB, is a bomb. */
  maxCompressionRatio: 200,
  ratioCheckAboveBytes: 16 * 1024 * 1024,
  /**
   * XLSX: an entry declaring at most this many bytes (inflated and compressed) is inflated in one
   * call rather than streamed - for the small parts of most workbooks the stream's thread hops cost
   * more than the memory. Larger entries stream in chunks.
   */
  syncInflateBytes: 16 * 1024 * 1024,
  /** Issues kept per import (counts go on beyond). */
  maxIssues: 1000,
} as const;

export type ImportLimits = { [K in keyof typeof IMPORT_LIMITS]: number };
