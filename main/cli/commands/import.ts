import { basename, resolve } from 'node:path';
import { existsSync, writeSync } from 'node:fs';
import { AppError } from '../../../shared/api/errors';
import type { ImportPreview } from '../../../shared/api/imports';
import { delimiterChoiceSchema, encodingChoiceSchema } from '../../../shared/api/imports';
import { commitImport, previewImport, type ImportRequest } from '../../import/engine';
import { resolveDataDir, osUserName } from '../../paths';
import { openWorkstation } from '../../workstation';
import { DATA_DIR_OPTION, EXIT_OK, EXIT_REJECTED, rejectInput, type CliCommand, type CliIO } from '../command';
import { cliLocale, issueLine, LANG_OPTION, messageOf, reportingErrors } from '../data-output';
import type { Locale } from '../../../shared/domain/types';

function printPreview(io: CliIO, p: ImportPreview, locale: Locale): void {
  const zh = locale === 'zh-CN';
  const c = p.counts;
  io.out(
    zh
      ? `文件 ${p.file.name}（${p.file.format.toUpperCase()}${p.file.encoding ? `，${p.file.encoding}` : ''}），来源单位 ${p.unit ?? '未定'}，映射：${p.templateName ?? p.mappingSource}`
      : `File ${p.file.name} (${p.file.format.toUpperCase()}${p.file.encoding ? `, ${p.file.encoding}` : ''}), source unit ${p.unit ?? 'not set'}, mapping: ${p.templateName ?? p.mappingSource}`,
  );
  for (const s of p.sheets) if (s.name !== null) io.out(`  ${zh ? '工作表' : 'sheet'} ${s.name}: ${s.status}${s.missing.length ? ` (${s.missing.join(', ')})` : ''}`);
  io.out(
    zh
      ? `读取 ${c.read}，新增 ${c.added}，修订 ${c.revised}，未变 ${c.unchanged}，拒绝 ${c.rejected}，空值 ${c.skipped}，警告 ${c.warnings}${p.periodFrom ? `；时期 ${p.periodFrom} 至 ${p.periodTo}` : ''}`
      : `read ${c.read}, added ${c.added}, revised ${c.revised}, unchanged ${c.unchanged}, rejected ${c.rejected}, empty ${c.skipped}, warnings ${c.warnings}${p.periodFrom ? `; periods ${p.periodFrom} to ${p.periodTo}` : ''}`,
  );
  for (const i of p.issues) io.out(`  ${issueLine(i, locale)}`);
  if (p.issuesNotListed > 0) io.out(`  ${messageOf('import.more_issues', { count: p.issuesNotListed }, locale, '')}`);
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import a CSV or XLSX file as a snapshot (--dry-run: preview only)',
  usage: 'import FILE [--unit CODE] [--mapping NAME] [--dry-run] [--accept-rejected] [--encoding E] [--target T] [--by NAME] [--note TEXT] [--json]',
  options: {
    ...DATA_DIR_OPTION,
    ...LANG_OPTION,
    unit: { type: 'string' },
    mapping: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'accept-rejected': { type: 'boolean' },
    encoding: { type: 'string' },
    delimiter: { type: 'string' },
    by: { type: 'string' },
    note: { type: 'string' },
    json: { type: 'boolean' },
    progress: { type: 'boolean' },
    target: { type: 'string' },
  },
  async run(args, io) {
    const [file, ...extra] = args.positionals;
    if (!file || extra.length) rejectInput('cli.usage', 'Usage: import FILE [options]');
    const path = resolve(file);
    if (!existsSync(path)) rejectInput('cli.no_file', `No such file: ${file}`, { file });
    const encoding = encodingChoiceSchema.safeParse(args.values.encoding ?? 'auto');
    if (!encoding.success) rejectInput('cli.bad_option', `--encoding must be one of ${encodingChoiceSchema.options.join(', ')}`, { option: 'encoding' });
    const delimiterText = args.values.delimiter === 'tab' ? '\t' : (args.values.delimiter ?? 'auto');
    const delimiter = delimiterChoiceSchema.safeParse(delimiterText);
    if (!delimiter.success) rejectInput('cli.bad_option', '--delimiter must be auto, ",", ";", "|" or tab', { option: 'delimiter' });
    const ws = openWorkstation({ dataDir: resolveDataDir(args.values['data-dir'] as string | undefined), demo: false, actor: osUserName() });
    const locale = cliLocale(args, ws.ctx.db);
    try {
      return await reportingErrors(io, () => locale, async () => {
        const req: ImportRequest = {
          path,
          fileName: basename(path),
          unit: args.values.unit as string | undefined,
          template: args.values.mapping as string | undefined,
          encoding: encoding.data,
          delimiter: delimiter.data,
          importedBy: args.values.by as string | undefined,
          note: (args.values.note as string | undefined) ?? '',
          acceptRejected: !!args.values['accept-rejected'],
          target: (args.values.target as string | undefined) ?? 'observations',
        };
        // Written synchronously: during the commit transaction the event loop does not turn.
        const progress = args.values.progress ? (p: object) => writeSync(2, `${JSON.stringify({ progress: p })}\n`) : undefined;
        const deps = { db: ws.ctx.db, actor: ws.ctx.actor };
        if (args.values['dry-run']) {
          const preview = await previewImport(deps, req, progress);
          if (args.values.json) io.out(JSON.stringify(preview));
          else printPreview(io, preview, locale);
          if (!preview.ready) {
            for (const b of preview.blockers) io.err(`${locale === 'zh-CN' ? '不能导入' : 'cannot import'}: ${messageOf(b.code, b.params, locale, b.code)} [${b.code}]`);
            return EXIT_REJECTED;
          }
          return EXIT_OK;
        }
        try {
          const result = await commitImport(deps, req, progress);
          if (args.values.json) io.out(JSON.stringify(result));
          else {
            printPreview(io, result.preview, locale);
            io.out(
              result.noop
                ? messageOf('import.already_imported', { snapshotId: result.snapshotId, importedAt: result.preview.alreadyImported?.importedAt ?? '' }, locale, 'already imported')
                : locale === 'zh-CN'
                  ? `已导入为快照 #${result.snapshotId}`
                  : `Imported as snapshot ${result.snapshotId}`,
            );
          }
          return EXIT_OK;
        } catch (err) {
          // A refused commit still shows what was wrong, row by row.
          const preview = err instanceof AppError ? (err.details as { preview?: ImportPreview } | undefined)?.preview : undefined;
          if (preview && !args.values.json) printPreview(io, preview, locale);
          throw err;
        }
      });
    } finally {
      ws.close();
    }
  },
};
