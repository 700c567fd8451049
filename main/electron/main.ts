/**
 * The Electron main process: one hardened window on the app:// protocol, every contract method
 * registered with ipcMain.handle behind a sender check, no network at run time.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, screen } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFileSync } from 'node:fs';
import { METHOD_NAMES } from '../../shared/api/contract';
import { ErrorCodes } from '../../shared/api/errors';
import type { Locale } from '../../shared/domain/types';
import { appRoot, rendererDir, PRODUCT_NAME } from '../paths';
import { CONTENT_SECURITY_POLICY } from '../security';
import { getSetting } from '../services/settings';
import { openWorkstation, type Workstation } from '../workstation';
import { buildMenu } from './menu';
import { printToPdfWithElectron } from './print';
import { loadWindowState, saveWindowState } from './window-state';

const APP_ORIGIN = 'app://workstation';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

const dataDir = argValue('--data-dir') ?? process.env.WORKSTATION_DATA_DIR ?? app.getPath('userData');
let workstation: Workstation | null = null;
let mainWindow: BrowserWindow | null = null;

/** Only requests for the app's own files (and devtools) may leave the renderer. */
export function isLocalUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`) || url.startsWith('devtools://') || url.startsWith('data:') || url.startsWith('blob:');
}

function isTrustedSender(frame: Electron.WebFrameMain | null): boolean {
  return !!frame && frame.url.startsWith(`${APP_ORIGIN}/`);
}

function currentLocale(): Locale {
  return workstation ? getSetting<Locale>(workstation.ctx.db, 'locale', 'zh-CN') : 'zh-CN';
}

function applyMenu(): void {
  Menu.setApplicationMenu(
    buildMenu(currentLocale(), (win) => {
      const zh = currentLocale() === 'zh-CN';
      void dialog.showMessageBox(win ?? mainWindow!, {
        type: 'info',
        title: zh ? '关于' : 'About',
        message: PRODUCT_NAME,
        detail: `${zh ? '版本' : 'Version'} ${app.getVersion()}\n${zh ? '数据目录' : 'Data folder'}: ${dataDir}`,
      });
    }),
  );
}

function registerProtocol(): void {
  const root = normalize(rendererDir());
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'workstation') return new Response('Not found', { status: 404 });
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = normalize(join(root, rel));
    if (!file.startsWith(root + sep)) return new Response('Forbidden', { status: 403 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    if (file.endsWith('.html')) headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isLocalUrl(details.url) }));
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

function registerIpc(ws: Workstation): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(`api:${method}`, async (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: { code: ErrorCodes.forbidden, message: 'Untrusted sender' } };
      }
      const result = await ws.dispatch(method, input);
      if (method === 'app.setLocale' && result.ok) applyMenu();
      return result;
    });
  }
}

function createWindow(): BrowserWindow {
  const state = loadWindowState(dataDir);
  const visible = state.x !== undefined && state.y !== undefined && screen.getAllDisplays().some((d) => {
    const b = d.workArea;
    return state.x! >= b.x - 50 && state.y! >= b.y - 50 && state.x! < b.x + b.width && state.y! < b.y + b.height;
  });
  const win = new BrowserWindow({
    width: state.width,
    height: state.height,
    ...(visible ? { x: state.x, y: state.y } : {}),
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: PRODUCT_NAME,
    icon: join(appRoot(), 'resources', 'icons', 'icon.png'),
    webPreferences: {
      preload: join(appRoot(), 'dist', 'main', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.webContents.on('will-navigate', (event, url) => {
    if (url !== win.webContents.getURL()) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event) => event.preventDefault());
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.on('close', () => {
    const b = win.getNormalBounds();
    saveWindowState(dataDir, { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() });
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_e, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
    });
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => workstation?.close());
  void app.whenReady().then(() => {
    hardenSession();
    registerProtocol();
    try {
      workstation = openWorkstation({
        dataDir,
        host: {
          chooseFile: async (filters) => {
            const r = await dialog.showOpenDialog(mainWindow!, { properties: ['openFile'], filters });
            return r.canceled || !r.filePaths[0] ? null : r.filePaths[0];
          },
          saveFile: async (suggestedName, bytes) => {
            const r = await dialog.showSaveDialog(mainWindow!, { defaultPath: suggestedName });
            if (r.canceled || !r.filePath) return null;
            writeFileSync(r.filePath, bytes);
            return r.filePath;
          },
          printToPdf: printToPdfWithElectron,
        },
      });
    } catch (err) {
      dialog.showErrorBox(PRODUCT_NAME, err instanceof Error ? err.message : String(err));
      app.exit(1);
      return;
    }
    registerIpc(workstation);
    applyMenu();
    mainWindow = createWindow();
  });
}
