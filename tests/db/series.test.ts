import { describe, expect, it } from 'vitest';
import type { SeriesResult } from '../../shared/api/series';
import type { ExportedFile } from '../../shared/api/series';
import type { Overview } from '../../shared/api/overview';
import { useDemoWorkstation } from '../support/workstation';

const demo = useDemoWorkstation('ws-series-', 'test');
const { call: ok } = demo;

function dbValue(code: string, period: string, members = ''): number {
  const row = demo.ws.ctx.db
    .prepare(
      `SELECT o.value FROM observation o JOIN series s ON s.id = o.series_id
       WHERE s.indicator = ? AND s.members = ? AND o.period = ? ORDER BY o.snapshot_id DESC LIMIT 1`,
    )
    .get(code, members, period) as { value: number };
  return row.value;
}

describe('series service against the demo cache', () => {
  it('returns published values as stored, with their snapshot', async () => {
    const r = await ok<SeriesResult>('series.query', { indicator: 'UNE.SURVEY_RATE' });
    const last = r.series[0]!.points.at(-1)!;
    expect(last.period).toBe('2026-10');
    expect(last.value).toBe(dbValue('UNE.SURVEY_RATE', '2026-10'));
    expect(last.snapshotId).toBeGreaterThan(0);
  });

  it('breaks down by district with the total first, members in catalogue order', async () => {
    const r = await ok<SeriesResult>('series.query', { indicator: 'UNE.REG_COUNT', breakdown: 'district' });
    expect(r.series).toHaveLength(14);
    expect(r.series[0]!.key).toBe('');
    expect(r.series[1]!.key).toBe('district=210102');
    expect(r.series[1]!.label).toEqual({ zh: '和平区', en: 'Heping' });
    const sum = r.series.slice(1).reduce((s, x) => s + x.points.at(-1)!.value!, 0);
    expect(sum).toBe(r.series[0]!.points.at(-1)!.value);
  });

  it('de-cumulates YTD values in the period view and computes YoY in percent for counts, points for rates', async () => {
    const monthly = await ok<SeriesResult>('series.query', { indicator: 'EMP.NEW_URBAN', view: 'period', from: '2026-01' });
    const oct = monthly.series[0]!.points.find((p) => p.period === '2026-10')!;
    expect(oct.value).toBeCloseTo(dbValue('EMP.NEW_URBAN', '2026-10') - dbValue('EMP.NEW_URBAN', '2026-09'), 9);
    const feb = monthly.series[0]!.points.find((p) => p.period === '2026-02')!;
    expect(feb).toMatchObject({ value: dbValue('EMP.NEW_URBAN', '2026-02'), covers: 2 });

    const yoyCount = await ok<SeriesResult>('series.query', { indicator: 'UNE.REG_COUNT', view: 'yoy' });
    expect(yoyCount.valueUnit).toEqual({ zh: '%', en: '%' });
    const expected = (dbValue('UNE.REG_COUNT', '2026-10') / dbValue('UNE.REG_COUNT', '2025-10') - 1) * 100;
    expect(yoyCount.series[0]!.points.at(-1)!.value).toBeCloseTo(expected, 9);

    const yoyRate = await ok<SeriesResult>('series.query', { indicator: 'UNE.SURVEY_RATE', view: 'yoy' });
    expect(yoyRate.valueUnit.zh).toBe('个百分点');
    expect(yoyRate.series[0]!.points.at(-1)!.value).toBeCloseTo(dbValue('UNE.SURVEY_RATE', '2026-10') - dbValue('UNE.SURVEY_RATE', '2025-10'), 9);
  });

  it('exports the exchange format, which carries exactly the shown values', async () => {
    const file = await ok<ExportedFile>('series.exportCsv', { indicator: 'UNE.REG_COUNT', breakdown: 'gender', from: '2026-09' });
    expect(file.fileName).toBe('UNE.REG_COUNT_gender_published.csv');
    const lines = file.content.trim().split('\n');
    expect(lines[0]).toBe('indicator,period,value,gender');
    expect(lines).toContain(`UNE.REG_COUNT,2026-10,${dbValue('UNE.REG_COUNT', '2026-10', 'gender=F')},F`);
    expect(lines).toContain(`UNE.REG_COUNT,2026-10,${dbValue('UNE.REG_COUNT', '2026-10')},`);
    expect(lines).toHaveLength(1 + 2 * 3);
  });

  it('refuses unknown indicators and dimensions with stable codes', async () => {
    const a = await demo.ws.dispatch('series.query', { indicator: 'NOPE.X' });
    expect(a.ok ? null : a.error.code).toBe('series.unknown_indicator');
    const b = await demo.ws.dispatch('series.query', { indicator: 'UNE.SURVEY_RATE', breakdown: 'district' });
    expect(b.ok ? null : b.error).toMatchObject({ code: 'series.unknown_dimension', params: { code: 'UNE.SURVEY_RATE', dimension: 'district' } });
  });

  it('builds overview KPIs from the latest values', async () => {
    const o = await ok<Overview>('overview.get', {});
    expect(o.latestPeriod).toBe('2026-10');
    const rate = o.kpis.find((k) => k.indicator.code === 'UNE.SURVEY_RATE')!;
    expect(rate.value).toBe(dbValue('UNE.SURVEY_RATE', '2026-10'));
    expect(rate.vsPrevious).toEqual({ value: Math.round((dbValue('UNE.SURVEY_RATE', '2026-10') - dbValue('UNE.SURVEY_RATE', '2026-09')) * 1e9) / 1e9, unit: 'points' });
    const pct = o.kpis.find((k) => k.indicator.code === 'EMP.NEW_URBAN_PCT')!;
    expect(pct.timeProgress).toBe(83.3);
    expect(pct.vsPrevious).toBeNull();
    const ratio = o.kpis.find((k) => k.indicator.code === 'LMK.RATIO')!;
    expect(ratio.period).toBe('2026-Q3');
    expect(ratio.vsPrevious!.unit).toBe('diff');
  });
});
