/**
 * PDF from the one print page, by one of two engines: Electron's `webContents.printToPDF` in the
 * desktop app (the host provides it), or Chromium driven by playwright-core in browser mode and the
 * CLI. Either way the page is loaded from a file URL so its @font-face rules can reach the bundled
 * font files; nothing but file URLs is allowed to load.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { AppError } from '../../shared/api/errors';

export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Prints an HTML file with Chromium (the browser-mode and CLI engine). */
export async function printHtmlFileWithChromium(htmlFile: string, executablePath: string): Promise<Buffer> {
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true });
  } catch (err) {
    throw new AppError('report.no_chromium', `Chromium could not be started from ${executablePath}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`, { path: executablePath });
  }
  try {
    const page = await browser.newPage();
    await page.route(/^(?!file:|data:|about:)/, (route) => route.abort());
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
    // Fonts are declared font-display: block; wait until every face the page uses has loaded.
    await page.evaluate('document.fonts.ready.then(() => true)');
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}

/** Writes the page to a temporary file, prints it with `engine`, removes the file. */
export async function printPageToPdf(html: string, engine: (htmlFile: string) => Promise<Buffer>): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'workstation-print-'));
  const file = join(dir, 'report.html');
  try {
    writeFileSync(file, html, 'utf8');
    return await engine(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
