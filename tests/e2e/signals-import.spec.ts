import { expect, test } from './fixtures';

test('a signal case list imported through the wizard raises its alert, evaluated after the import', async ({ page, workstation }) => {
  await page.goto(`${workstation.url}#/warnings?tab=signals`);
  await page.getByTestId('signals-import').click();
  // The wizard opens on the signal target.
  await expect(page.getByTestId('import-target')).toContainText('舆情线索清单');

  const rows = [1, 2, 3, 4].map((d) => `2026-11-0${d},12345,皇姑区,沈阳广源装饰工程有限公司,,欠薪,4,3名以上务工人员反映拖欠工资`);
  const csv = ['受理日期,来源,所属区县,被反映单位,统一社会信用代码,诉求类别,涉及人数,诉求内容', ...rows, '2026-11-05,12345,皇姑区,某公司,,投诉,1,x'].join('\n');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-choose').click();
  await (await chooser).setFiles({ name: '12345欠薪线索_2026年11月.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByTestId('import-analyze').click();
  await expect(page.getByTestId('sheet-0-status')).toHaveText('将导入');
  await expect(page.getByTestId('count-added')).toHaveText('4');
  await expect(page.getByTestId('count-rejected')).toHaveText('1');
  await page.getByTestId('accept-rejected').click();
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-summary')).toContainText('已导入为快照');

  const db = workstation.ws.ctx.db;
  const cases = db.prepare("SELECT count(*) AS n, sum(count) AS total FROM signal_case WHERE period = '2026-11' AND district = '210105'").get() as { n: number; total: number };
  expect(cases).toEqual({ n: 4, total: 16 });
  // 16 wage-arrears signals in one district: the shipped rule's yellow band (12) is reached.
  await page.goto(`${workstation.url}#/warnings?tab=alerts&period=2026-11`);
  const row = page.locator('[data-rule="SIG_DISTRICT_ARREARS"]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('皇姑区');
  await expect(row.locator('[data-level]')).toHaveAttribute('data-level', 'yellow');
});
