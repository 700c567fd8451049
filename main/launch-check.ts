import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The Electron binary's path, or the reason there is none (the electron package's own message). */
export function findElectron(): { path: string } | { missing: string } {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    if (typeof path === 'string' && existsSync(path)) return { path };
    return { missing: 'Electron failed to install correctly' };
  } catch (err) {
    return { missing: err instanceof Error ? err.message.split('\n')[0]! : String(err) };
  }
}
