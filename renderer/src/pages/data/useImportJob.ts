/** Polls an import job while it runs (the progress bar), then keeps its result. */
import { useApi } from '../../api/client';

export function useImportJob(jobId: string | null) {
  return useApi(
    'import.job',
    { jobId: jobId ?? '0000000000000000' },
    {
      enabled: !!jobId,
      staleTime: Infinity,
      refetchInterval: (q) => (q.state.data?.state === 'running' || !q.state.data ? 250 : false),
    },
  );
}
