/**
 * Runs the warning rules over the cache for a set of months and stores what fires: one alert per
 * rule, subject and period, created or updated in place (re-evaluating never duplicates), and
 * cleared when the data no longer support it. Reads are cached for the run, so evaluating every
 * month of the history costs one pass over the data per rule, not one per month.
 */
import type { Database } from 'better-sqlite3';
import { changeUnitOf, decumulate, type ChangeUnit } from '../../shared/calc/changes';
import type { Enterprise } from '../../shared/domain/enterprise';
import { seriesKey } from '../../shared/domain/series-key';
import { countSignals, type SignalCase } from '../../shared/domain/signals';
import type { Dimension, Indicator, LocalizedName, MemberSelection, SeriesPoint } from '../../shared/domain/types';
import { comparePeriods, periodRange, shiftPeriod } from '../../shared/period';
import {
  evaluateAnomaly,
  evaluateArticle41,
  evaluateChange,
  evaluateConsecutive,
  evaluateCrossCheck,
  evaluateFirmThreshold,
  evaluateSignalCount,
  evaluateThreshold,
  seriesAnomalies,
  type FirmInput,
  type SeriesInput,
} from '../../shared/warnings/evaluate';
import { PANEL_METRIC_INFO, type AlertSubject, type Firing, type IndicatorScope, type PanelScope, type RuleOf, type SignalScope, type WarningRule } from '../../shared/warnings/rules';
import { evaluationPeriod, inPanel, PANEL_METRIC_NAMES, panelSeries, panelSubjectKey, seriesSubjectKey } from '../../shared/warnings/scope';
import type { EvaluationResult } from '../../shared/api/warnings';
import { getIndicator, listDimensions } from '../db/catalog';
import { EnterpriseStore, type ReportRow } from '../db/enterprises';
import { ObservationStore } from '../db/observations';
import { SignalStore } from '../db/signals';
import { listRules } from '../db/warning-rules';

export type EvaluationTrigger = 'manual' | 'import' | 'demo' | 'cli';
export type AlertChange = 'raised' | 'updated' | 'unchanged' | 'cleared';

/** A run's counts as the contract reports them (months asked for, alerts raised, updated...). */
export interface EvaluationSummary extends Omit<EvaluationResult, 'alerts'> {
  /** What happened to each alert the run touched. */
  changes: Array<{ alertId: number; change: AlertChange }>;
}

export interface EvaluationOptions {
  /** Months (YYYY-MM) to evaluate. Quarterly and annual indicators evaluate the latest quarter or year ended by each. */
  periods: readonly string[];
  actor: string;
  trigger: EvaluationTrigger;
  /** Only these rules (default: every enabled rule). */
  ruleIds?: readonly number[];
  at?: Date;
}

const CITY: LocalizedName = { zh: '全市', en: 'City total' };

/** Months of history a rule kind needs before the evaluated month. */
function lookback(rule: WarningRule): number {
  switch (rule.kind) {
    case 'threshold':
      return 0;
    case 'change':
      return 12;
    case 'consecutive':
      return 48;
    case 'anomaly':
      return rule.params.window + 13;
    default:
      return 0;
  }
}

/** The data rules read, loaded on first use and kept for the run. */
class WarningData {
  private readonly observations: ObservationStore;
  private readonly enterprisesStore: EnterpriseStore;
  private readonly signalStore: SignalStore;
  private readonly indicators = new Map<string, Indicator | null>();
  private readonly seriesCache = new Map<string, Array<{ members: MemberSelection; points: SeriesPoint[] }>>();
  private readonly reportCache = new Map<string, ReportRow[]>();
  private readonly contributionCache = new Map<string, Map<string, number>>();
  private readonly signalCache = new Map<string, SignalCase[]>();
  private dimensionList: Dimension[] | null = null;
  private firms: Map<number, Enterprise> | null = null;
  private panelRange: { from: string; to: string } | null = null;
  private panelRows: Array<{ firm: Enterprise; report: ReportRow }> | null = null;
  /** Months whose reports, contributors and signals were read in one pass (evaluating many months). */
  private preloaded: { from: string; to: string } | null = null;

  private readonly memos = new Map<string, unknown>();

