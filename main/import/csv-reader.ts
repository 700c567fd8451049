/**
 * CSV reader: detects (or takes) the encoding - UTF-8 with or without BOM, GBK/GB18030, UTF-16 with
 * BOM - and the delimiter, then streams records through the shared tokenizer. Memory stays bounded
 * by the tokenizer's record limit and the read chunk size.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';
import { CsvError, CsvTokenizer, detectDelimiter, type CsvDelimiter } from '../../shared/import/csv';
import type { RawRow } from '../../shared/import/table';
import { dataError } from './errors';
import { readHead, type TextEncoding } from './sniff';
import type { FileSource, SheetSource } from './source';

const CHUNK_BYTES = 64 * 1024;

interface TextDecoderLike {
  write(bytes: Buffer): string;
  end(): string;
}

function decoderFor(encoding: TextEncoding, fileName: string, offsetOf: () => number): TextDecoderLike {
  if (encoding === 'utf-8') {
    const d = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const fail = () => dataError('import.bad_encoding', { file: fileName, encoding: 'UTF-8', offset: offsetOf() });
    return {
      write: (b) => {
        try {
          return d.decode(b, { stream: true });
        } catch {
          throw fail();
        }
      },
      end: () => {
        try {
          return d.decode();
        } catch {
          throw fail();
        }
      },
    };
  }
  const d = iconv.getDecoder(encoding);
  return { write: (b) => d.write(b), end: () => d.end() ?? '' };
}

/** The delimiter of a CSV file from its first bytes. */
export function sniffDelimiter(path: string, encoding: TextEncoding, bom: number): CsvDelimiter {
  const head = readHead(path, 64 * 1024).subarray(bom);
  const text = encoding === 'utf-8' ? new TextDecoder('utf-8').decode(head) : iconv.decode(head, encoding);
  return detectDelimiter(text);
}

export function openCsv(path: string, fileName: string, size: number, encoding: TextEncoding, bom: number, delimiter: CsvDelimiter): FileSource {
  const hash = createHash('sha256');
  let read = 0;
  let digest: string | null = null;

  async function* rows(): AsyncGenerator<RawRow[]> {
    // The BOM bytes are hashed but not decoded.
    if (bom) hash.update(readHead(path, bom));
    read = bom;
    const decoder = decoderFor(encoding, fileName, () => read);
    let batch: RawRow[] = [];
    const tokenizer = new CsvTokenizer(delimiter, (cells, row) => {
      batch.push({ row, cells });
    });
    const wrap = (fn: () => void) => {
      try {
        fn();
      } catch (err) {
        if (err instanceof CsvError) {
          const code = err.reason === 'unterminated_quote' ? 'import.csv_unterminated_quote' : err.reason === 'record_too_long' ? 'import.csv_record_too_long' : 'import.csv_too_many_fields';
          throw dataError(code, { file: fileName, row: err.record });
        }
        throw err;
      }
    };
    const stream = createReadStream(path, { start: bom, highWaterMark: CHUNK_BYTES });
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        hash.update(chunk);
        const text = decoder.write(chunk);
        read += chunk.length;
        wrap(() => tokenizer.push(text));
        if (batch.length) {
          const out = batch;
          batch = [];
          yield out;
        }
      }
      const tail = decoder.end();
      wrap(() => {
        if (tail) tokenizer.push(tail);
        tokenizer.end();
      });
      if (batch.length) yield batch;
      digest = hash.digest('hex');
    } finally {
      stream.destroy();
    }
  }

  const sheet: SheetSource = { name: null, index: 0, merges: [], rows: rows() };
  return {
    format: 'csv',
    encoding,
    delimiter,
    size,
    sheets: (async function* () {
      yield sheet;
    })(),
    bytesRead: () => read,
    sha256: () => {
      if (digest === null) throw new Error('sha256 is known once the file was read');
      return digest;
    },
  };
}
