/**
 * One measured import in its own process, so its peak RSS is its own: prints one JSON line
 * { dryMs, commitMs, maxRssMb, counts }. Usage: import-child.ts FILE DATA_DIR dry-run|commit|both
 */
import { basename } from 'node:path';
import { openDatabase } from '../../main/db/connection';
import { commitImport, previewImport } from '../../main/import/engine';

const [file, dataDir, mode] = process.argv.slice(2) as [string, string, string];
const db = openDatabase(dataDir);
const deps = { db, actor: 'bench' };
const req = { path: file, fileName: basename(file), unit: 'RSJ' };
let dryMs = 0;
let commitMs = 0;
let counts: unknown = null;
if (mode !== 'commit') {
  const t0 = performance.now();
  const p = await previewImport(deps, req);
  dryMs = performance.now() - t0;
  counts = p.counts;
}
if (mode !== 'dry-run') {
  const t0 = performance.now();
  const c = await commitImport(deps, req);
  commitMs = performance.now() - t0;
  counts = c.counts;
}
db.close();
process.stdout.write(`${JSON.stringify({ dryMs, commitMs, maxRssMb: process.resourceUsage().maxRSS / 1024, counts })}\n`);
