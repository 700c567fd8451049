/**
 * A month of key-enterprise reports, the social-insurance contributors and a signal case list,
 * imported through the importer like any agency file, with problems planted in them: the expected
 * consistency issues, alerts and cross-check exceptions appear, and nothing else.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrossCheckResult } from '../../shared/api/enterprises';
import { shiftPeriod } from '../../shared/period';
import { importBench, type Bench } from '../support/imports';
import { TEST_DEMO_END } from '../support/demo-template';

const MONTH = shiftPeriod(TEST_DEMO_END, 1);

interface Firm {
  id: number;
  code: string;
  name: string;
  sector: string;
  district: string;
  closing: number;
  wage: number;
}

interface Row {
  code: string;
  name: string;
  opening: number;
  hires: number;
  economic: number;
  contractEnd: number;
  quit: number;
  retire: number;
  other: number;
  closing: number;
  wage: number;
  production: string;
  planned: number;
}

let bench: Bench;
let firms: Firm[];
const planted: Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I', Firm> = {} as never;
const rows: Row[] = [];

/** Quiet flows: 1% hired, about 1% leaving for ordinary reasons, nobody laid off. */
function quiet(f: Firm): Row {
  const hires = Math.round(f.closing * 0.01);
  const quit = Math.round(f.closing * 0.005);
  const contractEnd = Math.round(f.closing * 0.003);
  const retire = Math.round(f.closing * 0.002);
  return { code: f.code, name: f.name, opening: f.closing, hires, economic: 0, contractEnd, quit, retire, other: 0, closing: f.closing + hires - quit - contractEnd - retire, wage: f.wage, production: '正常', planned: 0 };
}

function rebalance(r: Row): Row {
  return { ...r, closing: r.opening + r.hires - r.economic - r.contractEnd - r.quit - r.retire - r.other };
}

async function workbook(sheet: string, header: string[], data: Array<Array<string | number>>, title?: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  if (title) ws.addRow([title]);
  ws.addRow(header);
  for (const d of data) ws.addRow(d);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  bench = importBench();
  const db = bench.ws.ctx.db;
  firms = db
    .prepare(`SELECT e.id, e.credit_code AS code, e.name, e.sector, e.district, r.closing, r.avg_wage AS wage FROM enterprise e JOIN enterprise_report r ON r.enterprise_id = e.id AND r.period = ? ORDER BY e.id`)
    .all(TEST_DEMO_END) as Firm[];
  const take = (pred: (f: Firm) => boolean) => {
    const f = firms.find((x) => pred(x) && !Object.values(planted).includes(x));
    if (!f) throw new Error('no firm fits');
    return f;
  };
  planted.A = take((f) => f.closing >= 400 && f.closing < 1000 && f.sector === 'EQUIP');
  planted.B = take((f) => f.closing >= 100 && f.closing < 150 && f.sector === 'OTHER');
  planted.C = take((f) => f.closing >= 2500 && f.sector === 'TRADSVC');
  planted.D = take((f) => f.closing >= 300 && f.closing < 600);
  planted.E = take((f) => f.closing >= 300 && f.closing < 600);
  planted.F = take((f) => f.closing >= 300 && f.closing < 600);
  planted.G = take((f) => f.closing >= 400 && f.closing < 800);
  planted.H = take((f) => f.closing >= 400 && f.closing < 800);
  planted.I = take((f) => f.closing >= 300 && f.closing < 600);
  for (const f of firms) {
    let r = quiet(f);
    if (f === planted.A) r = rebalance({ ...r, economic: 25, production: '减产' });
    if (f === planted.B) r = rebalance({ ...r, economic: Math.ceil(f.closing / 10) });
    if (f === planted.C) r = rebalance({ ...r, economic: 230, production: '减产' });
    if (f === planted.D) r = { ...r, closing: r.closing + 3 };
    if (f === planted.E) r = rebalance({ ...r, opening: f.closing + 5 });
    if (f === planted.F) r = { ...r, wage: 800 };
    if (f === planted.I) r = { ...r, planned: 30 };
    rows.push(r);
  }
});
afterAll(() => bench.close());

