/** Walking-skeleton figures: demo generation, first overview render, series query latency. */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { openDatabase } from '../../main/db/connection';
import { generateDemo } from '../../main/demo/generate';
import { seedDemo } from '../../main/demo/seed';
import { rendererDir } from '../../main/paths';
import { startHttpBridge } from '../../main/transport/http';
import { openWorkstation } from '../../main/workstation';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { demoDataDir, TEST_DEMO_END } from '../support/demo-template';
import { percentile, report, seeded, time } from './harness';

export async function benchDemoGeneration(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ws-bench-demo-'));
  try {
    const gen = await time(() => generateDemo({ end: TEST_DEMO_END }));
    const db = openDatabase(dir);
    const seed = await time(() => seedDemo(db, { end: TEST_DEMO_END, actor: 'bench', data: gen.result }));
    db.close();
    // Baseline: the same number of rows into a bare table, one transaction, no indexes.
    const rows = gen.result.observations.length + gen.result.reports.length;
    const bare = new Database(join(dir, 'bare.sqlite'));
    bare.pragma('journal_mode = WAL');
    bare.exec('CREATE TABLE t (a INTEGER, b TEXT, c INTEGER, d REAL)');
    const ins = bare.prepare('INSERT INTO t VALUES (?, ?, ?, ?)');
    const base = await time(() => bare.transaction(() => { for (let i = 0; i < rows; i++) ins.run(i, '2024-06', 1, i * 0.5); })());
    bare.close();
    report({ bench: 'demo', metric: 'generate', value: gen.ms, unit: 'ms', rows });
    report({ bench: 'demo', metric: 'store', value: seed.ms, unit: 'ms', baseline: base.ms, baselineName: 'bare-table insert of the same row count', rows });
    report({ bench: 'demo', metric: 'total', value: gen.ms + seed.ms, unit: 'ms' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchFirstOverview(): Promise<void> {
  const dataDir = demoDataDir('ws-bench-ui-');
  const ws = openWorkstation({ dataDir, demo: false });
  const bridge = await startHttpBridge({ dispatch: ws.dispatch, staticDir: rendererDir() });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const runs: number[] = [];
    const blanks: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage();
      const t0 = performance.now();
      await page.goto(bridge.url);
      await page.getByTestId('kpi-value-UNE.SURVEY_RATE').waitFor();
      await page.getByTestId('trend-LMK.RATIO').locator('canvas').waitFor();
      runs.push(performance.now() - t0);
      await page.close();
      // Baseline: the same browser loading a static page from the same server.
      const blank = await browser.newPage();
      const t1 = performance.now();
      await blank.goto(`http://127.0.0.1:${bridge.port}/favicon.svg`);
      blanks.push(performance.now() - t1);
      await blank.close();
    }
    report({ bench: 'ui', metric: 'first-overview-render p50', value: percentile(runs, 50), unit: 'ms', baseline: percentile(blanks, 50), baselineName: 'static file load in the same Chromium', samples: runs.length });
    report({ bench: 'ui', metric: 'first-overview-render max', value: Math.max(...runs), unit: 'ms' });
  } finally {
    await browser.close();
    await bridge.close();
    ws.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchSeriesQueries(): Promise<void> {
  const dataDir = demoDataDir('ws-bench-q-');
  const ws = openWorkstation({ dataDir, demo: false });
  try {
    const series = ws.ctx.db.prepare('SELECT id, indicator, members FROM series').all() as Array<{ id: number; indicator: string; members: string }>;
    const rand = seeded(42);
    const views = ['published', 'period', 'yoy'] as const;
    const picks = Array.from({ length: 1000 }, () => ({ s: series[Math.floor(rand() * series.length)]!, view: views[Math.floor(rand() * 3)]! }));
    const api: number[] = [];
    for (const { s, view } of picks) {
      const filter = Object.fromEntries(s.members ? s.members.split(';').map((kv) => kv.split('=') as [string, string]) : []);
      const t0 = performance.now();
      const env = await ws.dispatch('series.query', { indicator: s.indicator, filter, includeTotal: true, view });
      api.push(performance.now() - t0);
      if (!env.ok) throw new Error(env.error.message);
    }
    const bare: number[] = [];
    const stmt = ws.ctx.db.prepare('SELECT period, value FROM observation WHERE series_id = ? ORDER BY period');
    for (const { s } of picks) {
      const t0 = performance.now();
      stmt.all(s.id);
      bare.push(performance.now() - t0);
    }
    report({ bench: 'series', metric: 'query p50', value: percentile(api, 50), unit: 'ms', baseline: percentile(bare, 50), baselineName: 'bare primary-key select of the same series', queries: picks.length });
    report({ bench: 'series', metric: 'query p95', value: percentile(api, 95), unit: 'ms', baseline: percentile(bare, 95), baselineName: 'bare primary-key select of the same series', queries: picks.length });
  } finally {
    ws.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
