/**
 * Deterministic demo data: a Shenyang-like labour market from 2015-01 to a given month, with the
 * magnitudes of ../DOMAIN.md section 6, Spring Festival and July graduation seasonality, and the
 * 2020 and 2022 shocks. Each indicator draws from its own seeded stream, so adding an indicator
 * never changes the others.
 *
 * A latent business cycle drives the macro series; employment follows it two months later, so
 * the lead/lag analysis has something real to find.
 */
import { DIMENSIONS, DISTRICT_POPULATION, INDICATORS, RURAL_DISTRICTS } from '../../shared/domain/catalog';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar, orgCodeCheckChar } from '../../shared/domain/credit-code';
import type { MemberSelection } from '../../shared/domain/types';
import type { Enterprise, ProductionStatus, ReportFigures } from '../../shared/domain/enterprise';
import { mustParsePeriod, periodRange } from '../../shared/period';
import { shock, springFestivalMonth } from './calendar';
import { apportion, Random } from './random';

export const DEMO_SEED = 20150101;
export const DEMO_START = '2015-01';

export interface DemoObservation {
  indicator: string;
  members: MemberSelection;
  period: string;
  value: number;
}

/** A firm of the demo registry (ids are given when it is stored). */
export type DemoEnterprise = Omit<Enterprise, 'id'>;

/** A demo monthly report: the form's figures (wage always given) for the firm at `enterprise`. */
export interface DemoReport extends ReportFigures {
  /** Index into `enterprises`. */
  enterprise: number;
  period: string;
  avgWage: number;
}

export interface DemoData {
  start: string;
  end: string;
  observations: DemoObservation[];
  enterprises: DemoEnterprise[];
  reports: DemoReport[];
}

export interface DemoOptions {
  /** Last month generated (inclusive), e.g. the latest full month before today. */
  end: string;
  start?: string;
  seed?: number;
  /** Number of monitored enterprises (default 700). */
  enterprises?: number;
}

const DISTRICT_CODES = DIMENSIONS.find((d) => d.code === 'district')!.members.map((m) => m.code);
/** Urban core districts carry more registered unemployment than the rural counties. */
const URBAN_FACTOR: Record<string, number> = {
  '210102': 1.25, '210103': 1.25, '210104': 1.2, '210105': 1.2, '210106': 1.2, '210111': 0.9, '210112': 1.0,
  '210113': 0.9, '210114': 1.0, '210115': 0.6, '210123': 0.5, '210124': 0.5, '210181': 0.6,
};

