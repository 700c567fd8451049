/**
 * The desktop app's PDF engine: the same print page, loaded from its file URL in a hidden window
 * with its own session that can read nothing but that file and the bundled fonts, printed by
 * `webContents.printToPDF`. Browser mode and the CLI print the same page with Chromium instead.
 */
import { BrowserWindow, session } from 'electron';
import { dirname, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fontPackageDir } from '../reports/fonts';

const PARTITION = 'report-print';
let allowedRoots: string[] = [];
let filterInstalled = false;

function allowed(url: string): boolean {
  if (url.startsWith('data:') || url === 'about:blank') return true;
  if (!url.startsWith('file:')) return false;
  const path = normalize(fileURLToPath(url));
  return allowedRoots.some((root) => path.startsWith(root + sep));
}

export async function printToPdfWithElectron(htmlFile: string): Promise<Buffer> {
  allowedRoots = [dirname(normalize(htmlFile)), normalize(fontPackageDir('noto-serif-sc')), normalize(fontPackageDir('noto-sans-sc'))];
  const ses = session.fromPartition(PARTITION);
  if (!filterInstalled) {
    ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowed(details.url) }));
    ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    filterInstalled = true;
  }
  const win = new BrowserWindow({ show: false, width: 794, height: 1123, webPreferences: { session: ses, sandbox: true, contextIsolation: true, nodeIntegration: false, spellcheck: false } });
  try {
    await win.loadFile(htmlFile);
    await win.webContents.executeJavaScript('document.fonts.ready.then(() => true)');
    return await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
  } finally {
    win.destroy();
  }
}
