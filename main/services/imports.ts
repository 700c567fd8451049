/** Import jobs, mapping templates, snapshots and provenance over the contract. */
import { deleteSnapshot, listSnapshots, provenanceOf, snapshotDetail, snapshotDiff } from '../db/snapshots';
import { commitImport, previewImport, type ImportRequest } from '../import/engine';
import { ImportJobs } from '../import/jobs';
import { deleteTemplate, listTemplates, saveTemplate } from '../import/templates';
import type { ParsedInputOf } from '../../shared/api/contract';
import type { HandlersFor, ServiceContext } from './types';

type Methods =
  | 'import.start'
  | 'import.job'
  | 'import.templates'
  | 'import.saveTemplate'
  | 'import.deleteTemplate'
  | 'snapshot.list'
  | 'snapshot.get'
  | 'snapshot.diff'
  | 'snapshot.delete'
  | 'provenance.get';

/** The engine request for a contract request: the file id resolved to its path. */
export function toEngineRequest(ctx: ServiceContext, input: ParsedInputOf<'import.start'>): ImportRequest {
  const file = ctx.files.resolve(input.fileId);
  return {
    path: file.path,
    fileName: file.name,
    target: input.target,
    unit: input.unit,
    template: input.template,
    mapping: input.mapping,
    encoding: input.encoding,
    delimiter: input.delimiter,
    importedBy: input.importedBy,
    note: input.note,
    acceptRejected: input.acceptRejected,
    expectSha256: input.expectSha256,
  };
}

export function importHandlers(ctx: ServiceContext): HandlersFor<Methods> {
  const jobs = new ImportJobs();
  const deps = { db: ctx.db, actor: ctx.actor };
  return {
    'import.start': (input) => {
      const req = toEngineRequest(ctx, input);
      const size = ctx.files.resolve(input.fileId).size;
      const jobId = jobs.start(input.mode, size, (progress) => (input.mode === 'preview' ? previewImport(deps, req, progress) : commitImport(deps, req, progress)));
      return { jobId };
    },
    'import.job': ({ jobId }) => jobs.get(jobId),
    'import.templates': ({ unit }) => listTemplates(ctx.db, unit),
    'import.saveTemplate': (input) => saveTemplate(ctx.db, ctx.actor, input),
    'import.deleteTemplate': ({ name }) => {
      deleteTemplate(ctx.db, ctx.actor, name);
      return { name };
    },
    'snapshot.list': (f) => listSnapshots(ctx.db, f),
    'snapshot.get': ({ id }) => snapshotDetail(ctx.db, id),
    'snapshot.diff': ({ id, kind, limit, offset }) => snapshotDiff(ctx.db, id, kind, limit, offset),
    'snapshot.delete': ({ id, reason }) => deleteSnapshot(ctx.db, id, ctx.actor, reason),
    'provenance.get': ({ indicator, members, period, asOf }) => provenanceOf(ctx.db, indicator, members, period, asOf),
  };
}
