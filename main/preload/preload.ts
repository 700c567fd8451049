/**
 * The renderer's only door to main: `window.workstation.invoke(method, input)`, for contract
 * methods only. ipcRenderer itself is never exposed.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { METHOD_NAMES } from '../../shared/api/contract';

const allowed = new Set<string>(METHOD_NAMES);

contextBridge.exposeInMainWorld('workstation', {
  invoke(method: string, input: unknown): Promise<unknown> {
    if (typeof method !== 'string' || !allowed.has(method)) {
      return Promise.resolve({ ok: false, error: { code: 'common.unknown_method', message: `Unknown method ${String(method)}` } });
    }
    return ipcRenderer.invoke(`api:${method}`, input);
  },
});
