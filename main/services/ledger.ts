/** The risk ledger service, and the risk summary of a month for the monthly report (风险隐患 block). */
import type { LedgerItem, LedgerItemDetail, RiskSummary } from '../../shared/api/ledger';
import { LEDGER_GROUPS, LEDGER_STATUSES, isOpenStatus, isOverdue, localDate, nextStatuses, transitionNeedsComment, type LedgerGroup, type LedgerStatus } from '../../shared/domain/ledger';
import { LEDGER_GROUP_LABELS, LEDGER_STATUS_LABELS, LEVEL_LABELS } from '../../shared/domain/labels';
import { mustParsePeriod, periodLabel } from '../../shared/period';
import { levelRank, WARNING_LEVELS, type WarningLevel } from '../../shared/warnings/levels';
import { SignalStore } from '../db/signals';
import { exportTable } from '../export/tables';
import { commentLedgerItem, createLedgerItem, getLedgerItem, ledgerActions, linkLedgerItem, listLedger, transitionLedgerItem, updateLedgerItem, type LedgerQuery } from '../ledger/store';
import { compareAlerts, queryAlerts } from '../warnings/alerts';
import type { HandlersFor, ServiceContext } from './types';

export function ledgerDetail(ctx: ServiceContext, id: number): LedgerItemDetail {
  const item = getLedgerItem(ctx.db, id);
  return {
    ...item,
    actions: ledgerActions(ctx.db, id),
    alerts: queryAlerts(ctx.db, { ids: item.alertIds, status: 'all' }),
    signals: new SignalStore(ctx.db).byIds(item.signalIds),
    next: nextStatuses(item.status).map((status) => ({ status, needsComment: transitionNeedsComment(item.status, status) })),
  };
}

/** First instant after a month, Beijing time, as an ISO string. */
function endOfMonth(period: string): { iso: string; lastDay: string } {
  const p = mustParsePeriod(period);
  const next = new Date(Date.UTC(p.year, p.index, 1) - 8 * 3600_000);
  const lastDay = new Date(Date.UTC(p.year, p.index, 0)).toISOString().slice(0, 10);
  return { iso: next.toISOString(), lastDay };
}

/**
 * Alerts and ledger of a month, for the report: the month's active alerts by level with the most
 * severe, and the ledger as it stood at the end of the month (statuses rebuilt from the action
 * history, so a report on a past month does not change as items move on).
 */
export function riskSummary(ctx: ServiceContext, period: string): RiskSummary {
  const alerts = queryAlerts(ctx.db, { period, status: 'active' }).sort(compareAlerts);
  const byLevel = Object.fromEntries(WARNING_LEVELS.map((l) => [l, 0])) as Record<WarningLevel, number>;
  for (const a of alerts) byLevel[a.level]++;

  const { iso: end, lastDay } = endOfMonth(period);
  const nowIso = new Date().toISOString();
  const asOf = end < nowIso ? end : nowIso;
  const today = asOf === end ? lastDay : localDate(new Date());
  const p = mustParsePeriod(period);
  const monthStart = new Date(Date.UTC(p.year, p.index - 1, 1) - 8 * 3600_000).toISOString();

  const statusAt = ctx.db.prepare(`SELECT to_status AS s FROM ledger_action WHERE item_id = ? AND to_status IS NOT NULL AND at < ? ORDER BY at DESC, id DESC LIMIT 1`);
  const resolvedIn = ctx.db.prepare(`SELECT count(DISTINCT item_id) AS n FROM ledger_action WHERE action = 'status' AND to_status = 'resolved' AND at >= ? AND at < ?`).get(monthStart, asOf) as { n: number };
  const items: LedgerItem[] = [];
  for (const item of listLedger(ctx.db, { today })) {
    if (item.createdAt >= asOf) continue;
    const s = (statusAt.get(item.id, asOf) as { s: LedgerStatus } | undefined)?.s ?? item.status;
    const atEnd = { ...item, status: s };
    items.push({ ...atEnd, overdue: isOverdue(atEnd, today) });
  }
  const byStatus = Object.fromEntries(LEDGER_STATUSES.map((s) => [s, 0])) as Record<LedgerStatus, number>;
  const byGroup = Object.fromEntries(LEDGER_GROUPS.map((g) => [g, { open: 0, total: 0 }])) as Record<LedgerGroup, { open: number; total: number }>;
  for (const i of items) {
    byStatus[i.status]++;
    byGroup[i.group].total++;
    if (isOpenStatus(i.status)) byGroup[i.group].open++;
  }
  const open = items.filter((i) => isOpenStatus(i.status));
  return {
    period,
    alerts: { byLevel, total: alerts.length, top: alerts.slice(0, 10) },
    ledger: {
      byStatus,
      byGroup,
      open: open.length,
      overdue: items.filter((i) => i.overdue).length,
      openedInPeriod: items.filter((i) => i.createdAt >= monthStart).length,
      resolvedInPeriod: resolvedIn.n,
      topOpen: open.sort((a, b) => levelRank(b.level) - levelRank(a.level) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.id - b.id).slice(0, 10),
    },
  };
}

