import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, pickOption, test } from './fixtures';

const ARTIFACTS = join(process.cwd(), 'tests', 'artifacts');

test('annotations: brush a range on the explorer chart, see it in the side panel and on a report chart', async ({ page, workstation }) => {
  await page.goto(`${workstation.url}#/explorer?code=UNE.SURVEY_RATE`);
  await expect(page.getByTestId('indicator-title')).toHaveText('城镇调查失业率');
  const chart = page.getByTestId('explorer-chart');
  await expect(chart.locator('canvas')).toBeVisible();
  await expect(page.getByTestId('annotation-panel')).toBeVisible();

  // Switch on range brushing and drag across the right half of the plot.
  await page.getByTestId('annotate-brush').click();
  const box = (await chart.boundingBox())!;
  const y = box.y + box.height * 0.4;
  await page.mouse.move(box.x + box.width * 0.55, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, y, { steps: 8 });
  await page.mouse.move(box.x + box.width * 0.8, y, { steps: 8 });
  await page.mouse.up();

  const form = page.getByTestId('annotation-form');
  await expect(form).toBeVisible();
  const from = (await form.getByTestId('annotation-from').innerText()).trim();
  const to = (await form.getByTestId('annotation-to').innerText()).trim();
  expect(from).toMatch(/^\d{4}年\d{1,2}月$/);
  expect(to).toMatch(/^\d{4}年\d{1,2}月$/);
  expect(from).not.toBe(to);
  await form.getByTestId('annotation-text').fill('稳就业政策集中发力');
  await page.getByTestId('annotation-save').click();

  const list = page.getByTestId('annotation-list');
  await expect(list).toContainText('稳就业政策集中发力');
  await expect(list).toContainText(`${from} – ${to}`);
  const stored = workstation.ws.ctx.db.prepare("SELECT indicator, members, period_from, period_to, author FROM annotation WHERE text = '稳就业政策集中发力'").get() as Record<string, string>;
  expect(stored).toMatchObject({ indicator: 'UNE.SURVEY_RATE', members: '', author: 'e2e' });
  expect(stored.period_to! > stored.period_from!).toBe(true);

  // A report chart of the same series shows it in its notes.
  await page.getByTestId('nav-reports').click();
  await page.getByTestId('report-new').click();
  await page.getByTestId('report-create').click();
  await expect(page.getByTestId('report-editor')).toBeVisible();
  const notes = page.getByTestId('report-chart-notes').first();
  await expect(notes).toContainText('稳就业政策集中发力');
  await expect(notes).toContainText('[事件]');

  // Back in the explorer: edit it from the panel, then delete it after confirming.
  await page.goto(`${workstation.url}#/explorer?code=UNE.SURVEY_RATE`);
  const id = (workstation.ws.ctx.db.prepare("SELECT id FROM annotation WHERE text = '稳就业政策集中发力'").get() as { id: number }).id;
  await page.getByTestId(`annotation-edit-${id}`).click();
  await page.getByTestId('annotation-text').fill('稳岗扩岗政策集中发力');
  await page.getByTestId('annotation-save').click();
  await expect(page.getByTestId('annotation-list')).toContainText('稳岗扩岗政策集中发力');
  await page.getByTestId(`annotation-delete-${id}`).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /删\s*除/ }).click();
  await expect(page.getByTestId(`annotation-${id}`)).toHaveCount(0);
  const actions = (workstation.ws.ctx.db.prepare('SELECT action FROM audit_log WHERE entity = ? ORDER BY id').all('annotation') as Array<{ action: string }>).map((a) => a.action);
  expect(actions).toEqual(['annotation.create', 'annotation.update', 'annotation.delete']);
});

