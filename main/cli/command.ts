/** The CLI's command shape and shared helpers. Exit codes: 0 ok, 2 input rejected, 1 internal error. */
import type { ParseArgsConfig } from 'node:util';
import { AppError } from '../../shared/api/errors';
import { resolveDataDir } from '../paths';
import { openWorkstation, type Workstation } from '../workstation';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_REJECTED = 2;

export interface CliIO {
  out(line: string): void;
  err(line: string): void;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}

/** Options every command that touches the cache takes. */
export const DATA_DIR_OPTION = { 'data-dir': { type: 'string' } } as const;

/** Opens the workstation on `--data-dir` (or the default), runs `fn`, closes. */
export async function withWorkstation<T>(args: ParsedArgs, fn: (ws: Workstation) => Promise<T> | T, demo = true): Promise<T> {
  const ws = openWorkstation({ dataDir: resolveDataDir(args.values['data-dir'] as string | undefined), demo });
  try {
    return await fn(ws);
  } finally {
    ws.close();
  }
}

/** An input error the CLI reports with exit code 2. */
export function rejectInput(code: string, message: string, params: Record<string, string | number> = {}): never {
  throw new AppError(code, message, params);
}

/** Calls a contract method through the dispatcher and unwraps the envelope (AppError on failure). */
export async function call(ws: Workstation, method: string, input: unknown): Promise<unknown> {
  const env = await ws.dispatch(method, input);
  if (!env.ok) throw new AppError(env.error.code, env.error.message, env.error.params ?? {}, env.error.details);
  return env.value;
}
