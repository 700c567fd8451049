/**
 * The warnings and risk-ledger block of a report (五、风险隐患): the key-enterprise and warnings
 * feature's risk summary for the month: active alerts by level, the ledger's open, overdue, new
 * and resolved items, and the most severe of each. Alerts and ledger items are workflow records,
 * not vintaged values: the block shows them as they stand when the report is rendered, and says so.
 */
import type { RiskSummary } from '../../shared/api/ledger';
import type { Locale } from '../../shared/domain/types';
import { formatNumber } from '../../shared/format';
import { periodLabel } from '../../shared/period';
import type { Block } from '../../shared/reports/model';
import type { PrintBlock } from '../../shared/reports/print';
import { riskSummary } from '../services/ledger';
import type { ServiceContext } from '../services/types';

type RiskBlock = Extract<Block, { type: 'riskSummary' }>;

const LEVELS: Record<string, [string, string]> = { red: ['红色', 'red'], orange: ['橙色', 'orange'], yellow: ['黄色', 'yellow'], blue: ['蓝色', 'blue'] };
const GROUPS: Record<string, [string, string]> = {
  task_force: ['专班', 'Task force'],
  layoff_response: ['裁员风险应对组', 'Layoff response'],
  unemployed_support: ['失业人员帮扶组', 'Help for the unemployed'],
  area_assistance: ['重点地区援助组', 'Key-area assistance'],
  emergency: ['突发事件处置组', 'Emergencies'],
  policy_reserve: ['政策储备', 'Policy reserve'],
};
const STATUSES: Record<string, [string, string]> = { pending: ['待处理', 'Pending'], in_progress: ['处理中', 'In hand'], resolved: ['已化解', 'Resolved'], closed: ['已关闭', 'Closed'] };

/** The month's risk sentence, from the summary's counts. */
export function riskSentence(s: RiskSummary, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const n = (x: number) => formatNumber(x, 0, locale);
  const levels = (['red', 'orange', 'yellow', 'blue'] as const).filter((l) => s.alerts.byLevel[l] > 0);
  if (zh) {
    const alerts = s.alerts.total ? `全市共有生效预警${n(s.alerts.total)}条（${levels.map((l) => `${LEVELS[l]![0]}${n(s.alerts.byLevel[l])}条`).join('、')}）` : '全市无生效预警';
    return `${periodLabel(s.period, locale)}，${alerts}；风险隐患台账在办${n(s.ledger.open)}项${s.ledger.overdue ? `，其中逾期${n(s.ledger.overdue)}项` : ''}，本月新增${n(s.ledger.openedInPeriod)}项、化解${n(s.ledger.resolvedInPeriod)}项。`;
  }
  const alerts = s.alerts.total ? `${n(s.alerts.total)} active alerts (${levels.map((l) => `${n(s.alerts.byLevel[l])} ${LEVELS[l]![1]}`).join(', ')})` : 'no active alerts';
  return `In ${periodLabel(s.period, locale)} there were ${alerts}; ${n(s.ledger.open)} risk-ledger items were open${s.ledger.overdue ? `, ${n(s.ledger.overdue)} overdue` : ''}, ${n(s.ledger.openedInPeriod)} opened and ${n(s.ledger.resolvedInPeriod)} resolved this month.`;
}

export function riskBlock(ctx: ServiceContext, block: RiskBlock, month: string, locale: Locale): PrintBlock[] {
  const zh = locale === 'zh-CN';
  const pick = (m: Record<string, [string, string]>, k: string) => (m[k] ? (zh ? m[k]![0] : m[k]![1]) : k);
  const s = riskSummary(ctx, month);
  const out: PrintBlock[] = [{ id: `${block.id}-s`, type: 'paragraph', runs: [{ text: riskSentence(s, locale) }] }];
  const alerts = s.alerts.top.slice(0, block.limit);
  if (alerts.length) {
    out.push({
      id: `${block.id}-a`,
      type: 'table',
      caption: block.caption,
      table: {
        header: zh ? ['级别', '预警', '对象', '时期'] : ['Level', 'Alert', 'Subject', 'Period'],
        rows: alerts.map((a) => [pick(LEVELS, a.level), zh ? a.ruleName.zh : a.ruleName.en, zh ? a.subject.label.zh : a.subject.label.en, periodLabel(a.period, locale)]),
        numeric: [false, false, false, false],
        nowrap: [true, false, false, true],
      },
    });
  }
  const items = s.ledger.topOpen.slice(0, block.limit);
  if (items.length) {
    out.push({
      id: `${block.id}-l`,
      type: 'table',
      caption: zh ? '在办风险隐患（按级别）' : 'Open risk-ledger items (by level)',
      table: {
        header: zh ? ['级别', '事项', '责任组', '状态', '期限'] : ['Level', 'Item', 'Group', 'Status', 'Due'],
        rows: items.map((i) => [pick(LEVELS, i.level), i.title, pick(GROUPS, i.group), pick(STATUSES, i.status), i.dueDate ? `${i.dueDate}${i.overdue ? (zh ? '（逾期）' : ' (overdue)') : ''}` : '—']),
        numeric: [false, false, false, false, false],
        nowrap: [true, false, false, true, true],
        note: zh ? `注：预警和台账为导出时的状态（${new Date().toISOString().slice(0, 10)}）。` : `Note: alerts and ledger as they stood at export (${new Date().toISOString().slice(0, 10)}).`,
      },
    });
  }
  return out;
}
