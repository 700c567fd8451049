/** Where things live: the project (or packaged app) root, the renderer build, the data folder. */
import { existsSync, readFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PRODUCT_NAME = '就业监测分析工作站';

/** The folder holding package.json, found by walking up from this module. */
export function appRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return process.cwd();
}

export function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** The built renderer (vite build output). */
export function rendererDir(): string {
  return join(appRoot(), 'dist', 'renderer');
}

/** The OS user name, the default "imported by" and audit actor. */
export function osUserName(): string {
  try {
    return userInfo().username || 'analyst';
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'analyst';
  }
}

/**
 * The data folder: `--data-dir`, else WORKSTATION_DATA_DIR, else the per-user application data
 * folder (the same place Electron's userData points to, so the CLI and the desktop app share it).
 */
export function resolveDataDir(flag?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return resolve(flag);
  if (env.WORKSTATION_DATA_DIR) return resolve(env.WORKSTATION_DATA_DIR);
  return join(defaultAppDataDir(env), PRODUCT_NAME);
}

function defaultAppDataDir(env: NodeJS.ProcessEnv): string {
  switch (process.platform) {
    case 'win32':
      return env.APPDATA ?? join(homedir(), 'AppData', 'Roaming');
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support');
    default:
      return env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
  }
}
