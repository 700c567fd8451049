import { LEDGER_GROUPS, LEDGER_STATUSES, type LedgerGroup, type LedgerStatus } from '../../../shared/domain/ledger';
import { LEDGER_GROUP_LABELS, LEDGER_STATUS_LABELS } from '../../../shared/domain/labels';
import type { LedgerItem } from '../../../shared/api/ledger';
import { call, DATA_DIR_OPTION, EXIT_OK, rejectInput, withWorkstation, type CliCommand } from '../command';

/** A code or its Chinese or English name (待处理, pending, In hand ...). */
function resolve<K extends string>(value: string, codes: readonly K[], labels: Record<K, { zh: string; en: string }>): K | null {
  const v = value.trim().toLowerCase();
  return codes.find((c) => c === v || labels[c].zh === value.trim() || labels[c].en.toLowerCase() === v) ?? null;
}

export const ledgerCommand: CliCommand = {
  name: 'ledger',
  summary: 'List the risk ledger (JSON lines), optionally by status and group',
  usage: 'ledger list [--status S] [--group G] [--data-dir DIR]',
  options: { ...DATA_DIR_OPTION, status: { type: 'string' }, group: { type: 'string' } },
  async run(args, io) {
    const [sub] = args.positionals;
    if (sub !== 'list') rejectInput('cli.unknown_subcommand', `Unknown subcommand ${sub ?? '(none)'}; use: ledger list`, { value: sub ?? '' });
    let status: LedgerStatus | null = null;
    let group: LedgerGroup | null = null;
    if (args.values.status !== undefined) {
      status = resolve(args.values.status as string, LEDGER_STATUSES, LEDGER_STATUS_LABELS);
      if (!status) rejectInput('cli.bad_status', `--status must be one of ${LEDGER_STATUSES.join(', ')} (or 待处理, 处理中, 已化解, 已关闭)`, { value: args.values.status as string });
    }
    if (args.values.group !== undefined) {
      group = resolve(args.values.group as string, LEDGER_GROUPS, LEDGER_GROUP_LABELS);
      if (!group) rejectInput('cli.bad_group', `--group must be one of ${LEDGER_GROUPS.join(', ')} (or its Chinese name)`, { value: args.values.group as string });
    }
    await withWorkstation(args, async (ws) => {
      const items = (await call(ws, 'ledger.list', { ...(status ? { statuses: [status] } : {}), ...(group ? { groups: [group] } : {}) })) as LedgerItem[];
      for (const i of items) {
        io.out(JSON.stringify({ id: i.id, title: i.title, level: i.level, status: i.status, group: i.group, owner: i.owner, dueDate: i.dueDate, overdue: i.overdue, subject: i.subject.label.zh, subjectType: i.subject.type, period: i.period, alerts: i.alertIds }));
      }
    });
    return EXIT_OK;
  },
};
