/**
 * The social-insurance contributors target: the social-insurance centre's monthly count of
 * contributors per employer (统一社会信用代码, 单位名称, 月份, 缴费人数), vintaged like the reports, for
 * the cross-check against what the monitored firms report. Codes of employers the bureau does not
 * monitor are kept (the cross-check lists them apart).
 */
import { analyzeCreditCode, normalizeCreditCode } from '../../../shared/domain/credit-code';
import type { ImportRecord } from '../../../shared/import/mapping';
import { parsePeriodText, resolvePeriod } from '../../../shared/import/periods';
import { EnterpriseStore } from '../../db/enterprises';
import type { IssueLocation } from '../issues';
import { registerTarget, type ImportTarget, type TargetContext, type TargetCounts, type TargetPlan } from '../target';
import { cellRef, colOf, RecordSession, type RecordState, suggestByWords, text, wholeNumber } from './record-table';
import { recordTarget, SI_CONTRIBUTIONS_TARGET } from '../../../shared/import/record-targets';

export { SI_CONTRIBUTIONS_TARGET };
const SI_FIELDS = recordTarget(SI_CONTRIBUTIONS_TARGET)!.fields;

interface Staged {
  code: string;
  name: string | null;
  period: string;
  contributors: number;
  sheet: string | null;
  row: number;
  at: IssueLocation;
  state: RecordState;
  old: number | null;
}

class ContributionSession extends RecordSession {
  private readonly store: EnterpriseStore;
  private readonly staged: Staged[] = [];
  private settled = false;

  constructor(ctx: TargetContext) {
    super(ctx);
    this.store = new EnterpriseStore(ctx.db);
  }

  add(record: ImportRecord): void {
    this.counts.read++;
    const f = record.fields;
    const at = (name: string) => this.at(record, name);
    const code = normalizeCreditCode(text(f.credit_code));
    if (!code) return this.reject('import.missing_field', { field: 'credit_code' }, at('credit_code'));
    const analysis = analyzeCreditCode(code);
    if (!analysis.valid) return this.reject('import.bad_credit_code', { code, problem: analysis.problem ?? '', expected: analysis.expectedCheck ?? '' }, at('credit_code'));
    const pt = parsePeriodText(f.period?.value, this.yearHint);
    const resolved = pt ? resolvePeriod(pt, { frequency: 'M', ytd: false }) : null;
    if (!resolved || 'problem' in resolved) return this.reject(text(f.period) ? 'import.report_month' : 'import.missing_field', text(f.period) ? { text: text(f.period) } : { field: 'period' }, at('period'));
    const n = wholeNumber(f.contributors);
    if (!n.ok) return this.reject(n.code, n.params, at('contributors'));
    if (n.value === null) {
      this.counts.skipped++;
      return;
    }
    this.staged.push({ code, name: text(f.name) || null, period: resolved.period, contributors: n.value, sheet: this.sheet, row: record.row, at: at('contributors'), state: 'ok', old: null });
  }

  private settle(): void {
    if (this.settled) return;
    this.settled = true;
    const byKey = new Map<string, Staged[]>();
    for (const s of this.staged) {
      const k = `${s.code}|${s.period}`;
      const list = byKey.get(k);
      if (list) list.push(s);
      else byKey.set(k, [s]);
    }
    const where = (s: Staged) => cellRef(s.sheet, s.at.col, s.row);
    for (const list of byKey.values()) {
      if (list.length < 2) continue;
      const first = list[0]!;
      const same = list.every((s) => s.contributors === first.contributors);
      for (const s of same ? list.slice(1) : list) {
        s.state = same ? 'repeated' : 'rejected';
        if (same) {
          this.counts.skipped++;
          this.ctx.issues.warning('import.duplicate_same', { first: where(first) }, s.at);
        } else {
          this.counts.rejected++;
          this.ctx.issues.error('import.duplicate_firm_month', { first: where(s === first ? list[1]! : first), code: s.code }, s.at);
        }
      }
    }
  }

  plan(): TargetPlan {
    this.settle();
    const current = new Map<string, Map<string, number>>();
    return this.planRecords(this.staged, ['SBZX'], {
      classify: (s) => {
        let month = current.get(s.period);
        if (!month) current.set(s.period, (month = new Map(this.store.contributionsForPeriod(s.period).map((x) => [x.creditCode, x.contributors]))));
        const old = month.get(s.code);
        s.old = old ?? null;
        s.state = old === undefined ? 'added' : old === s.contributors ? 'unchanged' : 'revised';
        return s.state;
      },
      period: (s) => s.period,
      sample: (s, kind, period) => ({ kind, subject: s.name ?? s.code, indicator: 'ENT.SI_CONTRIB', members: {}, period, old: s.old, value: s.contributors, sheet: s.sheet, row: s.row, col: colOf(s.at) }),
    });
  }

  write(snapshotId: number): TargetCounts {
    const insert = this.ctx.db.prepare('INSERT INTO si_contribution (credit_code, period, snapshot_id, contributors, firm_name, sheet, row) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const s of this.staged) {
      if (s.state === 'added' || s.state === 'revised') insert.run(s.code, s.period, snapshotId, s.contributors, s.name, s.sheet, s.row);
    }
    return { ...this.counts };
  }
}

export const siContributionsTarget: ImportTarget = {
  name: SI_CONTRIBUTIONS_TARGET,
  requiredFields: SI_FIELDS.filter((f) => f.required).map((f) => f.name),
  suggest: (_db, layout) => suggestByWords(layout, SI_FIELDS, { periodField: 'period' }),
  open: (ctx) => new ContributionSession(ctx),
};

registerTarget(siContributionsTarget);
