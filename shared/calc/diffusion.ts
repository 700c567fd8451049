/**
 * Diffusion index over a panel, as in the PMI sub-indices: the share answering "up" plus half the
 * share answering "unchanged", in percent. 50 is neutral: as many rising as falling.
 *
 * For the key enterprises each question (hiring, headcount, wages, production) gives one index per
 * month; the answers can be stated directly or derived from each firm's numbers (this month against
 * last month). Missing answers are left out of the panel, they are never counted as "unchanged".
 */

export type Direction = 'up' | 'same' | 'down';

export interface DiffusionResult {
  /** % up + 0.5 x % unchanged, 0-100; null for an empty panel. */
  index: number | null;
  up: number;
  same: number;
  down: number;
  /** Answers counted (missing ones excluded). */
  n: number;
}

/**
 * The direction of a change, with a tolerance below which a move counts as unchanged.
 * Null when either value is missing or not finite.
 * @example directionOf(105, 100) // 'up'
 * @example directionOf(100.4, 100, 0.5) // 'same'
 */
export function directionOf(current: number | null | undefined, previous: number | null | undefined, tolerance = 0): Direction | null {
  if (current == null || previous == null || !Number.isFinite(current) || !Number.isFinite(previous)) return null;
  const d = current - previous;
  if (Math.abs(d) <= Math.abs(tolerance)) return 'same';
  return d > 0 ? 'up' : 'down';
}

/**
 * The diffusion index of a panel of answers; null and undefined answers are not counted.
 * @example diffusionIndex(['up', 'up', 'same', 'down']) // { index: 62.5, up: 2, same: 1, down: 1, n: 4 }
 */
export function diffusionIndex(answers: ReadonlyArray<Direction | null | undefined>): DiffusionResult {
  let up = 0;
  let same = 0;
  let down = 0;
  for (const a of answers) {
    if (a === 'up') up++;
    else if (a === 'same') same++;
    else if (a === 'down') down++;
  }
  const n = up + same + down;
  // (up + same/2) / n * 100, written with one division so 1/3-type shares do not drift.
  const index = n === 0 ? null : ((2 * up + same) * 50) / n;
  return { index, up, same, down, n };
}

/**
 * The diffusion index of a panel given each member's value this period and last period.
 * A member with either value missing is left out.
 * @example diffusionFromPairs([{ current: 12, previous: 10 }, { current: 10, previous: 10 }, { current: null, previous: 3 }])
 * // { index: 75, up: 1, same: 1, down: 0, n: 2 }
 */
export function diffusionFromPairs(
  pairs: ReadonlyArray<{ current: number | null | undefined; previous: number | null | undefined }>,
  tolerance = 0,
): DiffusionResult {
  return diffusionIndex(pairs.map((p) => directionOf(p.current, p.previous, tolerance)));
}
