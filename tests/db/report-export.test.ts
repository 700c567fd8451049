/**
 * Integration: the demo's latest month drafted and exported. The PDF's text must carry the KPI
 * values exactly as the database holds them, its fonts must all be embedded subsets of the bundled
 * Noto families, and the DOCX must convert with LibreOffice. Page images go to tests/artifacts/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { climateSentence } from '../../shared/analytics/climate-summary';
import type { ClimateIndexResult } from '../../shared/api/analytics';
import type { RiskSummary } from '../../shared/api/ledger';
import type { ExportedFile } from '../../shared/api/series';
import { riskSentence } from '../../main/reports/risk';
import { KPI_TABLE_INDICATORS } from '../../shared/reports/draft';
import type { Report } from '../../shared/reports/model';
import { runCli } from '../../main/cli';
import { openWorkstation, type Workstation } from '../../main/workstation';
import { demoDataDir, TEST_DEMO_END } from '../support/demo-template';

let ws: Workstation;
let dataDir: string;
let out: string;
let report: Report;
const ARTIFACTS = join(process.cwd(), 'tests', 'artifacts');

beforeAll(async () => {
  dataDir = demoDataDir();
  out = mkdtempSync(join(tmpdir(), 'ws-report-'));
  ws = openWorkstation({ dataDir, demo: false, actor: 'test' });
  const env = await ws.dispatch('report.draft', { period: TEST_DEMO_END, locale: 'zh-CN' });
  if (!env.ok) throw new Error(env.error.message);
  report = env.value as Report;
});
afterAll(() => {
  ws.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

async function exportFile(format: 'pdf' | 'docx'): Promise<string> {
  const env = await ws.dispatch('report.export', { id: report.id, format });
  if (!env.ok) throw new Error(env.error.message);
  const file = env.value as ExportedFile;
  expect(file.fileName).toBe(`沈阳市2026年10月就业形势分析_${report.issueYear}年第${report.issueNo}期.${format}`);
  const path = join(out, `report.${format}`);
  writeFileSync(path, Buffer.from(file.content, 'base64'));
  return path;
}

/** Latest value at or before the month (by the indicator's own frequency), straight from SQL. */
function kpiFromDb(code: string): { value: number; decimals: number } {
  const ind = ws.ctx.db.prepare('SELECT frequency, decimals FROM indicator WHERE code = ?').get(code) as { frequency: string; decimals: number };
  const limit = ind.frequency === 'Q' ? '2026-Q3' : TEST_DEMO_END;
  const row = ws.ctx.db
    .prepare(
      `SELECT o.value FROM observation o JOIN series s ON s.id = o.series_id
       WHERE s.indicator = ? AND s.members = '' AND o.period <= ? AND o.value IS NOT NULL
       ORDER BY o.period DESC, o.snapshot_id DESC LIMIT 1`,
    )
    .get(code, limit) as { value: number };
  return { value: row.value, decimals: ind.decimals };
}

