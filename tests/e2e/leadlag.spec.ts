import type { LeadLagResult } from '../../shared/api/analytics';
import { expect, test } from './fixtures';

test('lead/lag: the demo business cycle leads employment by two months', async ({ page, workstation }) => {
  await page.goto(workstation.url);
  await page.getByTestId('nav-leadlag').click();
  await expect(page.getByTestId('leadlag-summary')).toContainText('领先性最强的是制造业PMI从业人员指数：领先社保缴费人数2个月');
  await expect(page.getByTestId('leadlag-sentence-0')).toContainText('制造业PMI从业人员指数领先社保缴费人数2个月');
  await expect(page.getByTestId('leadlag-bars-0').locator('canvas')).toHaveCount(1);
  await expect(page.getByTestId('leadlag-overlay-0').locator('canvas')).toHaveCount(1);

  // The sentence's r is the service's.
  const env = await workstation.ws.dispatch('leadlag.analyze', { target: { indicator: 'ENT.SI_CONTRIB' }, candidates: [{ indicator: 'MAC.PMI_EMP' }] });
  const r = (env as { ok: true; value: LeadLagResult }).value.candidates[0]!.best!;
  await expect(page.getByTestId('leadlag-sentence-0')).toContainText(`相关系数${r.r.toFixed(2)}`);

  // A quarterly candidate cannot be correlated with a monthly target: a translated explanation.
  await page.getByTestId('leadlag-add').click();
  await page.getByTestId('leadlag-pick-2-indicator').click();
  await page.keyboard.type('LMK.DEMAND');
  await page.locator('.ant-select-item-option').filter({ hasText: 'LMK.DEMAND' }).click();
  await expect(page.getByTestId('leadlag-candidate-2')).toContainText('两序列频率须相同');
});