  constructor(private readonly db: Database) {
    this.observations = new ObservationStore(db);
    this.enterprisesStore = new EnterpriseStore(db);
    this.signalStore = new SignalStore(db);
  }

  /** Computes a value once per run. */
  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  indicator(code: string): Indicator | null {
    if (!this.indicators.has(code)) this.indicators.set(code, getIndicator(this.db, code));
    return this.indicators.get(code)!;
  }

  memberName(dimension: string, code: string): LocalizedName {
    this.dimensionList ??= listDimensions(this.db);
    return this.dimensionList.find((d) => d.code === dimension)?.members.find((m) => m.code === code)?.name ?? { zh: code, en: code };
  }

  membersLabel(members: MemberSelection): LocalizedName | null {
    const dims = Object.keys(members).sort();
    if (!dims.length) return null;
    const names = dims.map((d) => this.memberName(d, members[d]!));
    return { zh: names.map((n) => n.zh).join('·'), en: names.map((n) => n.en).join(' · ') };
  }

  /** Published series of an indicator matching the scope: the members, or each member of the breakdown. */
  indicatorSeries(scope: IndicatorScope): Array<{ members: MemberSelection; points: SeriesPoint[] }> {
    const key = JSON.stringify([scope.indicator, seriesKey(scope.members), scope.breakdown ?? '']);
    let out = this.seriesCache.get(key);
    if (out) return out;
    const wanted: MemberSelection[] = [];
    if (!scope.breakdown) wanted.push(scope.members);
    else {
      const base = seriesKey(scope.members);
      for (const s of this.observations.listSeries(scope.indicator)) {
        const m = s.members;
        if (!(scope.breakdown in m)) continue;
        const rest = { ...m };
        delete rest[scope.breakdown];
        if (seriesKey(rest) === base) wanted.push(m);
      }
    }
    out = wanted.map((members) => ({ members, points: this.observations.readSeries(scope.indicator, members).map((p) => ({ period: p.period, value: p.value })) }));
    this.seriesCache.set(key, out);
    return out;
  }

  enterprises(): Map<number, Enterprise> {
    this.firms ??= new Map(this.enterprisesStore.listEnterprises().map((e) => [e.id, e]));
    return this.firms;
  }

  private isPreloaded(period: string): boolean {
    return this.preloaded !== null && comparePeriods(period, this.preloaded.from) >= 0 && comparePeriods(period, this.preloaded.to) <= 0;
  }

  /**
   * Reads the reports, contributors and signals of a range of months in one pass each; later
   * reads of a month in the range come from memory (a month without data reads as empty).
   */
  preload(from: string, to: string): void {
    const bucket = <T extends { period: string }>(rows: T[], into: Map<string, T[]>) => {
      for (const r of rows) {
        let list = into.get(r.period);
        if (!list) into.set(r.period, (list = []));
        list.push(r);
      }
    };
    bucket(this.enterprisesStore.reportsForRange(from, to), this.reportCache);
    const si = new Map<string, Array<{ period: string; creditCode: string; contributors: number }>>();
    bucket(this.enterprisesStore.contributionsForRange(from, to), si);
    for (const [period, rows] of si) this.contributionCache.set(period, new Map(rows.map((c) => [c.creditCode, c.contributors])));
    bucket(this.signalStore.forRange(from, to), this.signalCache);
    this.preloaded = { from, to };
  }

  reports(period: string): ReportRow[] {
    let r = this.reportCache.get(period);
    if (!r) this.reportCache.set(period, (r = this.isPreloaded(period) ? [] : this.enterprisesStore.reportsForPeriod(period)));
    return r;
  }

  /** Sets the months panel aggregates are built over (before the first panel read). */
  setPanelRange(from: string, to: string): void {
    this.panelRange = { from, to };
  }

  panel(): Array<{ firm: Enterprise; report: ReportRow }> {
    if (!this.panelRows) {
      const firms = this.enterprises();
      const range = this.panelRange ?? { from: '0000-01', to: '9999-12' };
      const covered = this.isPreloaded(range.from) && this.isPreloaded(range.to);
      const reports = covered ? periodRange(range.from, range.to).flatMap((p) => this.reports(p)) : this.enterprisesStore.reportsForRange(range.from, range.to);
      this.panelRows = reports.flatMap((report) => {
        const firm = firms.get(report.enterpriseId);
        return firm ? [{ firm, report }] : [];
      });
    }
    return this.panelRows;
  }

