import { readFileSync } from 'node:fs';
import { ObservationStore } from '../../main/db/observations';
import { expect, test } from './fixtures';

test('explorer: pick an indicator and a district, switch view, export CSV and read it back', async ({ page, workstation }) => {
  await page.goto(workstation.url);
  await page.getByTestId('nav-explorer').click();
  await page.getByTestId('catalog-search').locator('input').fill('登记失业人数');
  await page.getByTestId('tree-UNE.REG_COUNT').click();
  await expect(page.getByTestId('indicator-title')).toHaveText('城镇登记失业人数');

  // Break down by district and keep one district: 铁西区 (210106).
  await page.getByTestId('breakdown-select').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '区县' }).click();
  await page.getByTestId('members-select').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '铁西区' }).click();
  await page.keyboard.press('Escape');

  const store = new ObservationStore(workstation.ws.ctx.db);
  const tiexi = store.readSeries('UNE.REG_COUNT', { district: '210106' });
  const latest = tiexi[tiexi.length - 1]!;
  const table = page.getByTestId('series-table');
  await expect(table.locator('thead')).toContainText('铁西区');
  await expect(table.locator('tbody tr.ant-table-row').first()).toContainText(latest.value!.toLocaleString('zh-CN'));

  // Year-on-year: percent for a count.
  await page.getByTestId('view-switch').getByText('同比').click();
  await expect(page.getByTestId('value-unit')).toHaveText('数值单位：%');
  const yearAgo = tiexi.find((p) => p.period === '2025-10')!;
  const yoy = ((latest.value! / yearAgo.value! - 1) * 100).toFixed(1);
  await expect(table.locator('tbody tr.ant-table-row').first()).toContainText(yoy);

  // Export what is shown and read the file.
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('UNE.REG_COUNT_district_yoy.csv');
  const csv = readFileSync(await download.path(), 'utf8').trim().split('\n');
  expect(csv[0]).toBe('indicator,period,value,district,view');
  const row = csv.find((l) => l.startsWith('UNE.REG_COUNT,2026-10,') && l.includes(',210106,'));
  expect(row).toBeDefined();
  expect(Number(row!.split(',')[2]).toFixed(1)).toBe(yoy);
  // The city total is exported too, with an empty district.
  expect(csv.some((l) => /^UNE\.REG_COUNT,2026-10,[^,]+,,yoy$/.test(l))).toBe(true);
});

test('explorer: a YTD indicator de-cumulates into monthly values', async ({ page, workstation }) => {
  await page.goto(`${workstation.url}#/explorer?code=EMP.NEW_URBAN`);
  await expect(page.getByTestId('indicator-title')).toHaveText('城镇新增就业人数');
  const store = new ObservationStore(workstation.ws.ctx.db);
  const ytd = new Map(store.readSeries('EMP.NEW_URBAN').map((p) => [p.period, p.value!]));
  await page.getByTestId('view-switch').getByText('当月值').click();
  const monthly = (ytd.get('2026-10')! - ytd.get('2026-09')!).toFixed(2);
  await expect(page.getByTestId('series-table').locator('tbody tr.ant-table-row').first()).toContainText(monthly);
});
