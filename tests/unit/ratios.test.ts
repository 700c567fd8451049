import { describe, expect, it } from 'vitest';
import { aggregateRate, registeredUnemploymentRate, share, shares, weightedRate } from '../../shared/calc/ratios';

describe('shares and aggregated rates', () => {
  it('computes a share in percent, null on a missing or zero total', () => {
    expect(share(51727, 68151)).toBeCloseTo(75.9, 1); // DOMAIN.md: 75.9% of demand from tertiary industry
    expect(share(1, 4)).toBe(25);
    expect(share(1, 0)).toBeNull();
    expect(share(null, 10)).toBeNull();
    expect(share(1, Number.NaN)).toBeNull();
  });

  it('shares of parts add to 100 and need every part when the total is their sum', () => {
    expect(shares({ I1: 15, I2: 226, I3: 759 })).toEqual({ I1: 1.5, I2: 22.6, I3: 75.9 });
    expect(shares({ a: 1, b: null })).toEqual({ a: null, b: null });
    // With a published total, a missing part only loses its own share.
    expect(shares({ a: 25, b: null }, 200)).toEqual({ a: 12.5, b: null });
  });

  it('aggregates a rate from numerators and denominators, not by averaging rates', () => {
    // 3% of 1000 and 1% of 100: (30 + 1) / 1100 = 2.8181...%, while the plain mean would be 2%.
    const units = [
      { numerator: 30, denominator: 1000 },
      { numerator: 1, denominator: 100 },
    ];
    expect(aggregateRate(units)).toBeCloseTo(3100 / 1100, 9);
    expect(weightedRate([{ rate: 3, base: 1000 }, { rate: 1, base: 100 }])).toBeCloseTo(3100 / 1100, 9);
    // 求人倍率 as a plain ratio: 68151 vacancies / 44579 seekers = 1.53 (DOMAIN.md, 2022Q2)
    expect(aggregateRate([{ numerator: 68151, denominator: 44579 }], { scale: 1 })).toBeCloseTo(1.53, 2);
  });

  it('treats missing units explicitly', () => {
    const units = [
      { numerator: 30, denominator: 1000 },
      { numerator: null, denominator: 100 },
    ];
    expect(aggregateRate(units)).toBeNull();
    expect(aggregateRate(units, { missing: 'skip' })).toBe(3);
    expect(aggregateRate([])).toBeNull();
    expect(aggregateRate([{ numerator: 0, denominator: 0 }])).toBeNull();
  });

  it('computes the registered unemployment rate as u / (employed + u)', () => {
    // 111,000 / (3,520,000 + 111,000) = 3.0570...%
    expect(registeredUnemploymentRate(111000, 3520000)).toBeCloseTo((100 * 111000) / 3631000, 9);
    expect(registeredUnemploymentRate(null, 3520000)).toBeNull();
  });
});
