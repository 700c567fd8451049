/**
 * A workstation on a fresh copy of the demo cache for one test file, with helpers that call the
 * contract through the dispatcher (as both transports do).
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { openWorkstation, type Workstation } from '../../main/workstation';
import { demoDataDir } from './demo-template';

export interface DemoWorkstation {
  readonly ws: Workstation;
  readonly dataDir: string;
  /** Calls a method and returns its value, or throws with the error code. */
  ok<T>(method: string, input: unknown): Promise<T>;
  /** Calls a method expected to fail and returns its error code ('ok' if it did not fail). */
  fails(method: string, input: unknown): Promise<string>;
}

/** Opens the workstation before the file's tests and removes it after them. */
export function useDemoWorkstation(actor = 'test'): DemoWorkstation {
  let ws: Workstation | null = null;
  let dataDir = '';
  beforeAll(() => {
    dataDir = demoDataDir();
    ws = openWorkstation({ dataDir, demo: false, actor });
  });
  afterAll(() => {
    ws?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get ws() {
      return ws!;
    },
    get dataDir() {
      return dataDir;
    },
    async ok<T>(method: string, input: unknown): Promise<T> {
      const env = await ws!.dispatch(method, input);
      if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
      return env.value as T;
    },
    async fails(method: string, input: unknown): Promise<string> {
      const env = await ws!.dispatch(method, input);
      return env.ok ? 'ok' : env.error.code;
    },
  };
}
