/**
 * Queries on the monitored enterprises: the registry, their monthly reports and their
 * social-insurance contributors. Reports and contributors are vintaged by snapshot like
 * observations: a read sees, per firm and month, the row of the newest snapshot that counts
 * (not deleted, or as of a snapshot or date).
 */
import type { Database, Statement } from 'better-sqlite3';
import type { AsOf } from '../../shared/api/schemas';
import type { Enterprise, ProductionStatus, ReportFigures } from '../../shared/domain/enterprise';
import { vintageCondition } from './observations';

interface EnterpriseRow {
  id: number;
  credit_code: string;
  name: string;
  sector: string;
  industry: string;
  ownership: string;
  size: string;
  district: string;
  trade_exposed: number;
}

export function enterpriseFromRow(r: EnterpriseRow): Enterprise {
  return {
    id: r.id,
    creditCode: r.credit_code,
    name: r.name,
    sector: r.sector,
    industry: r.industry,
    ownership: r.ownership,
    size: r.size,
    district: r.district,
    tradeExposed: r.trade_exposed === 1,
  };
}

export interface ReportRow extends ReportFigures {
  enterpriseId: number;
  period: string;
  snapshotId: number;
  sheet: string | null;
  row: number | null;
}

interface RawReport {
  enterprise_id: number;
  period: string;
  snapshot_id: number;
  opening: number;
  hires: number;
  sep_economic: number;
  sep_contract_end: number;
  sep_quit: number;
  sep_retire: number;
  sep_other: number;
  closing: number;
  avg_wage: number | null;
  production: ProductionStatus;
  planned_cuts: number;
  sheet: string | null;
  row: number | null;
}

function reportFromRaw(r: RawReport): ReportRow {
  return {
    enterpriseId: r.enterprise_id,
    period: r.period,
    snapshotId: r.snapshot_id,
    opening: r.opening,
    hires: r.hires,
    sepEconomic: r.sep_economic,
    sepContractEnd: r.sep_contract_end,
    sepQuit: r.sep_quit,
    sepRetire: r.sep_retire,
    sepOther: r.sep_other,
    closing: r.closing,
    avgWage: r.avg_wage,
    production: r.production,
    plannedCuts: r.planned_cuts,
    sheet: r.sheet,
    row: r.row,
  };
}

/** From rows ordered by key then snapshot, the last (newest vintage) of each key. */
function newestPerKey<T>(rows: Iterable<T>, key: (row: T) => string): T[] {
  const out: T[] = [];
  let lastKey: string | null = null;
  for (const row of rows) {
    const k = key(row);
    if (k === lastKey) out[out.length - 1] = row;
    else out.push(row);
    lastKey = k;
  }
  return out;
}

export interface Contribution {
  creditCode: string;
  period: string;
  contributors: number;
  firmName: string | null;
  snapshotId: number;
}

/**
 * Reads on the registry, reports and contributors. Statements are prepared once per store and
 * vintage state.
 */
/** A contribution row as `Contribution`, from `si_contribution` aliased `o`. */
const CONTRIBUTION_SELECT = `SELECT o.credit_code AS creditCode, o.period AS period, o.contributors AS contributors, o.firm_name AS firmName, o.snapshot_id AS snapshotId
  FROM si_contribution o`;

export class EnterpriseStore {
  private readonly cache = new Map<string, Statement>();

  constructor(private readonly db: Database) {}

  private stmt(key: string, sql: () => string): Statement {
    let s = this.cache.get(key);
    if (!s) this.cache.set(key, (s = this.db.prepare(sql())));
    return s;
  }

  listEnterprises(): Enterprise[] {
    return (this.stmt('list', () => 'SELECT * FROM enterprise ORDER BY id').all() as EnterpriseRow[]).map(enterpriseFromRow);
  }

  getEnterprise(id: number): Enterprise | null {
    const row = this.stmt('get', () => 'SELECT * FROM enterprise WHERE id = ?').get(id) as EnterpriseRow | undefined;
    return row ? enterpriseFromRow(row) : null;
  }

  byCreditCode(code: string): Enterprise | null {
    const row = this.stmt('byCode', () => 'SELECT * FROM enterprise WHERE credit_code = ?').get(code) as EnterpriseRow | undefined;
    return row ? enterpriseFromRow(row) : null;
  }

  /** Months with at least one report in the state asked for, oldest first. */
  reportPeriods(asOf?: AsOf): string[] {
    const cond = vintageCondition(this.db, asOf);
    return (this.stmt(`periods|${cond.sql}`, () => `SELECT DISTINCT o.period AS period FROM enterprise_report o WHERE ${cond.sql} ORDER BY o.period`).all(...cond.params) as Array<{ period: string }>).map((r) => r.period);
  }