  contributions(period: string): Map<string, number> {
    let m = this.contributionCache.get(period);
    if (!m && this.isPreloaded(period)) this.contributionCache.set(period, (m = new Map()));
    if (!m) this.contributionCache.set(period, (m = new Map(this.enterprisesStore.contributionsForPeriod(period).map((c) => [c.creditCode, c.contributors]))));
    return m;
  }

  signals(period: string): SignalCase[] {
    let s = this.signalCache.get(period);
    if (!s) this.signalCache.set(period, (s = this.isPreloaded(period) ? [] : this.signalStore.forPeriod(period)));
    return s;
  }
}

function firmSubject(firm: Enterprise): AlertSubject {
  return { type: 'firm', key: `firm:${firm.creditCode}`, label: { zh: firm.name, en: firm.name }, enterpriseId: firm.id, district: firm.district, sector: firm.sector };
}

/** Series inputs of an indicator- or panel-scoped rule, in the view its kind needs. */
function seriesInputs(data: WarningData, rule: RuleOf<'threshold' | 'change' | 'consecutive' | 'anomaly'> & { id: number; version: number }): SeriesInput[] {
  return data.memo(`rule:${rule.id}:${rule.version}`, () => buildSeriesInputs(data, rule));
}

function buildSeriesInputs(data: WarningData, rule: RuleOf<'threshold' | 'change' | 'consecutive' | 'anomaly'>): SeriesInput[] {
  if (rule.scope.type === 'indicator') {
    const indicator = data.indicator(rule.scope.indicator);
    if (!indicator) return [];
    // Month-on-month changes and runs of a year-to-date indicator are read on the month's own value;
    // a combined 1-2月 point is not a month and is left out.
    const perPeriod = indicator.ytd && (rule.kind === 'consecutive' || ((rule.kind === 'change' || rule.kind === 'anomaly') && rule.params.basis === 'mom'));
    return data.indicatorSeries(rule.scope).map(({ members, points }) => {
      const view = perPeriod ? decumulate(points, indicator.frequency, indicator.janFebCombined).map((p) => ({ period: p.period, value: p.covers > 1 ? null : p.value })) : points;
      const memberLabel = data.membersLabel(members);
      const label = memberLabel ? { zh: `${indicator.name.zh}（${memberLabel.zh}）`, en: `${indicator.name.en} (${memberLabel.en})` } : indicator.name;
      const subject: AlertSubject = { type: 'series', key: seriesSubjectKey(indicator.code, members), label, indicator: indicator.code, district: members.district ?? null, sector: members.sector ?? null };
      return { subject, points: view, polarity: indicator.polarity, changeUnit: changeUnitOf(indicator.kind), unit: indicator.unit };
    });
  }
  const scope = rule.scope as PanelScope;
  const metric = scope.metric ?? 'headcount';
  const info = PANEL_METRIC_INFO[metric];
  const filterLabel = panelFilterLabel(data, scope);
  return panelSeries(data.panel().map(({ firm, report }) => ({ firm, report })), scope).map(({ members, points }) => {
    const memberLabel = data.membersLabel(members);
    const parts = [filterLabel, memberLabel].filter((x): x is LocalizedName => x !== null);
    const name = PANEL_METRIC_NAMES[metric];
    const label = parts.length ? { zh: `${name.zh}（${parts.map((p) => p.zh).join('，')}）`, en: `${name.en} (${parts.map((p) => p.en).join(', ')})` } : name;
    const subject: AlertSubject = { type: 'panel', key: panelSubjectKey(scope, members), label, indicator: info.indicator, district: members.district ?? null, sector: members.sector ?? null };
    const unit = metric === 'job_loss_rate' ? { zh: '%', en: '%' } : { zh: '人', en: 'persons' };
    return { subject, points, polarity: info.polarity, changeUnit: info.changeUnit as ChangeUnit, unit };
  });
}

function panelFilterLabel(data: WarningData, scope: PanelScope): LocalizedName | null {
  const names = [...scope.sectors.map((s) => data.memberName('sector', s)), ...scope.districts.map((d) => data.memberName('district', d))];
  if (!names.length) return null;
  return { zh: names.map((n) => n.zh).join('、'), en: names.map((n) => n.en).join(', ') };
}

