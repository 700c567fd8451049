/**
 * Each test gets its own workstation in browser mode: a copy of the demo cache, the real
 * services and the real loopback HTTP bridge serving the built renderer.
 */
import { test as base, expect, type Locator } from '@playwright/test';
import { rmSync } from 'node:fs';
import { rendererDir } from '../../main/paths';
import { startHttpBridge, type HttpBridge } from '../../main/transport/http';
import { openWorkstation, type Workstation } from '../../main/workstation';
import { demoDataDir } from '../support/demo-template';

export interface BrowserWorkstation {
  ws: Workstation;
  bridge: HttpBridge;
  dataDir: string;
  /** The URL with the token, as `npm run serve` prints it. */
  url: string;
}

export const test = base.extend<{ workstation: BrowserWorkstation }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from this pattern
  workstation: async ({}, use) => {
    const dataDir = demoDataDir('ws-e2e-');
    const ws = openWorkstation({ dataDir, demo: false, actor: 'e2e' });
    const bridge = await startHttpBridge({ dispatch: ws.dispatch, staticDir: rendererDir(), upload: (name, body) => ws.ctx.files.upload(name, body) });
    await use({ ws, bridge, dataDir, url: bridge.url });
    await bridge.close();
    ws.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/**
 * Picks an option of an antd Select and waits until the select shows it. In a dialog that has just
 * opened, a click on an option can be lost while the dialog is still animating; it is tried again.
 */
export async function pickOption(select: Locator, option: Locator, shown: string): Promise<void> {
  await expect(async () => {
    if (!(await option.isVisible())) await select.click();
    await option.click({ timeout: 2_000 });
    await expect(select).toContainText(shown, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}
