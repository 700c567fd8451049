import { describe, expect, it } from 'vitest';
import { diffusionFromPairs, diffusionIndex, directionOf } from '../../shared/calc/diffusion';

describe('diffusion index', () => {
  it('is % up plus half % unchanged (hand-computed)', () => {
    // 2 up, 1 same, 1 down of 4: 50% + 0.5 * 25% = 62.5
    expect(diffusionIndex(['up', 'up', 'same', 'down'])).toEqual({ index: 62.5, up: 2, same: 1, down: 1, n: 4 });
    // 1 up, 2 down of 3: 33.33...%
    expect(diffusionIndex(['up', 'down', 'down']).index).toBeCloseTo(100 / 3, 12);
  });

  it('is 50 when rises and falls balance, 100 when all rise, 0 when all fall', () => {
    expect(diffusionIndex(['up', 'down']).index).toBe(50);
    expect(diffusionIndex(['same', 'same', 'same']).index).toBe(50);
    expect(diffusionIndex(['up', 'up']).index).toBe(100);
    expect(diffusionIndex(['down']).index).toBe(0);
  });

  it('leaves missing answers out instead of counting them as unchanged', () => {
    expect(diffusionIndex(['up', null, undefined, 'down'])).toEqual({ index: 50, up: 1, same: 0, down: 1, n: 2 });
  });

  it('gives an explicit empty result for an empty panel, never NaN', () => {
    expect(diffusionIndex([])).toEqual({ index: null, up: 0, same: 0, down: 0, n: 0 });
    expect(diffusionIndex([null, null]).index).toBeNull();
  });

  it('derives directions from numbers, with a tolerance for "unchanged"', () => {
    expect(directionOf(105, 100)).toBe('up');
    expect(directionOf(95, 100)).toBe('down');
    expect(directionOf(100, 100)).toBe('same');
    expect(directionOf(100.4, 100, 0.5)).toBe('same');
    expect(directionOf(100.6, 100, 0.5)).toBe('up');
    expect(directionOf(null, 100)).toBeNull();
    expect(directionOf(Number.NaN, 100)).toBeNull();
  });

  it('computes the panel index from this month and last month per firm', () => {
    const firms = [
      { current: 490, previous: 480 }, // up
      { current: 300, previous: 300 }, // same
      { current: 120, previous: 125 }, // down
      { current: 800, previous: 790 }, // up
      { current: null, previous: 50 }, // missing: left out
    ];
    // 2 up, 1 same, 1 down of 4 -> 62.5
    expect(diffusionFromPairs(firms)).toEqual({ index: 62.5, up: 2, same: 1, down: 1, n: 4 });
  });

  it('does not modify its input', () => {
    const answers = ['up', 'down'] as const;
    const copy = [...answers];
    diffusionIndex(answers);
    expect(answers).toEqual(copy);
  });
});
