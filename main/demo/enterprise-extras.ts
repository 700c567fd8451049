/**
 * Demo data the key-enterprise, warning and ledger pages need beyond the walking skeleton's
 * generator (whose output stays unchanged): social-insurance contributors per firm (the social
 * insurance centre's dataset, keyed by credit code, with planted gaps both ways), public-opinion
 * signal case lists (12345, the wage-arrears platform, 110 linkage), rural-transfer breakdowns by
 * destination, industry and wage band, the alerts of the recent months and a few ledger items
 * worked by the groups. Deterministic: own seeded streams, times derived from the periods.
 */
import type { Database } from 'better-sqlite3';
import { creditCodeCheckChar, orgCodeCheckChar } from '../../shared/domain/credit-code';
import { DISTRICT_POPULATION } from '../../shared/domain/catalog';
import type { SignalCaseInput, SignalCategory, SignalChannel } from '../../shared/domain/signals';
import { localDate, suggestGroup, type LedgerGroup, type LedgerStatus } from '../../shared/domain/ledger';
import { levelRank, type WarningLevel } from '../../shared/warnings/levels';
import { comparePeriods, mustParsePeriod, periodRange, shiftPeriod } from '../../shared/period';
import { ObservationStore } from '../db/observations';
import { SignalStore } from '../db/signals';
import { evaluateWarnings } from '../warnings/engine';
import { createLedgerItem, transitionLedgerItem, commentLedgerItem } from '../ledger/store';
import { DEMO_SEED, type DemoData } from './generate';
import { apportion, Random } from './random';

export interface ExtrasResult {
  contributions: number;
  signals: number;
  alerts: number;
  ledgerItems: number;
}