function hashSeed(seed: number, label: string): number {
  let h = seed ^ 0x9e3779b9;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

interface Context {
  months: string[];
  /** Latent business cycle by month index (mean 0, about unit spread). */
  cycle: number[];
  /** Employment conditions: the cycle two months later. */
  emp: number[];
  seed: number;
  end: string;
}

function monthInfo(period: string): { year: number; month: number } {
  const p = mustParsePeriod(period);
  return { year: p.year, month: p.index };
}

/** Monthly weights of a year's flow, Spring Festival shifting the slow month. */
function flowProfile(year: number, month: number): number {
  const base = [0.055, 0.055, 0.11, 0.1, 0.09, 0.095, 0.09, 0.08, 0.09, 0.08, 0.08, 0.075][month - 1]!;
  const sf = springFestivalMonth(year);
  return month === sf ? base * 0.7 : month === 3 ? base * 1.08 : base;
}

function makeContext(seed: number, start: string, end: string): Context {
  const months = periodRange(start, end);
  const rng = new Random(hashSeed(seed, 'cycle'));
  const base: number[] = [];
  let ar = 0;
  months.forEach((_, t) => {
    ar = 0.85 * ar + rng.normal(0, 0.22);
    base.push(0.6 * Math.sin((2 * Math.PI * t) / 42 + 0.5) + ar);
  });
  // Shocks hit output and jobs at once; the ordinary cycle reaches jobs two months after output.
  const cycle = months.map((p, t) => base[t]! - 3 * shock(p));
  const emp = months.map((p, t) => base[Math.max(0, t - 2)]! - 2.5 * shock(p));
  return { months, cycle, emp, seed, end };
}

class Out {
  readonly rows: DemoObservation[] = [];
  add(indicator: string, period: string, value: number, members: MemberSelection = {}): void {
    this.rows.push({ indicator, members, period, value });
  }
}

const districtWeights = (): number[] => DISTRICT_CODES.map((d) => DISTRICT_POPULATION[d]!);
const urbanWeights = (): number[] => DISTRICT_CODES.map((d) => DISTRICT_POPULATION[d]! * URBAN_FACTOR[d]!);

/**
 * A monthly flow indicator published year-to-date: per-month flows are split by district and
 * gender (integers that add up), then cumulated within each year; `scale` converts persons to the
 * published unit (1e4 for 万人).
 */
function ytdFlow(
  out: Out,
  ctx: Context,
  code: string,
  annual: (year: number) => number,
  opts: { scale: number; decimals: number; janFebCombined: boolean; gender?: boolean; district?: boolean; response: number; shock: number },
): void {
  const rng = new Random(hashSeed(ctx.seed, code));
  const ytd = new Map<string, number>();
  let year = 0;
  ctx.months.forEach((period, t) => {
    const { year: y, month } = monthInfo(period);
    if (y !== year) {
      year = y;
      ytd.clear();
    }
    const persons = Math.max(
      0,
      Math.round(annual(y) * flowProfile(y, month) * (1 + opts.response * ctx.emp[t]! - opts.shock * shock(period)) * (1 + rng.normal(0, 0.04))),
    );
    const parts: Array<[string, number]> = [['', persons]];
    if (opts.district) {
      const w = districtWeights().map((x) => x * (1 + rng.normal(0, 0.08)));
      apportion(persons, w).forEach((n, i) => parts.push([`district=${DISTRICT_CODES[i]}`, n]));
    }
    if (opts.gender) {
      const share = 0.53 + rng.normal(0, 0.01);
      const [m, f] = apportion(persons, [share, 1 - share]);
      parts.push(['gender=M', m!], ['gender=F', f!]);
    }
    for (const [key, n] of parts) ytd.set(key, (ytd.get(key) ?? 0) + n);
    if (opts.janFebCombined && month === 1) return;
    for (const [key, total] of ytd) {
      out.add(code, period, round(total / opts.scale, opts.decimals), keyMembers(key));
    }
  });
}

function keyMembers(key: string): MemberSelection {
  if (!key) return {};
  const [d, m] = key.split('=');
  return { [d!]: m! };
}

function quarterEnd(period: string): string | null {
  const { year, month } = monthInfo(period);
  return month % 3 === 0 ? `${year}-Q${month / 3}` : null;
}

function generateIndicators(ctx: Context): DemoObservation[] {
  const out = new Out();
  const { months, emp, cycle } = ctx;

  // Surveyed unemployment rates (city only).
  {
    const rng = new Random(hashSeed(ctx.seed, 'UNE.SURVEY'));
    const seasonal = [0, 0.15, 0.12, 0.02, -0.05, 0, 0.15, 0.1, -0.05, -0.1, -0.1, -0.05];
    const youthSeasonal = [-0.5, 0, 0.3, -0.3, -0.5, 1.5, 4, 3.2, 1, -0.2, -0.8, -0.8];
    months.forEach((p, t) => {
      const { year, month } = monthInfo(p);
      const sf = month === springFestivalMonth(year) + 1 ? 0.1 : 0;
      const trend = 5.45 - 0.05 * Math.min(Math.max(year - 2015, 0), 5) + (year >= 2022 ? 0.05 : 0);
      const rate = trend - 0.22 * emp[t]! + seasonal[month - 1]! + sf + rng.normal(0, 0.04);
      out.add('UNE.SURVEY_RATE', p, round(Math.min(Math.max(rate, 4.6), 6.9), 1));
      const structural = year >= 2021 ? Math.min(year - 2020, 3) * 1.3 - (year >= 2024 ? 1.5 : 0) : 0;
      const youth = 12.2 + structural - 1.1 * emp[t]! + youthSeasonal[month - 1]! + rng.normal(0, 0.3);
      out.add('UNE.SURVEY_YOUTH', p, round(Math.min(Math.max(youth, 9), 24), 1));
    });
  }

  // Registered unemployment: stock by district, gender, age; quarterly rate from numerator and denominator.
  {
    const rng = new Random(hashSeed(ctx.seed, 'UNE.REG'));
    const employedCity = 3_520_000;
    const dw = urbanWeights();
    const dwSum = dw.reduce((a, b) => a + b, 0);
    const ageShares = [0.08, 0.27, 0.26, 0.27, 0.12];
    const ageCodes = ['16-24', '25-34', '35-44', '45-54', '55+'];
    let level = 0;
    months.forEach((p, t) => {
      const { year, month } = monthInfo(p);
      const seasonal = [0.01, 0.035, 0.03, 0.01, -0.005, -0.01, 0.01, 0.005, -0.01, -0.015, -0.02, -0.015][month - 1]!;
      const target = 111_000 * (1 - 0.045 * emp[t]! + seasonal + 0.004 * (year - 2015));
      level = level === 0 ? target : 0.7 * level + 0.3 * target;
      const total = Math.round(level * (1 + rng.normal(0, 0.003)));
      out.add('UNE.REG_COUNT', p, total);
      const byDistrict = apportion(total, dw.map((w) => w * (1 + rng.normal(0, 0.02))));
      byDistrict.forEach((n, i) => out.add('UNE.REG_COUNT', p, n, { district: DISTRICT_CODES[i]! }));
      const [m, f] = apportion(total, [0.56, 0.44]);
      out.add('UNE.REG_COUNT', p, m!, { gender: 'M' });
      out.add('UNE.REG_COUNT', p, f!, { gender: 'F' });
      apportion(total, ageShares.map((s) => s * (1 + rng.normal(0, 0.02)))).forEach((n, i) =>
        out.add('UNE.REG_COUNT', p, n, { age: ageCodes[i]! }),
      );
      const q = quarterEnd(p);
      if (q) {
        const employed = employedCity * (1 + 0.003 * (year - 2015));
        out.add('UNE.REG_RATE', q, round((100 * total) / (employed + total), 2));
        byDistrict.forEach((n, i) => {
          const employedD = (employed * dw[i]!) / dwSum / URBAN_FACTOR[DISTRICT_CODES[i]!]! * 1.0;
          out.add('UNE.REG_RATE', q, round((100 * n) / (employedD + n), 2), { district: DISTRICT_CODES[i]! });
        });
      }
    });
  }

  // Year-to-date flows.
  const newUrbanAnnual: Record<number, number> = { 2015: 123000, 2016: 120500, 2017: 118000, 2018: 119500, 2019: 122000, 2020: 101000, 2021: 116500, 2022: 110500, 2023: 119000, 2024: 124000, 2025: 126000, 2026: 128000 };
  const annualOf = (table: Record<number, number>, growth = 0.02) => (y: number) => {
    const years = Object.keys(table).map(Number);
    const last = Math.max(...years);
    return table[y] ?? table[last]! * (1 + growth) ** (y - last);
  };
  ytdFlow(out, ctx, 'EMP.NEW_URBAN', annualOf(newUrbanAnnual), { scale: 1e4, decimals: 2, janFebCombined: true, gender: true, district: true, response: 0.06, shock: 0.5 });
  ytdFlow(out, ctx, 'EMP.REEMP', (y) => 42000 * (1 + 0.01 * (y - 2015)), { scale: 1, decimals: 0, janFebCombined: true, gender: true, district: true, response: 0.05, shock: 0.5 });
  ytdFlow(out, ctx, 'EMP.HARD_PLACED', (y) => 11000 * (1 + 0.008 * (y - 2015)), { scale: 1, decimals: 0, janFebCombined: true, district: true, response: 0.03, shock: 0.4 });
  ytdFlow(out, ctx, 'UNE.REG_NEW', (y) => 61000 * (1 + 0.005 * (y - 2015)), { scale: 1, decimals: 0, janFebCombined: false, gender: true, district: true, response: -0.08, shock: -0.35 });
  ytdFlow(out, ctx, 'UI.NEW_CLAIMS', (y) => (y === 2020 ? 78000 : y === 2021 ? 60000 : 47000 * (1 + 0.01 * (y - 2015))), { scale: 1, decimals: 0, janFebCombined: false, district: true, response: -0.1, shock: -0.4 });
  const entities: Record<number, number> = { 2015: 121000, 2016: 135000, 2017: 155000, 2018: 173000, 2019: 185000, 2020: 168000, 2021: 201000, 2022: 190000, 2023: 225000, 2024: 230000, 2025: 238000, 2026: 245000 };
  ytdFlow(out, ctx, 'MKT.NEW_ENTITIES', annualOf(entities), { scale: 1, decimals: 0, janFebCombined: false, district: true, response: 0.05, shock: 0.6 });
  // Loans in 10k yuan flows, published in 亿元.
  ytdFlow(out, ctx, 'LOAN.STARTUP', (y) => 60000 * 1.12 ** (y - 2015), { scale: 1e4, decimals: 2, janFebCombined: true, response: 0.02, shock: 0.3 });

  // Target completion rate versus the annual target.
  {
    const targets: Record<number, number> = { 2020: 100000 };
    const target = (y: number) => targets[y] ?? (y >= 2024 ? 115000 : 110000);
    for (const row of out.rows.filter((r) => r.indicator === 'EMP.NEW_URBAN' && Object.keys(r.members).length === 0)) {
      const y = monthInfo(row.period).year;
      out.add('EMP.NEW_URBAN_PCT', row.period, round((100 * row.value * 1e4) / target(y), 1));
    }
  }

  // HR market, quarterly.
  {
    const rng = new Random(hashSeed(ctx.seed, 'LMK'));
    months.forEach((p, t) => {
      const q = quarterEnd(p);
      if (!q) return;
      const { year, month } = monthInfo(p);
      const quarter = month / 3;
      const e = (emp[t]! + emp[t - 1]! + emp[t - 2]!) / 3;
      const qShock = (shock(p) + shock(months[t - 1] ?? p) + shock(months[t - 2] ?? p)) / 3;
      const demand = Math.round(70500 * (1 + 0.05 * e - 0.3 * qShock + [-0.08, 0.05, 0.01, -0.04][quarter - 1]! + 0.003 * (year - 2015)) * (1 + rng.normal(0, 0.02)));
      const seekers = Math.round(46000 * (1 - 0.03 * e + 0.05 * qShock + [0.05, -0.02, 0.08, -0.03][quarter - 1]!) * (1 + rng.normal(0, 0.02)));
      out.add('LMK.DEMAND', q, demand);
      const [i1, i2, i3] = apportion(demand, [0.015, 0.226, 0.759]);
      out.add('LMK.DEMAND', q, i1!, { industry: 'I1' });
      out.add('LMK.DEMAND', q, i2!, { industry: 'I2' });
      out.add('LMK.DEMAND', q, i3!, { industry: 'I3' });
      out.add('LMK.SEEKERS', q, seekers);
      out.add('LMK.RATIO', q, round(demand / seekers, 2));
    });
  }

  // City-wide social-insurance contributors and unemployment-insurance recipients (stocks).
  {
    const rng = new Random(hashSeed(ctx.seed, 'STOCKS'));
    const dw = districtWeights();
    let recipients = 0;
    months.forEach((p, t) => {
      const { year, month } = monthInfo(p);
      const contrib = Math.round(2_650_000 * (1 + 0.006 * (year - 2015) + 0.0004 * (month - 6)) * (1 + 0.01 * emp[t]! - 0.02 * shock(p)) * (1 + rng.normal(0, 0.001)));
      out.add('ENT.SI_CONTRIB', p, contrib);
      apportion(contrib, dw.map((w) => w * (1 + rng.normal(0, 0.01)))).forEach((n, i) => out.add('ENT.SI_CONTRIB', p, n, { district: DISTRICT_CODES[i]! }));

      const policy = year === 2020 ? 1 + 0.5 * Math.min(1, (month + 1) / 6) : year === 2021 ? 1.35 - 0.02 * month : year >= 2022 ? 1.12 : 1;
      const target = 45000 * policy * (1 - 0.05 * emp[t]! + (month === 2 || month === 3 ? 0.04 : 0));
      recipients = recipients === 0 ? target : 0.75 * recipients + 0.25 * target;
      const total = Math.round(recipients * (1 + rng.normal(0, 0.004)));
      out.add('UI.RECIPIENTS', p, total);
      apportion(total, urbanWeights()).forEach((n, i) => out.add('UI.RECIPIENTS', p, n, { district: DISTRICT_CODES[i]! }));
      const [m, f] = apportion(total, [0.52, 0.48]);
      out.add('UI.RECIPIENTS', p, m!, { gender: 'M' });
      out.add('UI.RECIPIENTS', p, f!, { gender: 'F' });
    });
  }

  // Macro: GDP (quarterly YTD level and growth), industrial value added growth (YTD), PMI employment.
  {
    const rng = new Random(hashSeed(ctx.seed, 'MAC'));
    const gdp: Record<number, number> = { 2015: 5600, 2016: 5460, 2017: 5865, 2018: 6292, 2019: 6470, 2020: 6572, 2021: 7249, 2022: 7695, 2023: 8122, 2024: 9027, 2025: 9480, 2026: 9960 };
    const growth: Record<number, number[]> = {
      2015: [2.8, 3.1, 3.3, 3.5], 2016: [1.2, 1.0, 0.8, 1.0], 2017: [1.8, 2.0, 2.2, 2.0], 2018: [5.0, 5.2, 5.3, 5.4],
      2019: [4.0, 4.3, 4.1, 4.2], 2020: [-8.0, -2.6, -0.6, 0.8], 2021: [15.2, 10.1, 8.0, 7.0], 2022: [3.1, -1.8, -0.4, 0.6],
      2023: [4.8, 4.9, 4.7, 4.6], 2024: [5.3, 5.2, 5.0, 5.2], 2025: [5.6, 5.5, 5.4, 5.5], 2026: [5.4, 5.3, 5.2, 5.3],
    };
    const shares = [0.215, 0.465, 0.72, 1];
    const ivaBase: Record<number, number> = { 2015: 3.0, 2016: 1.5, 2017: 2.5, 2018: 7.2, 2019: 6.8, 2020: 2.1, 2021: 6.4, 2022: 1.5, 2023: 6.0, 2024: 5.5, 2025: 6.2, 2026: 5.8 };
    let ytdCycle = 0;
    let n = 0;
    months.forEach((p, t) => {
      const { year, month } = monthInfo(p);
      if (month === 1) {
        ytdCycle = 0;
        n = 0;
      }
      ytdCycle += cycle[t]!;
      n++;
      const q = quarterEnd(p);
      if (q) {
        const quarter = month / 3;
        const annual = gdp[year] ?? 9960 * 1.05 ** (year - 2026);
        out.add('MAC.GDP', q, round(annual * shares[quarter - 1]! * (1 + rng.normal(0, 0.003)), 1));
        const g = growth[year]?.[quarter - 1] ?? 5 + rng.normal(0, 0.2);
        out.add('MAC.GDP_G', q, round(g, 1));
      }
      if (month !== 1) {
        const special = year === 2020 ? [0, -28.5, -18.2, -9.5, -5.1, -2.8, -1.2, 0.1, 0.8, 1.4, 1.8, 2.1][month - 1]! : null;
        const iva = special ?? (ivaBase[year] ?? 5.5) + 1.2 * (ytdCycle / n) + rng.normal(0, 0.35);
        out.add('MAC.IVA_G', p, round(iva, 1));
      }
      const pmi = year === 2020 && month === 2 ? 31.8 : 48.6 + 0.9 * cycle[t]! + rng.normal(0, 0.25);
      out.add('MAC.PMI_EMP', p, round(Math.max(30, pmi), 1));
    });
  }

  // Key groups.
  {
    const rng = new Random(hashSeed(ctx.seed, 'GRP'));
    const decay = [1, 0.72, 0.46, 0.31, 0.21, 0.15];
    const degreeShares = [0.01, 0.12, 0.52, 0.35];
    const degreeCodes = ['PHD', 'MASTER', 'BACHELOR', 'COLLEGE'];
    let julyLevel = 0;
    months.forEach((p, t) => {
      const { year, month } = monthInfo(p);
      if (month === 7) julyLevel = 13500 * (1 + 0.025 * (year - 2015)) * (1 - 0.06 * emp[t]!) * (1 + rng.normal(0, 0.03));
      if (month >= 7) {
        const total = Math.round(julyLevel * decay[month - 7]! * (1 + rng.normal(0, 0.02)));
        out.add('GRP.GRAD_UNEMP', p, total);
        apportion(total, degreeShares).forEach((v, i) => out.add('GRP.GRAD_UNEMP', p, v, { degree: degreeCodes[i]! }));
      }
      // Zero-employment households: found now and then, cleared within weeks.
      let zeroTotal = 0;
      for (const d of DISTRICT_CODES) {
        const v = rng.chance(0.04 + 0.1 * shock(p)) ? rng.int(1, 3) : 0;
        zeroTotal += v;
        out.add('GRP.ZERO_EMP_HH', p, v, { district: d });
      }
      out.add('GRP.ZERO_EMP_HH', p, zeroTotal);
      // Hotline cases: wage-arrears peak before the Spring Festival.
      const sf = springFestivalMonth(year + (month === 12 ? 1 : 0));
      const peak = month === 12 || (month === 1 && sf === 2) ? 1.5 : month === 1 ? 1.3 : month === 2 ? 0.85 : 1;
      const cases = Math.round(1100 * peak * (1 - 0.08 * emp[t]! + 0.5 * shock(p)) * (1 + 0.02 * (year - 2015)) * (1 + rng.normal(0, 0.05)));
      out.add('RSK.HOTLINE', p, cases);
      apportion(cases, districtWeights().map((w) => w * (1 + rng.normal(0, 0.1)))).forEach((v, i) => out.add('RSK.HOTLINE', p, v, { district: DISTRICT_CODES[i]! }));
      // Rural labour transfer, quarterly YTD in 万人 by rural district.
      const q = quarterEnd(p);
      if (q) {
        const quarter = month / 3;
        const annual = 228000 * (1 + 0.01 * (year - 2015)) * (year === 2020 ? 0.9 : 1);
        const ytdPersons = Math.round(annual * [0.28, 0.62, 0.86, 1][quarter - 1]! * (1 + rng.normal(0, 0.01)));
        out.add('GRP.RURAL_TRANSFER', q, round(ytdPersons / 1e4, 2));
        const rw = RURAL_DISTRICTS.map((d) => DISTRICT_POPULATION[d]! / URBAN_FACTOR[d]!);
        apportion(ytdPersons, rw).forEach((v, i) => out.add('GRP.RURAL_TRANSFER', q, round(v / 1e4, 2), { district: RURAL_DISTRICTS[i]! }));
      }
    });
  }

  return out.rows;
}

// ---------------------------------------------------------------- key enterprises

const SECTOR_WEIGHTS = { EQUIP: 150, METAL: 40, PETRO: 40, COAL: 15, CONSTR: 80, TRADSVC: 200, AUTO: 60, OTHER: 115 };
const SECTOR_INDUSTRY: Record<string, string> = { EQUIP: 'I2', METAL: 'I2', PETRO: 'I2', COAL: 'I2', CONSTR: 'I2', TRADSVC: 'I3', AUTO: 'I2', OTHER: 'I3' };
const SECTOR_WAGE: Record<string, number> = { EQUIP: 6300, METAL: 6800, PETRO: 7300, COAL: 6000, CONSTR: 5600, TRADSVC: 3900, AUTO: 7600, OTHER: 5100 };
/** Monthly drift of headcount by sector: traditional heavy industry shrinks slowly. */
const SECTOR_DRIFT: Record<string, number> = { EQUIP: -0.0009, METAL: -0.0018, PETRO: -0.001, COAL: -0.0025, CONSTR: -0.0012, TRADSVC: -0.0004, AUTO: 0.0004, OTHER: 0.0003 };
const SECTOR_WORDS: Record<string, string[]> = {
  EQUIP: ['重型机械', '机床', '装备制造', '电气', '鼓风机', '精密机械', '输变电设备', '数控设备'],
  METAL: ['冶金', '钢铁', '有色金属', '特钢', '铸锻'],
  PETRO: ['石化', '化工', '石油化工', '新材料', '橡胶'],
  COAL: ['煤业', '能源', '矿业', '热电'],
  CONSTR: ['建设', '建工', '路桥', '建筑工程', '市政工程', '安装工程'],
  TRADSVC: ['商贸', '物流', '餐饮管理', '物业服务', '酒店管理', '百货', '超市连锁', '家政服务'],
  AUTO: ['汽车零部件', '汽车', '汽车电子', '车桥', '汽车座椅', '发动机'],
  OTHER: ['电子', '医药', '食品', '纺织', '信息技术', '印刷包装', '生物科技'],
};
const NAME_PREFIXES = ['北方', '东北', '辽沈', '盛京', '浑河', '华晨', '远航', '新华', '东方', '光大', '宏达', '恒信', '瑞丰', '鑫源', '天成', '博远', '和泰', '嘉禾', '长城', '盛华', '兴隆', '永安', '泰和', '丰源', '金桥', '中辽', '沈通', '联合', '宝鼎', '三友', '汇通', '鼎盛', '华宇', '龙腾', '启航', '正大', '万通', '松源', '辽河', '北陵'];
const NAME_SUFFIXES = ['有限公司', '股份有限公司', '集团有限公司', '有限责任公司'];
const DISTRICT_SHORT: Record<string, string> = {
  '210102': '和平', '210103': '沈河', '210104': '大东', '210105': '皇姑', '210106': '铁西', '210111': '苏家屯', '210112': '浑南',
  '210113': '沈北', '210114': '于洪', '210115': '辽中', '210123': '康平', '210124': '法库', '210181': '新民',
};

function ownershipFor(rng: Random, sector: string): string {
  const heavy = ['METAL', 'PETRO', 'COAL'].includes(sector);
  return rng.weighted(
    heavy
      ? { CENTRAL: 25, PROVINCIAL: 20, MUNICIPAL: 15, PRIVATE: 30, FOREIGN: 5, OTHER: 5 }
      : sector === 'AUTO'
        ? { CENTRAL: 10, PROVINCIAL: 5, MUNICIPAL: 10, PRIVATE: 35, FOREIGN: 35, OTHER: 5 }
        : { CENTRAL: 6, PROVINCIAL: 6, MUNICIPAL: 14, PRIVATE: 62, FOREIGN: 7, OTHER: 5 },
  );
}

function districtFor(rng: Random, sector: string): string {
  const industrial = ['EQUIP', 'METAL', 'PETRO', 'AUTO'].includes(sector);
  const w: Record<string, number> = {};
  for (const d of DISTRICT_CODES) {
    const base = DISTRICT_POPULATION[d]!;
    const bias = industrial ? ({ '210106': 3, '210112': 2, '210104': 1.8, '210114': 1.6, '210113': 1.5 } as Record<string, number>)[d] ?? 0.6 : URBAN_FACTOR[d]!;
    w[d] = base * bias;
  }
  return rng.weighted(w);
}

function sizeClass(headcount: number): string {
  return headcount >= 1000 ? 'LARGE' : headcount >= 300 ? 'MEDIUM' : headcount >= 20 ? 'SMALL' : 'MICRO';
}

const DIGITS = '0123456789';
const LETTERS = CREDIT_CODE_ALPHABET.slice(10);

function creditCode(rng: Random, district: string, used: Set<string>): string {
  for (;;) {
    let org = 'MA';
    for (let i = 0; i < 6; i++) org += rng.pick([...(rng.chance(0.7) ? DIGITS : LETTERS)]);
    const orgFull = org + orgCodeCheckChar(org);
    const first17 = `91${district}${orgFull}`;
    if ([...first17].some((c) => !CREDIT_CODE_ALPHABET.includes(c))) continue;
    const code = first17 + creditCodeCheckChar(first17)!;
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

function generateEnterprises(ctx: Context, count: number): { enterprises: DemoEnterprise[]; reports: DemoReport[] } {
  const rng = new Random(hashSeed(ctx.seed, 'ENT'));
  const enterprises: DemoEnterprise[] = [];
  const initial: number[] = [];
  const wageFactor: number[] = [];
  const churn: number[] = [];
  const names = new Set<string>();
  const codes = new Set<string>();
  for (let i = 0; i < count; i++) {
    const sector = rng.weighted(SECTOR_WEIGHTS);
    const district = districtFor(rng, sector);
    const ownership = ownershipFor(rng, sector);
    const soe = ['CENTRAL', 'PROVINCIAL', 'MUNICIPAL'].includes(ownership);
    const headcount = Math.max(40, Math.round(Math.exp(rng.normal(5.64 + (soe ? 0.5 : 0), 0.95))));
    let name = '';
    for (let k = 0; !name || names.has(name); k++) {
      const core = `${rng.pick(NAME_PREFIXES)}${rng.pick(SECTOR_WORDS[sector]!)}`;
      name = k < 5 ? `沈阳${core}${rng.pick(NAME_SUFFIXES)}` : `沈阳${core}${DISTRICT_SHORT[district]}${rng.pick(NAME_SUFFIXES)}`;
    }
    names.add(name);
    enterprises.push({
      creditCode: creditCode(rng, district, codes),
      name,
      sector,
      industry: SECTOR_INDUSTRY[sector]!,
      ownership,
      size: sizeClass(headcount),
      district,
      tradeExposed: ['EQUIP', 'AUTO', 'PETRO', 'METAL'].includes(sector) && rng.chance(0.4),
    });
    initial.push(headcount);
    wageFactor.push(Math.exp(rng.normal(0, 0.14)) * (soe ? 1.08 : 1));
    churn.push(Math.exp(rng.normal(0, 0.3)));
  }

  const reports: DemoReport[] = [];
  const headcount = [...initial];
  /** A layoff announced for the next month (planned cuts), by firm. */
  const announced = new Array<number>(count).fill(0);
  ctx.months.forEach((period, t) => {
    const { year, month } = monthInfo(period);
    const s = shock(period);
    const sfMonth = springFestivalMonth(year);
    enterprises.forEach((firm, i) => {
      const opening = headcount[i]!;
      const e = ctx.emp[t]!;
      const seasonalHire = month === 3 ? 1.6 : month === 4 ? 1.3 : month === sfMonth ? 0.55 : month === 7 ? 1.1 : 1;
      const hireRate = 0.0135 * churn[i]! * seasonalHire * (1 + 0.1 * e) * (1 - 0.6 * s) + SECTOR_DRIFT[firm.sector]!;
      const hires = rng.count(opening * Math.max(0.001, hireRate));
      const quitRate = 0.0062 * churn[i]! * (month === sfMonth + 1 || month === sfMonth ? 1.8 : 1) * (1 + 0.1 * e);
      const sepQuit = rng.count(opening * quitRate);
      const sepContractEnd = rng.count(opening * 0.0035 * (month === 12 || month === 6 ? 1.6 : 1));
      const sepRetire = rng.count(opening * 0.0016);
      const sepOther = rng.count(opening * 0.0004);
      // Economic layoffs: the announced ones, plus surprises that grow with downturns and shocks.
      let sepEconomic = announced[i]!;
      announced[i] = 0;
      const pLayoff = 0.0035 * (1 + 1.5 * Math.max(0, -e)) + 0.05 * s + Math.max(0, -SECTOR_DRIFT[firm.sector]!) * 2;
      if (sepEconomic === 0 && rng.chance(pLayoff)) {
        const big = rng.chance(0.12);
        const share = big ? rng.uniform(0.12, 0.3) : rng.uniform(0.02, 0.12);
        sepEconomic = Math.max(3, Math.round(opening * share));
      }
      let plannedCuts = 0;
      if (rng.chance(pLayoff * 0.5)) {
        plannedCuts = Math.max(5, Math.round(opening * rng.uniform(0.03, 0.15)));
        announced[i] = plannedCuts;
      }
      // Separations never exceed the staff there were: economic cuts give way first, then quits.
      const others = sepContractEnd + sepRetire + sepOther;
      const quits = Math.min(sepQuit, Math.max(0, opening + hires - others));
      sepEconomic = Math.min(sepEconomic, Math.max(0, opening + hires - others - quits));
      const closing = opening + hires - others - quits - sepEconomic;
      const halted = s > 0.6 && rng.chance(0.15 * s);
      const production: ProductionStatus = halted
        ? 'halted'
        : sepEconomic > 0
          ? rng.chance(0.7) ? 'reduced' : 'normal'
          : hires > opening * 0.03
            ? 'expanded'
            : rng.chance(0.02 + 0.1 * s)
              ? 'reduced'
              : 'normal';
      const wage = SECTOR_WAGE[firm.sector]! * wageFactor[i]! * 1.045 ** (year - 2015 + (month - 1) / 12) * (month === 12 || month === 1 ? 1.12 : 1) * (halted ? 0.6 : 1);
      reports.push({
        enterprise: i,
        period,
        opening,
        hires,
        sepEconomic,
        sepContractEnd,
        sepQuit: quits,
        sepRetire,
        sepOther,
        closing,
        avgWage: Math.round(wage),
        production,
        plannedCuts,
      });
      headcount[i] = closing;
    });
  });
  return { enterprises, reports };
}

/** Aggregates the panel into the ENT.* indicators, by district and by sector. */
function enterpriseIndicators(enterprises: DemoEnterprise[], reports: DemoReport[]): DemoObservation[] {
  const out = new Out();
  const groups = new Map<string, { period: string; members: MemberSelection; opening: number; closing: number; hires: number; seps: number }>();
  for (const r of reports) {
    const firm = enterprises[r.enterprise]!;
    const seps = r.sepEconomic + r.sepContractEnd + r.sepQuit + r.sepRetire + r.sepOther;
    for (const members of [{}, { district: firm.district }, { sector: firm.sector }] as MemberSelection[]) {
      const key = `${r.period}|${JSON.stringify(members)}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { period: r.period, members, opening: 0, closing: 0, hires: 0, seps: 0 }));
      g.opening += r.opening;
      g.closing += r.closing;
      g.hires += r.hires;
      g.seps += seps;
    }
  }
  for (const g of groups.values()) {
    out.add('ENT.HEADCOUNT', g.period, g.closing, g.members);
    out.add('ENT.HIRES', g.period, g.hires, g.members);
    out.add('ENT.SEPARATIONS', g.period, g.seps, g.members);
    if (g.opening > 0) out.add('ENT.JOB_LOSS_RATE', g.period, round((100 * g.seps) / g.opening, 2), g.members);
  }
  return out.rows;
}

/**
 * Generates the whole demo dataset. Same options, same data, on every machine.
 * @example generateDemo({ end: '2026-10' }).observations.length // tens of thousands
 */
export function generateDemo(options: DemoOptions): DemoData {
  const seed = options.seed ?? DEMO_SEED;
  const start = options.start ?? DEMO_START;
  const ctx = makeContext(seed, start, options.end);
  const { enterprises, reports } = generateEnterprises(ctx, options.enterprises ?? 700);
  const observations = [...generateIndicators(ctx), ...enterpriseIndicators(enterprises, reports)];
  const known = new Set(INDICATORS.map((i) => i.code));
  for (const o of observations) if (!known.has(o.indicator)) throw new Error(`Demo produced unknown indicator ${o.indicator}`);
  return { start, end: options.end, observations, enterprises, reports };
}
