import { readFileSync } from 'node:fs';
import { readZip } from '../support/zip';
import { expect, test } from './fixtures';

test('packages: generate a key, export a signed package, inspect and re-import it (nothing new)', async ({ page, workstation }) => {
  await page.goto(`${workstation.url}#/data?tab=packages`);
  await page.getByTestId('keygen-name').fill('测试工作站');
  await page.getByTestId('keygen').click();
  await expect(page.getByTestId('own-public-key')).toBeVisible();

  await page.getByTestId('package-export-unit').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'DCD' }).click();
  const download = page.waitForEvent('download');
  await page.getByTestId('package-export').click();
  const file = await (await download).path();
  const parts = readZip(readFileSync(file));
  expect(parts.map((p) => p.name).sort()).toEqual(expect.arrayContaining(['manifest.json', 'signature.json']));
  const manifest = JSON.parse(parts.find((p) => p.name === 'manifest.json')!.data.toString()) as { snapshots: Array<{ unit: string }> };
  expect(manifest.snapshots.every((s) => s.unit === 'DCD')).toBe(true);

  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('package-choose').click();
  await (await chooser).setFiles({ name: 'dcd.wspkg', mimeType: 'application/zip', buffer: readFileSync(file) });
  await expect(page.getByTestId('package-signature')).toContainText('签名有效');
  await page.getByTestId('package-import').click();
  await expect(page.getByTestId('package-result')).toContainText(`新快照 0 个，已有 ${manifest.snapshots.length} 个`);
});

test('catalogue editor: add an indicator; it appears in the explorer', async ({ page, workstation }) => {
  await page.goto(`${workstation.url}#/data?tab=catalog`);
  await page.getByTestId('indicator-add').click();
  await page.getByTestId('indicator-code').fill('GRP.VETERANS');
  await page.getByTestId('indicator-name-zh').fill('退役军人就业安置');
  await page.getByTestId('indicator-save').click();
  await page.getByTestId('catalog-search').locator('input').fill('VETERANS');
  await expect(page.getByTestId('catalog-table')).toContainText('退役军人就业安置');
  const audit = workstation.ws.ctx.db.prepare("SELECT actor FROM audit_log WHERE action = 'catalog.indicator.create'").get();
  expect(audit).toEqual({ actor: 'e2e' });
  await page.goto(`${workstation.url}#/explorer?code=GRP.VETERANS`);
  await expect(page.getByTestId('indicator-title')).toHaveText('退役军人就业安置');
});