describe('report export', () => {
  it('PDF: KPI values as in the database, bundled fonts only and embedded, sensible length, page numbers', async () => {
    const pdf = await exportFile('pdf');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('沈阳市2026年10月就业形势分析');
    for (const code of KPI_TABLE_INDICATORS) {
      const { value, decimals } = kpiFromDb(code);
      const shown = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
      expect(text, code).toContain(shown);
    }
    expect(text).toMatch(/—\s*1\s*—/);
    // The climate index block: the month's sentence as the analytics feature words it.
    const climate = await ws.dispatch('climate.compute', {});
    if (!climate.ok) throw new Error(climate.error.message);
    const index = climate.value as ClimateIndexResult;
    const sentence = climateSentence(index, index.periods.indexOf(TEST_DEMO_END), 'zh-CN', 'period')!;
    expect(text.replace(/\s+/g, '')).toContain(sentence.replace(/\s+/g, ''));
    expect(text).toContain('就业景气指数及各成分拉动');
    // The warnings and ledger block: the month's counts as the ledger feature gives them.
    const risk = await ws.dispatch('ledger.summary', { period: TEST_DEMO_END });
    if (!risk.ok) throw new Error(risk.error.message);
    const summary = risk.value as RiskSummary;
    expect(text.replace(/\s+/g, '')).toContain(riskSentence(summary, 'zh-CN').replace(/\s+/g, ''));
    expect(text).toContain(`生效预警${summary.alerts.total}条`);

    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      const cols = line.trim().split(/\s+/);
      expect(cols[0], line).toMatch(/^[A-Z]{6}\+NotoS(erif|ans)SC/);
      // emb and sub columns: embedded subsets.
      expect(line, line).toMatch(/\byes\s+yes\s+yes\b/);
    }
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThanOrEqual(12);

    mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, join(ARTIFACTS, 'report-page')]);
    expect(existsSync(join(ARTIFACTS, 'report-page-1.png'))).toBe(true);
    expect(existsSync(join(ARTIFACTS, 'report-page-2.png'))).toBe(true);

    const audit = ws.ctx.db.prepare("SELECT details FROM audit_log WHERE action = 'report.export' ORDER BY id DESC LIMIT 1").get() as { details: string };
    expect(JSON.parse(audit.details)).toMatchObject({ format: 'pdf', pinnedSnapshot: report.pinnedSnapshot });
  });

  it('DOCX: real tables and images, converts with LibreOffice without error, same numbers', async () => {
    const docx = await exportFile('docx');
    const { unzipSync, strFromU8 } = await import('fflate');
    const files = unzipSync(new Uint8Array(readFileSync(docx)));
    const xml = strFromU8(files['word/document.xml']!);
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(3);
    expect(xml).toContain('<w:tblHeader/>');
    expect(Object.keys(files).filter((f) => f.startsWith('word/media/') && f.endsWith('.png')).length).toBe(report.content.filter((b) => b.type === 'chart' || b.type === 'climateIndex').length);
    expect(strFromU8(files['word/fontTable.xml']!)).toContain('<w:altName w:val="Noto Serif SC"/>');

    const profile = mkdtempSync(join(tmpdir(), 'ws-lo-'));
    try {
      execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, docx], { stdio: 'pipe', timeout: 120_000 });
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    const converted = join(out, 'report.pdf');
    expect(existsSync(converted)).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', converted, '-'], { encoding: 'utf8' });
    const { value, decimals } = kpiFromDb('UNE.REG_COUNT');
    expect(text).toContain(new Intl.NumberFormat('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value));
    expect(text).toContain('主要就业指标');
  }, 180_000);

  it('a table longer than a page splits across pages and repeats its header on each', async () => {
    const long = { id: 'long', type: 'dataTable' as const, caption: '附表  城镇登记失业人数（月度）', indicator: 'UNE.REG_COUNT', layout: 'periods' as const, view: 'published' as const, span: 120 };
    const env = await ws.dispatch('report.save', { id: report.id, revision: report.revision, content: [...report.content, long] });
    if (!env.ok) throw new Error(env.error.message);
    report = env.value as Report;
    const pdf = await exportFile('pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    const pageText = (n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-'], { encoding: 'utf8' });
    const texts = Array.from({ length: pages }, (_, i) => pageText(i + 1));
    // Rows of the long table are the months back to 2016 (charts and text name only 2024-2026).
    const withRows = texts.map((t, i) => (/20(1[7-9]|2[0-3])年\d{1,2}月/.test(t) ? i : -1)).filter((i) => i >= 0);
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const i of withRows) expect(texts[i], `page ${i + 1}`).toMatch(/城镇登记失业人数（人）/);
  }, 120_000);

  it('CLI: report draft prints the id, report export writes the file', async () => {
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: () => undefined };
    ws.close();
    try {
      expect(await runCli(['report', 'draft', '--period', TEST_DEMO_END, '--data-dir', dataDir], io)).toBe(0);
      const id = Number(lines.at(-1));
      expect(Number.isInteger(id) && id > report.id).toBe(true);
      const target = join(out, 'cli.pdf');
      expect(await runCli(['report', 'export', String(id), '--format', 'pdf', '--out', target, '--data-dir', dataDir], io)).toBe(0);
      expect(readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
      expect(await runCli(['report', 'export', String(id), '--format', 'odt', '--out', target, '--data-dir', dataDir], io)).toBe(2);
      expect(await runCli(['report', 'export', '99999', '--format', 'pdf', '--out', target, '--data-dir', dataDir], io)).toBe(2);
    } finally {
      ws = openWorkstation({ dataDir, demo: false, actor: 'test' });
    }
  }, 120_000);
});
