import { describe, expect, it } from 'vitest';
import { parseAgencyValue, plainNumber } from '../../shared/import/values';

/** The reference: the plain-number pattern and Number(), finite only, -0 read as 0. */
function reference(text: string): number {
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text)) return NaN;
  const v = Number(text);
  return Number.isFinite(v) ? v + 0 : NaN;
}

describe('plainNumber (the importer fast path)', () => {
  it('agrees with the plain-number pattern on 20,000 random texts', () => {
    let s = 12345;
    const rand = () => {
      s = (s * 1103515245 + 12345) >>> 0;
      return s / 4294967296;
    };
    const alphabet = '0123456789..+-eE ,%a１';
    let numbers = 0;
    for (let k = 0; k < 20_000; k++) {
      const len = Math.floor(rand() * 9);
      let t = '';
      for (let i = 0; i < len; i++) t += alphabet[Math.floor(rand() * alphabet.length)];
      const want = reference(t);
      const got = plainNumber(t);
      if (Number.isNaN(want)) expect(got, JSON.stringify(t)).toBeNaN();
      else {
        numbers++;
        expect(Object.is(got, want), `${JSON.stringify(t)}: ${got} vs ${want}`).toBe(true);
      }
    }
    expect(numbers).toBeGreaterThan(1000);
  });

  it.each([
    ['1047', 1047],
    ['-3.5', -3.5],
    ['+7', 7],
    ['.5', 0.5],
    ['5.', 5],
    ['1.2E+05', 120000],
    ['-0', 0],
    [42, 42],
    [-0, 0],
  ] as const)('%s is %s', (cell, value) => {
    expect(Object.is(plainNumber(cell), value)).toBe(true);
    expect(parseAgencyValue(cell)).toEqual({ kind: 'number', value, percent: false, unit: null });
  });

  it.each(['', ' 1', '1 ', '1,234', '12%', '1e', '1e+', '.', '+', '1e999', 'Infinity', '0x10', '１２', null, undefined, Infinity, NaN, true])('%s is not a plain number', (cell) => {
    expect(plainNumber(cell as never)).toBeNaN();
  });
});
