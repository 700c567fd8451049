/**
 * Demo annotations, so the demo's charts and its drafted reports show what annotations look like:
 * the 2020 and 2022 shocks the generator models, a job-retention policy, the latest July's
 * graduation bump, a note on the climate index, and one on the firm of the demo ledger's first firm
 * item (its cut that month, read from its report), linked to that item. Fixed uids keep the demo
 * reproducible.
 */
import type { Database } from 'better-sqlite3';
import type { NewAnnotation } from '../db/annotations';
import { insertAnnotation } from '../db/annotations';
import { comparePeriods, mustParsePeriod } from '../../shared/period';
import { linkLedgerItem } from '../ledger/store';

export function seedDemoAnnotations(db: Database, end: string, actor: string): number {
  const endYear = mustParsePeriod(end).year;
  const july = mustParsePeriod(end).index >= 7 ? `${endYear}-07` : `${endYear - 1}-07`;
  const at = `${end}-15T01:30:00.000Z`;
  const list: Array<Omit<NewAnnotation, 'author' | 'at'>> = [
    { uid: 'demo-2020-shock', target: { kind: 'series', indicator: 'UNE.SURVEY_RATE', members: {} }, periodFrom: '2020-02', periodTo: '2020-04', text: '新冠疫情冲击，企业延迟复工复产', category: 'event' },
    { uid: 'demo-2022-shock', target: { kind: 'series', indicator: 'UNE.SURVEY_RATE', members: {} }, periodFrom: '2022-04', periodTo: '2022-05', text: '疫情散发，部分企业停工停产', category: 'event' },
    { uid: 'demo-2020-policy', target: { kind: 'series', indicator: 'EMP.NEW_URBAN', members: {} }, periodFrom: '2020-06', periodTo: null, text: '援企稳岗、阶段性减免社保费政策集中落地', category: 'policy' },
    { uid: `demo-graduation-${july}`, target: { kind: 'series', indicator: 'UNE.SURVEY_RATE', members: {} }, periodFrom: july, periodTo: null, text: '高校毕业生集中离校，失业率季节性上升', category: 'seasonal' },
    { uid: 'demo-climate-2020', target: { kind: 'index', index: 'employment-climate' }, periodFrom: '2020-02', periodTo: '2020-04', text: '疫情冲击期', category: 'event' },
  ];
  let n = 0;
  for (const a of list) {
    if (comparePeriods(a.periodFrom, end) > 0) continue;
    insertAnnotation(db, { ...a, author: actor, at });
    n++;
  }
  const item = db
    .prepare(
      `SELECT i.id, i.enterprise_id AS firm, i.period, i.updated_at AS updated, e.credit_code AS code, r.opening - r.closing AS cut, r.sep_economic AS economic
       FROM ledger_item i JOIN enterprise e ON e.id = i.enterprise_id JOIN enterprise_report r ON r.enterprise_id = i.enterprise_id AND r.period = i.period
       WHERE i.period IS NOT NULL ORDER BY i.id, r.snapshot_id DESC LIMIT 1`,
    )
    .get() as { id: number; firm: number; period: string; updated: string; code: string; cut: number; economic: number } | undefined;
  if (item) {
    const net = item.cut > 0 ? `，在岗职工净减少${item.cut}人` : '';
    const text = `当月经济性裁员${item.economic}人${net}，已纳入风险台账跟踪处置`;
    // Written an hour after the item's last step, so its history reads in order.
    const noted = new Date(Date.parse(item.updated) + 3600_000);
    const id = insertAnnotation(db, { uid: `demo-firm-${item.code}-${item.period}`, target: { kind: 'firm', enterpriseId: item.firm }, periodFrom: item.period, periodTo: null, text, category: 'event', author: actor, at: noted.toISOString() });
    linkLedgerItem(db, item.id, 'annotation', id, false, actor, noted, false);
    n++;
  }
  return n;
}
