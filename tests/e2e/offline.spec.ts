import { expect, test } from './fixtures';

test('the renderer requests nothing but its own origin while the user works', async ({ page, workstation }) => {
  const origin = new URL(workstation.url).origin;
  const foreign: string[] = [];
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  await page.goto(workstation.url);
  await expect(page.getByTestId('kpi-value-UNE.SURVEY_RATE')).toBeVisible();
  await page.getByTestId('nav-explorer').click();
  await page.getByTestId('catalog-search').locator('input').fill('GDP');
  await page.getByTestId('tree-MAC.GDP').click();
  await expect(page.getByTestId('explorer-chart').locator('canvas')).toHaveCount(1);
  await page.getByTestId('locale-switch').getByText('English').click();
  await expect(page.getByText('Regional GDP').first()).toBeVisible();
  expect(foreign).toEqual([]);

  // The policy itself forbids remote content, whatever the network would allow.
  const violation = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
        void fetch('https://example.com/').catch(() => undefined);
      }),
  );
  expect(violation).toBe('connect-src');
});
