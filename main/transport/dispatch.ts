/**
 * The one entry point both transports call: checks the method exists, validates the input against
 * the contract, runs the handler and returns an envelope. Errors cross as data.
 */
import { z } from 'zod';
import { contract, isMethodName } from '../../shared/api/contract';
import { AppError, ErrorCodes, type Envelope } from '../../shared/api/errors';
import type { Handlers } from '../services/types';

export type Dispatch = (method: string, input: unknown) => Promise<Envelope<unknown>>;

export function createDispatch(handlers: Handlers, log: (msg: string, err: unknown) => void = defaultLog): Dispatch {
  for (const name of Object.keys(contract)) {
    if (typeof (handlers as Record<string, unknown>)[name] !== 'function') throw new Error(`No handler for contract method ${name}`);
  }
  return async (method, input) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: ErrorCodes.unknownMethod, message: `Unknown method ${method}`, params: { method } } };
    }
    const parsed = contract[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: ErrorCodes.invalidInput,
          message: `Invalid input for ${method}: ${z.prettifyError(parsed.error)}`,
          params: { method },
          details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        },
      };
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toApiError() };
      log(`Internal error in ${method}`, err);
      return { ok: false, error: { code: ErrorCodes.internal, message: err instanceof Error ? err.message : String(err) } };
    }
  };
}

function defaultLog(msg: string, err: unknown): void {
  console.error(msg, err);
}
