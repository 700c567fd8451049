/**
 * The four warning colours of Chinese practice (../DOMAIN.md section 4): blue (watch), yellow,
 * orange, red. A rule's bands give, per level, the value from which that level applies.
 */

export const WARNING_LEVELS = ['blue', 'yellow', 'orange', 'red'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

/** Per level, the threshold from which it applies (inclusive). Levels may be left out. */
export type Bands = Partial<Record<WarningLevel, number>>;

/** Which side of the thresholds is bad. */
export type BandDirection = 'above' | 'below';

/** Screen colours of the levels (yellow darkened enough to read as text on white). */
export const LEVEL_COLORS: Record<WarningLevel, string> = { blue: '#1f5fa8', yellow: '#b59a00', orange: '#d46b08', red: '#cf1322' };

/** 1 for blue up to 4 for red. @example levelRank('orange') // 3 */
export function levelRank(level: WarningLevel): number {
  return WARNING_LEVELS.indexOf(level) + 1;
}

/** The more severe of two levels (null counts as none). @example maxLevel('blue', 'red') // 'red' */
export function maxLevel(a: WarningLevel | null, b: WarningLevel | null): WarningLevel | null {
  if (!a) return b;
  if (!b) return a;
  return levelRank(a) >= levelRank(b) ? a : b;
}

/**
 * The most severe level whose threshold the value reaches: `above` means value >= threshold,
 * `below` means value <= threshold. Null when no band is reached or the value is missing.
 * @example bandLevel(6.2, { yellow: 5, orange: 6, red: 7 }, 'above') // 'orange'
 * @example bandLevel(48, { blue: 50, red: 45 }, 'below') // 'blue'
 */
export function bandLevel(value: number | null | undefined, bands: Bands, direction: BandDirection): WarningLevel | null {
  if (value == null || !Number.isFinite(value)) return null;
  let found: WarningLevel | null = null;
  for (const level of WARNING_LEVELS) {
    const t = bands[level];
    if (t == null) continue;
    const reached = direction === 'above' ? value >= t - 1e-9 : value <= t + 1e-9;
    if (reached) found = level;
  }
  return found;
}

/**
 * Checks that bands are usable: at least one level, and thresholds that get stricter with the
 * level (rising for `above`, falling for `below`). Null when fine.
 * @example checkBands({ yellow: 5, red: 4 }, 'above') // 'not_monotone'
 */
export function checkBands(bands: Bands, direction: BandDirection): 'empty' | 'not_monotone' | null {
  const values = WARNING_LEVELS.map((l) => bands[l]).filter((v): v is number => v != null && Number.isFinite(v));
  if (!values.length) return 'empty';
  for (let i = 1; i < values.length; i++) {
    if (direction === 'above' ? values[i]! <= values[i - 1]! : values[i]! >= values[i - 1]!) return 'not_monotone';
  }
  return null;
}
