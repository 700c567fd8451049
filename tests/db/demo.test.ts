import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DIMENSIONS, INDICATORS } from '../../shared/domain/catalog';
import { validateCreditCode } from '../../shared/domain/credit-code';
import { seriesKey } from '../../shared/domain/series-key';
import { mustParsePeriod, periodRange } from '../../shared/period';
import { generateDemo } from '../../main/demo/generate';
import { openDatabaseFile } from '../../main/db/connection';
import { ObservationStore } from '../../main/db/observations';
import { ensureDemoTemplate, TEST_DEMO_END } from '../support/demo-template';

const demo = generateDemo({ end: TEST_DEMO_END });
const byIndicator = (code: string) => demo.observations.filter((o) => o.indicator === code);
const total = (code: string) => byIndicator(code).filter((o) => Object.keys(o.members).length === 0);

function digest(data: unknown): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('hex');
}

describe('demo generator', () => {
  it('is deterministic: the same options give the same data', () => {
    const again = generateDemo({ end: TEST_DEMO_END });
    expect(digest(again)).toBe(digest(demo));
    expect(digest(generateDemo({ end: TEST_DEMO_END, seed: 7 }))).not.toBe(digest(demo));
  });

  it('covers every catalogue indicator from 2015-01 to the end month at its own frequency', () => {
    for (const ind of INDICATORS) {
      const rows = total(ind.code);
      expect(rows.length, ind.code).toBeGreaterThan(0);
      for (const r of rows) expect(mustParsePeriod(r.period).frequency, `${ind.code} ${r.period}`).toBe(ind.frequency);
      const periods = rows.map((r) => r.period).sort();
      expect(periods[periods.length - 1]! <= (ind.frequency === 'Q' ? '2026-Q3' : TEST_DEMO_END)).toBe(true);
    }
    expect(total('UNE.SURVEY_RATE').map((r) => r.period)).toEqual(periodRange('2015-01', TEST_DEMO_END));
  });

  it('has the magnitudes of DOMAIN.md section 6', () => {
    const rates = total('UNE.SURVEY_RATE').map((r) => r.value);
    expect(Math.min(...rates)).toBeGreaterThanOrEqual(4.6);
    expect(Math.max(...rates)).toBeLessThanOrEqual(6.9);
    const normal = total('UNE.SURVEY_RATE').filter((r) => !r.period.startsWith('2020')).map((r) => r.value);
    const mean = normal.reduce((a, b) => a + b, 0) / normal.length;
    expect(mean).toBeGreaterThan(5.0);
    expect(mean).toBeLessThan(5.8);
    for (const r of total('UNE.REG_RATE')) {
      expect(r.value).toBeGreaterThan(2.5);
      expect(r.value).toBeLessThan(3.8);
    }
    for (const y of [2016, 2019, 2023, 2024]) {
      const dec = total('EMP.NEW_URBAN').find((r) => r.period === `${y}-12`)!.value;
      expect(dec, `new urban jobs ${y}`).toBeGreaterThanOrEqual(11);
      expect(dec).toBeLessThanOrEqual(13);
    }
    const gdp2024 = total('MAC.GDP').find((r) => r.period === '2024-Q4')!.value;
    expect(gdp2024).toBeGreaterThan(8800);
    expect(gdp2024).toBeLessThan(9250);
    expect(total('MAC.GDP_G').find((r) => r.period === '2020-Q4')!.value).toBe(0.8);
    const ratio = total('LMK.RATIO').find((r) => r.period === '2022-Q2')!.value;
    expect(ratio).toBeGreaterThan(1.3);
    expect(ratio).toBeLessThan(1.75);
  });

  it('shows the 2020 shock, the Spring Festival and the July graduation bump', () => {
    const rate = new Map(total('UNE.SURVEY_RATE').map((r) => [r.period, r.value]));
    expect(rate.get('2020-02')!).toBeGreaterThan(rate.get('2019-12')! + 0.5);
    // July above June in most years (graduates enter the labour market).
    const years = [2016, 2017, 2018, 2019, 2021, 2023, 2024, 2025, 2026];
    expect(years.filter((y) => rate.get(`${y}-07`)! > rate.get(`${y}-06`)!).length).toBeGreaterThanOrEqual(7);
    // The youth rate peaks in July or August.
    const youth = new Map(total('UNE.SURVEY_YOUTH').map((r) => [r.period, r.value]));
    for (const y of years) {
      const summer = Math.max(youth.get(`${y}-07`)!, youth.get(`${y}-08`)!);
      expect(summer).toBeGreaterThan(youth.get(`${y}-04`)!);
    }
    expect(total('MAC.PMI_EMP').find((r) => r.period === '2020-02')!.value).toBeLessThan(40);
  });

  it('publishes YTD indicators cumulatively: monotone within each year, 1-2月 combined where the catalogue says so', () => {
    for (const ind of INDICATORS.filter((i) => i.ytd)) {
      for (const group of groupBy(byIndicator(ind.code), (o) => `${seriesKey(o.members)}|${mustParsePeriod(o.period).year}`)) {
        const sorted = group.sort((a, b) => a.period.localeCompare(b.period));
        if (ind.kind === 'growth') continue; // growth rates YTD are not cumulative sums
        for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.value, `${ind.code} ${sorted[i]!.period}`).toBeGreaterThanOrEqual(sorted[i - 1]!.value);
      }
      const januaries = total(ind.code).filter((r) => r.period.endsWith('-01'));
      if (ind.frequency === 'M') expect(januaries.length === 0, ind.code).toBe(ind.janFebCombined);
    }
  });

  it('breakdowns add up to the total for counts', () => {
    for (const code of ['UNE.REG_COUNT', 'UI.RECIPIENTS', 'ENT.HEADCOUNT', 'RSK.HOTLINE']) {
      for (const dim of INDICATORS.find((i) => i.code === code)!.dimensions) {
        for (const t of total(code).slice(-3)) {
          const parts = byIndicator(code).filter((o) => o.period === t.period && Object.keys(o.members)[0] === dim);
          expect(parts.length, `${code} ${dim}`).toBe(DIMENSIONS.find((d) => d.code === dim)!.members.length);
          expect(parts.reduce((s, p) => s + p.value, 0), `${code} by ${dim} ${t.period}`).toBe(t.value);
        }
      }
    }
  });

  it('monitors 700 firms with about 342,000 staff, with valid credit codes and consistent reports', () => {
    expect(demo.enterprises).toHaveLength(700);
    expect(new Set(demo.enterprises.map((e) => e.creditCode)).size).toBe(700);
    expect(new Set(demo.enterprises.map((e) => e.name)).size).toBe(700);
    for (const e of demo.enterprises) expect(validateCreditCode(e.creditCode), e.creditCode).toBeNull();
    const last = demo.reports.filter((r) => r.period === TEST_DEMO_END);
    const staff = last.reduce((s, r) => s + r.closing, 0);
    expect(staff).toBeGreaterThan(320_000);
    expect(staff).toBeLessThan(365_000);
    const previous = new Map<number, number>();
    for (const r of demo.reports) {
      const seps = r.sepEconomic + r.sepContractEnd + r.sepQuit + r.sepRetire + r.sepOther;
      expect(r.opening + r.hires - seps).toBe(r.closing);
      if (previous.has(r.enterprise)) expect(r.opening).toBe(previous.get(r.enterprise));
      previous.set(r.enterprise, r.closing);
    }
  });

  it('stores what it generated: the template cache holds the same values', () => {
    const db = openDatabaseFile(ensureDemoTemplate(), { readonly: true });
    const store = new ObservationStore(db);
    for (const code of ['UNE.SURVEY_RATE', 'EMP.NEW_URBAN', 'LMK.RATIO']) {
      const stored = store.readSeries(code).map((p) => [p.period, p.value]);
      expect(stored).toEqual(total(code).map((o) => [o.period, o.value]));
    }
    const n = db.prepare('SELECT count(*) AS n FROM enterprise_report').get() as { n: number };
    expect(n.n).toBe(demo.reports.length);
    db.close();
  });
});

function groupBy<T>(items: T[], key: (t: T) => string): T[][] {
  const m = new Map<string, T[]>();
  for (const i of items) {
    const k = key(i);
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  }
  return [...m.values()];
}
