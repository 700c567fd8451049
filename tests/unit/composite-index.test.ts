import { describe, expect, it } from 'vitest';
import { componentChanges, compositeIndex, nextIndexLevel, symmetricChange, type IndexComponentInput } from '../../shared/calc/composite-index';
import { periodRange } from '../../shared/period';

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const MONTHS = periodRange('2015-01', '2026-10');

function randomWalk(seed: number, start: number, step: number): number[] {
  const r = seeded(seed);
  let v = start;
  return MONTHS.map(() => (v = v * (1 + (r() - 0.5) * step)));
}

const sum = (xs: ReadonlyArray<number | null | undefined>) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);

describe('Conference Board worked example (globalindicators.org, "Updating the composite indexes")', () => {
  it('symmetric percent change: average weekly hours 41.8 -> 41.4 is -0.96', () => {
    expect(symmetricChange(41.4, 41.8)!.toFixed(2)).toBe('-0.96');
  });

  it('standardised change with factor 0.189 is -0.18', () => {
    // As an index of two components with fixed weights: hours (0.189) and one without change.
    const r = compositeIndex(
      [
        { id: 'hours', transform: 'level', weight: 0.189, points: [{ period: '1997-03', value: 41.8 }, { period: '1997-04', value: 41.4 }, ...periodRange('1997-05', '1998-12').map((period) => ({ period, value: 41.4 }))] },
        { id: 'flat', transform: 'difference', weight: 0.811, points: periodRange('1997-03', '1998-12').map((period) => ({ period, value: 1 })) },
      ],
      { weighting: 'fixed', baseYear: 1998 },
    );
    expect(r.components[0]!.contributions[1]!.toFixed(2)).toBe('-0.18');
    expect(r.growth[1]!.toFixed(2)).toBe('-0.18');
  });

  it("cumulation: March's 105.2 with growth 0.06 gives April's 105.3", () => {
    expect(nextIndexLevel(105.2, 0.06)!.toFixed(1)).toBe('105.3');
    expect(nextIndexLevel(100, 250)).toBeNull();
    expect(nextIndexLevel(null, 1)).toBeNull();
  });
});

describe('composite index: hand-computed quarterly case', () => {
  // A: a level, B: a rate where up is bad (inverted), 2023-Q4 .. 2024-Q4, base year 2024.
  const A = [100, 110, 99, 99, 104];
  const B = [5.0, 5.2, 5.1, 4.9, 5.0];
  const quarters = periodRange('2023-Q4', '2024-Q4');
  const components: IndexComponentInput[] = [
    { id: 'A', transform: 'level', points: quarters.map((period, i) => ({ period, value: A[i]! })) },
    { id: 'B', transform: 'difference', invert: true, points: quarters.map((period, i) => ({ period, value: B[i]! })) },
  ];
  const r = compositeIndex(components, { weighting: 'standardized', baseYear: 2024 });

  // By hand: symmetric changes of A, inverted differences of B.
  const xA = [(200 * 10) / 210, (200 * -11) / 209, 0, (200 * 5) / 203];
  const xB = [-0.2, 0.1, 0.2, -0.1];
  const sd = (xs: number[]) => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
  };
  const wA = 1 / sd(xA) / (1 / sd(xA) + 1 / sd(xB));
  const wB = 1 - wA;
  const i = xA.map((x, t) => wA * x + wB * xB[t]!);
  const raw = [100];
  for (const g of i) raw.push((raw[raw.length - 1]! * (200 + g)) / (200 - g));
  const base = (raw[1]! + raw[2]! + raw[3]! + raw[4]!) / 4;

  it('weights are the normalised inverse standard deviations', () => {
    expect(r.components[0]!.weight).toBeCloseTo(wA, 12);
    expect(r.components[1]!.weight).toBeCloseTo(wB, 12);
    expect(r.components[0]!.sd).toBeCloseTo(sd(xA), 12);
  });

  it('growth, levels rebased to the base year, and changes', () => {
    expect(r.frequency).toBe('Q');
    expect(r.periods).toEqual(quarters);
    expect(r.growth[0]).toBeNull();
    r.growth.slice(1).forEach((g, t) => expect(g).toBeCloseTo(i[t]!, 12));
    r.index.forEach((v, t) => expect(v).toBeCloseTo((100 * raw[t]!) / base, 10));
    expect(r.start).toBe('2023-Q4');
    const mean2024 = (r.index[1]! + r.index[2]! + r.index[3]! + r.index[4]!) / 4;
    expect(mean2024).toBeCloseTo(100, 12);
    expect(r.change[2]).toBeCloseTo(r.index[2]! - r.index[1]!, 12);
  });

  it('contributions add up to the growth and to the change in points', () => {
    for (let t = 1; t < quarters.length; t++) {
      expect(r.components[0]!.contributions[t]).toBeCloseTo(wA * xA[t - 1]!, 12);
      expect(r.components[1]!.contributions[t]).toBeCloseTo(wB * xB[t - 1]!, 12);
      expect(sum(r.components.map((c) => c.contributions[t]!))).toBeCloseTo(r.growth[t]!, 12);
      expect(sum(r.components.map((c) => c.pointContributions[t]!))).toBeCloseTo(r.change[t]!, 10);
    }
  });
});

