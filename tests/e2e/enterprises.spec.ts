import { readFileSync } from 'node:fs';
import { formatNumber } from '../../shared/format';
import { expect, test } from './fixtures';
import { TEST_DEMO_END } from '../support/demo-template';
import type { Page } from '@playwright/test';

/** antd puts the test id on the <input> of an InputNumber with a prefix or suffix, on a wrapper otherwise. */
const numberInput = (page: Page, id: string) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`);

test('the enterprise monitor shows the month as the database holds it; reducers, cross-check and export', async ({ page, workstation }) => {
  const db = workstation.ws.ctx.db;
  const sums = db.prepare('SELECT sum(closing) AS closing, sum(closing) - sum(opening) AS net FROM enterprise_report WHERE period = ?').get(TEST_DEMO_END) as { closing: number; net: number };
  await page.goto(`${workstation.url}#/enterprises`);
  await expect(page.getByTestId('ent-kpi-headcount')).toContainText(formatNumber(sums.closing, 0, 'zh-CN'));
  await expect(page.getByTestId('ent-kpi-net')).toContainText(formatNumber(sums.net, 0, 'zh-CN'));
  const art41 = db.prepare('SELECT count(*) AS n FROM enterprise_report WHERE period = ? AND (sep_economic >= 20 OR (sep_economic > 0 AND sep_economic * 10 >= opening))').get(TEST_DEMO_END) as { n: number };
  await expect(page.getByTestId('flag-article41')).toContainText(String(art41.n));
  await expect(page.getByTestId('chart-ent-diffusion').locator('canvas')).toHaveCount(1);

  await page.getByTestId('tab-reducers').click();
  const top = db
    .prepare(`SELECT r.enterprise_id AS id, e.name FROM enterprise_report r JOIN enterprise e ON e.id = r.enterprise_id WHERE r.period = ? AND r.opening > r.closing ORDER BY r.opening - r.closing DESC, r.sep_economic DESC, e.id LIMIT 1`)
    .get(TEST_DEMO_END) as { id: number; name: string };
  await expect(page.getByTestId('reducers-table').locator('tbody tr.ant-table-row').first()).toContainText(top.name);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-reducers').click();
  await page.getByTestId('export-reducers-csv').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`减员企业排名_${TEST_DEMO_END}.csv`);
  const csv = readFileSync((await file.path())!, 'utf8');
  expect(csv.split('\r\n')[1]).toContain(top.name);

  await page.getByTestId('tab-crosscheck').click();
  await numberInput(page, 'crosscheck-threshold').fill('30');
  const over30 = db
    .prepare(`SELECT count(*) AS n FROM enterprise_report r JOIN enterprise e ON e.id = r.enterprise_id JOIN si_contribution s ON s.credit_code = e.credit_code AND s.period = r.period WHERE r.period = ? AND abs(s.contributors - r.closing) * 100.0 > 30 * r.closing`)
    .get(TEST_DEMO_END) as { n: number };
  await expect(page.getByTestId('crosscheck-summary')).toContainText(`差距超过30%的${over30.n}家`);
  await page.getByTestId('crosscheck-save-threshold').click();
  await expect.poll(() => (db.prepare("SELECT value FROM setting WHERE key = 'enterprises.settings'").get() as { value: string } | undefined)?.value).toContain('"crossCheckThresholdPct":30');

  // A firm's page from the list
  await page.getByTestId('tab-reducers').click();
  await page.getByTestId(`reducer-firm-${top.id}`).click();
  await expect(page.getByTestId('firm-name')).toHaveText(top.name);
  await expect(page.getByTestId('firm-months').locator('tbody tr.ant-table-row').first()).toContainText('2026年10月');
});

test('warning rules: disable one, edit another’s bands; both audited', async ({ page, workstation }) => {
  const db = workstation.ws.ctx.db;
  await page.goto(`${workstation.url}#/warnings?tab=rules`);
  await page.getByTestId('rule-enabled-HOTLINE_YOY').click();
  await expect.poll(() => (db.prepare("SELECT enabled FROM warning_rule WHERE code = 'HOTLINE_YOY'").get() as { enabled: number }).enabled).toBe(0);

  await page.getByTestId('rule-edit-ENT_JOB_LOSS_LEVEL').click();
  await numberInput(page, 'rule-band-red').fill('3.5');
  await page.getByTestId('rule-save').click();
  await expect
    .poll(() => JSON.parse((db.prepare("SELECT params FROM warning_rule WHERE code = 'ENT_JOB_LOSS_LEVEL'").get() as { params: string }).params))
    .toMatchObject({ bands: { blue: 1.8, yellow: 2, orange: 2.5, red: 3.5 } });
  const audit = db.prepare("SELECT action FROM audit_log WHERE entity = 'warning_rule' ORDER BY id").all() as Array<{ action: string }>;
  expect(audit.map((a) => a.action)).toEqual(['warnings.rule.disable', 'warnings.rule.update']);

  // Bands that do not get stricter are refused with a translated message, nothing saved.
  await page.getByTestId('rule-edit-ENT_JOB_LOSS_LEVEL').click();
  await numberInput(page, 'rule-band-red').fill('1');
  await page.getByTestId('rule-save').click();
  await expect(page.locator('.ant-message')).toContainText('各等级阈值须随等级逐级加严');
  expect((db.prepare("SELECT version FROM warning_rule WHERE code = 'ENT_JOB_LOSS_LEVEL'").get() as { version: number }).version).toBe(2);
});

test('the new pages switch to English', async ({ page, workstation }) => {
  await page.goto(`${workstation.url}#/groups`);
  await page.getByTestId('locale-switch').getByText('English').click();
  await expect(page.getByTestId('nav-enterprises')).toHaveText('Key enterprises');
  await expect(page.getByTestId('nav-ledger')).toHaveText('Risk ledger');
  await expect(page.getByTestId('groups-zero')).toContainText('Zero-employment households');
  await page.getByTestId('nav-warnings').click();
  await expect(page.getByTestId('tab-rules')).toHaveText('Rules');
  // Only data (firm names, rule names the bureau wrote in Chinese) may stay Chinese; the chrome is English.
  await expect(page.getByTestId('alerts-evaluate')).toHaveText('Evaluate again');
});
