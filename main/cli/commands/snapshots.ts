import { deleteSnapshot, listSnapshots, snapshotDetail, snapshotDiff } from '../../db/snapshots';
import { resolveDataDir, osUserName } from '../../paths';
import { openWorkstation } from '../../workstation';
import { DATA_DIR_OPTION, EXIT_OK, rejectInput, type CliCommand } from '../command';
import { cliLocale, issueLine, LANG_OPTION, reportingErrors } from '../data-output';

function positiveId(text: string | undefined): number {
  const id = Number(text);
  if (!text || !Number.isInteger(id) || id <= 0) rejectInput('cli.bad_id', `A snapshot id is a positive whole number, not ${text ?? '(none)'}`, { value: text ?? '' });
  return id;
}

/** `snapshots [list]`, `snapshots show ID`, `snapshots diff ID`, `snapshots delete ID --reason TEXT`. */
export const snapshotsCommand: CliCommand = {
  name: 'snapshots',
  summary: 'List snapshots; show, diff (revisions) or delete (recorded) one',
  usage: 'snapshots [list|show ID|diff ID|delete ID --reason TEXT] [--unit CODE] [--from DATE] [--to DATE] [--deleted] [--json]',
  options: {
    ...DATA_DIR_OPTION,
    ...LANG_OPTION,
    unit: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    deleted: { type: 'boolean' },
    reason: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const [sub = 'list', idText, ...extra] = args.positionals;
    if (extra.length) rejectInput('cli.usage', `Usage: ${this.usage}`);
    const ws = openWorkstation({ dataDir: resolveDataDir(args.values['data-dir'] as string | undefined), demo: false, actor: osUserName() });
    const db = ws.ctx.db;
    const locale = cliLocale(args, db);
    const zh = locale === 'zh-CN';
    const json = !!args.values.json;
    try {
      return await reportingErrors(io, () => locale, async () => {
        const date = (v: unknown) => {
          if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(v))) rejectInput('cli.bad_date', `Dates are YYYY-MM-DD, not ${String(v)}`, { value: String(v) });
          return v as string | undefined;
        };
        switch (sub) {
          case 'list': {
            const limit = args.values.limit ? Number(args.values.limit) : 100;
            const list = listSnapshots(db, { unit: args.values.unit as string | undefined, from: date(args.values.from), to: date(args.values.to), includeDeleted: !!args.values.deleted, limit: Math.min(500, Math.max(1, limit)) });
            if (json) io.out(JSON.stringify(list));
            else {
              io.out(zh ? `共 ${list.total} 个快照` : `${list.total} snapshots`);
              for (const s of list.items) {
                io.out(
                  `#${s.id}\t${s.importedAt.slice(0, 16).replace('T', ' ')}\t${s.unit}\t${s.kind}\t${s.fileName ?? ''}\t${zh ? '存' : 'stored'} ${s.counts.stored} ${zh ? '改' : 'revised'} ${s.counts.revised} ${zh ? '拒' : 'rejected'} ${s.counts.rejected}\t${s.periodFrom ?? ''}..${s.periodTo ?? ''}${s.deleted ? `\t${zh ? '已删除' : 'DELETED'}: ${s.deleted.reason}` : ''}`,
                );
              }
            }
            return EXIT_OK;
          }
          case 'show': {
            const d = snapshotDetail(db, positiveId(idText));
            if (json) io.out(JSON.stringify(d));
            else {
              io.out(JSON.stringify({ ...d, issues: undefined }, null, 2));
              for (const i of d.issues) io.out(`  ${issueLine(i, locale)}`);
            }
            return EXIT_OK;
          }
          case 'diff': {
            const limit = args.values.limit ? Math.min(1000, Math.max(1, Number(args.values.limit))) : 1000;
            const diff = snapshotDiff(db, positiveId(idText), 'all', limit);
            if (json) io.out(JSON.stringify(diff));
            else {
              io.out(zh ? `共 ${diff.total} 个数值` : `${diff.total} values`);
              for (const r of diff.rows) {
                const members = Object.entries(r.members).map(([k, v]) => `${k}=${v}`).join(';');
                io.out(`${r.kind}\t${r.indicator}${members ? ` ${members}` : ''}\t${r.period}\t${r.old ?? ''}\t${r.value ?? ''}\t${r.change ?? ''}${r.change === null ? '' : r.changeUnit === 'percent' ? '%' : r.changeUnit === 'points' ? 'pp' : ''}`);
              }
            }
            return EXIT_OK;
          }
          case 'delete': {
            const reason = args.values.reason as string | undefined;
            if (!reason?.trim()) rejectInput('snapshot.reason_required', 'Deleting a snapshot needs a reason (--reason TEXT)');
            const s = deleteSnapshot(db, positiveId(idText), ws.ctx.actor, reason);
            io.out(json ? JSON.stringify(s) : zh ? `快照 #${s.id} 已删除` : `Snapshot ${s.id} deleted`);
            return EXIT_OK;
          }
          default:
            return rejectInput('cli.usage', `Unknown subcommand ${sub}. Usage: ${this.usage}`, { value: sub });
        }
      });
    } finally {
      ws.close();
    }
  },
};