function firmInputs(data: WarningData, scope: PanelScope, period: string): FirmInput[] {
  const firms = data.enterprises();
  const out: FirmInput[] = [];
  for (const report of data.reports(period)) {
    const firm = firms.get(report.enterpriseId);
    if (firm && inPanel(firm, scope)) out.push({ subject: firmSubject(firm), report });
  }
  return out;
}

function signalInputs(data: WarningData, scope: SignalScope, period: string) {
  const firms = data.enterprises();
  const cases = data.signals(period).filter((c) => (!scope.categories.length || scope.categories.includes(c.category)) && (!scope.channels.length || scope.channels.includes(c.channel)));
  const keyOf = (c: SignalCase): string | null =>
    scope.by === 'city' ? 'city' : scope.by === 'district' ? c.district : c.enterpriseId !== null ? `id:${c.enterpriseId}` : c.creditCode ? `code:${c.creditCode}` : c.firmName ? `name:${c.firmName}` : null;
  return countSignals(cases, keyOf).map((row) => {
    let subject: AlertSubject;
    if (scope.by === 'city') subject = { type: 'city', key: 'city', label: CITY };
    else if (scope.by === 'district') subject = { type: 'district', key: `district:${row.key}`, label: data.memberName('district', row.key), district: row.key };
    else if (row.key.startsWith('id:')) subject = firmSubject(firms.get(Number(row.key.slice(3)))!);
    else {
      const sample = cases.find((c) => keyOf(c) === row.key)!;
      const name = sample.firmName ?? sample.creditCode ?? row.key;
      subject = { type: 'firm', key: `firm:${sample.creditCode ?? row.key}`, label: { zh: name, en: name }, enterpriseId: null, district: sample.district };
    }
    return { subject, count: row.count, cases: row.cases, byCategory: row.byCategory, byChannel: row.byChannel, caseIds: row.caseIds };
  });
}

/** What one rule raises for one evaluated period. */
function fire(data: WarningData, rule: WarningRule, period: string): Firing[] {
  switch (rule.kind) {
    case 'threshold':
      return seriesInputs(data, rule).flatMap((s) => evaluateThreshold(rule, s, period) ?? []);
    case 'change':
      return seriesInputs(data, rule).flatMap((s) => evaluateChange(rule, s, period) ?? []);
    case 'consecutive':
      return seriesInputs(data, rule).flatMap((s) => evaluateConsecutive(rule, s, period) ?? []);
    case 'anomaly':
      return seriesInputs(data, rule).flatMap((s) => evaluateAnomaly(rule, s, period, data.memo(`anomaly:${rule.id}:${rule.version}:${s.subject.key}`, () => seriesAnomalies(rule, s))) ?? []);
    case 'article41':
      return evaluateArticle41(rule, firmInputs(data, rule.scope, period));
    case 'firm_threshold':
      return evaluateFirmThreshold(rule, firmInputs(data, rule.scope, period));
    case 'crosscheck': {
      const contributions = data.contributions(period);
      const rows = firmInputs(data, rule.scope, period).flatMap((f) => {
        const code = f.subject.key.slice('firm:'.length);
        const contributors = contributions.get(code);
        return contributors === undefined ? [] : [{ subject: f.subject, reported: f.report.closing, contributors }];
      });
      return evaluateCrossCheck(rule, rows);
    }
    case 'signal_count':
      return evaluateSignalCount(rule, signalInputs(data, rule.scope, period));
  }
}

/** The frequency whose periods a rule evaluates. */
function ruleFrequency(data: WarningData, rule: WarningRule): 'M' | 'Q' | 'A' {
  if (rule.scope.type === 'indicator') return data.indicator(rule.scope.indicator)?.frequency ?? 'M';
  return 'M';
}

/**
 * Evaluates rules for the given months and stores the alerts, in one transaction.
 * @example evaluateWarnings(db, { periods: ['2026-10'], actor: 'analyst', trigger: 'manual' })
 */
