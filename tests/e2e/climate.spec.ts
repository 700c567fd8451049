import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { ClimateIndexResult } from '../../shared/api/analytics';
import { climateSentence } from '../../shared/analytics/climate-summary';
import { formatNumber } from '../../shared/format';
import { expect, test } from './fixtures';

async function compute(ws: import('../../main/workstation').Workstation, input: Record<string, unknown> = {}): Promise<ClimateIndexResult> {
  const env = await ws.dispatch('climate.compute', input);
  if (!env.ok) throw new Error(env.error.message);
  return env.value as ClimateIndexResult;
}

test('climate index: chart, sentence, components, provenance, CSV and XLSX export', async ({ page, workstation }) => {
  const expected = await compute(workstation.ws);
  const last = expected.periods.length - 1;
  await page.goto(workstation.url);
  await page.getByTestId('nav-climate').click();
  await expect(page.getByTestId('climate-title')).toHaveText('沈阳市就业景气指数');
  await expect(page.getByTestId('climate-sentence')).toHaveText(climateSentence(expected, last, 'zh-CN')!);
  await expect(page.getByTestId('climate-sentence')).toHaveText(/^本月指数(上升|下降)\d+\.\d点，主要(由|受).+/);
  await expect(page.getByTestId('climate-latest')).toContainText(formatNumber(expected.index[last], 1, 'zh-CN'));
  await expect(page.getByTestId('climate-provenance')).toContainText(`employment-climate v1`);
  await expect(page.getByTestId('climate-provenance')).toContainText(`#${expected.state.maxSnapshot}`);
  await expect(page.getByTestId('climate-chart').locator('canvas')).toHaveCount(1);
  await expect(page.getByTestId('climate-components').locator('tbody tr.ant-table-row')).toHaveCount(9);
  await expect(page.getByTestId('climate-components')).toContainText('逆向');
  await expect(page.getByTestId('climate-months').locator('tbody tr.ant-table-row').first()).toContainText('2026年10月');
  await expect(page.getByTestId('climate-rules')).toContainText('季度最后一个月');

  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('climate-export-csv').click();
  const csv = readFileSync(await (await csvDownload).path(), 'utf8').trim().split('\n');
  expect(csv[0]!.split(',').slice(0, 6)).toEqual(['period', 'index', 'change', 'growth', 'coverage', 'ENT.HEADCOUNT']);
  const lastRow = csv.at(-1)!.split(',');
  expect(lastRow[0]).toBe('2026-10');
  expect(Number(lastRow[1])).toBeCloseTo(expected.index[last]!, 5);

  const xlsxDownload = page.waitForEvent('download');
  await page.getByTestId('climate-export-xlsx').click();
  const download = await xlsxDownload;
  expect(download.suggestedFilename()).toBe('employment-climate_v1.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const sheet = wb.getWorksheet('指数')!;
  expect(sheet.getRow(sheet.rowCount).getCell(3).value as number).toBeCloseTo(expected.index[last]!, 9);

  // English: the counterpart sentence.
  await page.getByTestId('locale-switch').getByText('English').click();
  await expect(page.getByTestId('climate-sentence')).toHaveText(climateSentence(expected, last, 'en-US')!);
  await expect(page.getByTestId('climate-sentence')).toHaveText(/^This month the index (rose|fell) /);
});

test('climate index: editing the definition saves a new version, and the result says which version it used', async ({ page, workstation }) => {
  await page.goto(`${workstation.url}#/climate`);
  await expect(page.getByTestId('climate-provenance')).toContainText('v1');
  await page.getByTestId('climate-edit').click();
  await expect(page.getByTestId('definition-editor')).toBeVisible();
  await page.getByTestId('editor-base-year').fill('2023');
  await page.getByTestId('editor-note').fill('基年改为2023');
  await page.getByTestId('editor-save').click();
  await expect(page.getByTestId('climate-provenance')).toContainText('employment-climate v2');
  const v2 = await compute(workstation.ws);
  expect(v2.definition.version).toBe(2);
  expect(v2.definition.spec.baseYear).toBe(2023);
  const y2023 = v2.periods.map((p, i) => (p.startsWith('2023-') ? v2.index[i]! : 0)).reduce((a, b) => a + b, 0) / 12;
  expect(y2023).toBeCloseTo(100, 9);
  await expect(page.getByTestId('climate-latest')).toContainText(formatNumber(v2.index.at(-1)!, 1, 'zh-CN'));
  // Version 1 is still there.
  await page.getByTestId('climate-version').click();
  await page.locator('.ant-select-item-option').filter({ hasText: /^v1$/ }).click();
  await expect(page.getByTestId('climate-provenance')).toContainText('employment-climate v1');

  // A definition the data cannot support is refused with a translated message and not saved.
  await page.getByTestId('climate-edit').click();
  await page.getByTestId('editor-base-year').fill('2035');
  await page.getByTestId('editor-save').click();
  await expect(page.getByTestId('editor-error')).toContainText('基年2035须完整落在指数覆盖期内');
  const versions = workstation.ws.ctx.db.prepare("SELECT max(version) AS v FROM index_definition WHERE name = 'employment-climate'").get() as { v: number };
  expect(versions.v).toBe(2);
});
