/** Warning evaluation on a copy of the demo cache: what fires, deduplication, edits, clearing. */
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AlertList, EvaluationResult } from '../../shared/api/warnings';
import type { WarningRule } from '../../shared/warnings/rules';
import { openWorkstation, type Workstation } from '../../main/workstation';
import { evaluateWarnings } from '../../main/warnings/engine';
import { demoDataDir, TEST_DEMO_END } from '../support/demo-template';
import { useDemoWorkstation } from '../support/workstation';

const demo = useDemoWorkstation('ws-warn-');
const { call, one, all, refused: refusedError } = demo;
const refused = async (method: string, input: unknown) => (await refusedError(method, input)).code;
const ruleId = (code: string) => one<{ id: number }>('SELECT id FROM warning_rule WHERE code = ?', code).id;
const END = TEST_DEMO_END;

describe('evaluation', () => {
  it('re-evaluating a month creates no duplicates and changes nothing', async () => {
    const before = one<{ n: number }>('SELECT count(*) AS n FROM alert').n;
    const first = await call<EvaluationResult>('warnings.evaluate', { period: END });
    const second = await call<EvaluationResult>('warnings.evaluate', { period: END });
    expect(second).toMatchObject({ raised: 0, updated: 0, cleared: 0 });
    expect(second.unchanged).toBe(first.alerts.length);
    expect(second.alerts.map((a) => a.id)).toEqual(first.alerts.map((a) => a.id));
    expect(one<{ n: number }>('SELECT count(*) AS n FROM alert').n).toBe(before + first.raised);
    const dupes = one<{ n: number }>('SELECT count(*) AS n FROM (SELECT rule_id, subject_key, period FROM alert GROUP BY 1, 2, 3 HAVING count(*) > 1)');
    expect(dupes.n).toBe(0);
  });

  it('evaluates any past month on demand; Article 41 fires for exactly the firms SQL finds, over 200 in red', async () => {
    const month = '2020-05';
    expect(one<{ n: number }>('SELECT count(*) AS n FROM alert WHERE period = ?', month).n).toBe(0);
    const result = await call<EvaluationResult>('warnings.evaluate', { period: month });
    expect(result.raised).toBeGreaterThan(0);
    const art41 = result.alerts.filter((a) => a.ruleCode === 'ART41');
    const expected = all<{ credit_code: string; sep_economic: number }>(
      `SELECT e.credit_code, r.sep_economic FROM enterprise_report r JOIN enterprise e ON e.id = r.enterprise_id
       WHERE r.period = ? AND (r.sep_economic >= 20 OR (r.sep_economic > 0 AND r.sep_economic * 10 >= r.opening))`,
      month,
    );
    expect(new Set(art41.map((a) => a.subject.key))).toEqual(new Set(expected.map((e) => `firm:${e.credit_code}`)));
    for (const a of art41) {
      const e = expected.find((x) => `firm:${x.credit_code}` === a.subject.key)!;
      expect(a.level).toBe(e.sep_economic > 200 ? 'red' : 'orange');
      expect(a.value).toBe(e.sep_economic);
    }
    expect(art41.some((a) => a.level === 'red')).toBe(true);
  });

  it('counts signals per district and category as SQL does', async () => {
    const result = await call<AlertList>('warnings.alerts', { period: END, status: 'active' });
    const arrears = result.alerts.filter((a) => a.ruleCode === 'SIG_DISTRICT_ARREARS');
    const counts = all<{ district: string; n: number }>(
      `SELECT district, sum(count) AS n FROM signal_case WHERE period = ? AND category = 'wage_arrears' AND district IS NOT NULL GROUP BY district HAVING sum(count) >= 12`,
      END,
    );
    expect(new Map(arrears.map((a) => [a.subject.key, a.value]))).toEqual(new Map(counts.map((c) => [`district:${c.district}`, c.n])));
    // the planted cluster in Yuhong reaches orange (20 or more)
    expect(arrears.find((a) => a.subject.key === 'district:210114')?.level).toMatch(/orange|red/);
  });

  it('watches a filtered panel aggregate: traditional heavy industry headcount year on year', async () => {
    const id = ruleId('ENT_HEAVY_YOY');
    await call('warnings.evaluate', { from: '2020-01', to: '2020-12' });
    const alerts = all<{ period: string; value: number }>('SELECT period, value FROM alert WHERE rule_id = ? AND period LIKE ? ORDER BY period', id, '2020-%');
    const heavy = (period: string) =>
      one<{ n: number }>(`SELECT sum(r.closing) AS n FROM enterprise_report r JOIN enterprise e ON e.id = r.enterprise_id WHERE r.period = ? AND e.sector IN ('EQUIP', 'METAL', 'PETRO', 'COAL')`, period).n;
    const expected = [];
    for (let m = 1; m <= 12; m++) {
      const p = `2020-${String(m).padStart(2, '0')}`;
      const pct = (heavy(p) / heavy(`2019-${p.slice(5)}`) - 1) * 100;
      if (-pct >= 3) expected.push([p, pct]);
    }
    expect(alerts.map((a) => a.period)).toEqual(expected.map((e) => e[0]));
    for (const [i, a] of alerts.entries()) expect(a.value).toBeCloseTo(expected[i]![1] as number, 6);
  });

  it('quarterly indicators evaluate the latest quarter ended by the month', async () => {
    await call('warnings.evaluate', { period: '2020-05' });
    const periods = all<{ period: string }>('SELECT DISTINCT a.period FROM alert a JOIN warning_rule r ON r.id = a.rule_id WHERE r.code = ? AND a.period LIKE ?', 'UNE_REG_RATE_DISTRICT', '2020%');
    for (const p of periods) expect(p.period).toMatch(/^2020-Q[1-4]$/);
    const list = await call<AlertList>('warnings.alerts', { period: '2020-05' });
    expect(list.alerts.every((a) => ['2020-05', '2020-Q1', '2019'].includes(a.period))).toBe(true);
  });

  it('clears alerts the data no longer support (a deleted snapshot) and raises them again when it is back', async () => {
    const id = ruleId('SI_CROSSCHECK');
    const active = () => one<{ n: number }>("SELECT count(*) AS n FROM alert WHERE rule_id = ? AND period = ? AND status = 'active'", id, END).n;
    const before = active();
    expect(before).toBeGreaterThan(0);
    const snap = one<{ id: number }>("SELECT id FROM snapshot WHERE source_unit = 'SBZX' AND period_from = ?", END).id;
    demo.ws.ctx.db.prepare("UPDATE snapshot SET deleted_at = '2026-11-20T00:00:00Z', deleted_by = 'tester' WHERE id = ?").run(snap);
    const cleared = await call<EvaluationResult>('warnings.evaluate', { period: END });
    expect(cleared.cleared).toBeGreaterThanOrEqual(before);
    expect(active()).toBe(0);
    demo.ws.ctx.db.prepare('UPDATE snapshot SET deleted_at = NULL, deleted_by = NULL WHERE id = ?').run(snap);
    const back = await call<EvaluationResult>('warnings.evaluate', { period: END });
    expect(active()).toBe(before);
    expect(back.raised).toBe(0);
    expect(back.updated).toBeGreaterThanOrEqual(before);
  });
});

