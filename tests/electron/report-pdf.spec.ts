/**
 * The desktop app's PDF engine: a report exported in Electron goes through webContents.printToPDF
 * of a hidden window on the same print page. Skips, with the reason, where the Electron runtime is
 * not installed (this offline machine); runs unchanged where it is.
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRoot } from '../../main/paths';
import { demoDataDir, TEST_DEMO_END } from '../support/demo-template';

const MISSING_RUNTIME = 'Electron failed to install correctly';
type Invoke = (method: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>;

test('Electron exports a report PDF with printToPDF, fonts embedded', async () => {
  const dataDir = demoDataDir('ws-electron-pdf-');
  const out = mkdtempSync(join(tmpdir(), 'ws-electron-pdf-out-'));
  let app: ElectronApplication | null = null;
  try {
    try {
      app = await electron.launch({ args: [appRoot(), '--data-dir', dataDir] });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      test.skip(message.includes(MISSING_RUNTIME), `Electron runtime not installed here (${MISSING_RUNTIME}); see docs/offline-install.md`);
      throw err;
    }
    const win = await app.firstWindow();
    await expect(win.getByTestId('app-title')).toBeVisible();
    const base64 = await win.evaluate(async (period) => {
      const invoke = (window as unknown as { workstation: { invoke: Invoke } }).workstation.invoke;
      const draft = await invoke('report.draft', { period, locale: 'zh-CN' });
      if (!draft.ok) throw new Error(draft.error!.message);
      const file = await invoke('report.export', { id: (draft.value as { id: number }).id, format: 'pdf' });
      if (!file.ok) throw new Error(file.error!.message);
      return (file.value as { content: string }).content;
    }, TEST_DEMO_END);
    const pdf = join(out, 'electron.pdf');
    writeFileSync(pdf, Buffer.from(base64, 'base64'));
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain('沈阳市2026年10月就业形势分析');
    for (const line of execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2)) {
      expect(line).toMatch(/^[A-Z]{6}\+NotoS(erif|ans)SC\S*\s.*\byes\s+yes\s+yes\b/);
    }
  } finally {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
});
