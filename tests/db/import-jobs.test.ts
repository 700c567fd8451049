import { afterEach, describe, expect, it } from 'vitest';
import type { ImportJob } from '../../shared/api/imports';
import { importBench, type Bench } from '../support/imports';

const benches: Bench[] = [];
afterEach(() => {
  for (const b of benches.splice(0)) b.close();
});

describe('import jobs over the contract', () => {
  it('runs a preview and a commit in the background, reporting phase and progress until done', async () => {
    const b = importBench();
    benches.push(b);
    const call = async (method: string, input: unknown) => {
      const env = await b.ws.dispatch(method, input);
      if (!env.ok) throw Object.assign(new Error(env.error.message), { code: env.error.code });
      return env.value;
    };
    const wait = async (jobId: string): Promise<ImportJob> => {
      for (;;) {
        const job = (await call('import.job', { jobId })) as ImportJob;
        if (job.state !== 'running') return job;
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    const path = b.write('登记失业.csv', 'indicator,period,value,district\nUNE.REG_COUNT,2026-11,321,铁西区\n');
    const file = b.ws.ctx.files.register(path);
    const { jobId } = (await call('import.start', { fileId: file.id, mode: 'preview' })) as { jobId: string };
    const preview = await wait(jobId);
    expect(preview).toMatchObject({ state: 'done', phase: 'done', mode: 'preview', bytesTotal: file.size, bytesRead: file.size, result: null });
    expect(preview.preview).toMatchObject({ ready: true, counts: { added: 1 } });

    const commit = await wait(((await call('import.start', { fileId: file.id, mode: 'commit', expectSha256: preview.preview!.file.sha256 })) as { jobId: string }).jobId);
    expect(commit).toMatchObject({ state: 'done', result: { noop: false, counts: { added: 1 } } });

    // A file changed since its preview is refused; the job says why.
    const changed = b.ws.ctx.files.register(b.write('登记失业.csv', 'indicator,period,value,district\nUNE.REG_COUNT,2026-11,999,铁西区\n'));
    const refused = await wait(((await call('import.start', { fileId: changed.id, mode: 'commit', expectSha256: preview.preview!.file.sha256 })) as { jobId: string }).jobId);
    expect(refused).toMatchObject({ state: 'failed', error: { code: 'import.file_changed' } });
    await expect(call('import.job', { jobId: 'ffffffffffffffffffffffff' })).rejects.toMatchObject({ code: 'import.job_unknown' });
  });
});
