/**
 * A workstation on a fresh copy of the demo cache for one test file (opened before all tests,
 * closed and removed after), with helpers to call the contract and read the database.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import type { ApiError } from '../../shared/api/errors';
import { openWorkstation, type Workstation } from '../../main/workstation';
import { demoDataDir } from './demo-template';

export interface DemoWorkstation {
  readonly ws: Workstation;
  /** Calls a contract method and returns its value; a refusal fails the test with its code. */
  call<T>(method: string, input: unknown): Promise<T>;
  /** Calls a method that must be refused and returns the error. */
  refused(method: string, input: unknown): Promise<ApiError>;
  one<T>(sql: string, ...params: unknown[]): T;
  all<T>(sql: string, ...params: unknown[]): T[];
}

export function useDemoWorkstation(prefix: string, actor = 'tester'): DemoWorkstation {
  let dir = '';
  let ws: Workstation | null = null;
  beforeAll(() => {
    dir = demoDataDir(prefix);
    ws = openWorkstation({ dataDir: dir, demo: false, actor });
  });
  afterAll(() => {
    ws?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const current = () => {
    if (!ws) throw new Error('The workstation opens in beforeAll');
    return ws;
  };
  return {
    get ws() {
      return current();
    },
    async call<T>(method: string, input: unknown): Promise<T> {
      const env = await current().dispatch(method, input);
      if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
      return env.value as T;
    },
    async refused(method: string, input: unknown): Promise<ApiError> {
      const env = await current().dispatch(method, input);
      if (env.ok) throw new Error(`${method} should have been refused`);
      return env.error;
    },
    one: <T>(sql: string, ...params: unknown[]) => current().ctx.db.prepare(sql).get(...params) as T,
    all: <T>(sql: string, ...params: unknown[]) => current().ctx.db.prepare(sql).all(...params) as T[],
  };
}
