/** Helpers for import tests: a workstation on a copy of the demo cache and files written for the test. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { commitImport, previewImport, type ImportRequest } from '../../main/import/engine';
import { openWorkstation, type Workstation } from '../../main/workstation';
import { demoDataDir } from './demo-template';

export interface Bench {
  ws: Workstation;
  dir: string;
  files: string;
  write(name: string, content: string | Buffer, encoding?: 'utf-8' | 'utf-8-bom' | 'gbk' | 'gb18030' | 'utf-16le'): string;
  preview(file: string, options?: Partial<ImportRequest>): ReturnType<typeof previewImport>;
  commit(file: string, options?: Partial<ImportRequest>): ReturnType<typeof commitImport>;
  /** Row counts of every table that an import writes, to prove nothing changed. */
  fingerprint(): Record<string, number>;
  close(): void;
}

export function encode(content: string, encoding: 'utf-8' | 'utf-8-bom' | 'gbk' | 'gb18030' | 'utf-16le'): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(content, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(content, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(content, 'utf-16le')]);
    default:
      return iconv.encode(content, encoding);
  }
}

/** A workstation on a fresh copy of the demo cache (or an empty cache) plus a folder for files. */
export function importBench(options: { demo?: boolean; actor?: string } = {}): Bench {
  const dir = options.demo === false ? mkdtempSync(join(tmpdir(), 'ws-imp-')) : demoDataDir('ws-imp-');
  const ws = openWorkstation({ dataDir: dir, demo: false, actor: options.actor ?? 'tester' });
  const files = mkdtempSync(join(tmpdir(), 'ws-files-'));
  const deps = { db: ws.ctx.db, actor: options.actor ?? 'tester' };
  const req = (file: string, o: Partial<ImportRequest> = {}): ImportRequest => ({ path: file, fileName: file.split('/').pop()!, ...o });
  return {
    ws,
    dir,
    files,
    write(name, content, encoding = 'utf-8') {
      const path = join(files, name);
      writeFileSync(path, typeof content === 'string' ? encode(content, encoding) : content);
      return path;
    },
    preview: (file, o) => previewImport(deps, req(file, o)),
    commit: (file, o) => commitImport(deps, req(file, o)),
    fingerprint() {
      const out: Record<string, number> = {};
      for (const t of ['snapshot', 'observation', 'series', 'audit_log', 'import_issue', 'mapping_template']) {
        out[t] = (ws.ctx.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
      }
      out.deleted = (ws.ctx.db.prepare('SELECT count(*) AS n FROM snapshot WHERE deleted_at IS NOT NULL').get() as { n: number }).n;
      return out;
    },
    close() {
      ws.close();
      rmSync(dir, { recursive: true, force: true });
      rmSync(files, { recursive: true, force: true });
    },
  };
}
