import { provenanceOf } from '../../db/snapshots';
import { normalizeInstant } from '../../db/observations';
import { parsePeriodText } from '../../../shared/import/periods';
import { parsePeriod } from '../../../shared/period';
import { dataError } from '../../import/errors';
import { resolveDataDir, osUserName } from '../../paths';
import { openWorkstation } from '../../workstation';
import { DATA_DIR_OPTION, EXIT_OK, rejectInput, type CliCommand } from '../command';
import { cliLocale, LANG_OPTION, locationOf, reportingErrors } from '../data-output';
import type { AsOf } from '../../../shared/api/schemas';

/** `provenance INDICATOR PERIOD [--member dim=code ...]`: where a value comes from. */
export const provenanceCommand: CliCommand = {
  name: 'provenance',
  summary: 'Where a value comes from: snapshot, unit, file, sheet, row, column, and its vintages',
  usage: 'provenance INDICATOR PERIOD [--member dim=code ...] [--as-of DATE | --as-of-snapshot N] [--json]',
  options: {
    ...DATA_DIR_OPTION,
    ...LANG_OPTION,
    member: { type: 'string', multiple: true },
    'as-of': { type: 'string' },
    'as-of-snapshot': { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const [indicator, periodText, ...extra] = args.positionals;
    if (!indicator || !periodText || extra.length) rejectInput('cli.usage', `Usage: ${this.usage}`);
    const ws = openWorkstation({ dataDir: resolveDataDir(args.values['data-dir'] as string | undefined), demo: false, actor: osUserName() });
    const locale = cliLocale(args, ws.ctx.db);
    const zh = locale === 'zh-CN';
    try {
      return await reportingErrors(io, () => locale, async () => {
        const members: Record<string, string> = {};
        for (const m of (args.values.member as string[] | undefined) ?? []) {
          const eq = m.indexOf('=');
          if (eq <= 0 || eq === m.length - 1) throw dataError('provenance.bad_member', { text: m });
          members[m.slice(0, eq)] = m.slice(eq + 1);
        }
        // The period in canonical form, or any form the importer reads.
        let period = parsePeriod(periodText) ? periodText : null;
        if (!period) {
          const p = parsePeriodText(periodText);
          if (p?.kind === 'month' || (p?.kind === 'ytd' && !p.quarterly)) period = `${p.year}-${String(p.index).padStart(2, '0')}`;
          else if (p?.kind === 'quarter') period = `${p.year}-Q${p.index}`;
          else if (p?.kind === 'year') period = String(p.year);
        }
        if (!period) rejectInput('import.bad_period', `Cannot read the period "${periodText}"`, { text: periodText });
        let asOf: AsOf | undefined;
        if (args.values['as-of-snapshot']) asOf = { snapshot: Number(args.values['as-of-snapshot']) };
        else if (args.values['as-of']) asOf = { date: normalizeInstant(String(args.values['as-of'])) };
        const p = provenanceOf(ws.ctx.db, indicator.toUpperCase(), members, period, asOf);
        if (args.values.json) {
          io.out(JSON.stringify(p));
          return EXIT_OK;
        }
        const s = p.snapshot;
        const where = locationOf({ sheet: p.sheet, row: p.row, col: p.col }, locale);
        io.out(`${p.indicator} ${Object.entries(p.members).map(([k, v]) => `${k}=${v}`).join(';')} ${p.period}: ${p.value ?? '—'}`);
        io.out(
          zh
            ? `来源：${s.unitName.zh} / ${s.fileName ?? '—'}${where ? ` / ${where}` : ''}，快照 #${s.id}，导入于 ${s.importedAt}，导入人 ${s.importedBy}`
            : `From: ${s.unitName.en} / ${s.fileName ?? '—'}${where ? ` / ${where}` : ''}, snapshot ${s.id}, imported ${s.importedAt} by ${s.importedBy}`,
        );
        for (const h of p.history) {
          io.out(`  #${h.snapshotId}\t${h.importedAt}\t${h.value ?? '—'}\t${h.fileName ?? ''}${h.current ? (zh ? '\t当前' : '\tcurrent') : ''}${h.deleted ? (zh ? '\t已删除' : '\tdeleted') : ''}`);
        }
        return EXIT_OK;
      });
    } finally {
      ws.close();
    }
  },
};
