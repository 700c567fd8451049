import type { SeriesResult } from '../../shared/api/series';
import { formatNumber } from '../../shared/format';
import { expect, test } from './fixtures';

test('explorer: seasonally adjusted and trend views with the seasonal-factor chart', async ({ page, workstation }) => {
  const env = await workstation.ws.dispatch('series.query', { indicator: 'UNE.SURVEY_RATE', view: 'sa' });
  const sa = (env as { ok: true; value: SeriesResult }).value.series[0]!.points.at(-1)!;
  await page.goto(`${workstation.url}#/explorer?code=UNE.SURVEY_RATE`);
  await expect(page.getByTestId('indicator-title')).toHaveText('城镇调查失业率');
  await page.getByTestId('view-switch').getByText('季节调整').click();
  await expect(page.getByTestId('series-table').locator('tbody tr.ant-table-row').first()).toContainText(formatNumber(sa.value, 1, 'zh-CN'));
  await expect(page.getByTestId('seasonal-chart').locator('canvas')).toHaveCount(1);
  await page.getByTestId('view-switch').getByText('趋势').click();
  await expect(page.getByTestId('seasonal-panel')).toBeVisible();

  // A series that cannot be adjusted says why.
  await page.goto(`${workstation.url}#/explorer?code=MAC.IVA_G`);
  await page.getByTestId('view-switch').getByText('季节调整').click();
  await expect(page.getByTestId('seasonal-note-not_adjusted_gaps')).toBeVisible();
});
