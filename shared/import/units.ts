/**
 * Units as agencies write them and conversion between scales of one family: a file in 人 for an
 * indicator kept in 万人 is divided by 10,000; a file in 亿元 for 万元 is multiplied. Units of
 * different families (persons vs yuan) never convert.
 */
import { toHalfWidth } from './text';

export type UnitFamily = 'persons' | 'households' | 'cases' | 'yuan' | 'percent' | 'enterprises';

export interface UnitScale {
  family: UnitFamily;
  /** Multiplier to the family's base unit (人, 户, 件, 元, %). */
  factor: number;
}

const UNITS: Record<string, UnitScale> = {
  人: { family: 'persons', factor: 1 },
  名: { family: 'persons', factor: 1 },
  千人: { family: 'persons', factor: 1e3 },
  万人: { family: 'persons', factor: 1e4 },
  persons: { family: 'persons', factor: 1 },
  '10kpersons': { family: 'persons', factor: 1e4 },
  户: { family: 'households', factor: 1 },
  万户: { family: 'households', factor: 1e4 },
  households: { family: 'households', factor: 1 },
  件: { family: 'cases', factor: 1 },
  万件: { family: 'cases', factor: 1e4 },
  cases: { family: 'cases', factor: 1 },
  家: { family: 'enterprises', factor: 1 },
  个: { family: 'enterprises', factor: 1 },
  元: { family: 'yuan', factor: 1 },
  千元: { family: 'yuan', factor: 1e3 },
  万元: { family: 'yuan', factor: 1e4 },
  百万元: { family: 'yuan', factor: 1e6 },
  亿元: { family: 'yuan', factor: 1e8 },
  yuan: { family: 'yuan', factor: 1 },
  '100myuan': { family: 'yuan', factor: 1e8 },
  '%': { family: 'percent', factor: 1 },
  百分比: { family: 'percent', factor: 1 },
};

/** Unit suffixes recognised at the end of a value cell ("12.3万人"), longest first. */
export const VALUE_UNIT_SUFFIXES: readonly string[] = Object.keys(UNITS)
  .filter((u) => /[\u4e00-\u9fff]/.test(u) && u !== '百分比')
  .sort((a, b) => b.length - a.length);

/**
 * The scale of a unit text, or null when unknown.
 * @example unitScale('万人') // { family: 'persons', factor: 10000 }
 */
export function unitScale(unit: string): UnitScale | null {
  const key = toHalfWidth(unit).replace(/\s+/g, '').replace(/^单位[:：]?/, '');
  return UNITS[key] ?? UNITS[key.toLowerCase()] ?? null;
}

/**
 * Converts a value from one unit to another of the same family; null when the units are of
 * different families or unknown. Floating-point noise from the scaling is rounded away
 * (15 significant digits).
 * @example convertUnit(12345, '人', '万人') // 1.2345
 * @example convertUnit(5, '%', '人') // null
 */
export function convertUnit(value: number, from: string, to: string): number | null {
  if (from === to) return value;
  const a = unitScale(from);
  const b = unitScale(to);
  if (!a || !b || a.family !== b.family) return null;
  if (a.factor === b.factor) return value;
  return Number(((value * a.factor) / b.factor).toPrecision(15));
}
