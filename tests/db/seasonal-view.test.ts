/** The explorer's seasonally adjusted, trend and seasonal views, checked against R's stl() on the same stored values. */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeriesResult } from '../../shared/api/series';
import { openWorkstation, type Workstation } from '../../main/workstation';
import { demoDataDir } from '../support/demo-template';
import { hasR, parseRows, runR } from '../support/r-reference';

let ws: Workstation;
let dataDir: string;
beforeAll(() => {
  if (!hasR()) throw new Error('Rscript is not installed: apt-get install -y r-base-core (see .ci/run)');
  dataDir = demoDataDir();
  ws = openWorkstation({ dataDir, demo: false, actor: 'test' });
});
afterAll(() => {
  ws.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function query(indicator: string, view: string): Promise<SeriesResult> {
  const env = await ws.dispatch('series.query', { indicator, view });
  if (!env.ok) throw new Error(env.error.message);
  return env.value as SeriesResult;
}

/** R's stl(x, s.window = 7, robust = TRUE) of the values, as rows seasonal,trend,remainder. */
function rStl(values: number[], frequency: number): number[][] {
  const out = runR(
    `x <- ts(scan("x.txt", quiet = TRUE), frequency = ${frequency}); r <- stl(x, s.window = 7, robust = TRUE)
     writeLines(apply(r$time.series, 1, function(row) paste(sprintf("%.17g", row), collapse = ",")), "out.txt")`,
    { 'x.txt': values.map((v) => v.toPrecision(17)).join('\n') },
    ['out.txt'],
  );
  return parseRows(out['out.txt']!);
}

describe('STL views of stored series', () => {
  it('surveyed unemployment rate: adjusted, trend and seasonal equal R within 1e-6', async () => {
    const published = (await query('UNE.SURVEY_RATE', 'published')).series[0]!.points;
    const ref = rStl(published.map((p) => p.value!), 12);
    const sa = (await query('UNE.SURVEY_RATE', 'sa')).series[0]!.points;
    const trend = (await query('UNE.SURVEY_RATE', 'trend')).series[0]!.points;
    const seasonal = await query('UNE.SURVEY_RATE', 'seasonal');
    expect(sa.map((p) => p.period)).toEqual(published.map((p) => p.period));
    sa.forEach((p, i) => expect(Math.abs(p.value! - (published[i]!.value! - ref[i]![0]!))).toBeLessThan(1e-6));
    trend.forEach((p, i) => expect(Math.abs(p.value! - ref[i]![1]!)).toBeLessThan(1e-6));
    seasonal.series[0]!.points.forEach((p, i) => expect(Math.abs(p.value! - ref[i]![0]!)).toBeLessThan(1e-6));
    expect(seasonal.valueUnit).toEqual(seasonal.indicator.unit);
  });

  it('a YTD indicator published as 1-2月 is adjusted on monthly values with the 1-2月 total split, and says so', async () => {
    const ytd = (await query('EMP.NEW_URBAN', 'published')).series[0]!.points;
    const byPeriod = new Map(ytd.map((p) => [p.period, p.value!]));
    // Monthly values by hand: January and February each half of 1-2月, then YTD(t) - YTD(t-1).
    const months: Array<{ period: string; value: number }> = [];
    for (const p of ytd) {
      const [y, m] = p.period.split('-');
      if (m === '02') {
        months.push({ period: `${y}-01`, value: p.value! / 2 }, { period: p.period, value: p.value! / 2 });
      } else months.push({ period: p.period, value: p.value! - byPeriod.get(`${y}-${String(Number(m) - 1).padStart(2, '0')}`)! });
    }
    const ref = rStl(months.map((p) => p.value), 12);
    const sa = await query('EMP.NEW_URBAN', 'sa');
    const points = sa.series[0]!.points;
    expect(points.map((p) => p.period)).toEqual(months.map((p) => p.period));
    points.forEach((p, i) => expect(Math.abs(p.value! - (months[i]!.value - ref[i]![0]!))).toBeLessThan(1e-6));
    expect(sa.series[0]!.notes).toEqual(['jan_feb_split']);
  });

  it('leaves a series it cannot adjust as gaps, with the reason', async () => {
    // Industrial value added growth is published without January: every year has a gap.
    const r = await query('MAC.IVA_G', 'sa');
    expect(r.series[0]!.points.every((p) => p.value === null)).toBe(true);
    expect(r.series[0]!.notes).toEqual(['ytd_growth_as_published', 'not_adjusted_gaps']);
    const quarterly = await query('LMK.RATIO', 'trend');
    expect(quarterly.series[0]!.points.every((p) => p.value !== null && Number.isFinite(p.value))).toBe(true);
  });
});
