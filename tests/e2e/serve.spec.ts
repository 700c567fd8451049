/** The real commands a user runs: `npm run serve` (the CLI) and `npm start` without Electron. */
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { findElectron } from '../../main/launch-check';
import { demoDataDir } from '../support/demo-template';

/**
 * The commands run in one Node process with tsx as a loader. The `tsx` wrapper binary relays a
 * SIGTERM to its child and gives the child 30 ms to acknowledge before killing it (exit 143), which
 * a loaded machine misses; that is the wrapper's behaviour, not the command's shutdown under test.
 */
const NODE_ARGS = ['--import', 'tsx'];

/** Starts a command and resolves with the browser-mode URL it prints. */
function startAndReadUrl(args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_ARGS, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /browser mode: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]!, output: () => out });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

test('npm run serve: prints a tokenised URL that opens the workstation; without the token the API refuses', async ({ page, request }) => {
  const dataDir = demoDataDir('ws-serve-');
  const { child, url } = await startAndReadUrl(['main/cli/index.ts', 'serve', '--port', '0', '--data-dir', dataDir]);
  try {
    await page.goto(url);
    await expect(page.getByTestId('kpi-value-UNE.SURVEY_RATE')).toBeVisible();
    const origin = new URL(url).origin;
    const refused = await request.post(`${origin}/api/app.info`, { data: {} });
    expect(refused.status()).toBe(401);
  } finally {
    expect(await stop(child)).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('npm start without the Electron runtime says so in one line, then serves browser mode', async ({ page }) => {
  test.skip('path' in findElectron(), 'The Electron runtime is installed here; npm start opens the desktop app');
  const dataDir = demoDataDir('ws-start-');
  const { child, url, output } = await startAndReadUrl(['main/launch.ts', '--data-dir', dataDir]);
  try {
    const lines = output().split('\n');
    expect(lines[0]).toContain('Electron runtime not installed');
    expect(lines[0]).toContain('未找到 Electron 运行时');
    await page.goto(url);
    await expect(page.getByTestId('app-title')).toBeVisible();
  } finally {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
