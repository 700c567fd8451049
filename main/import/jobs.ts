/**
 * Import jobs: a dry run or commit runs in the background of the main process while the UI polls
 * its phase and bytes read (the progress bar). Finished jobs are kept for a while, then forgotten.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import type { ImportCommitResult, ImportJob, ImportPreview } from '../../shared/api/imports';
import type { ProgressFn } from './engine';
import { dataError } from './errors';

const KEEP_MS = 30 * 60 * 1000;

export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();

  constructor(private readonly log: (msg: string, err: unknown) => void = (m, e) => console.error(m, e)) {}

  start(mode: ImportJob['mode'], total: number, run: (progress: ProgressFn) => Promise<ImportPreview | ImportCommitResult>): string {
    this.prune();
    const id = randomBytes(12).toString('hex');
    const job: ImportJob = {
      id,
      mode,
      state: 'running',
      phase: 'queued',
      bytesRead: 0,
      bytesTotal: total,
      values: 0,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      preview: null,
      result: null,
      error: null,
    };
    this.jobs.set(id, job);
    const progress: ProgressFn = (p) => {
      job.phase = p.phase;
      job.bytesRead = p.bytesRead;
      job.bytesTotal = p.bytesTotal;
      job.values = p.values;
    };
    // Start on the next turn so the caller has the id before any work happens.
    setImmediate(() => {
      run(progress).then(
        (out) => {
          if (mode === 'preview') job.preview = out as ImportPreview;
          else {
            job.result = out as ImportCommitResult;
            job.preview = (out as ImportCommitResult).preview;
          }
          job.state = 'done';
          job.phase = 'done';
          job.finishedAt = new Date().toISOString();
        },
        (err: unknown) => {
          job.state = 'failed';
          job.finishedAt = new Date().toISOString();
          if (err instanceof AppError) job.error = { code: err.code, message: err.message, params: err.params };
          else {
            this.log('Import job failed', err);
            job.error = { code: 'common.internal', message: err instanceof Error ? err.message : String(err) };
          }
        },
      );
    });
    return id;
  }

  get(id: string): ImportJob {
    const job = this.jobs.get(id);
    if (!job) throw dataError('import.job_unknown', { jobId: id });
    return job;
  }

  private prune(): void {
    const cutoff = Date.now() - KEEP_MS;
    for (const [id, job] of this.jobs) {
      if (job.finishedAt && Date.parse(job.finishedAt) < cutoff) this.jobs.delete(id);
    }
  }
}
