import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { ObservationStore } from '../../main/db/observations';
import { expect, test } from './fixtures';

async function chooseFile(page: import('@playwright/test').Page, name: string, buffer: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-choose').click();
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer });
  await expect(page.getByTestId('import-file')).toContainText(name);
}

async function pickOption(page: import('@playwright/test').Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

test('import a GBK CSV through the wizard, fix its mapping, commit, and see the value with its provenance', async ({ page, workstation }) => {
  await page.goto(workstation.url);
  await page.getByTestId('nav-data').click();
  const csv = '地区,2026年11月\n铁西区,"12,345"\n和平区,9000\n全市,88100\n';
  await chooseFile(page, '各区登记失业人数.csv', iconv.encode(csv, 'gbk'));
  await page.getByTestId('import-analyze').click();

  // Read as GBK; the table has no indicator anywhere: the wizard asks for one.
  await expect(page.getByTestId('file-encoding')).toHaveText('GBK/GB18030');
  await expect(page.getByTestId('sheet-0-status')).toHaveText('映射不完整');
  await expect(page.getByTestId('sheet-0-missing')).toContainText('指标');
  await expect(page.getByTestId('import-commit')).toBeDisabled();

  // Fix the mapping: the whole sheet is 城镇登记失业人数; preview again.
  await pickOption(page, 'const-indicator-sheet-0', 'UNE.REG_COUNT');
  await expect(page.getByTestId('mapping-edited')).toBeVisible();
  await page.getByTestId('import-repreview').click();
  await expect(page.getByTestId('sheet-0-status')).toHaveText('将导入');
  await expect(page.getByTestId('mapping-source')).toHaveText('已编辑的映射');
  await expect(page.getByTestId('count-added')).toHaveText('3');
  await expect(page.getByTestId('count-rejected')).toHaveText('0');
  await expect(page.getByTestId('changes-table')).toContainText('12,345');

  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-summary')).toContainText('已导入为快照');
  await expect(page.getByTestId('import-summary-counts')).toContainText('新增 3');

  // The cache holds exactly the file's values.
  const store = new ObservationStore(workstation.ws.ctx.db);
  expect(store.readSeries('UNE.REG_COUNT', { district: '210106' }).at(-1)).toMatchObject({ period: '2026-11', value: 12345 });
  expect(store.readSeries('UNE.REG_COUNT').at(-1)).toMatchObject({ period: '2026-11', value: 88100 });

  // In the explorer: the new month, and where its value came from.
  await page.getByTestId('view-explorer').click();
  await expect(page.getByTestId('indicator-title')).toHaveText('城镇登记失业人数');
  const cell = page.getByTestId('value-2026-11-');
  await expect(cell).toHaveText('88,100');
  await cell.click();
  await expect(page.getByTestId('provenance-from')).toHaveText('来源：市人社局就业处 / 各区登记失业人数.csv / 第4行 B列');
  await expect(page.getByTestId('provenance-imported')).toContainText('导入人 e2e');
});

test('import an XLSX with title rows and a merged two-row header, and find it in the snapshot list', async ({ page, workstation }) => {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('新增就业');
  s.addRow(['沈阳市2026年城镇新增就业人数']);
  s.mergeCells('A1:E1');
  s.addRow(['填报单位：市人社局就业处', null, null, '单位：人']);
  s.addRow(['时期', '铁西区', null, '和平区', null]);
  s.addRow([null, '男', '女', '男', '女']);
  s.mergeCells('A3:A4');
  s.mergeCells('B3:C3');
  s.mergeCells('D3:E3');
  s.addRow(['1-11月累计', 5610, '5,150', 3900, 3700]);
  s.addRow(['注：数据来源于就业实名制系统。']);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());

  await page.goto(workstation.url);
  await page.getByTestId('nav-data').click();
  await chooseFile(page, '2026年11月新增就业.xlsx', buffer);
  await page.getByTestId('import-analyze').click();
  await expect(page.getByTestId('sheet-0-status')).toHaveText('将导入');
  await expect(page.getByTestId('count-added')).toHaveText('4');
  await expect(page.getByTestId('issues-table')).toContainText('第 6 行起为表注');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-summary')).toContainText('已导入为快照');

  const store = new ObservationStore(workstation.ws.ctx.db);
  // 人 -> 万人 by hand: 5,150 / 10,000.
  expect(store.readSeries('EMP.NEW_URBAN', { district: '210106', gender: 'F' }).at(-1)).toMatchObject({ period: '2026-11', value: 0.515 });

  await page.getByTestId('view-snapshot').click();
  const id = (workstation.ws.ctx.db.prepare("SELECT max(id) AS id FROM snapshot WHERE kind = 'file'").get() as { id: number }).id;
  await expect(page.getByTestId('snapshot-drawer')).toBeVisible();
  await expect(page.getByTestId('diff-table')).toContainText('新增');
  await page.locator('.ant-drawer-close').click();
  await expect(page.getByTestId(`snapshot-row-${id}`)).toContainText('2026年11月新增就业.xlsx');

  // Delete it: recorded, and the values are gone again.
  await page.getByTestId(`snapshot-delete-${id}`).click();
  await expect(page.getByTestId('delete-warning')).toContainText('4');
  await page.getByTestId('delete-reason').fill('误导入');
  await page.getByTestId('delete-confirm').click();
  await expect(page.getByTestId(`snapshot-row-${id}`)).toHaveCount(0);
  expect(store.readSeries('EMP.NEW_URBAN', { district: '210106', gender: 'F' })).toEqual([]);
});

test('a damaged file is refused in the wizard with a message naming it', async ({ page, workstation }) => {
  await page.goto(`${workstation.url}#/data`);
  await chooseFile(page, '报表.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]));
  await page.getByTestId('import-analyze').click();
  await expect(page.getByTestId('preview-error')).toHaveText('工作簿 报表.xlsx 不完整（文件被截断或损坏）');
  expect((workstation.ws.ctx.db.prepare("SELECT count(*) AS n FROM snapshot WHERE kind = 'file'").get() as { n: number }).n).toBe(0);
});
