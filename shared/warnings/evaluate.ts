/**
 * Pure evaluation of warning rules: given the data a rule looks at and the period, what fires and
 * at which level, with the evidence. No I/O: main/warnings reads the data and stores the alerts.
 */
import { anomalyScores, median, medianAbsoluteDeviation, type AnomalyPoint } from '../calc/anomaly';
import { change, type ChangeUnit } from '../calc/changes';
import { article41, crossCheckGap, jobLossRate, totalSeparations, type ReportFigures } from '../domain/enterprise';
import type { LocalizedName, Polarity, SeriesPoint } from '../domain/types';
import { lastYear, shiftPeriod } from '../period';
import { bandLevel, type WarningLevel } from './levels';
import { bandDirectionOf, type AlertEvidence, type AlertSubject, type FirmMetric, type Firing, type RuleOf } from './rules';

/** A series as a rule sees it: values by period (gaps absent or null), and how to read it. */
export interface SeriesInput {
  subject: AlertSubject;
  points: readonly SeriesPoint[];
  polarity: Polarity;
  changeUnit: ChangeUnit;
  unit: LocalizedName;
}

function valueAt(points: readonly SeriesPoint[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const p of points) if (p.value != null && Number.isFinite(p.value)) m.set(p.period, p.value);
  return m;
}

/** The bad direction of a move given the polarity: up for "up is bad", down for "up is good", either for neutral. */
export function badDirection(polarity: Polarity): 'up' | 'down' | 'either' {
  return polarity === 'up_bad' ? 'up' : polarity === 'up_good' ? 'down' : 'either';
}

/** Size of a deterioration: the change itself if up is bad, its negative if down is bad, its size if either. */
export function deterioration(delta: number, direction: 'up' | 'down' | 'either'): number {
  return direction === 'up' ? delta : direction === 'down' ? -delta : Math.abs(delta);
}

/**
 * Threshold bands on the value of the period.
 * @example evaluateThreshold(rule({ bands: { yellow: 5, red: 7 } }), series([['2024-06', 5.2]]), '2024-06') // level 'yellow'
 */
export function evaluateThreshold(rule: RuleOf<'threshold'>, s: SeriesInput, period: string): Firing | null {
  const value = valueAt(s.points).get(period);
  if (value === undefined) return null;
  const direction = bandDirectionOf(rule, s.polarity);
  const level = bandLevel(value, rule.params.bands, direction);
  if (!level) return null;
  return { subject: s.subject, level, value, evidence: { kind: 'threshold', period, value, bands: rule.params.bands, direction, unit: s.unit } };
}

/**
 * Change against the previous period or the same period a year earlier, in the series' change
 * unit (percent for counts, points for rates); bands apply to the size of the deterioration.
 * @example evaluateChange(rule({ basis: 'mom', bands: { yellow: 0.3 } }), rate([['2024-05', 5.0], ['2024-06', 5.3]]), '2024-06') // yellow, change 0.3 points
 */
export function evaluateChange(rule: RuleOf<'change'>, s: SeriesInput, period: string): Firing | null {
  const values = valueAt(s.points);
  const current = values.get(period);
  const basePeriod = rule.params.basis === 'mom' ? shiftPeriod(period, -1) : lastYear(period);
  const base = values.get(basePeriod);
  if (current === undefined || base === undefined) return null;
  const delta = change(current, base, s.changeUnit);
  if (delta === null) return null;
  const direction = rule.params.direction ?? badDirection(s.polarity);
  const level = bandLevel(deterioration(delta, direction), rule.params.bands, 'above');
  if (!level) return null;
  return {
    subject: s.subject,
    level,
    value: delta,
    evidence: { kind: 'change', period, value: current, base, basePeriod, change: delta, changeUnit: s.changeUnit, basis: rule.params.basis, bands: rule.params.bands },
  };
}

/**
 * N consecutive periods of deterioration ending with the period: each value worse than the one
 * before it (by polarity; a flat period or a gap ends the run). Bands apply to N.
 * @example evaluateConsecutive(rule({ bands: { blue: 3 } }), rate([['2024-03', 5], ['2024-04', 5.1], ['2024-05', 5.2], ['2024-06', 5.3]]), '2024-06') // blue, run 3
 */
