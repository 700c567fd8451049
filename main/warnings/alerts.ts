/** Reading stored alerts as the contract shows them. */
import type { Database } from 'better-sqlite3';
import type { AlertView } from '../../shared/api/warnings';
import type { WarningLevel } from '../../shared/warnings/levels';
import { levelRank } from '../../shared/warnings/levels';
import type { AlertEvidence, RuleKind, SubjectType } from '../../shared/warnings/rules';
import { evaluationPeriod } from '../../shared/warnings/scope';

interface AlertRow {
  id: number;
  rule_id: number;
  rule_version: number;
  period: string;
  subject_type: SubjectType;
  subject_key: string;
  subject_zh: string;
  subject_en: string;
  enterprise_id: number | null;
  district: string | null;
  sector: string | null;
  indicator: string | null;
  level: WarningLevel;
  value: number | null;
  evidence: string;
  status: 'active' | 'cleared';
  raised_at: string;
  updated_at: string;
  rule_code: string;
  rule_kind: RuleKind;
  rule_zh: string;
  rule_en: string;
  ledger_ids: string | null;
}

const SELECT = `SELECT a.*, r.code AS rule_code, r.kind AS rule_kind, r.name_zh AS rule_zh, r.name_en AS rule_en,
  (SELECT group_concat(item_id) FROM ledger_alert la WHERE la.alert_id = a.id) AS ledger_ids
  FROM alert a JOIN warning_rule r ON r.id = a.rule_id`;

export function alertFromRow(r: AlertRow): AlertView {
  return {
    id: r.id,
    ruleId: r.rule_id,
    ruleCode: r.rule_code,
    ruleName: { zh: r.rule_zh, en: r.rule_en },
    kind: r.rule_kind,
    ruleVersion: r.rule_version,
    period: r.period,
    level: r.level,
    status: r.status,
    subject: { type: r.subject_type, key: r.subject_key, label: { zh: r.subject_zh, en: r.subject_en }, enterpriseId: r.enterprise_id, district: r.district, sector: r.sector, indicator: r.indicator },
    value: r.value,
    evidence: JSON.parse(r.evidence) as AlertEvidence,
    raisedAt: r.raised_at,
    updatedAt: r.updated_at,
    ledgerItemIds: r.ledger_ids ? r.ledger_ids.split(',').map(Number).sort((a, b) => a - b) : [],
  };
}

/** Most severe first, then by rule order and subject. */
export function compareAlerts(a: AlertView, b: AlertView): number {
  return levelRank(b.level) - levelRank(a.level) || a.ruleId - b.ruleId || a.subject.label.zh.localeCompare(b.subject.label.zh, 'zh-CN') || a.id - b.id;
}

export interface AlertQuery {
  period?: string;
  levels?: WarningLevel[];
  status?: 'active' | 'cleared' | 'all';
  ruleId?: number;
  enterpriseId?: number;
  kinds?: RuleKind[];
  ids?: number[];
  limit?: number;
}

/** The periods an alert list for a month covers: the month, and the quarter and year ended by it. */
export function periodsShownFor(month: string): string[] {
  return [...new Set([month, evaluationPeriod(month, 'Q'), evaluationPeriod(month, 'A')])];
}

export function queryAlerts(db: Database, q: AlertQuery): AlertView[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.period) {
    const periods = periodsShownFor(q.period);
    where.push(`a.period IN (${periods.map(() => '?').join(',')})`);
    params.push(...periods);
  }
  if (q.levels?.length) {
    where.push(`a.level IN (${q.levels.map(() => '?').join(',')})`);
    params.push(...q.levels);
  }
  if (q.status && q.status !== 'all') {
    where.push('a.status = ?');
    params.push(q.status);
  }
  if (q.ruleId) {
    where.push('a.rule_id = ?');
    params.push(q.ruleId);
  }
  if (q.enterpriseId) {
    where.push('a.enterprise_id = ?');
    params.push(q.enterpriseId);
  }
  if (q.kinds?.length) {
    where.push(`r.kind IN (${q.kinds.map(() => '?').join(',')})`);
    params.push(...q.kinds);
  }
  if (q.ids) {
    if (!q.ids.length) return [];
    where.push(`a.id IN (${q.ids.map(() => '?').join(',')})`);
    params.push(...q.ids);
  }
  const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.period DESC, a.id`;
  const rows = (db.prepare(sql).all(...params) as AlertRow[]).map(alertFromRow).sort((a, b) => (a.period === b.period ? compareAlerts(a, b) : b.period.localeCompare(a.period)));
  return q.limit ? rows.slice(0, q.limit) : rows;
}

export function getAlert(db: Database, id: number): AlertView | null {
  const row = db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as AlertRow | undefined;
  return row ? alertFromRow(row) : null;
}
