/**
 * The key-enterprise monthly report target: one row per firm and month (统一社会信用代码, 月份, 期初人数,
 * 新招用, 减员 by reason, 期末人数, 平均工资, 生产状态, 拟裁员) becomes a vintaged `enterprise_report` row,
 * and the month's ENT.* indicators (city, each district, each sector) are recomputed from the whole
 * panel into the same snapshot. Checks per firm: a valid credit code of a monitored firm, a month,
 * whole counts, opening + hires - separations = closing exactly (refused otherwise), opening equal
 * to last month's closing and a plausible wage (warnings).
 */
import { analyzeCreditCode, normalizeCreditCode } from '../../../shared/domain/credit-code';
import { checkReport, DEFAULT_WAGE_BOUNDS, panelObservations, parseProductionStatus, type ReportFigures, type WageBounds } from '../../../shared/domain/enterprise';
import type { FieldCell, ImportRecord } from '../../../shared/import/mapping';
import { parsePeriodText, resolvePeriod } from '../../../shared/import/periods';
import { parseAgencyValue } from '../../../shared/import/values';
import { shiftPeriod } from '../../../shared/period';
import { EnterpriseStore, type ReportRow } from '../../db/enterprises';
import { ObservationStore } from '../../db/observations';
import { getSetting } from '../../services/settings';
import type { IssueLocation } from '../issues';
import { registerTarget, type ImportTarget, type TargetContext, type TargetCounts, type TargetPlan } from '../target';
import { cellRef, colOf, RecordSession, type RecordState, suggestByWords, text, wholeNumber } from './record-table';
import { ENTERPRISE_REPORTS_TARGET, recordTarget } from '../../../shared/import/record-targets';

export { ENTERPRISE_REPORTS_TARGET };
const ENTERPRISE_REPORT_FIELDS = recordTarget(ENTERPRISE_REPORTS_TARGET)!.fields;

const COUNT_FIELDS: Array<[string, keyof ReportFigures, boolean]> = [
  ['opening', 'opening', true],
  ['hires', 'hires', false],
  ['sep_economic', 'sepEconomic', false],
  ['sep_contract_end', 'sepContractEnd', false],
  ['sep_quit', 'sepQuit', false],
  ['sep_retire', 'sepRetire', false],
  ['sep_other', 'sepOther', false],
  ['closing', 'closing', true],
  ['planned_cuts', 'plannedCuts', false],
];

/** Report fields back to the columns they came from, for the cell an issue names. */
const FIELD_OF: Partial<Record<keyof ReportFigures, string>> = { opening: 'opening', closing: 'closing', avgWage: 'avg_wage' };


interface Staged {
  firmId: number;
  code: string;
  name: string;
  district: string;
  sector: string;
  period: string;
  figures: ReportFigures;
  sheet: string | null;
  row: number;
  /** Where each field came from. */
  at: Record<string, IssueLocation>;
  state: RecordState;
  old: ReportFigures | null;
}

function sameFigures(a: ReportFigures, b: ReportFigures): boolean {
  return (
    a.opening === b.opening &&
    a.hires === b.hires &&
    a.sepEconomic === b.sepEconomic &&
    a.sepContractEnd === b.sepContractEnd &&
    a.sepQuit === b.sepQuit &&
    a.sepRetire === b.sepRetire &&
    a.sepOther === b.sepOther &&
    a.closing === b.closing &&
    (a.avgWage ?? null) === (b.avgWage ?? null) &&
    a.production === b.production &&
    a.plannedCuts === b.plannedCuts
  );
}

const figuresOf = (r: ReportRow): ReportFigures => ({
  opening: r.opening,
  hires: r.hires,
  sepEconomic: r.sepEconomic,
  sepContractEnd: r.sepContractEnd,
  sepQuit: r.sepQuit,
  sepRetire: r.sepRetire,
  sepOther: r.sepOther,
  closing: r.closing,
  avgWage: r.avgWage,
  production: r.production,
  plannedCuts: r.plannedCuts,
});

class EnterpriseReportSession extends RecordSession {
  private readonly store: EnterpriseStore;
  private readonly registry: Map<string, { id: number; name: string; district: string; sector: string }>;
  private readonly bounds: WageBounds;
  private readonly staged: Staged[] = [];
  private settled = false;

