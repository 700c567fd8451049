/** The climate index and lead/lag services against a copy of the demo cache. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ClimateIndexResult, IndexDefinition, IndexDefinitionSummary, LeadLagResult } from '../../shared/api/analytics';
import type { ExportedFile } from '../../shared/api/series';
import { DEFAULT_DEFINITION_NAME, DEFAULT_DEFINITION_SPEC } from '../../shared/analytics/default-definition';
import { climateSentence } from '../../shared/analytics/climate-summary';
import { useDemoWorkstation } from '../support/workstation';

const demo = useDemoWorkstation('ws-climate-', 'test');
const { call: ok, refused: fails } = demo;

const sumOf = (xs: Array<number | null>) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);

describe('climate index service', () => {
  it('ships the default definition as version 1', async () => {
    const list = await ok<IndexDefinitionSummary[]>('climate.definitions', {});
    expect(list).toEqual([expect.objectContaining({ name: DEFAULT_DEFINITION_NAME, latestVersion: 1, versions: 1, title: DEFAULT_DEFINITION_SPEC.title })]);
    const def = await ok<IndexDefinition>('climate.definition', {});
    expect(def.spec.components.map((c) => [c.indicator, c.direction])).toEqual(DEFAULT_DEFINITION_SPEC.components.map((c) => [c.indicator, c.direction]));
  });

  it('computes the default index on the demo, records the definition version and snapshot state, and caches', async () => {
    const r = await ok<ClimateIndexResult>('climate.compute', {});
    const maxSnapshot = (demo.ws.ctx.db.prepare('SELECT max(id) AS m FROM snapshot').get() as { m: number }).m;
    expect(r.definition).toMatchObject({ name: DEFAULT_DEFINITION_NAME, version: 1 });
    expect(r.state).toMatchObject({ maxSnapshot, deletedSnapshots: [], cached: false });
    expect(r.frequency).toBe('M');
    expect(r.periods.at(-1)).toBe('2026-10');
    // Base year 2024 averages 100.
    const y2024 = r.periods.map((p, i) => (p.startsWith('2024-') ? r.index[i]! : null)).filter((v): v is number => v !== null);
    expect(y2024).toHaveLength(12);
    expect(y2024.reduce((a, b) => a + b, 0) / 12).toBeCloseTo(100, 9);
    // Weights sum to 1; quarterly components enter at quarter ends only.
    expect(sumOf(r.components.map((c) => c.weight))).toBeCloseTo(1, 12);
    const demand = r.components.find((c) => c.key === 'LMK.DEMAND')!;
    expect(demand.frequency).toBe('Q');
    const may = r.periods.indexOf('2026-05');
    expect(demand.contributions[may]).toBeNull();
    expect(r.absent[may]).toEqual(expect.arrayContaining([{ id: 'LMK.DEMAND', reason: 'frequency' }, { id: 'LMK.RATIO', reason: 'frequency' }]));
    // YTD components are de-cumulated; inverted ones are marked.
    expect(r.components.find((c) => c.key === 'UI.NEW_CLAIMS')).toMatchObject({ inverted: true, preparation: { decumulated: true, seasonallyAdjusted: true } });
    expect(r.components.find((c) => c.key === 'MAC.IVA_G')!.preparation.notes).toContain('ytd_growth_as_published');
    // Contributions add up, month by month; nothing is NaN.
    for (let t = 1; t < r.periods.length; t++) {
      if (r.change[t] === null) continue;
      expect(sumOf(r.components.map((c) => c.pointContributions[t]!))).toBeCloseTo(r.change[t]!, 9);
    }
    expect([...r.index, ...r.change, ...r.components.flatMap((c) => c.pointContributions)].every((v) => v === null || Number.isFinite(v))).toBe(true);
    expect(climateSentence(r, r.periods.length - 1, 'zh-CN')).toMatch(/^本月指数(上升|下降)\d+\.\d点|^本月指数与上期基本持平/);

    const again = await ok<ClimateIndexResult>('climate.compute', {});
    expect(again.state).toMatchObject({ cached: true, key: r.state.key, computedAt: r.state.computedAt });
    expect(again.index).toEqual(r.index);
  });

  it('an index of one component without adjustment reproduces the component rebased to its base year', async () => {
    await ok<IndexDefinition>('climate.saveDefinition', {
      name: 'headcount-only',
      spec: { title: { zh: '在岗', en: 'Headcount' }, components: [{ indicator: 'ENT.HEADCOUNT' }], baseYear: 2020, seasonalAdjustment: 'none' },
    });
    const r = await ok<ClimateIndexResult>('climate.compute', { name: 'headcount-only' });
    const rows = demo.ws.ctx.db
      .prepare(`SELECT o.period, o.value FROM observation o JOIN series s ON s.id = o.series_id WHERE s.indicator = 'ENT.HEADCOUNT' AND s.members = '' ORDER BY o.period`)
      .all() as Array<{ period: string; value: number }>;
    const base = rows.filter((x) => x.period.startsWith('2020-')).reduce((a, x) => a + x.value, 0) / 12;
    for (const row of rows) expect(r.index[r.periods.indexOf(row.period)]).toBeCloseTo((100 * row.value) / base, 9);
  });

  it('saves versions without overwriting, and each result names the version it used', async () => {
    const v2 = await ok<IndexDefinition>('climate.saveDefinition', {
      name: DEFAULT_DEFINITION_NAME,
      spec: { ...DEFAULT_DEFINITION_SPEC, baseYear: 2023 },
      note: 'base 2023',
    });
    expect(v2).toMatchObject({ version: 2, createdBy: 'test', note: 'base 2023' });
    const latest = await ok<ClimateIndexResult>('climate.compute', {});
    const first = await ok<ClimateIndexResult>('climate.compute', { version: 1 });
    expect(latest.definition.version).toBe(2);
    expect(first.definition.version).toBe(1);
    const y2023 = latest.periods.map((p, i) => (p.startsWith('2023-') ? latest.index[i]! : 0)).reduce((a, b) => a + b, 0) / 12;
    expect(y2023).toBeCloseTo(100, 9);
    // Rebasing does not change the shape: the ratio of any two months is the same.
    const a = latest.periods.indexOf('2025-06');
    const b = latest.periods.indexOf('2019-03');
    expect(latest.index[a]! / latest.index[b]!).toBeCloseTo(first.index[a]! / first.index[b]!, 9);
    const versions = await ok<IndexDefinition[]>('climate.versions', { name: DEFAULT_DEFINITION_NAME });
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    const audit = demo.ws.ctx.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'climate.saveDefinition'").get() as { n: number };
    expect(audit.n).toBeGreaterThanOrEqual(2);
  });

  it('is recomputed after an import (a new snapshot) and after a snapshot is deleted', async () => {
    const before = await ok<ClimateIndexResult>('climate.compute', { version: 1 });
    // A revision of last month's hires arrives in a new snapshot.
    const db = demo.ws.ctx.db;
    const snap = Number(
      db
        .prepare(`INSERT INTO snapshot (source_unit, kind, file_name, imported_at, imported_by, rows_read, rows_stored, period_from, period_to) VALUES ('RSJ', 'file', 'revision.xlsx', ?, 'test', 1, 1, '2026-10', '2026-10')`)
        .run(new Date().toISOString()).lastInsertRowid,
    );
    const seriesId = (db.prepare(`SELECT id FROM series WHERE indicator = 'ENT.HIRES' AND members = ''`).get() as { id: number }).id;
    const old = (db.prepare(`SELECT value FROM observation WHERE series_id = ? AND period = '2026-10' ORDER BY snapshot_id DESC LIMIT 1`).get(seriesId) as { value: number }).value;
    db.prepare(`INSERT INTO observation (series_id, period, snapshot_id, value) VALUES (?, '2026-10', ?, ?)`).run(seriesId, snap, old * 1.3);
    const after = await ok<ClimateIndexResult>('climate.compute', { version: 1 });
    expect(after.state).toMatchObject({ cached: false, maxSnapshot: snap });
    expect(after.index.at(-1)).toBeGreaterThan(before.index.at(-1)!);
    db.prepare(`UPDATE snapshot SET deleted_at = ?, deleted_by = 'test' WHERE id = ?`).run(new Date().toISOString(), snap);
    const undone = await ok<ClimateIndexResult>('climate.compute', { version: 1 });
    expect(undone.state).toMatchObject({ cached: false, deletedSnapshots: [snap] });
    expect(undone.index.at(-1)).toBeCloseTo(before.index.at(-1)!, 9);
  });

  it('exports CSV and XLSX with the same numbers', async () => {
    const r = await ok<ClimateIndexResult>('climate.compute', { version: 1 });
    const csv = await ok<ExportedFile>('climate.export', { version: 1, format: 'csv' });
    expect(csv.fileName).toBe(`${DEFAULT_DEFINITION_NAME}_v1.csv`);
    const lines = csv.content.trim().split('\n');
    expect(lines[0]).toBe(['period', 'index', 'change', 'growth', 'coverage', ...r.components.map((c) => c.key)].join(','));
    const last = lines.at(-1)!.split(',');
    expect(last[0]).toBe('2026-10');
    expect(Number(last[1])).toBeCloseTo(r.index.at(-1)!, 5);
    expect(Number(last[5])).toBeCloseTo(r.components[0]!.pointContributions.at(-1)!, 5);

    const xlsx = await ok<ExportedFile>('climate.export', { version: 1, format: 'xlsx', locale: 'zh-CN' });
    expect(xlsx).toMatchObject({ encoding: 'base64', fileName: `${DEFAULT_DEFINITION_NAME}_v1.xlsx` });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.content, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['指数', '成分', '说明']);
    const sheet = wb.getWorksheet('指数')!;
    const lastRow = sheet.getRow(sheet.rowCount);
    expect(lastRow.getCell(2).value).toBe('2026-10');
    expect(lastRow.getCell(3).value as number).toBeCloseTo(r.index.at(-1)!, 9);
    expect(sheet.getRow(1).getCell(7).value).toContain(r.components[0]!.label.zh);
    // The first period has no change: an empty cell, not NaN.
    expect(sheet.getRow(2).getCell(4).value).toBeNull();
    expect(wb.getWorksheet('说明')!.getRow(2).getCell(2).value).toBe(1);
  });

  it('refuses unknown definitions and invalid components with typed errors, storing nothing', async () => {
    expect((await fails('climate.compute', { name: 'nope' })).code).toBe('climate.definition_not_found');
    const n = (demo.ws.ctx.db.prepare('SELECT count(*) AS n FROM index_definition').get() as { n: number }).n;
    expect((await fails('climate.saveDefinition', { name: 'bad', spec: { title: { zh: 'x', en: 'x' }, components: [{ indicator: 'NO.SUCH' }], baseYear: 2024 } })).code).toBe('series.unknown_indicator');
    expect((await fails('climate.saveDefinition', { name: 'bad', spec: { title: { zh: 'x', en: 'x' }, components: [{ indicator: 'ENT.HIRES', members: { gender: 'F' } }], baseYear: 2024 } })).code).toBe('series.unknown_dimension');
    expect(
      (await fails('climate.saveDefinition', { name: 'bad', spec: { title: { zh: 'x', en: 'x' }, weighting: 'fixed', components: [{ indicator: 'ENT.HIRES', weight: 0.5 }, { indicator: 'ENT.HEADCOUNT', weight: 0.4 }], baseYear: 2024 } })).code,
    ).toBe('analytics.index_weights_sum');
    expect((demo.ws.ctx.db.prepare('SELECT count(*) AS n FROM index_definition').get() as { n: number }).n).toBe(n);
    // A base year the data do not cover is refused at save time, not stored to fail later.
    expect((await fails('climate.saveDefinition', { name: 'late-base', spec: { title: { zh: 'x', en: 'x' }, components: [{ indicator: 'ENT.HIRES' }], baseYear: 2030 } })).code).toBe('analytics.index_base_year');
    expect((demo.ws.ctx.db.prepare('SELECT count(*) AS n FROM index_definition').get() as { n: number }).n).toBe(n);
  });
});

describe('lead/lag service', () => {
  it("finds the demo business cycle leading employment by two months (PMI employment -> social-insurance contributors)", async () => {
    const r = await ok<LeadLagResult>('leadlag.analyze', {
      target: { indicator: 'ENT.SI_CONTRIB' },
      candidates: [{ indicator: 'MAC.PMI_EMP' }, { indicator: 'LMK.DEMAND' }],
    });
    const pmi = r.candidates[0]!;
    expect(pmi.best).toMatchObject({ lead: 2, significant: true });
    expect(pmi.leads).toHaveLength(25);
    expect(pmi.band).toBeCloseTo(2 / Math.sqrt(pmi.n), 12);
    expect(r.target.preparation.seasonallyAdjusted).toBe(true);
    // A quarterly series cannot be correlated with a monthly one: an explained error, not a crash.
    expect(r.candidates[1]!.error).toMatchObject({ code: 'analytics.xcorr_frequency' });
    expect(r.candidates[1]!.best).toBeNull();
  });
});
