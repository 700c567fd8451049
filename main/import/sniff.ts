/**
 * Tells what a file is from its first bytes, not its name: XLSX (a zip), old binary Excel, other
 * binary formats, or text (CSV) with its encoding. Binary garbage is refused here.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { dataError } from './errors';

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export const TEXT_ENCODINGS: readonly TextEncoding[] = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'];

export type Sniffed = { format: 'xlsx' } | { format: 'csv'; encoding: TextEncoding; bom: number };

/** Bytes read to decide encoding and delimiter. */
export const SNIFF_BYTES = 256 * 1024;

export function readHead(path: string, bytes = SNIFF_BYTES): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** True when the bytes are valid UTF-8 (a multi-byte sequence cut at the end of the sample is allowed). */
export function isValidUtf8(head: Buffer, complete: boolean): boolean {
  let end = head.length;
  if (!complete) {
    // Step back over an incomplete trailing sequence.
    let i = end - 1;
    let back = 0;
    while (i >= 0 && back < 3 && (head[i]! & 0xc0) === 0x80) {
      i--;
      back++;
    }
    if (i >= 0 && head[i]! >= 0xc0) end = i;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * Sniffs a file. `fileName` only names it in messages. `forced` overrides the text encoding.
 * Refuses: empty files, old .xls, PDF and other binaries, text with control characters.
 */
export function sniffFile(path: string, fileName: string, size: number, forced?: TextEncoding): Sniffed {
  if (size === 0) throw dataError('import.file_empty', { file: fileName });
  const head = readHead(path);
  if (head.length === 0) throw dataError('import.file_empty', { file: fileName });
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05) && (head[3] === 0x04 || head[3] === 0x06)) return { format: 'xlsx' };
  if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0 && head.readUInt32BE(4) === 0xa1b11ae1) throw dataError('import.xls_unsupported', { file: fileName });
  const magic: Array<[number[], string]> = [
    [[0x25, 0x50, 0x44, 0x46], 'PDF'],
    [[0x1f, 0x8b], 'gzip'],
    [[0x52, 0x61, 0x72, 0x21], 'RAR'],
    [[0x37, 0x7a, 0xbc, 0xaf], '7z'],
    [[0x89, 0x50, 0x4e, 0x47], 'PNG'],
    [[0xff, 0xd8, 0xff], 'JPEG'],
    [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'SQLite'],
    [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'RTF'],
  ];
  for (const [bytes, kind] of magic) if (bytes.every((b, i) => head[i] === b)) throw dataError('import.unsupported_format', { file: fileName, kind });

  let encoding: TextEncoding;
  let bom = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    encoding = 'utf-8';
    bom = 3;
  } else if (head[0] === 0xff && head[1] === 0xfe) {
    encoding = 'utf-16le';
    bom = 2;
  } else if (head[0] === 0xfe && head[1] === 0xff) {
    encoding = 'utf-16be';
    bom = 2;
  } else {
    encoding = isValidUtf8(head, head.length >= size) ? 'utf-8' : 'gb18030';
  }
  if (forced) {
    if (forced !== encoding) bom = forced === 'utf-8' && bom === 3 ? 3 : forced.startsWith('utf-16') && bom === 2 ? 2 : 0;
    encoding = forced;
  }
  if (!encoding.startsWith('utf-16') && looksBinary(head.subarray(bom))) throw dataError('import.not_text', { file: fileName });
  return { format: 'csv', encoding, bom };
}

/** NUL bytes, or more than 1% control characters other than tab, line feed, carriage return, form feed. */
function looksBinary(bytes: Buffer): boolean {
  let control = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) control++;
  }
  return control > Math.max(2, bytes.length / 100);
}