  constructor(ctx: TargetContext) {
    super(ctx);
    this.store = new EnterpriseStore(ctx.db);
    this.registry = new Map(this.store.listEnterprises().map((e) => [e.creditCode, { id: e.id, name: e.name, district: e.district, sector: e.sector }]));
    this.bounds = getSetting<{ wageBounds?: WageBounds }>(ctx.db, 'enterprises.settings', {}).wageBounds ?? DEFAULT_WAGE_BOUNDS;
  }

  add(record: ImportRecord): void {
    this.counts.read++;
    const f = record.fields;
    const at = (name: string) => this.at(record, name);

    const code = normalizeCreditCode(text(f.credit_code));
    if (!code) return this.reject('import.missing_field', { field: 'credit_code' }, at('credit_code'));
    const analysis = analyzeCreditCode(code);
    if (!analysis.valid) return this.reject('import.bad_credit_code', { code, problem: analysis.problem ?? '', expected: analysis.expectedCheck ?? '' }, at('credit_code'));
    const firm = this.registry.get(code);
    if (!firm) return this.reject('import.unknown_firm', { code }, at('credit_code'));
    const name = text(f.name);
    if (name && name !== firm.name) this.ctx.issues.warning('import.firm_name_differs', { code, name, registered: firm.name }, at('name'));

    const periodCell: FieldCell | undefined = f.period;
    const pt = parsePeriodText(periodCell?.value, this.yearHint);
    if (!pt) return this.reject(text(periodCell) ? 'import.bad_period' : 'import.missing_field', text(periodCell) ? { text: text(periodCell) } : { field: 'period' }, at('period'));
    const resolved = resolvePeriod(pt, { frequency: 'M', ytd: false });
    if ('problem' in resolved) return this.reject('import.report_month', { text: text(periodCell) }, at('period'));

    const figures = { production: 'normal', avgWage: null } as unknown as ReportFigures;
    for (const [field, key, required] of COUNT_FIELDS) {
      const n = wholeNumber(f[field]);
      if (!n.ok) return this.reject(n.code, n.params, at(field));
      if (n.value === null && required) return this.reject('import.missing_field', { field }, at(field));
      (figures as unknown as Record<string, number>)[key] = n.value ?? 0;
    }
    const wage = parseAgencyValue(f.avg_wage?.value);
    if (wage.kind === 'invalid') return this.reject('import.bad_value', { text: wage.text }, at('avg_wage'));
    figures.avgWage = wage.kind === 'number' ? wage.value : null;
    const production = parseProductionStatus(text(f.production));
    if (!production) return this.reject(text(f.production) ? 'import.bad_production' : 'import.missing_field', text(f.production) ? { text: text(f.production) } : { field: 'production' }, at('production'));
    figures.production = production;

    const locations: Record<string, IssueLocation> = {};
    for (const k of ['credit_code', 'opening', 'closing', 'avg_wage']) locations[k] = at(k);
    this.staged.push({ firmId: firm.id, code, name: firm.name, district: firm.district, sector: firm.sector, period: resolved.period, figures, sheet: this.sheet, row: record.row, at: locations, state: 'ok', old: null });
  }

  private where(s: Staged): string {
    return cellRef(s.sheet, s.at.credit_code?.col, s.row);
  }

  /**
   * Once, after reading: duplicate firm-months (the same figures counted once, different ones all
   * refused), then the consistency checks, last month's closing taken from the file or the cache.
   */
  private settle(): void {
    if (this.settled) return;
    this.settled = true;
    const byKey = new Map<string, Staged[]>();
    for (const s of this.staged) {
      const k = `${s.firmId}|${s.period}`;
      const list = byKey.get(k);
      if (list) list.push(s);
      else byKey.set(k, [s]);
    }
    for (const list of byKey.values()) {
      if (list.length < 2) continue;
      const first = list[0]!;
      if (list.every((s) => sameFigures(s.figures, first.figures))) {
        for (const s of list.slice(1)) {
          s.state = 'repeated';
          this.counts.skipped++;
          this.ctx.issues.warning('import.duplicate_same', { first: this.where(first) }, s.at.credit_code!);
        }
      } else {
        for (const s of list) {
          s.state = 'rejected';
          this.counts.rejected++;
          this.ctx.issues.error('import.duplicate_firm_month', { first: this.where(s === first ? list[1]! : first), code: s.code }, s.at.credit_code!);
        }
      }
    }
    const closings = new Map<string, Map<number, number>>();
    const previousClosing = (s: Staged): number | null => {
      const prev = shiftPeriod(s.period, -1);
      const inFile = byKey.get(`${s.firmId}|${prev}`)?.find((x) => x.state === 'ok');
      if (inFile) return inFile.figures.closing;
      let m = closings.get(prev);
      if (!m) closings.set(prev, (m = new Map(this.store.reportsForPeriod(prev).map((r) => [r.enterpriseId, r.closing]))));
      return m.get(s.firmId) ?? null;
    };
    for (const s of this.staged) {
      if (s.state !== 'ok') continue;
      const issues = checkReport(s.figures, previousClosing(s), this.bounds);
      const where = (field: keyof ReportFigures) => s.at[FIELD_OF[field] ?? 'credit_code'] ?? s.at.credit_code!;
      const errors = issues.filter((i) => i.severity === 'error');
      for (const i of issues) {
        const params = { code: s.code, name: s.name, expected: i.expected ?? '', actual: i.actual ?? '' };
        if (i.severity === 'error') this.ctx.issues.error(`import.report_${i.check}`, params, where(i.field));
        else this.ctx.issues.warning(`import.report_${i.check}`, params, where(i.field));
      }
      if (errors.length) {
        s.state = 'rejected';
        this.counts.rejected++;
      }
    }
  }