  /** Every firm's report for one month (latest vintage per firm). */
  reportsForPeriod(period: string, asOf?: AsOf): ReportRow[] {
    const cond = vintageCondition(this.db, asOf);
    const sql = () => `SELECT o.* FROM enterprise_report o
      JOIN (SELECT o.enterprise_id AS e, max(o.snapshot_id) AS s FROM enterprise_report o WHERE o.period = ? AND ${cond.sql} GROUP BY o.enterprise_id) v
        ON v.e = o.enterprise_id AND v.s = o.snapshot_id
      WHERE o.period = ? ORDER BY o.enterprise_id`;
    return (this.stmt(`period|${cond.sql}`, sql).all(period, ...cond.params, period) as RawReport[]).map(reportFromRaw);
  }

  /**
   * Reports of every firm for a range of months (inclusive), latest vintage per firm and month,
   * ordered by month and firm. One ordered pass keeping the newest row per key: cheaper than a
   * grouped self-join over the whole history.
   */
  reportsForRange(from: string, to: string, asOf?: AsOf): ReportRow[] {
    const cond = vintageCondition(this.db, asOf);
    const sql = () => `SELECT o.* FROM enterprise_report o WHERE o.period BETWEEN ? AND ? AND ${cond.sql} ORDER BY o.period, o.enterprise_id, o.snapshot_id`;
    const rows = this.stmt(`range|${cond.sql}`, sql).iterate(from, to, ...cond.params) as IterableIterator<RawReport>;
    return newestPerKey(rows, (r) => `${r.enterprise_id}|${r.period}`).map(reportFromRaw);
  }

  /** One firm's reports, oldest first. */
  reportsForFirm(enterpriseId: number, asOf?: AsOf): ReportRow[] {
    const cond = vintageCondition(this.db, asOf);
    const sql = () => `SELECT o.* FROM enterprise_report o
      JOIN (SELECT o.period AS p, max(o.snapshot_id) AS s FROM enterprise_report o WHERE o.enterprise_id = ? AND ${cond.sql} GROUP BY o.period) v
        ON v.p = o.period AND v.s = o.snapshot_id
      WHERE o.enterprise_id = ? ORDER BY o.period`;
    return (this.stmt(`firm|${cond.sql}`, sql).all(enterpriseId, ...cond.params, enterpriseId) as RawReport[]).map(reportFromRaw);
  }

  /** Contributors per credit code for one month (latest vintage per code). */
  contributionsForPeriod(period: string, asOf?: AsOf): Contribution[] {
    const cond = vintageCondition(this.db, asOf);
    const sql = () => `${CONTRIBUTION_SELECT}
      JOIN (SELECT o.credit_code AS c, max(o.snapshot_id) AS s FROM si_contribution o WHERE o.period = ? AND ${cond.sql} GROUP BY o.credit_code) v
        ON v.c = o.credit_code AND v.s = o.snapshot_id
      WHERE o.period = ? ORDER BY o.credit_code`;
    return this.stmt(`si|${cond.sql}`, sql).all(period, ...cond.params, period) as Contribution[];
  }

  /** Contributors per credit code for a range of months, latest vintage per code and month, by month. */
  contributionsForRange(from: string, to: string, asOf?: AsOf): Contribution[] {
    const cond = vintageCondition(this.db, asOf);
    const sql = () => `${CONTRIBUTION_SELECT} WHERE o.period BETWEEN ? AND ? AND ${cond.sql} ORDER BY o.period, o.credit_code, o.snapshot_id`;
    const rows = this.stmt(`sirange|${cond.sql}`, sql).iterate(from, to, ...cond.params) as IterableIterator<Contribution>;
    return newestPerKey(rows, (r) => `${r.creditCode}|${r.period}`);
  }

  /** One firm's contributors by month, oldest first. */
  contributionsForFirm(creditCode: string, asOf?: AsOf): Contribution[] {
    const cond = vintageCondition(this.db, asOf);
    const sql = () => `${CONTRIBUTION_SELECT}
      JOIN (SELECT o.period AS p, max(o.snapshot_id) AS s FROM si_contribution o WHERE o.credit_code = ? AND ${cond.sql} GROUP BY o.period) v
        ON v.p = o.period AND v.s = o.snapshot_id
      WHERE o.credit_code = ? ORDER BY o.period`;
    return this.stmt(`sifirm|${cond.sql}`, sql).all(creditCode, ...cond.params, creditCode) as Contribution[];
  }
}
