/**
 * Demo annotations, so the demo's charts and its drafted reports show what annotations look like:
 * the 2020 and 2022 shocks the generator models, a job-retention policy, the latest July's
 * graduation bump, and a note on the climate index. Fixed uids keep the demo reproducible.
 */
import type { Database } from 'better-sqlite3';
import type { NewAnnotation } from '../db/annotations';
import { insertAnnotation } from '../db/annotations';
import { comparePeriods, mustParsePeriod } from '../../shared/period';

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
  return n;
}