export function evaluateWarnings(db: Database, options: EvaluationOptions): EvaluationSummary {
  const t0 = performance.now();
  const at = (options.at ?? new Date()).toISOString();
  const months = [...new Set(options.periods)].sort(comparePeriods);
  const rules = listRules(db, { enabledOnly: !options.ruleIds }).filter((r) => !options.ruleIds || options.ruleIds.includes(r.id));
  const data = new WarningData(db);
  if (months.length) {
    const panelLookback = Math.max(0, ...rules.filter((r) => r.scope.type === 'panel' && r.kind !== 'article41' && r.kind !== 'firm_threshold' && r.kind !== 'crosscheck').map(lookback));
    const from = shiftPeriod(months[0]!, -panelLookback);
    data.setPanelRange(from, months[months.length - 1]!);
    // Many months: read everything once rather than month by month.
    if (months.length > 3) data.preload(from, months[months.length - 1]!);
  }

  const existingStmt = db.prepare('SELECT id, subject_key, level, value, evidence, status, rule_version FROM alert WHERE rule_id = ? AND period = ?');
  const insertStmt = db.prepare(`INSERT INTO alert (rule_id, rule_version, period, subject_type, subject_key, subject_zh, subject_en, enterprise_id, district, sector, indicator,
      level, value, evidence, status, raised_at, updated_at, evaluated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)`);
  const updateStmt = db.prepare(`UPDATE alert SET rule_version = ?, subject_zh = ?, subject_en = ?, level = ?, value = ?, evidence = ?, status = 'active', updated_at = ?, evaluated_at = ? WHERE id = ?`);
  const touchStmt = db.prepare('UPDATE alert SET evaluated_at = ? WHERE id = ?');
  const clearStmt = db.prepare(`UPDATE alert SET status = 'cleared', updated_at = ?, evaluated_at = ? WHERE id = ?`);

  const summary: EvaluationSummary = { periods: months, raised: 0, updated: 0, cleared: 0, unchanged: 0, ms: 0, changes: [] };
  db.transaction(() => {
    for (const rule of rules) {
      const frequency = ruleFrequency(data, rule);
      const evalPeriods = [...new Set(months.map((m) => evaluationPeriod(m, frequency)))];
      for (const period of evalPeriods) {
        const firings = fire(data, rule, period);
        const existing = new Map(
          (existingStmt.all(rule.id, period) as Array<{ id: number; subject_key: string; level: string; value: number | null; evidence: string; status: string; rule_version: number }>).map((r) => [r.subject_key, r]),
        );
        const seen = new Set<string>();
        for (const f of firings) {
          if (seen.has(f.subject.key)) continue;
          seen.add(f.subject.key);
          const evidence = JSON.stringify(f.evidence);
          const value = Number.isFinite(f.value) ? f.value : null;
          const old = existing.get(f.subject.key);
          if (!old) {
            const id = Number(
              insertStmt.run(rule.id, rule.version, period, f.subject.type, f.subject.key, f.subject.label.zh, f.subject.label.en, f.subject.enterpriseId ?? null, f.subject.district ?? null, f.subject.sector ?? null, f.subject.indicator ?? null, f.level, value, evidence, at, at, at).lastInsertRowid,
            );
            summary.raised++;
            summary.changes.push({ alertId: id, change: 'raised' });
          } else if (old.status === 'active' && old.level === f.level && old.value === value && old.evidence === evidence && old.rule_version === rule.version) {
            touchStmt.run(at, old.id);
            summary.unchanged++;
            summary.changes.push({ alertId: old.id, change: 'unchanged' });
          } else {
            updateStmt.run(rule.version, f.subject.label.zh, f.subject.label.en, f.level, value, evidence, at, at, old.id);
            summary.updated++;
            summary.changes.push({ alertId: old.id, change: 'updated' });
          }
        }
        for (const old of existing.values()) {
          if (seen.has(old.subject_key) || old.status !== 'active') continue;
          clearStmt.run(at, at, old.id);
          summary.cleared++;
          summary.changes.push({ alertId: old.id, change: 'cleared' });
        }
      }
    }
    summary.ms = performance.now() - t0;
    db.prepare('INSERT INTO warning_run (at, actor, trigger, periods, raised, updated, cleared, unchanged, ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      at,
      options.actor,
      options.trigger,
      JSON.stringify(months.length > 24 ? [months[0], months[months.length - 1]] : months),
      summary.raised,
      summary.updated,
      summary.cleared,
      summary.unchanged,
      summary.ms,
    );
  })();
  return summary;
}
