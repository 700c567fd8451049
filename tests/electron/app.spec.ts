/**
 * The desktop app in Electron: opens on the overview, exposes only `invoke`, refuses the network.
 * Where the Electron runtime is not installed (this offline machine), it skips with the reason;
 * it runs unchanged wherever `npx install-electron` (or ELECTRON_MIRROR) has provided the runtime.
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { rmSync } from 'node:fs';
import { appRoot } from '../../main/paths';

interface Bridge {
  workstation?: { invoke(method: string, input: unknown): Promise<unknown> };
}
import { demoDataDir } from '../support/demo-template';

const MISSING_RUNTIME = 'Electron failed to install correctly';

test('the desktop app opens on the overview, hardened', async () => {
  const dataDir = demoDataDir('ws-electron-');
  let app: ElectronApplication | null = null;
  try {
    try {
      app = await electron.launch({ args: [appRoot(), '--data-dir', dataDir], env: { ...process.env, ELECTRON_DISABLE_SECURITY_WARNINGS: 'false' } });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      test.skip(message.includes(MISSING_RUNTIME), `Electron runtime not installed here (${MISSING_RUNTIME}); see docs/offline-install.md`);
      throw err;
    }
    const win = await app.firstWindow();
    await expect(win.getByTestId('app-title')).toHaveText('就业监测分析工作站');
    await expect(win.getByTestId('kpi-value-UNE.SURVEY_RATE')).toBeVisible();

    // The preload exposes one function and nothing of Node (sandbox, no nodeIntegration, isolated context).
    expect(await win.evaluate(() => Object.keys((window as unknown as Bridge).workstation ?? {}))).toEqual(['invoke']);
    expect(await win.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await win.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
    const unknown = await win.evaluate(() => (window as unknown as Bridge).workstation!.invoke('db.dropEverything', {}));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'common.unknown_method' } });

    // No network: the CSP and the session's request filter refuse anything not local.
    const fetched = await win.evaluate(() => fetch('http://127.0.0.1:9/').then(() => 'loaded', () => 'refused'));
    expect(fetched).toBe('refused');
    // window.open is denied.
    await win.evaluate(() => window.open('https://example.com'));
    expect(app.windows()).toHaveLength(1);
  } finally {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
