/**
 * A series of an indicator is identified by its dimension members. The canonical key sorts the
 * dimensions so that the same selection always gives the same key; the total is the empty key.
 */
import type { MemberSelection } from './types';

/**
 * @example seriesKey({ gender: 'F', district: '210106' }) // 'district=210106;gender=F'
 * @example seriesKey({}) // ''
 */
export function seriesKey(members: MemberSelection): string {
  return Object.keys(members)
    .filter((d) => members[d] !== undefined && members[d] !== '')
    .sort()
    .map((d) => `${d}=${members[d]}`)
    .join(';');
}

/** Inverse of {@link seriesKey}. @example parseSeriesKey('gender=F') // { gender: 'F' } */
export function parseSeriesKey(key: string): MemberSelection {
  const out: MemberSelection = {};
  if (!key) return out;
  for (const part of key.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}
