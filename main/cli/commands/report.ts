import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ExportedFile } from '../../../shared/api/series';
import type { Report } from '../../../shared/reports/model';
import { call, DATA_DIR_OPTION, EXIT_OK, rejectInput, withWorkstation, type CliCommand } from '../command';

/**
 * `report draft --period 2024-06` creates the auto-draft and prints its id;
 * `report export ID --format pdf|docx --out FILE` writes a report.
 */
export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'Monthly report: draft --period YYYY-MM (prints the id), export ID --format pdf|docx|html --out FILE',
  usage: 'report draft --period YYYY-MM [--locale zh-CN|en-US] | report export ID --format pdf|docx|html --out FILE [--version N]',
  options: { ...DATA_DIR_OPTION, period: { type: 'string' }, locale: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, version: { type: 'string' } },
  async run(args, io) {
    const [action, idText] = args.positionals;
    if (action === 'draft') {
      const period = args.values.period as string | undefined;
      if (!period) rejectInput('cli.missing_option', '--period YYYY-MM is required', { option: 'period' });
      const report = await withWorkstation(args, (ws) => call(ws, 'report.draft', { period, ...(args.values.locale ? { locale: args.values.locale } : {}) }) as Promise<Report>);
      io.out(String(report.id));
      return EXIT_OK;
    }
    if (action === 'export') {
      const id = Number(idText);
      if (!Number.isInteger(id) || id <= 0) rejectInput('cli.bad_id', `A report id is required, not ${idText ?? 'nothing'}`, { value: idText ?? '' });
      const format = (args.values.format as string | undefined) ?? 'pdf';
      if (!['pdf', 'docx', 'html'].includes(format)) rejectInput('cli.bad_format', `--format must be pdf, docx or html, not ${format}`, { value: format });
      const out = args.values.out as string | undefined;
      if (!out) rejectInput('cli.missing_option', '--out FILE is required', { option: 'out' });
      const version = args.values.version ? Number(args.values.version) : undefined;
      const file = await withWorkstation(args, (ws) => call(ws, 'report.export', { id, format, ...(version ? { version } : {}) }) as Promise<ExportedFile>);
      const bytes = file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : Buffer.from(file.content, 'utf8');
      writeFileSync(resolve(out), bytes);
      io.out(JSON.stringify({ file: resolve(out), bytes: bytes.length, suggestedName: file.fileName }));
      return EXIT_OK;
    }
    return rejectInput('cli.bad_action', `report needs draft or export, not ${action ?? 'nothing'}`, { value: action ?? '' });
  },
};
