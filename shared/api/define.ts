import type { z } from 'zod';

/** One method of the contract: its runtime input schema and (type-only) result. */
export interface MethodSpec<I extends z.ZodType, R> {
  readonly input: I;
  /** Phantom field carrying the result type; never set at run time. */
  readonly result?: R;
}

/**
 * Declares a method: `method<Result>()(inputSchema)` (curried so the result type can be given
 * while the schema type is inferred).
 * @example const spec = method<{ n: number }>()(z.object({}));
 */
export function method<R>() {
  return <I extends z.ZodType>(input: I): MethodSpec<I, R> => ({ input });
}
