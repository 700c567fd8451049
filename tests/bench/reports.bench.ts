/**
 * Monthly report figures on the demo cache: drafting, PDF export against Chromium printing the same
 * print page saved as static HTML (same browser, same fonts, same run), DOCX export.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { ExportedFile } from '../../shared/api/series';
import { DRAFT_INDICATORS } from '../../shared/reports/draft';
import type { Report } from '../../shared/reports/model';
import { currentSnapshot } from '../../main/db/reports';
import { openWorkstation, type Workstation } from '../../main/workstation';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { demoDataDir, TEST_DEMO_END } from '../support/demo-template';
import { report, time } from './harness';

const RUNS = 5;

async function ok<T>(ws: Workstation, method: string, input: unknown): Promise<T> {
  const env = await ws.dispatch(method, input);
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value as T;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function benchReports(): Promise<void> {
  const dataDir = demoDataDir('ws-bench-report-');
  const out = mkdtempSync(join(tmpdir(), 'ws-bench-report-out-'));
  const ws = openWorkstation({ dataDir, demo: false, actor: 'bench' });
  try {
    // Draft, against reading the same series as of the same state (the data access alone).
    const drafts: number[] = [];
    const reads: number[] = [];
    let draft: Report | null = null;
    for (let i = 0; i < RUNS; i++) {
      const d = await time(() => ok<Report>(ws, 'report.draft', { period: TEST_DEMO_END, locale: 'zh-CN' }));
      drafts.push(d.ms);
      draft = d.result;
      const snap = currentSnapshot(ws.ctx.db);
      reads.push((await time(() => DRAFT_INDICATORS.forEach((c) => ws.ctx.store.readSeries(c, {}, { snapshot: snap })))).ms);
    }
    report({ bench: 'reports', metric: 'draft', value: median(drafts), unit: 'ms', baseline: median(reads), baselineName: 'reading the draft\'s series as of the pinned snapshot', runs: RUNS, blocks: draft!.content.length });

    // PDF: the whole export (resolve, SVG charts, print page, Chromium) against Chromium printing the
    // exported print page as a static file (launch, load with the same fonts, print).
    const html = await ok<ExportedFile>(ws, 'report.export', { id: draft!.id, format: 'html' });
    const htmlFile = join(out, 'report.html');
    writeFileSync(htmlFile, Buffer.from(html.content, 'base64'));
    const pdfs: number[] = [];
    const statics: number[] = [];
    let pdfBytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const e = await time(() => ok<ExportedFile>(ws, 'report.export', { id: draft!.id, format: 'pdf' }));
      pdfs.push(e.ms);
      pdfBytes = Buffer.from(e.result.content, 'base64').length;
      const s = await time(async () => {
        const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
        try {
          const page = await browser.newPage();
          await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
          await page.evaluate('document.fonts.ready.then(() => true)');
          return await page.pdf({ preferCSSPageSize: true, printBackground: true });
        } finally {
          await browser.close();
        }
      });
      statics.push(s.ms);
    }
    report({ bench: 'reports', metric: 'export-pdf', value: median(pdfs), unit: 'ms', baseline: median(statics), baselineName: 'Chromium printing the same print page saved as static HTML', runs: RUNS, bytes: pdfBytes, target: 1.3 });

    // DOCX, against producing the print document alone (the HTML export: resolution and SVG charts).
    const docxs: number[] = [];
    const htmls: number[] = [];
    let docxBytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const e = await time(() => ok<ExportedFile>(ws, 'report.export', { id: draft!.id, format: 'docx' }));
      docxs.push(e.ms);
      docxBytes = Buffer.from(e.result.content, 'base64').length;
      htmls.push((await time(() => ok<ExportedFile>(ws, 'report.export', { id: draft!.id, format: 'html' }))).ms);
    }
    report({ bench: 'reports', metric: 'export-docx', value: median(docxs), unit: 'ms', baseline: median(htmls), baselineName: 'building the print page alone (resolve + SVG charts)', runs: RUNS, bytes: docxBytes });
  } finally {
    ws.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}
