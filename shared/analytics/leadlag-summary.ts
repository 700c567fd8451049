/**
 * Sentences for the lead/lag page: for each candidate, whether it leads, lags or moves with the
 * employment series and by how many months; and which candidate leads best.
 */
import type { LocalizedName, Locale } from '../domain/types';
import { formatNumber } from '../format';
import { shiftPeriod } from '../period';

export interface LeadLagFinding {
  label: LocalizedName;
  best: { lead: number; r: number; significant: boolean } | null;
  band: number;
}

const nameIn = (l: LocalizedName, locale: Locale) => (locale === 'zh-CN' ? l.zh || l.en : l.en || l.zh);

/**
 * @example leadLagSentence({ label: pmi, best: { lead: 2, r: 0.38, significant: true }, band: 0.17 }, employment, 'zh-CN')
 * // '制造业PMI从业人员指数领先社保缴费人数2个月（相关系数0.38，超出±0.17的显著性界限）。'
 */
export function leadLagSentence(c: LeadLagFinding, target: LocalizedName, locale: Locale): string | null {
  if (!c.best) return null;
  const zh = locale === 'zh-CN';
  const x = nameIn(c.label, locale);
  const y = nameIn(target, locale);
  const r = formatNumber(c.best.r, 2, locale);
  const band = formatNumber(c.band, 2, locale);
  const k = Math.abs(c.best.lead);
  if (!c.best.significant) {
    return zh
      ? `${x}与${y}的变动相关性不显著（最大相关系数${r}出现在${c.best.lead > 0 ? `领先${k}个月` : c.best.lead < 0 ? `滞后${k}个月` : '同期'}，位于±${band}的显著性界限内）。`
      : `${x} shows no significant correlation with ${y} (the largest, r = ${r} at ${c.best.lead > 0 ? `a lead of ${k}` : c.best.lead < 0 ? `a lag of ${k}` : 'lag 0'}, is inside the ±${band} band).`;
  }
  const months = (n: number) => (zh ? `${n}个月` : `${n} month${n === 1 ? '' : 's'}`);
  if (c.best.lead > 0) {
    return zh ? `${x}领先${y}${months(k)}（相关系数${r}，超出±${band}的显著性界限）。` : `${x} leads ${y} by ${months(k)} (r = ${r}, outside the ±${band} band).`;
  }
  if (c.best.lead < 0) {
    return zh ? `${x}滞后于${y}${months(k)}（相关系数${r}，超出±${band}的显著性界限）。` : `${x} lags ${y} by ${months(k)} (r = ${r}, outside the ±${band} band).`;
  }
  return zh ? `${x}与${y}同期变动（相关系数${r}，超出±${band}的显著性界限）。` : `${x} moves with ${y} in the same month (r = ${r}, outside the ±${band} band).`;
}

/**
 * The candidate that leads best: a significant positive lead with the largest |r|; null if none leads.
 * @example leadingCandidate(result.candidates)?.best?.lead // 2
 */
export function leadingCandidate<T extends LeadLagFinding>(candidates: readonly T[]): T | null {
  let best: T | null = null;
  for (const c of candidates) {
    if (!c.best || !c.best.significant || c.best.lead <= 0) continue;
    if (!best || Math.abs(c.best.r) > Math.abs(best.best!.r)) best = c;
  }
  return best;
}

/**
 * The candidate's values shifted by its lead, so that they line up with the target: the value
 * plotted at period t is the candidate's value at t - lead.
 * @example shiftByLead([{ period: '2024-01', value: 1 }, { period: '2024-02', value: 2 }], 1, ['2024-02', '2024-03']) // [1, 2]
 */
export function shiftByLead(points: ReadonlyArray<{ period: string; value: number | null }>, lead: number, periods: readonly string[]): Array<number | null> {
  const byPeriod = new Map(points.map((p) => [p.period, p.value]));
  return periods.map((p) => {
    const v = byPeriod.get(shiftPeriod(p, -lead));
    return v == null || !Number.isFinite(v) ? null : v;
  });
}