export function evaluateConsecutive(rule: RuleOf<'consecutive'>, s: SeriesInput, period: string): Firing | null {
  const values = valueAt(s.points);
  const direction = rule.params.direction ?? (badDirection(s.polarity) === 'down' ? 'down' : 'up');
  let run = 0;
  let p = period;
  const points: Array<{ period: string; value: number }> = [];
  for (;;) {
    const cur = values.get(p);
    const prevPeriod = shiftPeriod(p, -1);
    const prev = values.get(prevPeriod);
    if (cur === undefined || prev === undefined) break;
    const worse = direction === 'up' ? cur > prev + 1e-12 : cur < prev - 1e-12;
    if (!worse) break;
    if (run === 0) points.unshift({ period: p, value: cur });
    points.unshift({ period: prevPeriod, value: prev });
    run++;
    p = prevPeriod;
  }
  const level = bandLevel(run, rule.params.bands, 'above');
  if (!level || run === 0) return null;
  return { subject: s.subject, level, value: run, evidence: { kind: 'consecutive', run, points, direction, bands: rule.params.bands } };
}

/**
 * Robust anomaly scores of a series' changes (shared/calc/anomaly: median and MAD of the preceding
 * `window` changes), month on month or year on year, for every period. Computed once per series.
 */
export function seriesAnomalies(rule: RuleOf<'anomaly'>, s: SeriesInput): AnomalyPoint[] {
  return anomalyScores(s.points, { unit: s.changeUnit, basis: rule.params.basis === 'yoy' ? 'yoy' : 'pop', window: rule.params.window, minSample: 12 });
}

/**
 * Robust anomaly score of the period's change; bands apply to the score in the bad direction
 * (by polarity, or either way for neutral indicators).
 * @example evaluateAnomaly(rule({ bands: { orange: 3.5 } }), series, '2024-06') // orange when the change is 3.5 robust deviations out
 */
export function evaluateAnomaly(rule: RuleOf<'anomaly'>, s: SeriesInput, period: string, scores: readonly AnomalyPoint[] = seriesAnomalies(rule, s)): Firing | null {
  const i = scores.findIndex((p) => p.period === period);
  const point = scores[i];
  if (!point || point.score === null || point.change === null) return null;
  const direction = rule.params.direction ?? badDirection(s.polarity);
  const level = bandLevel(deterioration(point.score, direction), rule.params.bands, 'above');
  if (!level) return null;
  const reference: number[] = [];
  for (let j = Math.max(0, i - rule.params.window); j < i; j++) {
    const c = scores[j]!.change;
    if (c !== null) reference.push(c);
  }
  return {
    subject: s.subject,
    level,
    value: point.score,
    evidence: {
      kind: 'anomaly',
      period,
      change: point.change,
      score: point.score,
      median: median(reference) ?? 0,
      mad: medianAbsoluteDeviation(reference) ?? 0,
      window: rule.params.window,
      basis: rule.params.basis,
      bands: rule.params.bands,
    },
  };
}

// ------------------------------------------------------------------ firm kinds

/** One firm's report in the period, with what the rule needs to name it. */
export interface FirmInput {
  subject: AlertSubject;
  report: ReportFigures;
}

function separationsOf(r: ReportFigures): Record<string, number> {
  return { economic: r.sepEconomic, contractEnd: r.sepContractEnd, quit: r.sepQuit, retire: r.sepRetire, other: r.sepOther };
}

/**
 * Article 41 (and the single-firm alarm) on every firm: economic separations (or planned cuts) of
 * `minPeople` or more, or fewer but at least `minSharePct` of the opening headcount, raise `level`;
 * more than `bigCut` raise `bigCutLevel`.
 * @example evaluateArticle41(rule({}), [firm({ opening: 100, sepEconomic: 10 })]) // one orange firing, clause 'share'
 */
export function evaluateArticle41(rule: RuleOf<'article41'>, firms: readonly FirmInput[]): Firing[] {
  const out: Firing[] = [];
  const p = rule.params;
  for (const f of firms) {
    const r = f.report;
    const cut = p.basis === 'economic' ? r.sepEconomic : r.plannedCuts;
    const flag = article41(cut, r.opening, { minPeople: p.minPeople, minSharePct: p.minSharePct, bigCut: p.bigCut });
    const level: WarningLevel | null = flag.bigCut ? p.bigCutLevel : flag.article41 ? p.level : null;
    if (!level) continue;
    out.push({
      subject: f.subject,
      level,
      value: cut,
      evidence: { kind: 'article41', cut, basis: p.basis, opening: r.opening, sharePct: flag.sharePct, clause: flag.clause, bigCut: flag.bigCut, separations: separationsOf(r), production: r.production, plannedCuts: r.plannedCuts },
    });
  }
  return out;
}