export function ledgerHandlers(
  ctx: ServiceContext,
): HandlersFor<'ledger.list' | 'ledger.get' | 'ledger.create' | 'ledger.update' | 'ledger.transition' | 'ledger.comment' | 'ledger.link' | 'ledger.export' | 'ledger.summary'> {
  return {
    'ledger.list': (q) => listLedger(ctx.db, q as LedgerQuery),
    'ledger.get': ({ id }) => ledgerDetail(ctx, id),
    'ledger.create': (input) => ledgerDetail(ctx, createLedgerItem(ctx.db, input, ctx.actor)),
    'ledger.update': ({ id, ...edit }) => {
      updateLedgerItem(ctx.db, id, edit, ctx.actor);
      return ledgerDetail(ctx, id);
    },
    'ledger.transition': ({ id, to, comment }) => {
      transitionLedgerItem(ctx.db, id, to, comment, ctx.actor);
      return ledgerDetail(ctx, id);
    },
    'ledger.comment': ({ id, comment }) => {
      commentLedgerItem(ctx.db, id, comment, ctx.actor);
      return ledgerDetail(ctx, id);
    },
    'ledger.link': ({ id, kind, targetId, remove }) => {
      linkLedgerItem(ctx.db, id, kind, targetId, remove, ctx.actor);
      return ledgerDetail(ctx, id);
    },
    'ledger.export': async ({ filter, format, locale }) => {
      const items = listLedger(ctx.db, filter as LedgerQuery);
      const lastComment = ctx.db.prepare("SELECT comment FROM ledger_action WHERE item_id = ? AND comment <> '' ORDER BY at DESC, id DESC LIMIT 1");
      const pick = (n: { zh: string; en: string }) => (locale === 'zh-CN' ? n.zh : n.en);
      const yes = locale === 'zh-CN' ? '是' : 'yes';
      return exportTable(
        locale === 'zh-CN' ? `风险隐患清单台账_${localDate(new Date())}` : `risk-ledger_${localDate(new Date())}`,
        [
          { header: { zh: '编号', en: 'No.' }, value: (i) => i.id, width: 8 },
          { header: { zh: '事项', en: 'Item' }, value: (i) => i.title, width: 50 },
          { header: { zh: '预警等级', en: 'Level' }, value: (i) => pick(LEVEL_LABELS[i.level]) },
          { header: { zh: '对象', en: 'Subject' }, value: (i) => pick(i.subject.label), width: 30 },
          { header: { zh: '责任组', en: 'Group' }, value: (i) => pick(LEDGER_GROUP_LABELS[i.group]), width: 18 },
          { header: { zh: '责任人', en: 'Owner' }, value: (i) => i.owner, width: 16 },
          { header: { zh: '办结时限', en: 'Due' }, value: (i) => i.dueDate },
          { header: { zh: '状态', en: 'Status' }, value: (i) => pick(LEDGER_STATUS_LABELS[i.status]) },
          { header: { zh: '逾期', en: 'Overdue' }, value: (i) => (i.overdue ? yes : '') },
          { header: { zh: '所属期', en: 'Period' }, value: (i) => (i.period ? periodLabel(i.period, locale) : '') },
          { header: { zh: '创建时间', en: 'Created' }, value: (i) => i.createdAt.slice(0, 10) },
          { header: { zh: '最近进展', en: 'Latest note' }, value: (i) => (lastComment.get(i.id) as { comment: string } | undefined)?.comment ?? '', width: 50 },
        ],
        items,
        format,
        locale,
        locale === 'zh-CN' ? '台账' : 'Ledger',
      );
    },
    'ledger.summary': ({ period }) => riskSummary(ctx, period),
  };
}