test('annotations: a click on the chart annotates that period as a point', async ({ page, workstation }) => {
  await page.goto(`${workstation.url}#/explorer?code=EMP.NEW_URBAN`);
  const chart = page.getByTestId('explorer-chart');
  await expect(chart.locator('canvas')).toBeVisible();
  const box = (await chart.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.45);
  const form = page.getByTestId('annotation-form');
  await expect(form).toBeVisible();
  const period = (await form.getByTestId('annotation-from').innerText()).trim();
  expect(period).toMatch(/^\d{4}年\d{1,2}月$/);
  await pickOption(form.getByTestId('annotation-category'), page.locator('.ant-select-item-option').filter({ hasText: '政策' }), '政策');
  await form.getByTestId('annotation-text').fill('援企稳岗政策出台');
  await page.getByTestId('annotation-save').click();
  await expect(page.getByTestId('annotation-list')).toContainText('援企稳岗政策出台');
  const row = workstation.ws.ctx.db.prepare("SELECT period_from, period_to, category FROM annotation WHERE text = '援企稳岗政策出台'").get() as { period_from: string; period_to: string | null; category: string };
  const [y, m] = period.match(/\d+/g)!;
  expect(row).toEqual({ period_from: `${y}-${m!.padStart(2, '0')}`, period_to: null, category: 'policy' });
});

test('reports: create, edit a paragraph, export PDF and read it back', async ({ page, workstation }) => {
  await page.goto(workstation.url);
  await page.getByTestId('nav-reports').click();
  await page.getByTestId('report-new').click();
  await page.getByTestId('report-create').click();
  const editor = page.getByTestId('report-editor');
  await expect(editor).toBeVisible();
  await expect(page.getByTestId('report-title')).toHaveValue('沈阳市2026年10月就业形势分析');

  // Bound numbers show their resolved text, with provenance on hover.
  const chip = editor.getByTestId('binding-chip').first();
  await expect(chip).not.toHaveText('…');
  await chip.hover();
  await expect(page.getByTestId('binding-details').first()).toContainText('来源');

  // Edit the first paragraph: type a sentence at its end.
  const paragraph = editor.locator('[data-block-type="paragraph"]').first().locator('.report-paragraph');
  await paragraph.click();
  await page.keyboard.press('End');
  await page.keyboard.type('就业形势保持总体稳定。');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveText('已自动保存');
  const content = (workstation.ws.ctx.db.prepare('SELECT content FROM report ORDER BY id DESC LIMIT 1').get() as { content: string }).content;
  expect(content).toContain('就业形势保持总体稳定。');

  // The live preview is the print page.
  await page.getByTestId('toggle-preview').click();
  await expect(page.getByTestId('report-preview').locator('article.report h1.title')).toHaveText('沈阳市2026年10月就业形势分析');
  await expect(page.getByTestId('report-preview').locator('span.b').first()).toHaveAttribute('title', /城镇新增就业人数[\s\S]*来源/);

  // Export PDF through the download and read its text.
  await page.getByTestId('export-menu').hover();
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('export-pdf').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^沈阳市2026年10月就业形势分析_\d{4}年第1期\.pdf$/);
  const path = await download.path();
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain('就业形势保持总体稳定。');
  expect(text).toContain('沈阳市2026年10月就业形势分析');
  mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', path, join(ARTIFACTS, 'e2e-report-page')]);
  const audit = workstation.ws.ctx.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'report.export'").get() as { n: number };
  expect(audit.n).toBe(1);
});

