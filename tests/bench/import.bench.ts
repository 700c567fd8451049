/**
 * Import benchmarks (issue 3): a 1,000,000-row long CSV and a 200,000-cell XLSX against the sqlite3
 * shell's `.import` of the same rows into a bare table, measured in the same run; peak RSS of each
 * import (in its own process); and the latest-vintage and "as of" query latencies on a cache of
 * 5,000,000 observations in 20 vintages.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../main/db/connection';
import { ObservationStore } from '../../main/db/observations';
import { percentile, report, seeded } from './harness';
import { writeLongCsv, writeXlsx } from './import-fixtures';

/** sqlite3 shell `.import` of a CSV into a bare table; returns ms (best of `runs`). */
function shellImport(csv: string, dir: string, runs = 1): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const db = join(dir, `bare-${i}.sqlite`);
    const t0 = performance.now();
    execFileSync('sqlite3', [db, '.import --csv ' + csv + ' t'], { stdio: 'ignore' });
    best = Math.min(best, performance.now() - t0);
    rmSync(db, { force: true });
  }
  return best;
}

interface ChildResult {
  dryMs: number;
  commitMs: number;
  maxRssMb: number;
  counts: { read: number; added: number; rejected: number };
}

function importInChild(file: string, dataDir: string, mode: 'commit' | 'both'): ChildResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'tests/bench/import-child.ts', file, dataDir, mode], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`import child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildResult;
}

async function benchFile(label: string, file: string, csvTwin: string, rows: number, dir: string, extra: Record<string, unknown>): Promise<void> {
  const shell = shellImport(csvTwin, dir);
  const commitOnly = importInChild(file, mkdtempSync(join(dir, 'c-')), 'commit');
  const both = importInChild(file, mkdtempSync(join(dir, 'b-')), 'both');
  if (commitOnly.counts.added !== rows || commitOnly.counts.rejected !== 0) throw new Error(`${label}: expected ${rows} added, got ${JSON.stringify(commitOnly.counts)}`);
  const name = 'sqlite3 shell .import of the same rows into a bare table';
  report({ bench: 'import', metric: `${label} commit (dry run excluded)`, value: commitOnly.commitMs, unit: 'ms', baseline: shell, baselineName: name, rows, ...extra });
  report({ bench: 'import', metric: `${label} dry run + commit`, value: both.dryMs + both.commitMs, unit: 'ms', baseline: shell, baselineName: name, rows, dryRunMs: Math.round(both.dryMs), ...extra });
  report({ bench: 'import', metric: `${label} peak RSS (commit)`, value: commitOnly.maxRssMb, unit: 'MB', rows });
  report({ bench: 'import', metric: `${label} rows per second (commit)`, value: rows / (commitOnly.commitMs / 1000), unit: 'rows/s' });
}

export async function benchImportCsv(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ws-bench-import-'));
  try {
    const csv = join(dir, 'long-1m.csv');
    const rows = writeLongCsv(csv, 1_000_000);
    await benchFile('1M-row long CSV', csv, csv, rows, dir, {});
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchImportXlsx(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ws-bench-xlsx-'));
  try {
    const xlsx = join(dir, 'cells-200k.xlsx');
    const csv = join(dir, 'cells-200k.csv');
    const rows = await writeXlsx(xlsx, csv, 200_000);
    await benchFile('200k-cell XLSX', xlsx, csv, rows, dir, { cells: rows * 7 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * 5,000,000 observations: 250,000 (series, period) values in 20 vintages. Latest-vintage and as-of
 * reads of whole series through the ObservationStore, against a bare primary-key select of one
 * vintage of the same series.
 */
export async function benchVintageQueries(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ws-bench-vintage-'));
  const db = openDatabase(dir);
  try {
    const SERIES = 1000;
    const PERIODS = 250;
    const VINTAGES = 20;
    const periods = Array.from({ length: PERIODS }, (_, i) => `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    db.transaction(() => {
      const snap = db.prepare("INSERT INTO snapshot (source_unit, kind, file_name, imported_at, imported_by, note) VALUES ('RSJ', 'file', ?, ?, 'bench', '')");
      for (let v = 0; v < VINTAGES; v++) snap.run(`v${v}.csv`, new Date(Date.UTC(2024, 0, 1 + v)).toISOString());
      const series = db.prepare("INSERT INTO series (indicator, members) VALUES ('UNE.REG_COUNT', ?)");
      for (let s = 0; s < SERIES; s++) series.run(`k=${s}`);
    })();
    const ROWS = 100;
    const one = '(?, ?, ?, ?)';
    const ins = db.prepare(`INSERT INTO observation (series_id, period, snapshot_id, value) VALUES ${Array(ROWS).fill(one).join(', ')}`);
    const t0 = performance.now();
    for (let v = 1; v <= VINTAGES; v++) {
      db.transaction(() => {
        const params: unknown[] = [];
        for (let s = 1; s <= SERIES; s++) {
          for (const p of periods) {
            params.push(s, p, v, s + v * 0.01);
            if (params.length === ROWS * 4) {
              ins.run(params);
              params.length = 0;
            }
          }
        }
      })();
    }
    const buildMs = performance.now() - t0;
    const total = (db.prepare('SELECT count(*) AS n FROM observation').get() as { n: number }).n;
    db.pragma('optimize');
    const store = new ObservationStore(db);
    const rand = seeded(7);
    const picks = Array.from({ length: 400 }, () => ({ s: 1 + Math.floor(rand() * SERIES), v: 1 + Math.floor(rand() * VINTAGES) }));
    const latest: number[] = [];
    const asOfSnap: number[] = [];
    const asOfDate: number[] = [];
    const bare: number[] = [];
    const bareStmt = db.prepare('SELECT period, value FROM observation WHERE series_id = ? AND snapshot_id = ? ORDER BY period');
    for (const { s, v } of picks) {
      let t = performance.now();
      const a = store.read(s);
      latest.push(performance.now() - t);
      t = performance.now();
      const b = store.read(s, { snapshot: v });
      asOfSnap.push(performance.now() - t);
      t = performance.now();
      store.read(s, { date: new Date(Date.UTC(2024, 0, v, 12)).toISOString() });
      asOfDate.push(performance.now() - t);
      t = performance.now();
      bareStmt.all(s, v);
      bare.push(performance.now() - t);
      if (a.length !== PERIODS || b.length !== PERIODS || b[0]!.value !== s + v * 0.01) throw new Error('vintage read returned wrong rows');
    }
    const base = 'bare primary-key select of one vintage of the same series';
    report({ bench: 'vintages', metric: 'cache build (5M observations, 20 vintages)', value: buildMs, unit: 'ms', observations: total });
    report({ bench: 'vintages', metric: 'latest-vintage series read p95', value: percentile(latest, 95), unit: 'ms', baseline: percentile(bare, 95), baselineName: base, points: PERIODS, queries: picks.length });
    report({ bench: 'vintages', metric: 'as-of-snapshot series read p95', value: percentile(asOfSnap, 95), unit: 'ms', baseline: percentile(bare, 95), baselineName: base, points: PERIODS, queries: picks.length });
    report({ bench: 'vintages', metric: 'as-of-date series read p95', value: percentile(asOfDate, 95), unit: 'ms', baseline: percentile(bare, 95), baselineName: base, points: PERIODS, queries: picks.length });
    report({ bench: 'vintages', metric: 'latest-vintage series read p50', value: percentile(latest, 50), unit: 'ms', baseline: percentile(bare, 50), baselineName: base });
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
