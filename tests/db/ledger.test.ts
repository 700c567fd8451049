/** The risk ledger through the contract on a copy of the demo cache. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { LedgerItem, LedgerItemDetail, RiskSummary } from '../../shared/api/ledger';
import type { ExportedFile } from '../../shared/api/series';
import type { AlertList } from '../../shared/api/warnings';
import { isOverdue, localDate } from '../../shared/domain/ledger';
import { createLedgerItem, transitionLedgerItem } from '../../main/ledger/store';
import { TEST_DEMO_END } from '../support/demo-template';
import { useDemoWorkstation } from '../support/workstation';

const demo = useDemoWorkstation('ws-ledger-');
const { call, one, refused } = demo;
const count = (sql: string, ...params: unknown[]) => one<{ n: number }>(sql, ...params).n;

describe('ledger items', () => {
  let item: LedgerItemDetail;

  it('are created from an alert with its title, level, subject and period, and linked to it', async () => {
    const alerts = await call<AlertList>('warnings.alerts', { period: TEST_DEMO_END, kinds: ['crosscheck'] });
    const alert = alerts.alerts.find((a) => a.ledgerItemIds.length === 0)!;
    item = await call<LedgerItemDetail>('ledger.create', { fromAlertId: alert.id, group: 'task_force', owner: '张三', dueDate: '2026-12-20' });
    expect(item).toMatchObject({ level: alert.level, period: alert.period, status: 'pending', group: 'task_force', owner: '张三', dueDate: '2026-12-20', alertIds: [alert.id] });
    expect(item.subject).toMatchObject({ type: 'firm', enterpriseId: alert.subject.enterpriseId, key: alert.subject.key.replace('firm:', '') });
    expect(item.title).toContain(alert.subject.label.zh);
    expect(item.actions).toHaveLength(1);
    expect(item.actions[0]).toMatchObject({ action: 'create', toStatus: 'pending', actor: 'tester' });
    expect(item.next).toEqual([
      { status: 'in_progress', needsComment: false },
      { status: 'closed', needsComment: true },
    ]);
    const back = await call<AlertList>('warnings.alerts', { period: TEST_DEMO_END, kinds: ['crosscheck'] });
    expect(back.alerts.find((a) => a.id === alert.id)!.ledgerItemIds).toEqual([item.id]);
  });

  it('refuse illegal moves and moves without a required comment, writing nothing', async () => {
    const actions = count('SELECT count(*) AS n FROM ledger_action WHERE item_id = ?', item.id);
    const audits = count('SELECT count(*) AS n FROM audit_log');
    const illegal = await refused('ledger.transition', { id: item.id, to: 'resolved', comment: '已化解' });
    expect(illegal).toMatchObject({ code: 'ledger.illegal_transition', params: { from: 'pending', to: 'resolved' } });
    expect((await refused('ledger.transition', { id: item.id, to: 'pending' })).code).toBe('ledger.same_status');
    expect((await refused('ledger.transition', { id: item.id, to: 'closed', comment: '  ' })).code).toBe('ledger.comment_required');
    expect(count('SELECT count(*) AS n FROM ledger_action WHERE item_id = ?', item.id)).toBe(actions);
    expect(count('SELECT count(*) AS n FROM audit_log')).toBe(audits);
    expect(one<{ status: string }>('SELECT status FROM ledger_item WHERE id = ?', item.id).status).toBe('pending');
  });

  it('move through the statuses with comments, reassignments and links, all in the history and the audit log', async () => {
    await call('ledger.update', { id: item.id, group: 'layoff_response', owner: '李四' });
    await call('ledger.transition', { id: item.id, to: 'in_progress' });
    await call('ledger.comment', { id: item.id, comment: '已约谈企业' });
    expect((await refused('ledger.transition', { id: item.id, to: 'resolved' })).code).toBe('ledger.comment_required');
    await call('ledger.transition', { id: item.id, to: 'resolved', comment: '补缴社保128人' });
    const signal = one<{ id: number }>('SELECT id FROM signal_case WHERE enterprise_id = ? LIMIT 1', item.subject.enterpriseId) ?? one<{ id: number }>('SELECT id FROM signal_case LIMIT 1');
    await call('ledger.link', { id: item.id, kind: 'signal', targetId: signal.id });
    const note = await call<{ id: number }>('annotation.create', { target: { kind: 'firm', enterpriseId: item.subject.enterpriseId }, periodFrom: item.period, text: '企业减员，已约谈', category: 'event' });
    await call('ledger.link', { id: item.id, kind: 'annotation', targetId: note.id });
    expect((await refused('ledger.link', { id: item.id, kind: 'signal', targetId: 99999999 })).code).toBe('ledger.unknown_link');
    expect((await refused('ledger.link', { id: item.id, kind: 'annotation', targetId: 99999999 })).code).toBe('ledger.unknown_link');
    const done = await call<LedgerItemDetail>('ledger.transition', { id: item.id, to: 'closed' });
    expect(done).toMatchObject({ status: 'closed', group: 'layoff_response', owner: '李四', signalIds: [signal.id], annotationIds: [note.id] });
    expect(done.signals.map((s) => s.id)).toEqual([signal.id]);
    expect(done.actions.map((a) => [a.action, a.fromStatus, a.toStatus, a.comment])).toEqual([
      ['create', null, 'pending', ''],
      ['assign', null, null, ''],
      ['status', 'pending', 'in_progress', ''],
      ['comment', null, null, '已约谈企业'],
      ['status', 'in_progress', 'resolved', '补缴社保128人'],
      ['link', null, null, ''],
      ['link', null, null, ''],
      ['status', 'resolved', 'closed', ''],
    ]);
    expect(done.actions[1]!.details).toEqual({ group: { from: 'task_force', to: 'layoff_response' }, owner: { from: '张三', to: '李四' } });
    expect(done.next).toEqual([{ status: 'in_progress', needsComment: true }]);
    const audit = demo.ws.ctx.db.prepare("SELECT action FROM audit_log WHERE entity = 'ledger_item' AND entity_id = ? ORDER BY id").all(String(item.id)) as Array<{ action: string }>;
    expect(audit.map((a) => a.action)).toEqual(['ledger.create', 'ledger.update', 'ledger.status', 'ledger.comment', 'ledger.status', 'ledger.link', 'ledger.link', 'ledger.status']);
  });

  it('are created by hand for a district, with a title and level', async () => {
    expect((await refused('ledger.create', { group: 'area_assistance' })).code).toBe('ledger.incomplete');
    expect((await refused('ledger.create', { title: 'x', level: 'red', subject: { type: 'district', code: '999' }, group: 'area_assistance' })).code).toBe('ledger.unknown_subject');
    const d = await call<LedgerItemDetail>('ledger.create', { title: '康平县返乡人员就业帮扶', level: 'yellow', subject: { type: 'district', code: '210123' }, group: 'area_assistance', dueDate: '2020-01-31' });
    expect(d.subject).toEqual({ type: 'district', key: '210123', label: { zh: '康平县', en: 'Kangping' }, enterpriseId: null });
    expect(d.overdue).toBe(true);
    expect(d.period).toBeNull();
  });

  it('are filtered by status, group, level, overdue and firm', async () => {
    const everything = await call<LedgerItem[]>('ledger.list', {});
    expect(everything).toHaveLength(count('SELECT count(*) AS n FROM ledger_item'));
    const today = localDate(new Date());
    const overdue = await call<LedgerItem[]>('ledger.list', { overdueOnly: true });
    expect(overdue.map((i) => i.id).sort()).toEqual(everything.filter((i) => isOverdue(i, today)).map((i) => i.id).sort());
    const pending = await call<LedgerItem[]>('ledger.list', { statuses: ['pending'], groups: ['area_assistance'] });
    expect(pending.length).toBe(count("SELECT count(*) AS n FROM ledger_item WHERE status = 'pending' AND group_code = 'area_assistance'"));
    expect(pending.every((i) => i.status === 'pending' && i.group === 'area_assistance')).toBe(true);
    const firm = await call<LedgerItem[]>('ledger.list', { enterpriseId: item.subject.enterpriseId });
    expect(firm.map((i) => i.id)).toContain(item.id);
    const search = await call<LedgerItem[]>('ledger.list', { search: '康平' });
    expect(search.map((i) => i.title)).toEqual(['康平县返乡人员就业帮扶']);
  });

  it('export as CSV and XLSX', async () => {
    const n = count('SELECT count(*) AS n FROM ledger_item');
    const csv = await call<ExportedFile>('ledger.export', { format: 'csv' });
    expect(csv.content.trim().split('\r\n')).toHaveLength(n + 1);
    expect(csv.content).toContain('补缴社保128人');
    const xlsx = await call<ExportedFile>('ledger.export', { format: 'xlsx', locale: 'en-US', filter: { statuses: ['closed'] } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.content, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(count("SELECT count(*) AS n FROM ledger_item WHERE status = 'closed'") + 1);
    expect(wb.worksheets[0]!.getRow(1).getCell(8).value).toBe('Status');
  });
});

describe('risk summary for the report', () => {
  it('counts the month’s alerts by level and rebuilds the ledger as it stood at the end of the month', async () => {
    const db = demo.ws.ctx.db;
    // An item opened in August, moved on in September and resolved in October (Beijing time).
    const alert = one<{ id: number }>("SELECT id FROM alert WHERE period = '2026-08' AND status = 'active' ORDER BY id LIMIT 1");
    const id = createLedgerItem(db, { fromAlertId: alert.id, group: 'unemployed_support', dueDate: '2026-09-10' }, 'tester', new Date('2026-08-20T02:00:00Z'));
    transitionLedgerItem(db, id, 'in_progress', '', 'tester', new Date('2026-09-05T02:00:00Z'));
    transitionLedgerItem(db, id, 'resolved', '已安置', 'tester', new Date('2026-10-03T02:00:00Z'));

    const aug = await call<RiskSummary>('ledger.summary', { period: '2026-08' });
    const alertsAug = one<{ n: number; red: number }>("SELECT count(*) AS n, sum(level = 'red') AS red FROM alert WHERE status = 'active' AND period IN ('2026-08', '2026-Q2', '2025')");
    expect(aug.alerts.total).toBe(alertsAug.n);
    expect(aug.alerts.byLevel.red).toBe(alertsAug.red);
    expect(aug.alerts.top.length).toBe(Math.min(10, alertsAug.n));
    const inAug = aug.ledger.topOpen.find((i) => i.id === id);
    expect(inAug?.status).toBe('pending');
    // items created by the end of August, Beijing time
    const created = count("SELECT count(*) AS n FROM ledger_item WHERE created_at < '2026-08-31T16:00:00.000Z'");
    expect(Object.values(aug.ledger.byStatus).reduce((a, b) => a + b, 0)).toBe(created);
    expect(aug.ledger.openedInPeriod).toBe(count("SELECT count(*) AS n FROM ledger_item WHERE created_at >= '2026-07-31T16:00:00.000Z' AND created_at < '2026-08-31T16:00:00.000Z'"));

    const sep = await call<RiskSummary>('ledger.summary', { period: '2026-09' });
    const inSep = sep.ledger.topOpen.find((i) => i.id === id);
    expect(inSep).toMatchObject({ status: 'in_progress', overdue: true });
    const oct = await call<RiskSummary>('ledger.summary', { period: '2026-10' });
    expect(oct.ledger.topOpen.find((i) => i.id === id)).toBeUndefined();
    expect(oct.ledger.resolvedInPeriod).toBe(count("SELECT count(DISTINCT item_id) AS n FROM ledger_action WHERE to_status = 'resolved' AND action = 'status' AND at >= '2026-09-30T16:00:00.000Z' AND at < '2026-10-31T16:00:00.000Z'"));
    expect(oct.ledger.resolvedInPeriod).toBeGreaterThanOrEqual(1);
    const groupTotal = Object.values(oct.ledger.byGroup).reduce((s, g) => s + g.total, 0);
    expect(groupTotal).toBe(Object.values(oct.ledger.byStatus).reduce((a, b) => a + b, 0));
  });
});