  plan(): TargetPlan {
    this.settle();
    const current = new Map<string, Map<number, ReportFigures>>();
    return this.planRecords(this.staged, ['RSJ'], {
      classify: (s) => {
        let month = current.get(s.period);
        if (!month) current.set(s.period, (month = new Map(this.store.reportsForPeriod(s.period).map((r) => [r.enterpriseId, figuresOf(r)]))));
        const old = month.get(s.firmId) ?? null;
        s.old = old;
        s.state = !old ? 'added' : sameFigures(old, s.figures) ? 'unchanged' : 'revised';
        return s.state;
      },
      period: (s) => s.period,
      sample: (s, kind, period) => ({ kind, subject: s.name, indicator: 'ENT.HEADCOUNT', members: {}, period, old: s.old?.closing ?? null, value: s.figures.closing, sheet: s.sheet, row: s.row, col: colOf(s.at.closing) }),
    });
  }

  write(snapshotId: number): TargetCounts {
    const db = this.ctx.db;
    const insert = db.prepare(`INSERT INTO enterprise_report (enterprise_id, period, snapshot_id, opening, hires, sep_economic, sep_contract_end, sep_quit, sep_retire, sep_other,
      closing, avg_wage, production, planned_cuts, sheet, row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const periods = new Set<string>();
    for (const s of this.staged) {
      if (s.state !== 'added' && s.state !== 'revised') continue;
      const r = s.figures;
      insert.run(s.firmId, s.period, snapshotId, r.opening, r.hires, r.sepEconomic, r.sepContractEnd, r.sepQuit, r.sepRetire, r.sepOther, r.closing, r.avgWage, r.production, r.plannedCuts, s.sheet, s.row);
      periods.add(s.period);
    }
    // The month's ENT.* indicators from the whole panel as it now stands, stored where they changed.
    const observations = new ObservationStore(db);
    const firms = new Map(this.store.listEnterprises().map((e) => [e.id, e]));
    const insertObs = db.prepare('INSERT INTO observation (series_id, period, snapshot_id, value, sheet, row, col) VALUES (?, ?, ?, ?, NULL, NULL, NULL)');
    for (const period of periods) {
      const rows = this.store.reportsForPeriod(period).flatMap((report) => {
        const firm = firms.get(report.enterpriseId);
        return firm ? [{ firm, report }] : [];
      });
      for (const o of panelObservations(rows)) {
        // A series with a value that counts exists already; ensureSeries creates only ones about to be written.
        const series = observations.ensureSeries(o.indicator, o.members);
        if (observations.latestValue(series, period) === o.value) continue;
        insertObs.run(series, period, snapshotId, o.value);
      }
    }
    return { ...this.counts };
  }
}

export const enterpriseReportsTarget: ImportTarget = {
  name: ENTERPRISE_REPORTS_TARGET,
  requiredFields: ENTERPRISE_REPORT_FIELDS.filter((f) => f.required).map((f) => f.name),
  suggest: (_db, layout) => suggestByWords(layout, ENTERPRISE_REPORT_FIELDS, { periodField: 'period' }),
  open: (ctx) => new EnterpriseReportSession(ctx),
};

registerTarget(enterpriseReportsTarget);