describe('importing a month of key-enterprise reports', () => {
  it('reports the consistency problems per firm with sheet, row and column, and stores the rest', async () => {
    // Firms are matched by credit code; a name that differs from the registry's would be a warning,
    // so the 700 Chinese names must come back from the workbook exactly.
    const header = ['统一社会信用代码', '企业名称', '月份', '期初人数', '新招用', '经济性裁员', '合同到期', '主动离职', '退休', '其他减员', '期末人数', '平均工资', '生产状态', '拟裁员'];
    const data = rows.map((r) => [r.code, r.name, MONTH, r.opening, r.hires, r.economic, r.contractEnd, r.quit, r.retire, r.other, r.closing, r.wage, r.production, r.planned]);
    const file = bench.write(`重点企业月报_${MONTH}.xlsx`, await workbook('月报', header, data, `沈阳市重点企业用工监测月报（${MONTH}）`));

    const preview = await bench.preview(file, { target: 'enterprise_reports' });
    expect(preview.unit).toBe('RSJ');
    expect(preview.counts).toMatchObject({ read: 700, added: 699, rejected: 1, revised: 0, unchanged: 0 });
    const rowOf = (f: Firm) => 3 + firms.indexOf(f);
    const errors = preview.issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual([{ severity: 'error', code: 'import.report_balance', params: expect.objectContaining({ code: planted.D.code, actual: rows[firms.indexOf(planted.D)]!.closing, expected: rows[firms.indexOf(planted.D)]!.closing - 3 }), sheet: '月报', row: rowOf(planted.D), col: 'K' }]);
    const warnings = preview.issues.filter((i) => i.severity === 'warning').map((i) => [i.code, i.row, i.col]);
    expect(warnings).toEqual([
      ['import.report_continuity', rowOf(planted.E), 'D'],
      ['import.report_wage_bounds', rowOf(planted.F), 'L'],
    ].sort((a, b) => (a[1] as number) - (b[1] as number)));
    expect(preview.ready).toBe(false);

    const result = await bench.commit(file, { target: 'enterprise_reports', acceptRejected: true });
    expect(result.noop).toBe(false);
    const db = bench.ws.ctx.db;
    expect((db.prepare('SELECT count(*) AS n FROM enterprise_report WHERE period = ? AND snapshot_id = ?').get(MONTH, result.snapshotId) as { n: number }).n).toBe(699);
    expect(db.prepare('SELECT 1 FROM enterprise_report WHERE period = ? AND enterprise_id = ?').get(MONTH, planted.D.id)).toBeUndefined();
    // The month's ENT.* indicators, recomputed from the panel into the same snapshot.
    const sums = db.prepare('SELECT sum(closing) AS c, sum(opening) AS o, sum(sep_economic + sep_contract_end + sep_quit + sep_retire + sep_other) AS s FROM enterprise_report WHERE period = ?').get(MONTH) as { c: number; o: number; s: number };
    const published = (code: string) => (db.prepare(`SELECT o.value, o.snapshot_id AS snap FROM observation o JOIN series s ON s.id = o.series_id WHERE s.indicator = ? AND s.members = '' AND o.period = ?`).get(code, MONTH) as { value: number; snap: number });
    expect(published('ENT.HEADCOUNT')).toEqual({ value: sums.c, snap: result.snapshotId });
    expect(published('ENT.JOB_LOSS_RATE').value).toBe(Math.round((10000 * sums.s) / sums.o) / 100);

    // The same file again changes nothing.
    expect((await bench.commit(file, { target: 'enterprise_reports', acceptRejected: true })).noop).toBe(true);
  });

  it('imports the social-insurance contributors of the month; the cross-check lists exactly the planted gaps', async () => {
    const data = rows.map((r, i) => {
      const f = firms[i]!;
      const contributors = f === planted.G ? Math.round(r.closing * 0.75) : f === planted.H ? Math.round(r.closing * 1.12) : r.closing;
      return [r.code, r.name, MONTH, contributors];
    });
    const file = bench.write(`社保缴费人数_${MONTH}.xlsx`, await workbook('Sheet1', ['统一社会信用代码', '单位名称', '费款所属期', '缴费人数'], data));
    const result = await bench.commit(file, { target: 'si_contributions' });
    expect(result.counts).toMatchObject({ read: 700, added: 700, rejected: 0 });
    const env = await bench.ws.dispatch('enterprises.crossCheck', { period: MONTH });
    const check = (env.ok ? env.value : null) as CrossCheckResult;
    expect(check.rows.map((r) => [r.kind, r.creditCode, r.direction])).toEqual([
      ['gap', planted.G.code, 'fewer_contributors'],
      ['gap', planted.H.code, 'more_contributors'],
      ['no_report', planted.D.code, null],
    ]);
  });

  it('imports a signal case list: bad rows refused with their cell, repeats counted once, cases linked to firms', async () => {
    const csv = [
      '日期,渠道,区县,企业名称,统一社会信用代码,类别,数量,摘要',
      ...[1, 2, 3, 4, 5].map((d) => `${MONTH}-0${d},12345,铁西区,沈阳德润劳务有限公司,,欠薪,3,反映拖欠工资`),
      `${MONTH}-06,110联动,铁西区,${planted.C.name},,裁员,2,反映裁员`,
      `${MONTH}-07,12345,铁西区,,${planted.C.code},裁员,1,反映裁员未支付补偿`,
      `${MONTH}-07,12345,铁西区,,${planted.C.code},裁员,1,反映裁员未支付补偿`,
      `${MONTH}-08,微博,铁西区,某公司,,欠薪,1,x`,
      `${MONTH}-09,12345,火星区,某公司,,欠薪,1,y`,
      `${MONTH}-10,12345,和平区,某公司,,投诉,1,z`,
    ].join('\n');
    const file = bench.write(`舆情线索_${MONTH}.csv`, csv);
    const result = await bench.commit(file, { target: 'signals', acceptRejected: true });
    expect(result.counts).toMatchObject({ read: 11, added: 7, skipped: 1, rejected: 3 });
    const errors = result.preview.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.row, i.col]);
    expect(errors).toEqual([
      ['import.bad_channel', 10, 'B'],
      ['import.unknown_member', 11, 'C'],
      ['import.bad_category', 12, 'F'],
    ]);
    const linked = bench.ws.ctx.db.prepare('SELECT count(*) AS n FROM signal_case WHERE snapshot_id = ? AND enterprise_id = ?').get(result.snapshotId, planted.C.id) as { n: number };
    expect(linked.n).toBe(2);
  });

  it('raised, after the imports, exactly the alerts the planted problems call for', () => {
    const alerts = bench.ws.ctx.db
      .prepare(`SELECT r.code AS rule, a.subject_key AS subject, a.level FROM alert a JOIN warning_rule r ON r.id = a.rule_id WHERE a.period = ? AND a.status = 'active' ORDER BY r.code, a.subject_key`)
      .all(MONTH) as Array<{ rule: string; subject: string; level: string }>;
    // Written out from the planted figures and the shipped rules (ART41: 20+ or 10%+ orange, over 200 red;
    // planned cuts blue; net reduction 100+ yellow; gap 10%+ yellow, 20%+ orange; 12+ wage-arrears signals
    // in a district yellow; 10+ signals about one firm yellow).
    const expected = [
      { rule: 'ART41', subject: `firm:${planted.A.code}`, level: 'orange' },
      { rule: 'ART41', subject: `firm:${planted.B.code}`, level: 'orange' },
      { rule: 'ART41', subject: `firm:${planted.C.code}`, level: 'red' },
      { rule: 'ART41_PLANNED', subject: `firm:${planted.I.code}`, level: 'blue' },
      { rule: 'FIRM_NET_REDUCTION', subject: `firm:${planted.C.code}`, level: 'yellow' },
      { rule: 'SIG_DISTRICT_ARREARS', subject: 'district:210106', level: 'yellow' },
      { rule: 'SIG_FIRM', subject: 'firm:name:沈阳德润劳务有限公司', level: 'yellow' },
      { rule: 'SI_CROSSCHECK', subject: `firm:${planted.G.code}`, level: 'orange' },
      { rule: 'SI_CROSSCHECK', subject: `firm:${planted.H.code}`, level: 'yellow' },
    ].sort((a, b) => (a.rule === b.rule ? (a.subject < b.subject ? -1 : 1) : a.rule < b.rule ? -1 : 1));
    expect(alerts).toEqual(expected);
  });
});
