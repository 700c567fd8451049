/**
 * The risk ledger in the cache. Every change is one transaction that writes the item, its action
 * history and the audit log together; status moves go through the state machine in
 * shared/domain/ledger.ts and are refused, with nothing written, when illegal.
 */
import type { Database } from 'better-sqlite3';
import type { LedgerAction, LedgerCreateInput, LedgerItem, LedgerSubject } from '../../shared/api/ledger';
import { AppError } from '../../shared/api/errors';
import { checkTransition, isOverdue, localDate, type LedgerGroup, type LedgerStatus, type LedgerSubjectType } from '../../shared/domain/ledger';
import type { LocalizedName } from '../../shared/domain/types';
import { periodLabel } from '../../shared/period';
import { levelRank, type WarningLevel } from '../../shared/warnings/levels';
import { writeAudit } from '../db/audit';
import { getIndicator, listDimensions } from '../db/catalog';
import { getAlert } from '../warnings/alerts';
import type { AlertView } from '../../shared/api/warnings';

interface ItemRow {
  id: number;
  title: string;
  description: string;
  level: WarningLevel;
  subject_type: LedgerSubjectType;
  subject_key: string;
  subject_zh: string;
  subject_en: string;
  enterprise_id: number | null;
  group_code: LedgerGroup;
  owner: string;
  due_date: string | null;
  status: LedgerStatus;
  period: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  alert_ids: string | null;
  signal_ids: string | null;
  annotation_ids: string | null;
}

const SELECT = `SELECT i.*,
  (SELECT group_concat(alert_id) FROM ledger_alert WHERE item_id = i.id) AS alert_ids,
  (SELECT group_concat(signal_id) FROM ledger_signal WHERE item_id = i.id) AS signal_ids,
  (SELECT group_concat(annotation_id) FROM ledger_annotation WHERE item_id = i.id) AS annotation_ids
  FROM ledger_item i`;

const ids = (text: string | null): number[] => (text ? text.split(',').map(Number).sort((a, b) => a - b) : []);

export function itemFromRow(r: ItemRow, today: string): LedgerItem {
  const item: LedgerItem = {
    id: r.id,
    title: r.title,
    description: r.description,
    level: r.level,
    subject: { type: r.subject_type, key: r.subject_key, label: { zh: r.subject_zh, en: r.subject_en }, enterpriseId: r.enterprise_id },
    group: r.group_code,
    owner: r.owner,
    dueDate: r.due_date,
    status: r.status,
    period: r.period,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    overdue: false,
    alertIds: ids(r.alert_ids),
    signalIds: ids(r.signal_ids),
    annotationIds: ids(r.annotation_ids),
  };
  item.overdue = isOverdue(item, today);
  return item;
}

export interface LedgerQuery {
  statuses?: LedgerStatus[];
  groups?: LedgerGroup[];
  levels?: WarningLevel[];
  overdueOnly?: boolean;
  enterpriseId?: number;
  search?: string;
  /** YYYY-MM-DD for the overdue flag (default: today in Beijing). */
  today?: string;
}

