import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/connection';
import { commitImport } from '../../main/import/engine';
import { DIMENSIONS } from '../../shared/domain/catalog';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** UNE.REG_COUNT for every district x gender x age cell (and their totals), 1926-01..2025-12: 302,400 rows. */
function bigCsv(path: string): number {
  const districts = ['', ...DIMENSIONS.find((d) => d.code === 'district')!.members.map((m) => m.code)];
  const genders = ['', 'M', 'F'];
  const ages = ['', ...DIMENSIONS.find((d) => d.code === 'age')!.members.map((m) => m.code)];
  const lines = ['indicator,period,value,district,gender,age'];
  let n = 0;
  for (let y = 1926; y <= 2025; y++) {
    for (let m = 1; m <= 12; m++) {
      const period = `${y}-${String(m).padStart(2, '0')}`;
      for (const d of districts) for (const g of genders) for (const a of ages) lines.push(`UNE.REG_COUNT,${period},${(n++ * 37) % 50000},${d},${g},${a}`);
    }
  }
  writeFileSync(path, lines.join('\n') + '\n');
  return n;
}

describe('crash during a commit', () => {
  it('a child killed with SIGKILL mid-commit leaves a sound database holding the whole snapshot or none of it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ws-crash-'));
    dirs.push(dir);
    const file = join(dir, 'big.csv');
    const rows = bigCsv(file);
    // Create the cache first, so the child only imports.
    openDatabase(join(dir, 'data')).close();

    const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', 'import', file, '--data-dir', join(dir, 'data'), '--progress'], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let killedWhileWriting = false;
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (killedWhileWriting) return;
      for (const line of stderr.split('\n')) {
        if (!line.startsWith('{')) continue;
        const p = (JSON.parse(line) as { progress: { phase: string; values: number } }).progress;
        // values > 0 in the writing phase: rows are being inserted inside the open transaction.
        if (p.phase === 'writing' && p.values > 0) {
          killedWhileWriting = true;
          child.kill('SIGKILL');
          return;
        }
      }
    });
    const { signal } = await exit;
    expect(killedWhileWriting, stderr).toBe(true);
    expect(signal).toBe('SIGKILL');

    const db = openDatabase(join(dir, 'data'));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const snaps = db.prepare("SELECT id, rows_stored FROM snapshot WHERE kind = 'file'").all() as Array<{ id: number; rows_stored: number }>;
      const observations = (db.prepare('SELECT count(*) AS n FROM observation').get() as { n: number }).n;
      expect(snaps.length === 0 ? observations : snaps[0]!.rows_stored).toBe(snaps.length === 0 ? 0 : rows);
      if (snaps.length) expect(observations).toBe(rows);
      const audit = (db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'import.commit'").get() as { n: number }).n;
      expect(audit).toBe(snaps.length);
      // The cache goes on working: the same file imports now (or is recognised when it was complete).
      const again = await commitImport({ db, actor: 'test' }, { path: file, fileName: 'big.csv' });
      expect(again.noop).toBe(snaps.length === 1);
      expect((db.prepare('SELECT count(*) AS n FROM observation').get() as { n: number }).n).toBe(rows);
    } finally {
      db.close();
    }
  }, 120_000);
});