test('reports: insert a bound number, then re-pin after a revision and see the moved numbers first', async ({ page, workstation }) => {
  const db = workstation.ws.ctx.db;
  const env = await workstation.ws.dispatch('report.draft', { period: '2026-10', locale: 'zh-CN' });
  if (!env.ok) throw new Error(env.error.message);
  const id = (env.value as { id: number }).id;
  const rateOf = () =>
    (db.prepare("SELECT o.value FROM observation o JOIN series s ON s.id = o.series_id WHERE s.indicator = 'UNE.SURVEY_RATE' AND s.members = '' AND o.period = '2026-10' ORDER BY o.snapshot_id DESC LIMIT 1").get() as { value: number }).value;
  const old = rateOf();

  await page.goto(`${workstation.url}#/reports?id=${id}`);
  const first = page.locator('[data-block-type="paragraph"]').first();
  await expect(first.getByTestId('binding-chip')).toHaveCount(0);
  await first.getByTestId('insert-binding').click();
  await expect(page.getByTestId('picker-preview')).toHaveText(`${old.toFixed(1)}%`);
  await page.getByTestId('binding-insert').click();
  await expect(first.getByTestId('binding-chip')).toHaveText(`${old.toFixed(1)}%`);
  await page.getByTestId('report-save').click();
  await expect(page.getByTestId('save-state')).toHaveText('已自动保存');

  // The agency re-sends October 0.3 points higher; the report keeps its pinned numbers.
  const revised = Math.round((old + 0.3) * 10) / 10;
  const snap = Number(
    db.prepare("INSERT INTO snapshot (source_unit, kind, file_name, imported_at, imported_by) VALUES ('DCD', 'file', '调查失业率_修订.csv', ?, 'e2e')").run(new Date().toISOString()).lastInsertRowid,
  );
  db.prepare('INSERT INTO observation (series_id, period, snapshot_id, value) VALUES (?, ?, ?, ?)').run(workstation.ws.ctx.store.seriesId('UNE.SURVEY_RATE', {}), '2026-10', snap, revised);
  await page.reload();
  await expect(page.locator('[data-block-type="paragraph"]').first().getByTestId('binding-chip')).toHaveText(`${old.toFixed(1)}%`);

  await page.getByTestId('repin-open').click();
  const moved = page.getByTestId('repin-moved');
  await expect(moved).toContainText(`${old.toFixed(1)}%`);
  await expect(moved).toContainText(`${revised.toFixed(1)}%`);
  expect(await page.locator('[data-testid="binding-chip"][data-moved="true"]').count()).toBeGreaterThan(0);
  await page.getByTestId('repin-accept').click();
  await expect(page.locator('[data-block-type="paragraph"]').first().getByTestId('binding-chip')).toHaveText(`${revised.toFixed(1)}%`);
  expect((db.prepare('SELECT pinned_snapshot FROM report WHERE id = ?').get(id) as { pinned_snapshot: number }).pinned_snapshot).toBe(snap);
});

test('annotations on the climate index: click the index chart, then find the note under the report\'s index block', async ({ page, workstation }) => {
  await page.goto(`${workstation.url}#/climate`);
  const chart = page.getByTestId('climate-chart');
  await expect(chart.locator('canvas')).toBeVisible();
  const box = (await chart.boundingBox())!;
  // Near the right end: the last months, which the report's 25-month window shows.
  await page.mouse.click(box.x + box.width * 0.88, box.y + 120);
  const form = page.getByTestId('annotation-form');
  await expect(form).toBeVisible();
  await form.getByTestId('annotation-text').fill('景气指数口径说明');
  await page.getByTestId('annotation-save').click();
  await expect(page.getByTestId('annotation-list')).toContainText('景气指数口径说明');
  const row = workstation.ws.ctx.db.prepare("SELECT indicator, index_code, period_from FROM annotation WHERE text = '景气指数口径说明'").get() as { indicator: string | null; index_code: string; period_from: string };
  expect(row).toMatchObject({ indicator: null, index_code: 'employment-climate' });
  expect(row.period_from >= '2024-10').toBe(true);

  const env = await workstation.ws.dispatch('report.draft', { period: '2026-10', locale: 'zh-CN' });
  if (!env.ok) throw new Error(env.error.message);
  const report = env.value as { id: number; content: Array<{ id: string; type: string }> };
  const block = report.content.find((b) => b.type === 'climateIndex')!;
  await page.goto(`${workstation.url}#/reports?id=${report.id}`);
  const preview = page.getByTestId(`block-preview-${block.id}`);
  await expect(preview.locator('.notes')).toContainText('景气指数口径说明');
  await expect(preview.locator('figcaption')).toHaveText('图3  就业景气指数及各成分拉动');
});