/** Items matching the filter: open before closed, most severe first, then soonest due. */
export function listLedger(db: Database, q: LedgerQuery = {}): LedgerItem[] {
  const today = q.today ?? localDate(new Date());
  const where: string[] = [];
  const params: unknown[] = [];
  const inList = (col: string, values: readonly string[] | undefined) => {
    if (!values?.length) return;
    where.push(`${col} IN (${values.map(() => '?').join(',')})`);
    params.push(...values);
  };
  inList('i.status', q.statuses);
  inList('i.group_code', q.groups);
  inList('i.level', q.levels);
  if (q.enterpriseId) {
    where.push('(i.enterprise_id = ? OR i.id IN (SELECT la.item_id FROM ledger_alert la JOIN alert a ON a.id = la.alert_id WHERE a.enterprise_id = ?))');
    params.push(q.enterpriseId, q.enterpriseId);
  }
  if (q.search?.trim()) {
    where.push("(i.title LIKE ? ESCAPE '\\' OR i.subject_zh LIKE ? ESCAPE '\\' OR i.subject_en LIKE ? ESCAPE '\\' OR i.owner LIKE ? ESCAPE '\\' OR i.subject_key = ?)");
    const like = `%${q.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.push(like, like, like, like, q.search.trim());
  }
  const rows = db.prepare(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).all(...params) as ItemRow[];
  const order: Record<LedgerStatus, number> = { pending: 0, in_progress: 0, resolved: 1, closed: 2 };
  return rows
    .map((r) => itemFromRow(r, today))
    .filter((i) => !q.overdueOnly || i.overdue)
    .sort((a, b) => order[a.status] - order[b.status] || levelRank(b.level) - levelRank(a.level) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.id - b.id);
}

export function getLedgerItem(db: Database, id: number, today = localDate(new Date())): LedgerItem {
  const row = db.prepare(`${SELECT} WHERE i.id = ?`).get(id) as ItemRow | undefined;
  if (!row) throw new AppError('ledger.not_found', `Ledger item ${id} not found`, { id });
  return itemFromRow(row, today);
}

export function ledgerActions(db: Database, itemId: number): LedgerAction[] {
  return (db.prepare('SELECT * FROM ledger_action WHERE item_id = ? ORDER BY at, id').all(itemId) as Array<{ id: number; at: string; actor: string; action: LedgerAction['action']; from_status: LedgerStatus | null; to_status: LedgerStatus | null; comment: string; details: string }>).map(
    (r) => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, fromStatus: r.from_status, toStatus: r.to_status, comment: r.comment, details: JSON.parse(r.details) as Record<string, unknown> }),
  );
}

function addAction(db: Database, itemId: number, at: Date, actor: string, action: LedgerAction['action'], fields: { from?: LedgerStatus | null; to?: LedgerStatus | null; comment?: string; details?: Record<string, unknown> } = {}): void {
  db.prepare('INSERT INTO ledger_action (item_id, at, actor, action, from_status, to_status, comment, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    itemId,
    at.toISOString(),
    actor,
    action,
    fields.from ?? null,
    fields.to ?? null,
    fields.comment ?? '',
    JSON.stringify(fields.details ?? {}),
  );
}

/** The ledger subject an alert points at: the firm, the district or sector of its series, or the indicator. */
export function subjectFromAlert(alert: AlertView): LedgerSubject {
  const s = alert.subject;
  if (s.type === 'firm') return { type: 'firm', key: s.key.replace(/^firm:/, ''), label: s.label, enterpriseId: s.enterpriseId ?? null };
  if (s.type === 'district' || ((s.type === 'series' || s.type === 'panel') && s.district)) return { type: 'district', key: s.district!, label: s.type === 'district' ? s.label : s.label, enterpriseId: null };
  if ((s.type === 'series' || s.type === 'panel') && s.sector) return { type: 'sector', key: s.sector, label: s.label, enterpriseId: null };
  if (s.type === 'series') {
    const [indicator, members] = s.key.replace(/^series:/, '').split('|');
    return { type: 'indicator', key: members ? `${indicator}|${members}` : indicator!, label: s.label, enterpriseId: null };
  }
  return { type: 'indicator', key: s.indicator ?? 'RSK.HOTLINE', label: s.label, enterpriseId: null };
}

function handSubject(db: Database, s: NonNullable<LedgerCreateInput['subject']>): LedgerSubject {
  if (s.type === 'firm') {
    const firm = db.prepare('SELECT id, credit_code, name FROM enterprise WHERE id = ?').get(s.enterpriseId) as { id: number; credit_code: string; name: string } | undefined;
    if (!firm) throw new AppError('ledger.unknown_subject', `No monitored firm with id ${s.enterpriseId}`, { subject: String(s.enterpriseId) });
    return { type: 'firm', key: firm.credit_code, label: { zh: firm.name, en: firm.name }, enterpriseId: firm.id };
  }
  if (s.type === 'indicator') {
    const ind = getIndicator(db, s.code);
    if (!ind) throw new AppError('ledger.unknown_subject', `Unknown indicator ${s.code}`, { subject: s.code });
    return { type: 'indicator', key: ind.code, label: ind.name, enterpriseId: null };
  }
  const member = listDimensions(db).find((d) => d.code === s.type)?.members.find((m) => m.code === s.code);
  if (!member) throw new AppError('ledger.unknown_subject', `Unknown ${s.type} ${s.code}`, { subject: s.code });
  return { type: s.type, key: s.code, label: member.name, enterpriseId: null };
}

const LEVEL_NAMES: Record<WarningLevel, LocalizedName> = { blue: { zh: '蓝色', en: 'blue' }, yellow: { zh: '黄色', en: 'yellow' }, orange: { zh: '橙色', en: 'orange' }, red: { zh: '红色', en: 'red' } };

/** The default title of an item made from an alert: rule, subject, period. */
export function titleFromAlert(alert: AlertView): string {
  return `${alert.subject.label.zh}：${alert.ruleName.zh}（${periodLabel(alert.period, 'zh-CN')}，${LEVEL_NAMES[alert.level].zh}预警）`;
}

/**
 * Creates an item (from an alert, or by hand with title, level and subject), links it, and
 * records the creation; returns its id.
 */
export function createLedgerItem(db: Database, input: LedgerCreateInput, actor: string, at = new Date()): number {
  return db.transaction(() => {
    let alert: AlertView | null = null;
    if (input.fromAlertId) {
      alert = getAlert(db, input.fromAlertId);
      if (!alert) throw new AppError('ledger.unknown_alert', `Alert ${input.fromAlertId} not found`, { id: input.fromAlertId });
    }
    const subject = input.subject ? handSubject(db, input.subject) : alert ? subjectFromAlert(alert) : null;
    const title = input.title?.trim() || (alert ? titleFromAlert(alert) : '');
    const level = input.level ?? alert?.level;
    if (!subject || !title || !level) throw new AppError('ledger.incomplete', 'A ledger item needs a title, a level and a subject (or an alert to take them from)');
    const now = at.toISOString();
    const id = Number(
      db
        .prepare(`INSERT INTO ledger_item (title, description, level, subject_type, subject_key, subject_zh, subject_en, enterprise_id, group_code, owner, due_date, status, period, created_at, created_by, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)`)
        .run(title, input.description ?? '', level, subject.type, subject.key, subject.label.zh, subject.label.en, subject.enterpriseId, input.group, input.owner ?? '', input.dueDate ?? null, alert?.period ?? null, now, actor, now).lastInsertRowid,
    );
    addAction(db, id, at, actor, 'create', { to: 'pending', comment: input.comment ?? '', details: { group: input.group, owner: input.owner ?? '', dueDate: input.dueDate ?? null, fromAlertId: alert?.id ?? null } });
    if (alert) db.prepare('INSERT INTO ledger_alert (item_id, alert_id) VALUES (?, ?)').run(id, alert.id);
    for (const signalId of input.signalIds ?? []) linkLedgerItem(db, id, 'signal', signalId, false, actor, at, false);
    writeAudit(db, { actor, action: 'ledger.create', entity: 'ledger_item', entityId: id, details: { title, level, subject, group: input.group, fromAlertId: alert?.id ?? null } }, at);
    return id;
  })();
}

export interface LedgerEdit {
  title?: string;
  description?: string;
  level?: WarningLevel;
  group?: LedgerGroup;
  owner?: string;
  dueDate?: string | null;
  comment?: string;
}

/** Edits fields; a change of group or owner is recorded as an assignment, the rest as an edit. */
export function updateLedgerItem(db: Database, id: number, edit: LedgerEdit, actor: string, at = new Date()): void {
  db.transaction(() => {
    const before = getLedgerItem(db, id);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const assign: Record<string, { from: unknown; to: unknown }> = {};
    const note = (target: Record<string, { from: unknown; to: unknown }>, key: string, from: unknown, to: unknown) => {
      if (to !== undefined && to !== from) target[key] = { from, to };
    };
    note(changes, 'title', before.title, edit.title?.trim() || undefined);
    note(changes, 'description', before.description, edit.description);
    note(changes, 'level', before.level, edit.level);
    note(changes, 'dueDate', before.dueDate, edit.dueDate);
    note(assign, 'group', before.group, edit.group);
    note(assign, 'owner', before.owner, edit.owner);
    if (!Object.keys(changes).length && !Object.keys(assign).length) {
      if (edit.comment?.trim()) commentLedgerItem(db, id, edit.comment, actor, at);
      return;
    }
    const all = { ...changes, ...assign };
    const set = Object.keys(all).map((k) => `${{ title: 'title', description: 'description', level: 'level', dueDate: 'due_date', group: 'group_code', owner: 'owner' }[k]} = ?`);
    db.prepare(`UPDATE ledger_item SET ${set.join(', ')}, updated_at = ? WHERE id = ?`).run(...Object.values(all).map((c) => c.to), at.toISOString(), id);
    if (Object.keys(assign).length) addAction(db, id, at, actor, 'assign', { comment: Object.keys(changes).length ? '' : (edit.comment ?? ''), details: assign });
    if (Object.keys(changes).length) addAction(db, id, at, actor, 'edit', { comment: edit.comment ?? '', details: changes });
    writeAudit(db, { actor, action: 'ledger.update', entity: 'ledger_item', entityId: id, details: all }, at);
  })();
}

/** Moves an item to another status if the state machine allows it; refuses (nothing written) otherwise. */
export function transitionLedgerItem(db: Database, id: number, to: LedgerStatus, comment: string, actor: string, at = new Date()): void {
  db.transaction(() => {
    const item = getLedgerItem(db, id);
    const refusal = checkTransition(item.status, to, comment);
    if (refusal) {
      throw new AppError(`ledger.${refusal}`, `Cannot move ledger item ${id} from ${item.status} to ${to}: ${refusal.replace(/_/g, ' ')}`, { id, from: item.status, to });
    }
    db.prepare('UPDATE ledger_item SET status = ?, updated_at = ? WHERE id = ?').run(to, at.toISOString(), id);
    addAction(db, id, at, actor, 'status', { from: item.status, to, comment: comment.trim() });
    writeAudit(db, { actor, action: 'ledger.status', entity: 'ledger_item', entityId: id, details: { from: item.status, to, comment: comment.trim() } }, at);
  })();
}

export function commentLedgerItem(db: Database, id: number, comment: string, actor: string, at = new Date()): void {
  const text = comment.trim();
  if (!text) throw new AppError('ledger.comment_required', 'A comment cannot be empty', { id });
  db.transaction(() => {
    getLedgerItem(db, id);
    db.prepare('UPDATE ledger_item SET updated_at = ? WHERE id = ?').run(at.toISOString(), id);
    addAction(db, id, at, actor, 'comment', { comment: text });
    writeAudit(db, { actor, action: 'ledger.comment', entity: 'ledger_item', entityId: id, details: { comment: text } }, at);
  })();
}

const LINK_TABLES = {
  alert: { table: 'ledger_alert', column: 'alert_id', target: 'alert' },
  signal: { table: 'ledger_signal', column: 'signal_id', target: 'signal_case' },
  annotation: { table: 'ledger_annotation', column: 'annotation_id', target: 'annotation' },
} as const;

/** Links (or unlinks) an alert, a signal case or an annotation; a link to nothing is refused. */
export function linkLedgerItem(db: Database, id: number, kind: keyof typeof LINK_TABLES, targetId: number, remove: boolean, actor: string, at = new Date(), audit = true): void {
  const spec = LINK_TABLES[kind];
  db.transaction(() => {
    getLedgerItem(db, id);
    if (!remove && !db.prepare(`SELECT 1 FROM ${spec.target} WHERE id = ?`).get(targetId)) {
      throw new AppError('ledger.unknown_link', `No ${kind} with id ${targetId}`, { kind, id: targetId });
    }
    const changed = remove
      ? db.prepare(`DELETE FROM ${spec.table} WHERE item_id = ? AND ${spec.column} = ?`).run(id, targetId).changes
      : db.prepare(`INSERT OR IGNORE INTO ${spec.table} (item_id, ${spec.column}) VALUES (?, ?)`).run(id, targetId).changes;
    if (!changed) return;
    db.prepare('UPDATE ledger_item SET updated_at = ? WHERE id = ?').run(at.toISOString(), id);
    addAction(db, id, at, actor, remove ? 'unlink' : 'link', { details: { kind, targetId } });
    if (audit) writeAudit(db, { actor, action: remove ? 'ledger.unlink' : 'ledger.link', entity: 'ledger_item', entityId: id, details: { kind, targetId } }, at);
  })();
}