describe('bulk evaluation', () => {
  it('evaluating many months in one pass raises exactly what evaluating them one by one does', () => {
    const a = demoDataDir('ws-warn-bulk-');
    const b = demoDataDir('ws-warn-single-');
    const wa = openWorkstation({ dataDir: a, demo: false, actor: 't' });
    const wb = openWorkstation({ dataDir: b, demo: false, actor: 't' });
    try {
      const months = ['2018-01', '2018-02', '2018-03', '2018-04', '2018-05', '2018-06', '2018-07'];
      evaluateWarnings(wa.ctx.db, { periods: months, actor: 't', trigger: 'manual' });
      for (const m of months) evaluateWarnings(wb.ctx.db, { periods: [m], actor: 't', trigger: 'manual' });
      const read = (w: Workstation) => w.ctx.db.prepare('SELECT rule_id, subject_key, period, level, value, evidence, status FROM alert ORDER BY rule_id, subject_key, period').all();
      const bulk = read(wa);
      expect(bulk.length).toBeGreaterThan(50);
      expect(bulk).toEqual(read(wb));
    } finally {
      wa.close();
      wb.close();
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });
});

describe('rules', () => {
  it('an edit is audited, bumps the version and updates the alerts in place', async () => {
    const id = ruleId('ART41');
    const rule = (await call<WarningRule[]>('warnings.rules', {})).find((r) => r.id === id)!;
    const ids = all<{ id: number }>('SELECT id FROM alert WHERE rule_id = ? AND period = ? ORDER BY id', id, END).map((r) => r.id);
    const updated = await call<WarningRule>('warnings.updateRule', { id, definition: { kind: rule.kind, name: rule.name, scope: rule.scope, params: { ...rule.params, level: 'yellow' } } });
    expect(updated.version).toBe(rule.version + 1);
    const result = await call<EvaluationResult>('warnings.evaluate', { period: END });
    const after = all<{ id: number; level: string; rule_version: number }>('SELECT id, level, rule_version FROM alert WHERE rule_id = ? AND period = ? ORDER BY id', id, END);
    expect(after.map((a) => a.id)).toEqual(ids);
    expect(after.every((a) => a.rule_version === updated.version && (a.level === 'yellow' || a.level === 'red'))).toBe(true);
    expect(result.alerts.filter((a) => a.ruleId === id).every((a) => a.change === 'updated')).toBe(true);
    const audit = one<{ details: string }>("SELECT details FROM audit_log WHERE action = 'warnings.rule.update' AND entity_id = ?", String(id));
    expect(JSON.parse(audit.details)).toMatchObject({ code: 'ART41', before: { params: { level: 'orange' } }, after: { params: { level: 'yellow' } } });
  });

  it('a disabled rule is not evaluated', async () => {
    const id = ruleId('FIRM_NET_REDUCTION');
    await call('warnings.setRuleEnabled', { id, enabled: false });
    await call('warnings.evaluate', { period: '2019-06' });
    expect(one<{ n: number }>("SELECT count(*) AS n FROM alert WHERE rule_id = ? AND period = '2019-06'", id).n).toBe(0);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'warnings.rule.disable'").n).toBe(1);
    await call('warnings.setRuleEnabled', { id, enabled: true });
  });

  it('creates user rules after checking them against the catalogue', async () => {
    const name = { zh: '铁西区登记失业人数', en: 'Registered unemployed, Tiexi' };
    expect(await refused('warnings.createRule', { definition: { kind: 'threshold', name, scope: { type: 'indicator', indicator: 'NO.SUCH' }, params: { bands: { red: 1 } } } })).toBe('warnings.unknown_indicator');
    expect(await refused('warnings.createRule', { definition: { kind: 'threshold', name, scope: { type: 'indicator', indicator: 'UNE.REG_COUNT', members: { district: '999999' } }, params: { bands: { red: 1 } } } })).toBe('warnings.unknown_member');
    expect(await refused('warnings.createRule', { definition: { kind: 'threshold', name, scope: { type: 'indicator', indicator: 'UNE.REG_COUNT', breakdown: 'degree' }, params: { bands: { red: 1 } } } })).toBe('warnings.unknown_dimension');
    // "up is good": the bands must fall with the level
    expect(await refused('warnings.createRule', { definition: { kind: 'threshold', name, scope: { type: 'indicator', indicator: 'ENT.HEADCOUNT' }, params: { bands: { yellow: 300000, red: 340000 } } } })).toBe('warnings.bands_not_monotone');
    expect(await refused('warnings.createRule', { definition: { kind: 'change', name, scope: { type: 'indicator', indicator: 'UNE.REG_COUNT' }, params: { basis: 'mom', bands: { yellow: 5, orange: 4 } } } })).toBe('warnings.bands_not_monotone');
    expect(await refused('warnings.createRule', { definition: { kind: 'threshold', name, scope: { type: 'panel', sectors: ['NOPE'], districts: [], metric: 'headcount' }, params: { bands: { red: 1 } } } })).toBe('warnings.unknown_member');
    expect(await refused('warnings.createRule', { definition: { kind: 'threshold', name, scope: { type: 'panel', sectors: [], districts: [] }, params: { bands: { red: 1 } } } })).toBe('warnings.panel_metric_required');
    expect(await refused('warnings.createRule', { definition: { kind: 'threshold', name, scope: { type: 'indicator', indicator: 'UNE.REG_COUNT' }, params: { bands: {} } } })).toBe('warnings.bands_empty');
    expect(await refused('warnings.createRule', { definition: { kind: 'article41', name, scope: { type: 'indicator', indicator: 'UNE.REG_COUNT' }, params: {} } })).toBe('common.invalid_input');

    const created = await call<WarningRule>('warnings.createRule', { definition: { kind: 'threshold', name, scope: { type: 'indicator', indicator: 'UNE.REG_COUNT', members: { district: '210106' } }, params: { bands: { yellow: 1 } } } });
    expect(created).toMatchObject({ code: 'USER_1', builtin: false, enabled: true, version: 1 });
    const result = await call<EvaluationResult>('warnings.evaluate', { period: END });
    const mine = result.alerts.filter((a) => a.ruleId === created.id);
    const value = one<{ value: number }>(`SELECT o.value FROM observation o JOIN series s ON s.id = o.series_id WHERE s.indicator = 'UNE.REG_COUNT' AND s.members = 'district=210106' AND o.period = ?`, END).value;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ level: 'yellow', value, subject: { key: 'series:UNE.REG_COUNT|district=210106', district: '210106' } });
    expect(one<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'warnings.rule.create'").n).toBe(1);
  });
});
