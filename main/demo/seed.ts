/** Writes the generated demo dataset into a cache, as the snapshots an agency import would make. */
import type { Database } from 'better-sqlite3';
import { INDICATORS } from '../../shared/domain/catalog';
import { ObservationStore } from '../db/observations';
import { writeAudit } from '../db/audit';
import { seedDemoAnnotations } from './annotations';
import { generateDemo, type DemoData } from './generate';
import { seedEnterpriseExtras } from './enterprise-extras';
import { mustParsePeriod, periodRange } from '../../shared/period';

export interface SeedResult {
  observations: number;
  enterprises: number;
  reports: number;
  snapshots: number;
  end: string;
}

/** True when the cache holds no observation and no enterprise yet. */
export function isEmptyCache(db: Database): boolean {
  const n = db.prepare('SELECT (SELECT count(*) FROM observation) + (SELECT count(*) FROM enterprise) AS n').get() as { n: number };
  return n.n === 0;
}

/** Import time of a demo batch for `period`: the 12th of the next month, 09:30 Beijing time. */
function batchTime(period: string): string {
  const p = mustParsePeriod(period);
  const month = p.frequency === 'M' ? p.index : 12;
  const d = new Date(Date.UTC(p.year, month, 12, 1, 30, 0));
  return d.toISOString();
}

/**
 * Generates and stores the demo data in one transaction: one snapshot per monthly batch of key
 * enterprise reports, and one snapshot per source unit for the indicator history.
 */
export function seedDemo(db: Database, options: { end: string; actor: string; data?: DemoData }): SeedResult {
  const data = options.data ?? generateDemo({ end: options.end });
  const store = new ObservationStore(db);
  const sourceOf = new Map(INDICATORS.map((i) => [i.code, i.sourceUnit]));
  let snapshots = 0;

  db.transaction(() => {
    const insertSnapshot = db.prepare(`INSERT INTO snapshot
      (source_unit, kind, file_name, file_sha256, sheets, imported_at, imported_by, note, rows_read, rows_stored, period_from, period_to)
      VALUES (?, 'demo', ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?)`);
    const insertEnterprise = db.prepare(`INSERT INTO enterprise
      (credit_code, name, sector, industry, ownership, size, district, trade_exposed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertReport = db.prepare(`INSERT INTO enterprise_report
      (enterprise_id, period, snapshot_id, opening, hires, sep_economic, sep_contract_end, sep_quit, sep_retire, sep_other,
       closing, avg_wage, production, planned_cuts, sheet, row)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`);
    const insertObs = db.prepare('INSERT INTO observation (series_id, period, snapshot_id, value, sheet, row, col) VALUES (?, ?, ?, ?, NULL, NULL, NULL)');

    const ids = data.enterprises.map((e) =>
      Number(insertEnterprise.run(e.creditCode, e.name, e.sector, e.industry, e.ownership, e.size, e.district, e.tradeExposed ? 1 : 0).lastInsertRowid),
    );
    const byPeriod = new Map<string, typeof data.reports>();
    for (const r of data.reports) {
      let list = byPeriod.get(r.period);
      if (!list) byPeriod.set(r.period, (list = []));
      list.push(r);
    }
    for (const period of periodRange(data.start, data.end)) {
      const list = byPeriod.get(period) ?? [];
      const snap = Number(
        insertSnapshot.run('RSJ', `重点企业用工监测_${period}.xlsx`, batchTime(period), options.actor, '演示数据：重点企业月报', list.length, list.length, period, period).lastInsertRowid,
      );
      snapshots++;
      list.forEach((r, row) =>
        insertReport.run(ids[r.enterprise], r.period, snap, r.opening, r.hires, r.sepEconomic, r.sepContractEnd, r.sepQuit, r.sepRetire, r.sepOther, r.closing, r.avgWage, r.production, r.plannedCuts, row + 2),
      );
    }

    const byUnit = new Map<string, typeof data.observations>();
    for (const o of data.observations) {
      const unit = sourceOf.get(o.indicator)!;
      let list = byUnit.get(unit);
      if (!list) byUnit.set(unit, (list = []));
      list.push(o);
    }
    for (const [unit, list] of [...byUnit].sort(([a], [b]) => a.localeCompare(b))) {
      const periods = list.map((o) => o.period).sort();
      const snap = Number(
        insertSnapshot.run(unit, `演示数据_${unit}.csv`, batchTime(data.end), options.actor, '演示数据：历史序列', list.length, list.length, periods[0], periods[periods.length - 1]).lastInsertRowid,
      );
      snapshots++;
      for (const o of list) insertObs.run(store.ensureSeries(o.indicator, o.members), o.period, snap, o.value);
    }
    seedEnterpriseExtras(db, data, options.actor);
    seedDemoAnnotations(db, data.end, options.actor);
    writeAudit(db, { actor: options.actor, action: 'demo.generate', entity: 'cache', details: { end: data.end, observations: data.observations.length, enterprises: data.enterprises.length } });
  })();

  return { observations: data.observations.length, enterprises: data.enterprises.length, reports: data.reports.length, snapshots, end: data.end };
}
