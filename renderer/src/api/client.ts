/** The typed client: every contract method with its input and result types, over either transport. */
import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { InputOf, MethodName, ResultOf } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/errors';
import { transport } from './transport';

/** A failed call, carrying the error as it crossed the boundary (translate `code` for the user). */
export class ApiCallError extends Error {
  constructor(readonly apiError: ApiError) {
    super(apiError.message);
    this.name = 'ApiCallError';
  }
}

export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<ResultOf<M>> {
  const env = await transport.invoke(method, input);
  if (!env.ok) throw new ApiCallError(env.error);
  return env.value as ResultOf<M>;
}

/** A query on a contract method, cached by method and input. */
export function useApi<M extends MethodName>(method: M, input: InputOf<M>, options: Partial<UseQueryOptions<ResultOf<M>, ApiCallError>> = {}) {
  return useQuery<ResultOf<M>, ApiCallError>({ queryKey: [method, input], queryFn: () => call(method, input), ...options });
}

/** A mutation on a contract method; invalidates every cached query when it succeeds. */
export function useApiMutation<M extends MethodName>(method: M) {
  const client = useQueryClient();
  return useMutation<ResultOf<M>, ApiCallError, InputOf<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: () => client.invalidateQueries(),
  });
}
