/**
 * Key-enterprise services on a copy of the demo cache, each figure checked against SQL written
 * here independently of the services.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Article41Result, CrossCheckResult, EnterpriseOverview, FirmDetail, TopCuts } from '../../shared/api/enterprises';
import type { KeyGroupsDashboard } from '../../shared/api/groups';
import type { SignalList } from '../../shared/api/signals';
import type { ExportedFile } from '../../shared/api/series';
import { panelObservations } from '../../shared/domain/enterprise';
import { seriesKey } from '../../shared/domain/series-key';
import { TEST_DEMO_END } from '../support/demo-template';
import { useDemoWorkstation } from '../support/workstation';
import { EnterpriseStore } from '../../main/db/enterprises';

const demo = useDemoWorkstation('ws-ent-');
const { call, one, all } = demo;
const END = TEST_DEMO_END;

describe('monitor overview', () => {
  it('totals the month as SQL does, and matches the ENT.* indicators the generator published', async () => {
    const o = await call<EnterpriseOverview>('enterprises.overview', { groupBy: 'sector' });
    expect(o.period).toBe(END);
    const sums = one<{ firms: number; opening: number; closing: number; hires: number; seps: number; eco: number }>(
      `SELECT count(*) AS firms, sum(opening) AS opening, sum(closing) AS closing, sum(hires) AS hires,
        sum(sep_economic + sep_contract_end + sep_quit + sep_retire + sep_other) AS seps, sum(sep_economic) AS eco
       FROM enterprise_report WHERE period = ?`,
      END,
    );
    expect(o.totals).toMatchObject({ firms: sums.firms, opening: sums.opening, closing: sums.closing, hires: sums.hires, separations: sums.seps, sepEconomic: sums.eco, netChange: sums.closing - sums.opening });
    expect(o.totals!.jobLossRate).toBeCloseTo((100 * sums.seps) / sums.opening, 10);
    const published = one<{ value: number }>(`SELECT o.value FROM observation o JOIN series s ON s.id = o.series_id WHERE s.indicator = 'ENT.HEADCOUNT' AND s.members = '' AND o.period = ?`, END);
    expect(o.totals!.closing).toBe(published.value);
    const prev = one<{ closing: number }>('SELECT sum(closing) AS closing FROM enterprise_report WHERE period = ?', '2026-09');
    expect(o.vsPrevious.headcountPct).toBeCloseTo((sums.closing / prev.closing - 1) * 100, 9);
    // groups add up to the total
    expect(o.groups.reduce((s, g) => s + g.totals.closing, 0)).toBe(sums.closing);
    expect(o.trend).toHaveLength(36);
    expect(o.trend[o.trend.length - 1]).toMatchObject({ period: END, headcount: sums.closing });
    expect(Object.values(o.production).reduce((a, b) => a + b, 0)).toBe(sums.firms);
  });

  it('computes the diffusion indices from each firm’s answers', async () => {
    const o = await call<EnterpriseOverview>('enterprises.overview', { groupBy: 'district', months: 12 });
    const rows = all<{ cur_h: number; prev_h: number; closing: number; opening: number; production: string; w: number; pw: number }>(
      `SELECT c.hires AS cur_h, p.hires AS prev_h, c.closing, c.opening, c.production, c.avg_wage AS w, p.avg_wage AS pw
       FROM enterprise_report c JOIN enterprise_report p ON p.enterprise_id = c.enterprise_id AND p.period = '2026-09' WHERE c.period = ?`,
      END,
    );
    const index = (answers: number[]) => (100 * answers.reduce((a, b) => a + b, 0)) / answers.length;
    const hiring = index(rows.map((r) => (r.cur_h > r.prev_h ? 1 : r.cur_h === r.prev_h ? 0.5 : 0)));
    const headcount = index(rows.map((r) => (r.closing > r.opening ? 1 : r.closing === r.opening ? 0.5 : 0)));
    const wages = index(rows.map((r) => (Math.abs(r.w - r.pw) <= 0.005 * r.pw ? 0.5 : r.w > r.pw ? 1 : 0)));
    const production = index(rows.map((r) => (r.production === 'expanded' ? 1 : r.production === 'normal' ? 0.5 : 0)));
    const last = o.diffusion[o.diffusion.length - 1]!;
    expect(last.period).toBe(END);
    expect(last.hiring).toBeCloseTo(hiring, 9);
    expect(last.headcount).toBeCloseTo(headcount, 9);
    expect(last.wages).toBeCloseTo(wages, 9);
    expect(last.production).toBeCloseTo(production, 9);
  });

  it('aggregates a month of reports into exactly the ENT.* observations the demo generator stored', () => {
    const store = new EnterpriseStore(demo.ws.ctx.db);
    const firms = new Map(store.listEnterprises().map((e) => [e.id, e]));
    for (const period of ['2020-02', END]) {
      const obs = panelObservations(store.reportsForPeriod(period).map((report) => ({ firm: firms.get(report.enterpriseId)!, report })));
      for (const o of obs) {
        const stored = one<{ value: number }>(`SELECT o.value FROM observation o JOIN series s ON s.id = o.series_id WHERE s.indicator = ? AND s.members = ? AND o.period = ?`, o.indicator, seriesKey(o.members), period);
        expect(stored.value, `${o.indicator} ${seriesKey(o.members)} ${period}`).toBe(o.value);
      }
      expect(obs.length).toBe(4 * (1 + new Set([...firms.values()].map((f) => f.district)).size + new Set([...firms.values()].map((f) => f.sector)).size));
    }
  });
});

describe('largest reducers', () => {
  it('ranks by net reduction, ties by economic layoffs, as SQL orders them', async () => {
    const cuts = await call<TopCuts>('enterprises.topCuts', { period: END, limit: 10 });
    const expected = all<{ credit_code: string; reduction: number }>(
      `SELECT e.credit_code, r.opening - r.closing AS reduction FROM enterprise_report r JOIN enterprise e ON e.id = r.enterprise_id
       WHERE r.period = ? AND r.opening > r.closing ORDER BY reduction DESC, r.sep_economic DESC, e.id LIMIT 10`,
      END,
    );
    expect(cuts.items.map((i) => [i.firm.creditCode, i.reduction])).toEqual(expected.map((e) => [e.credit_code, e.reduction]));
    const totals = one<{ n: number; total: number }>('SELECT count(*) AS n, sum(opening - closing) AS total FROM enterprise_report WHERE period = ? AND opening > closing', END);
    expect(cuts.reducingFirms).toBe(totals.n);
    expect(cuts.totalReduction).toBe(totals.total);
    for (const i of cuts.items) expect(Object.values(i.reasons).reduce((a, b) => a + b, 0)).toBe(i.separations);
  });

  it('filters by sector', async () => {
    const cuts = await call<TopCuts>('enterprises.topCuts', { period: END, limit: 5, filter: { sectors: ['TRADSVC'] } });
    expect(cuts.items.length).toBeGreaterThan(0);
    for (const i of cuts.items) expect(i.firm.sector).toBe('TRADSVC');
  });
});

describe('social-insurance cross-check', () => {
  it('lists the gaps above the threshold in both directions, firms without a record, and codes not monitored', async () => {
    const result = await call<CrossCheckResult>('enterprises.crossCheck', { period: END });
    expect(result.thresholdPct).toBe(10);
    const gaps = all<{ credit_code: string; closing: number; contributors: number }>(
      `SELECT e.credit_code, r.closing, s.contributors FROM enterprise_report r JOIN enterprise e ON e.id = r.enterprise_id
       JOIN si_contribution s ON s.credit_code = e.credit_code AND s.period = r.period
       WHERE r.period = ? AND abs(s.contributors - r.closing) * 100.0 > 10 * r.closing`,
      END,
    );
    const listed = result.rows.filter((r) => r.kind === 'gap');
    expect(new Set(listed.map((r) => r.creditCode))).toEqual(new Set(gaps.map((g) => g.credit_code)));
    expect(listed.some((r) => r.direction === 'more_contributors')).toBe(true);
    expect(listed.some((r) => r.direction === 'fewer_contributors')).toBe(true);
    for (const r of listed) expect(r.direction === 'more_contributors').toBe(r.contributors! > r.reported!);
    const missing = one<{ n: number }>(`SELECT count(*) AS n FROM enterprise_report r JOIN enterprise e ON e.id = r.enterprise_id WHERE r.period = ? AND NOT EXISTS (SELECT 1 FROM si_contribution s WHERE s.credit_code = e.credit_code AND s.period = r.period)`, END);
    expect(result.rows.filter((r) => r.kind === 'no_si_record')).toHaveLength(missing.n);
    const unreported = one<{ n: number }>(`SELECT count(*) AS n FROM si_contribution s JOIN enterprise e ON e.credit_code = s.credit_code WHERE s.period = ? AND NOT EXISTS (SELECT 1 FROM enterprise_report r WHERE r.enterprise_id = e.id AND r.period = s.period)`, END);
    expect(result.rows.filter((r) => r.kind === 'no_report')).toHaveLength(unreported.n);
    const outside = one<{ n: number }>(`SELECT count(*) AS n FROM si_contribution s WHERE s.period = ? AND s.credit_code NOT IN (SELECT credit_code FROM enterprise)`, END);
    expect(result.rows.filter((r) => r.kind === 'not_monitored')).toHaveLength(outside.n);
    expect(outside.n).toBeGreaterThan(0);
  });

  it('takes another threshold, and keeps the setting audited', async () => {
    const wide = await call<CrossCheckResult>('enterprises.crossCheck', { period: END, thresholdPct: 30 });
    const n30 = one<{ n: number }>(`SELECT count(*) AS n FROM enterprise_report r JOIN enterprise e ON e.id = r.enterprise_id JOIN si_contribution s ON s.credit_code = e.credit_code AND s.period = r.period WHERE r.period = ? AND abs(s.contributors - r.closing) * 100.0 > 30 * r.closing`, END);
    expect(wide.rows.filter((r) => r.kind === 'gap')).toHaveLength(n30.n);
    await call('enterprises.saveSettings', { crossCheckThresholdPct: 20 });
    expect((await call<CrossCheckResult>('enterprises.crossCheck', { period: END })).thresholdPct).toBe(20);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'enterprises.settings'").n).toBe(1);
    const bad = await demo.ws.dispatch('enterprises.saveSettings', { wageBounds: { min: 9000, max: 100 } });
    expect(bad.ok).toBe(false);
    await call('enterprises.saveSettings', { crossCheckThresholdPct: 10 });
  });
});

describe('Article 41', () => {
  it('flags exactly the firms SQL finds, over-200 first', async () => {
    const result = await call<Article41Result>('enterprises.layoffFlags', {});
    const flagged = all<{ credit_code: string }>(
      `SELECT e.credit_code FROM enterprise_report r JOIN enterprise e ON e.id = r.enterprise_id WHERE r.period = ?
       AND ((r.sep_economic >= 20 OR (r.sep_economic > 0 AND r.sep_economic * 10 >= r.opening))
         OR (r.planned_cuts >= 20 OR (r.planned_cuts > 0 AND r.planned_cuts * 10 >= r.opening)))`,
      END,
    );
    expect(new Set(result.rows.map((r) => r.firm.creditCode))).toEqual(new Set(flagged.map((f) => f.credit_code)));
    const history = await call<Article41Result>('enterprises.layoffFlags', { period: '2020-02' });
    const big = one<{ n: number }>("SELECT count(*) AS n FROM enterprise_report WHERE period = '2020-02' AND sep_economic > 200");
    expect(history.rows.filter((r) => r.flag.bigCut)).toHaveLength(big.n);
    if (big.n) expect(history.rows[0]!.flag.bigCut).toBe(true);
  });
});

describe('firm page', () => {
  it('has the firm’s whole history with contributors, its alerts and ledger items', async () => {
    const item = one<{ enterprise_id: number }>('SELECT enterprise_id FROM ledger_item WHERE enterprise_id IS NOT NULL ORDER BY id LIMIT 1');
    const d = await call<FirmDetail>('enterprises.detail', { id: item.enterprise_id });
    expect(d.months).toHaveLength(one<{ n: number }>('SELECT count(*) AS n FROM enterprise_report WHERE enterprise_id = ?', item.enterprise_id).n);
    expect(d.ledger.map((l) => l.subject.enterpriseId)).toContain(item.enterprise_id);
    expect(d.alerts.length).toBe(one<{ n: number }>('SELECT count(*) AS n FROM alert WHERE enterprise_id = ?', item.enterprise_id).n);
    const withSi = d.months.filter((m) => m.contributors !== null);
    expect(withSi.length).toBeGreaterThan(0);
    for (const m of withSi) expect(m.gapPct).toBeCloseTo((100 * (m.contributors! - m.closing)) / m.closing, 9);
    const bad = await demo.ws.dispatch('enterprises.detail', { id: 999999 });
    expect(bad.ok || bad.error.code).toBe('enterprises.not_found');
  });
});

describe('exports', () => {
  it('writes the firm list as CSV and XLSX with one row per firm', async () => {
    const csv = await call<ExportedFile>('enterprises.export', { table: 'list', format: 'csv', filter: { sectors: ['COAL'] } });
    const coal = one<{ n: number }>("SELECT count(*) AS n FROM enterprise WHERE sector = 'COAL'").n;
    expect(csv.content.startsWith('\ufeff统一社会信用代码,企业名称')).toBe(true);
    expect(csv.content.trim().split('\r\n')).toHaveLength(coal + 1);
    expect(csv.content).not.toMatch(/NaN|Infinity|undefined/);
    const xlsx = await call<ExportedFile>('enterprises.export', { table: 'topCuts', format: 'xlsx', period: END, limit: 20, locale: 'en-US' });
    expect(xlsx.encoding).toBe('base64');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.content, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Rank');
    expect(sheet.rowCount).toBe(21);
    const cuts = await call<TopCuts>('enterprises.topCuts', { period: END, limit: 20 });
    expect(sheet.getRow(2).getCell(2).value).toBe(cuts.items[0]!.firm.creditCode);
  });
});

describe('key groups', () => {
  it('shows rural transfer breakdowns that add up to the total, and the graduates’ cycle', async () => {
    const g = await call<KeyGroupsDashboard>('groups.dashboard', {});
    expect(g.period).toBe(END);
    expect(g.rural.period).toBe('2026-Q3');
    for (const parts of [g.rural.byDestination, g.rural.byIndustry, g.rural.byWage]) {
      expect(parts.reduce((s, b) => s + (b.value ?? 0), 0)).toBeCloseTo(g.rural.total!, 6);
    }
    expect(g.graduates.cycle).toBe(2026);
    expect(g.graduates.months.map((m) => m.period)).toEqual(['2026-07', '2026-08', '2026-09', '2026-10']);
    for (const m of g.graduates.months) expect(m.byDegree.reduce((s, b) => s + (b.value ?? 0), 0)).toBe(m.total);
    const zero = all<{ period: string; value: number }>("SELECT o.period, o.value FROM observation o JOIN series s ON s.id = o.series_id WHERE s.indicator = 'GRP.ZERO_EMP_HH' AND s.members = '' ORDER BY o.period DESC");
    let run = 0;
    for (const z of zero) {
      if (z.value !== 0) break;
      run++;
    }
    expect(g.zeroEmployment.monthsAtZero).toBe(run);
    expect(g.zeroEmployment.target).toBe(0);
    const early = await call<KeyGroupsDashboard>('groups.dashboard', { period: '2026-03' });
    expect(early.graduates.cycle).toBe(2025);
    expect(early.graduates.months).toHaveLength(6);
  });
});

describe('signals', () => {
  it('lists the month’s cases with counts by district and category', async () => {
    const s = await call<SignalList>('signals.list', {});
    expect(s.period).toBe(END);
    const n = one<{ rows: number; total: number; linked: number }>('SELECT count(*) AS rows, sum(count) AS total, sum(enterprise_id IS NOT NULL) AS linked FROM signal_case WHERE period = ?', END);
    expect(s.cases).toHaveLength(n.rows);
    expect(Object.values(s.byCategory).reduce((a, b) => a + b, 0)).toBe(n.total);
    expect(s.linked).toBe(n.linked);
    const wage = await call<SignalList>('signals.list', { categories: ['wage_arrears'], districts: ['210114'] });
    for (const c of wage.cases) expect([c.category, c.district]).toEqual(['wage_arrears', '210114']);
  });
});
