/**
 * Picks the transport once at start: Electron IPC when the preload exposed `window.workstation`,
 * else the loopback HTTP bridge with the per-launch token. Nothing above this module knows which.
 */
import type { Envelope } from '../../../shared/api/errors';
import type { ChosenFile } from '../../../shared/api/files';
import type { ExportedFile } from '../../../shared/api/series';

declare global {
  interface Window {
    workstation?: { invoke(method: string, input: unknown): Promise<Envelope<unknown>> };
  }
}

export interface FilePickOptions {
  /** e.g. ['.csv', '.xlsx'] */
  accept: string[];
  /** Label for the dialog's filter. */
  label: string;
}

export interface Transport {
  kind: 'ipc' | 'http';
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** Lets the user pick a file and hands it to main; null when cancelled. */
  pickFile(options: FilePickOptions): Promise<ChosenFile | null>;
  /** Saves an exported file where the user wants it (dialog or download). */
  saveFile(file: ExportedFile): Promise<boolean>;
}

const TOKEN_KEY = 'workstation.token';
const TOKEN_HEADER = 'x-workstation-token';

function httpToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function ipcTransport(bridge: NonNullable<Window['workstation']>): Transport {
  return {
    kind: 'ipc',
    invoke: (method, input) => bridge.invoke(method, input),
    async pickFile(options) {
      const env = await bridge.invoke('file.choose', { filters: [{ name: options.label, extensions: options.accept.map((a) => a.replace(/^\./, '')) }] });
      if (!env.ok) throw Object.assign(new Error(env.error.message), { apiError: env.error });
      return env.value as ChosenFile | null;
    },
    async saveFile(file) {
      const env = await bridge.invoke('file.save', file);
      if (!env.ok) throw Object.assign(new Error(env.error.message), { apiError: env.error });
      return (env.value as { path: string | null }).path !== null;
    },
  };
}

function httpTransport(): Transport {
  const token = httpToken();
  const post = async (path: string, body: BodyInit, type: string): Promise<Envelope<unknown>> => {
    const res = await fetch(path, { method: 'POST', headers: { 'content-type': type, [TOKEN_HEADER]: token }, body });
    try {
      return (await res.json()) as Envelope<unknown>;
    } catch {
      return { ok: false, error: { code: 'common.internal', message: `HTTP ${res.status}` } };
    }
  };
  return {
    kind: 'http',
    invoke: (method, input) => post(`./api/${encodeURIComponent(method)}`, JSON.stringify(input ?? {}), 'application/json'),
    pickFile(options) {
      return new Promise((resolve, reject) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = options.accept.join(',');
        input.style.display = 'none';
        input.dataset.testid = 'file-picker';
        document.body.appendChild(input);
        input.addEventListener('cancel', () => {
          input.remove();
          resolve(null);
        });
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          input.remove();
          if (!file) return resolve(null);
          post(`./upload?name=${encodeURIComponent(file.name)}`, file, 'application/octet-stream').then((env) => {
            if (env.ok) resolve(env.value as ChosenFile);
            else reject(Object.assign(new Error(env.error.message), { apiError: env.error }));
          }, reject);
        });
        input.click();
      });
    },
    async saveFile(file) {
      const bytes = file.encoding === 'base64' ? Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0)) : new TextEncoder().encode(file.content);
      const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = file.fileName;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return true;
    },
  };
}

export const transport: Transport = window.workstation ? ipcTransport(window.workstation) : httpTransport();
