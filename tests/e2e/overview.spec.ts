import { formatNumber } from '../../shared/format';
import { expect, test } from './fixtures';

/** The latest value of an indicator's total series, straight from the database. */
function latestValue(db: import('better-sqlite3').Database, code: string): { period: string; value: number } {
  return db
    .prepare(
      `SELECT o.period AS period, o.value AS value FROM observation o JOIN series s ON s.id = o.series_id
       WHERE s.indicator = ? AND s.members = '' ORDER BY o.period DESC, o.snapshot_id DESC LIMIT 1`,
    )
    .get(code) as { period: string; value: number };
}

test('overview shows KPI values exactly as the database holds them', async ({ page, workstation }) => {
  await page.goto(workstation.url);
  await expect(page.getByTestId('app-title')).toHaveText('就业监测分析工作站');
  // The token moved from the URL into session storage.
  await expect.poll(() => page.url()).not.toContain('token=');

  for (const code of ['UNE.SURVEY_RATE', 'UNE.REG_COUNT', 'ENT.HEADCOUNT', 'EMP.NEW_URBAN']) {
    const { value } = latestValue(workstation.ws.ctx.db, code);
    const decimals = (workstation.ws.ctx.db.prepare('SELECT decimals FROM indicator WHERE code = ?').get(code) as { decimals: number }).decimals;
    await expect(page.getByTestId(`kpi-value-${code}`)).toHaveText(formatNumber(value, decimals, 'zh-CN'));
  }
  await expect(page.getByTestId('kpi-period-UNE.SURVEY_RATE')).toHaveText('2026年10月');
  await expect(page.getByTestId('kpi-period-EMP.NEW_URBAN')).toHaveText('2026年1-10月');
  // A rate's change is in percentage points, a count's in percent.
  await expect(page.getByTestId('kpi-prev-UNE.SURVEY_RATE')).toContainText('个百分点');
  await expect(page.getByTestId('kpi-yoy-UNE.REG_COUNT')).toContainText('%');
  await expect(page.getByTestId('trend-UNE.SURVEY_RATE').locator('canvas')).toHaveCount(1);

  // Reloading keeps working: the token lives in session storage now.
  await page.reload();
  await expect(page.getByTestId('kpi-value-UNE.SURVEY_RATE')).toBeVisible();
});

test('the language switch turns every visible string to English and back', async ({ page, workstation }) => {
  await page.goto(workstation.url);
  await expect(page.getByText('就业形势总览')).toBeVisible();
  await page.getByTestId('locale-switch').getByText('English').click();
  await expect(page.getByText('Labour market overview')).toBeVisible();
  await expect(page.getByTestId('kpi-period-UNE.SURVEY_RATE')).toHaveText('Oct 2026');
  await expect(page.getByTestId('nav-explorer')).toHaveText('Indicator explorer');
  // No Chinese left but the language's own name in the switch ("中文", as language pickers show it).
  const text = (await page.locator('body').innerText()).replace('中文', '');
  expect(text).not.toMatch(/[\u4e00-\u9fff]/);
  // The choice is kept by the workstation.
  const info = await workstation.ws.dispatch('app.info', {});
  expect(info.ok && (info.value as { locale: string }).locale).toBe('en-US');
  await page.getByTestId('locale-switch').getByText('中文').click();
  await expect(page.getByText('就业形势总览')).toBeVisible();
});