function seedFor(label: string): number {
  let h = DEMO_SEED ^ 0x5bd1e995;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Import time of a demo agency batch for a month: the `day`th of the next month, 10:00 Beijing time. */
function batchTime(period: string, day: number): string {
  const p = mustParsePeriod(period);
  return new Date(Date.UTC(p.year, p.index, day, 2, 0, 0)).toISOString();
}

const DISTRICTS = Object.keys(DISTRICT_POPULATION);

/** Firms whose contributors are planted apart from the reported staff: index, direction, months. */
interface PlantedGap {
  firm: number;
  factor: number;
  from: string;
  to: string;
}

function plantGaps(data: DemoData): { gaps: PlantedGap[]; missing: { firm: number; from: string } } {
  const rng = new Random(seedFor('SI.PLANT'));
  const end = data.end;
  // One pass over the reports (a find per firm over every report was the slowest step of the demo).
  const closingAtEnd = new Map<number, number>();
  for (const r of data.reports) if (r.period === end) closingAtEnd.set(r.enterprise, r.closing);
  const eligible = data.enterprises.map((_, i) => i).filter((i) => (closingAtEnd.get(i) ?? 0) >= 120);
  const pick = () => {
    const i = eligible.splice(rng.int(0, eligible.length - 1), 1)[0]!;
    return i;
  };
  const gaps: PlantedGap[] = [
    // Fewer contributors than staff (contributions stopped or unpaid): two running into the latest month.
    { firm: pick(), factor: 0.72, from: shiftPeriod(end, -3), to: end },
    { firm: pick(), factor: 0.84, from: shiftPeriod(end, -1), to: end },
    { firm: pick(), factor: 0.8, from: shiftPeriod(end, -14), to: shiftPeriod(end, -10) },
    // More contributors than staff (people reported gone but still insured: a hidden layoff or stand-down).
    { firm: pick(), factor: 1.26, from: shiftPeriod(end, -2), to: end },
    { firm: pick(), factor: 1.14, from: end, to: end },
    { firm: pick(), factor: 1.35, from: shiftPeriod(end, -20), to: shiftPeriod(end, -18) },
  ];
  return { gaps, missing: { firm: pick(), from: shiftPeriod(end, -1) } };
}

/** Valid codes and names of two firms the social-insurance centre lists but the bureau does not monitor. */
function outsideFirms(): Array<{ code: string; name: string; staff: number }> {
  const make = (org8: string) => {
    const first17 = `91210100${org8}${orgCodeCheckChar(org8)}`;
    return first17 + creditCodeCheckChar(first17)!;
  };
  return [
    { code: make('MA0QX7K1'), name: '沈阳浑河物流配送有限公司', staff: 236 },
    { code: make('MA10HT3D'), name: '沈阳盛京建筑劳务有限公司', staff: 418 },
  ];
}

function seedContributions(db: Database, data: DemoData, actor: string): number {
  const rng = new Random(seedFor('SI'));
  const { gaps, missing } = plantGaps(data);
  const outside = outsideFirms();
  const insertSnapshot = db.prepare(`INSERT INTO snapshot (source_unit, kind, file_name, imported_at, imported_by, note, rows_read, rows_stored, period_from, period_to)
    VALUES ('SBZX', 'demo', ?, ?, ?, '演示数据：重点企业社保缴费人数', ?, ?, ?, ?)`);
  const insert = db.prepare('INSERT INTO si_contribution (credit_code, period, snapshot_id, contributors, firm_name, sheet, row) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const byPeriod = new Map<string, DemoData['reports']>();
  for (const r of data.reports) {
    let list = byPeriod.get(r.period);
    if (!list) byPeriod.set(r.period, (list = []));
    list.push(r);
  }
  let n = 0;
  for (const period of periodRange(data.start, data.end)) {
    const reports = byPeriod.get(period) ?? [];
    const rows: Array<[string, number, string]> = [];
    for (const r of reports) {
      const firm = data.enterprises[r.enterprise]!;
      if (r.enterprise === missing.firm && comparePeriods(period, missing.from) >= 0) continue;
      const planted = gaps.find((g) => g.firm === r.enterprise && comparePeriods(period, g.from) >= 0 && comparePeriods(period, g.to) <= 0);
      // Ordinarily a few staff on probation or re-hired after retirement are not insured.
      const usual = Math.max(0, Math.min(0.04, Math.abs(rng.normal(0.012, 0.01))));
      const contributors = planted ? Math.round(r.closing * planted.factor) : Math.round(r.closing * (1 - usual));
      rows.push([firm.creditCode, contributors, firm.name]);
    }
    for (const o of outside) rows.push([o.code, o.staff + rng.int(-3, 3), o.name]);
    const snap = Number(insertSnapshot.run(`社保缴费人数_${period}.xlsx`, batchTime(period, 14), actor, rows.length, rows.length, period, period).lastInsertRowid);
    rows.forEach(([code, contributors, name], i) => insert.run(code, period, snap, contributors, name, 'Sheet1', i + 2));
    n += rows.length;
  }
  return n;
}

const CATEGORY_WEIGHTS: Record<SignalCategory, number> = { wage_arrears: 40, social_insurance: 18, layoff: 14, halt: 6, other: 22 };
const CHANNEL_WEIGHTS: Record<SignalChannel, number> = { hotline: 55, wage_arrears: 25, police110: 10, other: 10 };
const SMALL_FIRMS = ['装饰工程', '餐饮', '建材', '劳务', '保洁服务', '物流', '汽车维修', '服装', '电子商务', '印刷'];
const PREFIXES = ['和顺', '鑫盛', '广源', '金鼎', '佳美', '恒通', '新宇', '福润', '大成', '众合', '德润', '华信', '兴业', '宏图', '盛世', '丰华', '益民', '顺达', '隆基', '安泰'];

function summaryFor(category: SignalCategory, firm: string | null, count: number, rng: Random): string {
  const who = firm ?? '某单位';
  switch (category) {
    case 'wage_arrears':
      return count > 1 ? `${count}名务工人员反映${who}拖欠${rng.int(2, 5)}个月工资` : `来电反映${who}拖欠工资${rng.int(1, 4)}个月`;
    case 'layoff':
      return `反映${who}近期裁员约${rng.int(10, 80)}人，经济补偿未足额支付`;
    case 'halt':
      return `反映${who}已停产，职工放假待岗`;
    case 'social_insurance':
      return `反映${who}未按时为职工缴纳社会保险`;
    case 'other':
      return rng.chance(0.5) ? '咨询失业登记及失业保险金申领' : `反映${who}未签订劳动合同`;
  }
}

function seedSignals(db: Database, data: DemoData, actor: string): number {
  const rng = new Random(seedFor('SIGNALS'));
  const store = new SignalStore(db);
  const insertSnapshot = db.prepare(`INSERT INTO snapshot (source_unit, kind, file_name, imported_at, imported_by, note, rows_read, rows_stored, period_from, period_to)
    VALUES ('RXZX', 'demo', ?, ?, ?, '演示数据：舆情线索（12345、欠薪预警平台、110联动）', ?, ?, ?, ?)`);
  const updateCounts = db.prepare('UPDATE snapshot SET rows_read = ?, rows_stored = ? WHERE id = ?');
  const districtWeights = Object.fromEntries(DISTRICTS.map((d) => [d, DISTRICT_POPULATION[d]!]));
  const byPeriod = new Map<string, DemoData['reports']>();
  for (const r of data.reports) {
    if (r.sepEconomic >= 20 || r.production === 'halted') {
      let list = byPeriod.get(r.period);
      if (!list) byPeriod.set(r.period, (list = []));
      list.push(r);
    }
  }
  // The latest month carries a planted cluster: group wage-arrears complaints at construction sites in one district.
  const clusterDistrict = '210114';
  const clusterFirm = data.enterprises.findIndex((e) => e.sector === 'CONSTR' && e.district === clusterDistrict);
  let total = 0;
  for (const period of periodRange(data.start, data.end)) {
    const p = mustParsePeriod(period);
    const days = new Date(Date.UTC(p.year, p.index, 0)).getUTCDate();
    const date = () => `${period}-${String(rng.int(1, days)).padStart(2, '0')}`;
    const cases: SignalCaseInput[] = [];
    const festive = p.index === 12 || p.index === 1 ? 1.8 : 1;
    const rows = rng.count(26 * (p.index === 12 || p.index === 1 ? 1.4 : 1));
    for (let k = 0; k < rows; k++) {
      let category = rng.weighted(CATEGORY_WEIGHTS);
      if (category !== 'wage_arrears' && festive > 1 && rng.chance(0.3)) category = 'wage_arrears';
      const channel: SignalChannel = category === 'wage_arrears' && rng.chance(0.4) ? 'wage_arrears' : rng.weighted(CHANNEL_WEIGHTS);
      const district = rng.weighted(districtWeights);
      let firmName: string | null = null;
      let creditCode: string | null = null;
      const roll = rng.next();
      if (roll < 0.35) {
        const firm = data.enterprises[rng.int(0, data.enterprises.length - 1)]!;
        if (rng.chance(0.5)) creditCode = firm.creditCode;
        else firmName = firm.name;
      } else if (roll < 0.85) {
        firmName = `沈阳${rng.pick(PREFIXES)}${rng.pick(SMALL_FIRMS)}有限公司`;
      }
      const count = category === 'wage_arrears' && rng.chance(0.2) ? rng.int(2, 12) : 1;
      cases.push({ date: date(), channel, district, firmName, creditCode, category, count, summary: summaryFor(category, firmName, count, rng) });
    }
    // Layoffs and halts of monitored firms tend to show up in the hotline the same month.
    for (const r of byPeriod.get(period) ?? []) {
      if (!rng.chance(0.55)) continue;
      const firm = data.enterprises[r.enterprise]!;
      const category: SignalCategory = r.production === 'halted' ? 'halt' : rng.chance(0.7) ? 'layoff' : 'wage_arrears';
      const n = rng.int(1, 2);
      for (let k = 0; k < n; k++) {
        const byCode = rng.chance(0.5);
        cases.push({ date: date(), channel: rng.chance(0.7) ? 'hotline' : 'police110', district: firm.district, firmName: byCode ? null : firm.name, creditCode: byCode ? firm.creditCode : null, category, count: rng.int(1, 4), summary: summaryFor(category, firm.name, 1, rng) });
      }
    }
    if (period === data.end && clusterFirm >= 0) {
      const firm = data.enterprises[clusterFirm]!;
      for (let k = 0; k < 6; k++) {
        const count = 3 + k;
        cases.push({ date: date(), channel: k % 2 ? 'wage_arrears' : 'hotline', district: clusterDistrict, firmName: firm.name, creditCode: k % 3 === 0 ? firm.creditCode : null, category: 'wage_arrears', count, summary: summaryFor('wage_arrears', firm.name, count, rng) });
      }
    }
    cases.sort((a, b) => a.date.localeCompare(b.date));
    const snap = Number(insertSnapshot.run(`舆情线索_${period}.xlsx`, batchTime(period, 5), actor, cases.length, 0, period, period).lastInsertRowid);
    let stored = 0;
    cases.forEach((c, i) => {
      if (store.add(snap, c, { sheet: '线索清单', row: i + 2 }) !== null) stored++;
    });
    updateCounts.run(cases.length, stored, snap);
    total += stored;
  }
  return total;
}

const DESTINATION_SHARES = [0.38, 0.22, 0.25, 0.15];
const INDUSTRY_SHARES = [0.12, 0.38, 0.5];

/** Rural transfer by destination, industry and wage band, cumulated within each year like the total. */
function seedRuralBreakdowns(db: Database, data: DemoData, actor: string): number {
  const rng = new Random(seedFor('RURAL'));
  const store = new ObservationStore(db);
  const totals = data.observations.filter((o) => o.indicator === 'GRP.RURAL_TRANSFER' && Object.keys(o.members).length === 0).sort((a, b) => comparePeriods(a.period, b.period));
  if (!totals.length) return 0;
  const snap = Number(
    db
      .prepare(`INSERT INTO snapshot (source_unit, kind, file_name, imported_at, imported_by, note, rows_read, rows_stored, period_from, period_to)
        VALUES ('NYNC', 'demo', '演示数据_农村劳动力转移就业分类.csv', ?, ?, '演示数据：转移去向、产业、月收入分组', 0, 0, ?, ?)`)
      .run(batchTime(data.end, 16), actor, totals[0]!.period, totals[totals.length - 1]!.period).lastInsertRowid,
  );
  const insert = db.prepare('INSERT INTO observation (series_id, period, snapshot_id, value, sheet, row, col) VALUES (?, ?, ?, ?, NULL, NULL, NULL)');
  let n = 0;
  let year = 0;
  let previous = 0;
  const cumulative = new Map<string, number>();
  for (const t of totals) {
    const p = mustParsePeriod(t.period);
    if (p.year !== year) {
      year = p.year;
      previous = 0;
      cumulative.clear();
    }
    // Work in hundreds of persons (0.01万人), the published precision, so the parts add up exactly.
    const hundreds = Math.round(t.value * 100);
    const increment = Math.max(0, hundreds - previous);
    previous = hundreds;
    const drift = year - 2015;
    const wage = [Math.max(0.08, 0.34 - 0.02 * drift), 0.44, Math.min(0.34, 0.18 + 0.012 * drift), Math.min(0.1, 0.04 + 0.004 * drift)];
    const parts: Array<[string, string, number[]]> = [
      ['destination', 'LOCAL,IN_CITY,IN_PROVINCE,OUT_PROVINCE', apportion(increment, DESTINATION_SHARES.map((s) => s * (1 + rng.normal(0, 0.03))))],
      ['industry', 'I1,I2,I3', apportion(increment, INDUSTRY_SHARES.map((s) => s * (1 + rng.normal(0, 0.03))))],
      ['wage_band', 'W1,W2,W3,W4', apportion(increment, wage.map((s) => s * (1 + rng.normal(0, 0.03))))],
    ];
    for (const [dimension, codes, values] of parts) {
      codes.split(',').forEach((code, i) => {
        const key = `${dimension}=${code}`;
        const sum = (cumulative.get(key) ?? 0) + values[i]!;
        cumulative.set(key, sum);
        insert.run(store.ensureSeries('GRP.RURAL_TRANSFER', { [dimension]: code }), t.period, snap, sum / 100);
        n++;
      });
    }
  }
  db.prepare('UPDATE snapshot SET rows_read = ?, rows_stored = ? WHERE id = ?').run(n, n, snap);
  return n;
}

/** Months of alert history the demo evaluates (the rest on demand). */
export const DEMO_ALERT_MONTHS = 24;

/** A handful of ledger items the groups are working on, from the most severe recent alerts. */
function seedLedger(db: Database, data: DemoData, actor: string): number {
  const from = shiftPeriod(data.end, -5);
  const alerts = db
    .prepare(`SELECT a.id, a.level, a.period, a.subject_type AS subjectType, a.district, r.code FROM alert a JOIN warning_rule r ON r.id = a.rule_id
      WHERE a.status = 'active' AND a.period >= ? AND a.period <= ? AND (a.subject_type IN ('firm', 'district') OR a.district IS NOT NULL) ORDER BY a.period DESC, a.id`)
    .all(from, data.end) as Array<{ id: number; level: WarningLevel; period: string; subjectType: string; district: string | null; code: string }>;
  // The latest, most severe alert of each rule, so the demo ledger shows the variety of the groups' work.
  const perRule = new Map<string, (typeof alerts)[number]>();
  for (const a of alerts) {
    const best = perRule.get(a.code);
    if (!best || levelRank(a.level) > levelRank(best.level)) perRule.set(a.code, a);
  }
  const chosen = [...perRule.values()]
    .filter((a) => levelRank(a.level) >= 2)
    .sort((a, b) => levelRank(b.level) - levelRank(a.level) || a.id - b.id)
    .slice(0, 7)
    .sort((a, b) => comparePeriods(a.period, b.period) || a.id - b.id);
  const plans: Array<{ status: LedgerStatus; comments: string[] }> = [
    { status: 'closed', comments: ['已约谈企业，裁员方案已向工会说明并报备', '经济补偿已足额支付，职工已办理失业登记'] },
    { status: 'resolved', comments: ['组织专场招聘会，32人实现再就业', '已化解：剩余人员转岗安置'] },
    { status: 'in_progress', comments: ['已联系企业人力资源部门核实情况'] },
    { status: 'in_progress', comments: ['区人社局已派员现场走访'] },
    { status: 'pending', comments: [] },
    { status: 'pending', comments: [] },
    { status: 'in_progress', comments: ['社保中心核对参保明细中'] },
  ];
  const owners: Record<LedgerGroup, string> = {
    task_force: '就业处 王科长',
    layoff_response: '劳动关系处 李明',
    unemployed_support: '失业保险处 赵丽',
    area_assistance: '铁西区人社局 陈刚',
    emergency: '监察支队 孙伟',
    policy_reserve: '政策法规处 周敏',
  };
  chosen.forEach((a, i) => {
    const plan = plans[i % plans.length]!;
    const opened = new Date(batchTime(a.period, 16));
    const group = suggestGroup(a.subjectType === 'firm' ? 'firm' : 'district', a.level);
    const due = localDate(new Date(opened.getTime() + 30 * 86400_000));
    const item = createLedgerItem(db, { fromAlertId: a.id, group, owner: owners[group], dueDate: due }, actor, opened);
    let at = opened.getTime();
    const step = () => new Date((at += 3 * 86400_000));
    if (plan.status !== 'pending') transitionLedgerItem(db, item, 'in_progress', plan.comments[0] ?? '', actor, step());
    if (plan.status === 'resolved' || plan.status === 'closed') transitionLedgerItem(db, item, 'resolved', plan.comments[1] ?? plan.comments[0]!, actor, step());
    if (plan.status === 'closed') transitionLedgerItem(db, item, 'closed', '', actor, step());
    if (plan.status === 'in_progress' && plan.comments[1]) commentLedgerItem(db, item, plan.comments[1], actor, step());
  });
  return chosen.length;
}

/**
 * Adds the extras to a freshly seeded demo cache (call inside or after seedDemo's transaction).
 * @example seedEnterpriseExtras(db, data, 'demo')
 */
export function seedEnterpriseExtras(db: Database, data: DemoData, actor: string): ExtrasResult {
  return db.transaction(() => {
    const contributions = seedContributions(db, data, actor);
    const signals = seedSignals(db, data, actor);
    seedRuralBreakdowns(db, data, actor);
    const months = periodRange(shiftPeriod(data.end, -(DEMO_ALERT_MONTHS - 1)), data.end).filter((m) => comparePeriods(m, data.start) >= 0);
    const run = evaluateWarnings(db, { periods: months, actor, trigger: 'demo', at: new Date(batchTime(data.end, 16)) });
    const ledgerItems = seedLedger(db, data, actor);
    return { contributions, signals, alerts: run.raised, ledgerItems };
  })();
}