describe('composite index properties', () => {
  const hires = randomWalk(1, 5000, 0.2);
  const heads = randomWalk(2, 340000, 0.01);
  const rate = randomWalk(3, 5.3, 0.04);
  const comps = (scale = 1, invertRate = true): IndexComponentInput[] => [
    { id: 'hires', transform: 'level', points: MONTHS.map((period, t) => ({ period, value: hires[t]! * scale })) },
    { id: 'heads', transform: 'level', points: MONTHS.map((period, t) => ({ period, value: heads[t]! * scale })) },
    { id: 'rate', transform: 'difference', invert: invertRate, points: MONTHS.map((period, t) => ({ period, value: rate[t]! * scale })) },
  ];

  it('an index of one level component reproduces its path (I_t / I_t-1 = X_t / X_t-1)', () => {
    const r = compositeIndex([comps()[0]!], { weighting: 'standardized', baseYear: 2020 });
    const base = hires.slice(MONTHS.indexOf('2020-01'), MONTHS.indexOf('2020-12') + 1).reduce((a, b) => a + b, 0) / 12;
    r.index.forEach((v, t) => expect(v).toBeCloseTo((100 * hires[t]!) / base, 9));
    expect(r.components[0]!.weight).toBe(1);
  });

  it('doubling every component leaves the index unchanged (levels: the symmetric change is scale-free)', () => {
    const levels = (scale: number) => comps(scale).slice(0, 2);
    const a = compositeIndex(levels(1), { weighting: 'standardized', baseYear: 2020 });
    const b = compositeIndex(levels(2), { weighting: 'standardized', baseYear: 2020 });
    a.index.forEach((v, t) => expect(b.index[t]).toBeCloseTo(v!, 9));
    a.components.forEach((c, k) => c.contributions.forEach((x, t) => expect(b.components[k]!.contributions[t] ?? 0).toBeCloseTo(x ?? 0, 9)));
    // A rate's differences double with it, and so does their standard deviation: its standardised
    // changes x / sd, what the Conference Board method weighs, stay the same.
    const ra = compositeIndex(comps(1), { weighting: 'standardized', baseYear: 2020 });
    const rb = compositeIndex(comps(2), { weighting: 'standardized', baseYear: 2020 });
    const xb = componentChanges(rb, 2);
    componentChanges(ra, 2).forEach((x, t) => expect((xb[t] ?? 0) / rb.components[2]!.sd!).toBeCloseTo((x ?? 0) / ra.components[2]!.sd!, 9));
    // ... and they are the rate's own differences, inverted.
    expect(xb[5]).toBeCloseTo(-(rate[5]! - rate[4]!) * 2, 9);
  });

  it("inverting a component flips its contribution's sign and keeps its weight", () => {
    const a = compositeIndex(comps(1, true), { weighting: 'standardized', baseYear: 2020 });
    const b = compositeIndex(comps(1, false), { weighting: 'standardized', baseYear: 2020 });
    expect(b.components[2]!.weight).toBeCloseTo(a.components[2]!.weight, 12);
    for (let t = 1; t < MONTHS.length; t++) {
      expect(b.components[2]!.contributions[t]).toBeCloseTo(-a.components[2]!.contributions[t]!, 12);
      expect(b.components[0]!.contributions[t]).toBeCloseTo(a.components[0]!.contributions[t]!, 12);
    }
  });

  it('weights sum to 1 and the estimation window decides the standard deviations', () => {
    const all = compositeIndex(comps(), { weighting: 'standardized', baseYear: 2020 });
    expect(sum(all.components.map((c) => c.weight))).toBeCloseTo(1, 12);
    const w = compositeIndex(comps(), { weighting: 'standardized', baseYear: 2020, window: { from: '2016-01', to: '2018-12' } });
    expect(w.components[0]!.windowChanges).toBe(36);
    const x = componentChanges(all, 0).slice(MONTHS.indexOf('2016-01'), MONTHS.indexOf('2018-12') + 1) as number[];
    expect(x[0]).toBeCloseTo(symmetricChange(hires[MONTHS.indexOf('2016-01')]!, hires[MONTHS.indexOf('2015-12')]!)!, 9);
    const m = x.reduce((a, b) => a + b, 0) / x.length;
    expect(w.components[0]!.sd).toBeCloseTo(Math.sqrt(x.reduce((a, b) => a + (b - m) ** 2, 0) / 35), 12);
  });

  it('fixed weights are used as given and must sum to 1', () => {
    const fixed = comps().map((c, k) => ({ ...c, weight: [0.5, 0.3, 0.2][k]! }));
    const r = compositeIndex(fixed, { weighting: 'fixed', baseYear: 2020 });
    expect(r.components.map((c) => c.weight)).toEqual([0.5, 0.3, 0.2]);
    const t = 40;
    const x = (k: number) => componentChanges(r, k)[t]!;
    expect(x(0)).toBeCloseTo(symmetricChange(hires[t]!, hires[t - 1]!)!, 9);
    expect(r.growth[t]).toBeCloseTo(0.5 * x(0) + 0.3 * x(1) + 0.2 * x(2), 12);
    expect(() => compositeIndex(comps().map((c) => ({ ...c, weight: 0.3 })), { weighting: 'fixed', baseYear: 2020 })).toThrow(expect.objectContaining({ code: 'analytics.index_weights_sum' }));
    expect(() => compositeIndex(comps(), { weighting: 'fixed', baseYear: 2020 })).toThrow(expect.objectContaining({ code: 'analytics.index_weights_sum' }));
  });

  it('a quarterly component enters at quarter ends, flagged elsewhere, with weights renormalised', () => {
    const quarters = periodRange('2015-Q1', '2026-Q3');
    const q = randomWalk(4, 70000, 0.1).slice(0, quarters.length);
    const r = compositeIndex([...comps(), { id: 'demand', transform: 'level', points: quarters.map((period, k) => ({ period, value: q[k]! })) }], { weighting: 'standardized', baseYear: 2020 });
    expect(r.frequency).toBe('M');
    const demand = r.components[3]!;
    const june = MONTHS.indexOf('2024-06');
    const may = MONTHS.indexOf('2024-05');
    // The quarter's change sits in its last month: 2024-Q2 against 2024-Q1.
    const demandChanges = componentChanges(r, 3);
    expect(demandChanges[june]).toBeCloseTo(symmetricChange(q[quarters.indexOf('2024-Q2')]!, q[quarters.indexOf('2024-Q1')]!)!, 12);
    expect(demandChanges[may]).toBeNull();
    expect(r.absent[may]).toEqual([{ id: 'demand', reason: 'frequency' }]);
    expect(r.absent[june]).toEqual([]);
    // In May the three monthly components share all the weight.
    const monthly = r.components.slice(0, 3);
    const wm = sum(monthly.map((c) => c.weight));
    expect(r.coverage[may]).toBeCloseTo(wm, 12);
    expect(r.growth[may]).toBeCloseTo(sum(monthly.map((c, k) => c.weight * componentChanges(r, k)[may]!)) / wm, 12);
    expect(componentChanges(r, 0)[may]).toBeCloseTo(symmetricChange(hires[may]!, hires[may - 1]!)!, 9);
    expect(sum(r.components.map((c) => c.contributions[may]))).toBeCloseTo(r.growth[may]!, 12);
    // Its standard deviation is that of its own quarterly changes.
    expect(demand.windowChanges).toBe(quarters.length - 1);
  });

  it('a missing month is computed from the others and flagged; too little coverage breaks the chain', () => {
    const c = comps();
    const gap = { ...c[0]!, points: c[0]!.points.filter((p) => p.period !== '2022-05') };
    const r = compositeIndex([gap, c[1]!, c[2]!], { weighting: 'standardized', baseYear: 2020 });
    const may = MONTHS.indexOf('2022-05');
    // Both May (no value) and June (no previous value) lack the hires change.
    expect(r.absent[may]).toEqual([{ id: 'hires', reason: 'missing' }]);
    expect(r.absent[may + 1]).toEqual([{ id: 'hires', reason: 'missing' }]);
    expect(r.index[may]).not.toBeNull();
    // Require all weight: those two months are not computed and the index restarts after them.
    const strict = compositeIndex([gap, c[1]!, c[2]!], { weighting: 'standardized', baseYear: 2024, minCoverage: 1 });
    expect(strict.growth[may]).toBeNull();
    expect(strict.start).toBe('2022-06');
    expect(strict.index[may]).toBeNull();
    expect(strict.index[may - 5]).toBeNull();
    expect(strict.index.every((v) => v === null || Number.isFinite(v))).toBe(true);
    // ... so a base year before the break is refused.
    expect(() => compositeIndex([gap, c[1]!, c[2]!], { weighting: 'standardized', baseYear: 2020, minCoverage: 1 })).toThrow(expect.objectContaining({ code: 'analytics.index_base_year' }));
  });

  it('refuses what it cannot compute, with typed errors', () => {
    expect(() => compositeIndex([], { weighting: 'standardized', baseYear: 2020 })).toThrow(expect.objectContaining({ code: 'analytics.index_no_components' }));
    const c = comps();
    expect(() => compositeIndex([c[0]!, c[0]!], { weighting: 'standardized', baseYear: 2020 })).toThrow(expect.objectContaining({ code: 'analytics.index_duplicate_component' }));
    const flat = { id: 'flat', transform: 'difference' as const, points: MONTHS.map((period) => ({ period, value: 3 })) };
    expect(() => compositeIndex([c[0]!, flat], { weighting: 'standardized', baseYear: 2020 })).toThrow(expect.objectContaining({ code: 'analytics.index_flat_component' }));
    const annual = { id: 'gdp', transform: 'level' as const, points: [{ period: '2020', value: 1 }] };
    expect(() => compositeIndex([c[0]!, annual], { weighting: 'standardized', baseYear: 2020 })).toThrow(expect.objectContaining({ code: 'analytics.index_frequency' }));
    expect(() => compositeIndex(c, { weighting: 'standardized', baseYear: 2030 })).toThrow(expect.objectContaining({ code: 'analytics.index_base_year' }));
  });

  it('never returns NaN or Infinity, and does not modify its input', () => {
    const c = comps();
    const zeros = { id: 'zeros', transform: 'level' as const, points: MONTHS.map((period, t) => ({ period, value: t % 2 ? 0 : hires[t]! })) };
    const copy = structuredClone([...c, zeros]);
    const r = compositeIndex([...c, zeros], { weighting: 'standardized', baseYear: 2020 });
    expect([...c, zeros]).toEqual(copy);
    const all = [...r.growth, ...r.index, ...r.change, ...r.components.flatMap((k) => [...k.contributions, ...k.pointContributions])];
    expect(all.every((v) => v === null || Number.isFinite(v))).toBe(true);
  });
});