/**
 * A firm's figure for a firm-threshold rule; null when undefined (a rate without an opening).
 * @example firmMetric({ opening: 200, closing: 180, ... }, 'net_reduction') // 20
 */
export function firmMetric(r: ReportFigures, metric: FirmMetric): number | null {
  switch (metric) {
    case 'sep_economic':
      return r.sepEconomic;
    case 'net_reduction':
      return r.opening - r.closing;
    case 'separations':
      return totalSeparations(r);
    case 'job_loss_rate':
      return jobLossRate(totalSeparations(r), r.opening);
    case 'planned_cuts':
      return r.plannedCuts;
  }
}

/**
 * Bands on one figure of each firm's report (firms under `minOpening` staff are skipped).
 * @example evaluateFirmThreshold(rule({ metric: 'net_reduction', bands: { blue: 50 } }), [firm({ opening: 500, closing: 450 })]) // blue, 50
 */
export function evaluateFirmThreshold(rule: RuleOf<'firm_threshold'>, firms: readonly FirmInput[]): Firing[] {
  const out: Firing[] = [];
  for (const f of firms) {
    if (f.report.opening < rule.params.minOpening) continue;
    const value = firmMetric(f.report, rule.params.metric);
    const level = bandLevel(value, rule.params.bands, 'above');
    if (!level || value === null) continue;
    out.push({
      subject: f.subject,
      level,
      value,
      evidence: { kind: 'firm_threshold', metric: rule.params.metric, value, opening: f.report.opening, closing: f.report.closing, bands: rule.params.bands },
    });
  }
  return out;
}

export interface CrossCheckInput {
  subject: AlertSubject;
  reported: number;
  contributors: number;
}

/**
 * Reported headcount against social-insurance contributors: bands on the absolute gap in percent
 * of the reported headcount, optionally one direction only.
 * @example evaluateCrossCheck(rule({ bands: { yellow: 10 } }), [{ reported: 400, contributors: 340 }]) // yellow, gap -15%
 */
export function evaluateCrossCheck(rule: RuleOf<'crosscheck'>, rows: readonly CrossCheckInput[]): Firing[] {
  const out: Firing[] = [];
  for (const row of rows) {
    if (row.reported < rule.params.minReported) continue;
    const gap = crossCheckGap(row.reported, row.contributors);
    if (gap.gapPct === null || gap.direction === null) continue;
    if (rule.params.direction !== 'either' && gap.direction !== rule.params.direction) continue;
    const level = bandLevel(Math.abs(gap.gapPct), rule.params.bands, 'above');
    if (!level) continue;
    out.push({
      subject: row.subject,
      level,
      value: gap.gapPct,
      evidence: { kind: 'crosscheck', reported: row.reported, contributors: row.contributors, gapPct: gap.gapPct, direction: gap.direction, bands: rule.params.bands },
    });
  }
  return out;
}

export interface SignalCountInput {
  subject: AlertSubject;
  /** Sum of the case rows' counts. */
  count: number;
  /** Number of case rows. */
  cases: number;
  byCategory: Record<string, number>;
  byChannel: Record<string, number>;
  caseIds: number[];
}

/**
 * Bands on the number of public-opinion signals per subject in the period.
 * @example evaluateSignalCount(rule({ bands: { yellow: 4 } }), [{ subject, count: 4, cases: 2, ... }]) // yellow
 */
export function evaluateSignalCount(rule: RuleOf<'signal_count'>, rows: readonly SignalCountInput[]): Firing[] {
  const out: Firing[] = [];
  for (const row of rows) {
    const level = bandLevel(row.count, rule.params.bands, 'above');
    if (!level) continue;
    const evidence: AlertEvidence = {
      kind: 'signal_count',
      count: row.count,
      cases: row.cases,
      byCategory: row.byCategory,
      byChannel: row.byChannel,
      caseIds: row.caseIds.slice(0, 50),
      bands: rule.params.bands,
    };
    out.push({ subject: row.subject, level, value: row.count, evidence });
  }
  return out;
}
