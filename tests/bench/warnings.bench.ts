/**
 * Warning-rule evaluation: over the whole demo history (every enabled rule, every indicator
 * series they watch, 700 firms, 2015-01 to the last month), and per import of one monthly batch.
 * Baselines in the same run: reading the same tables in full with bare SQL (the I/O floor), and
 * storing the monthly batch itself.
 */
import ExcelJS from 'exceljs';
import { rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { commitImport } from '../../main/import/engine';
import { openWorkstation } from '../../main/workstation';
import { openDatabase } from '../../main/db/connection';
import { evaluateWarnings } from '../../main/warnings/engine';
import { periodRange, shiftPeriod } from '../../shared/period';
import { demoDataDir, TEST_DEMO_END } from '../support/demo-template';
import { percentile, report, time } from './harness';

function bareRead(db: ReturnType<typeof openDatabase>, from: string, to: string): number {
  let rows = 0;
  rows += (db.prepare('SELECT * FROM enterprise_report WHERE period BETWEEN ? AND ?').all(from, to) as unknown[]).length;
  rows += (db.prepare('SELECT * FROM si_contribution WHERE period BETWEEN ? AND ?').all(from, to) as unknown[]).length;
  rows += (db.prepare('SELECT * FROM signal_case WHERE period BETWEEN ? AND ?').all(from, to) as unknown[]).length;
  // The observations of the indicators the enabled rules watch.
  const indicators = new Set<string>();
  for (const r of db.prepare('SELECT scope FROM warning_rule WHERE enabled = 1').all() as Array<{ scope: string }>) {
    const scope = JSON.parse(r.scope) as { indicator?: string };
    if (scope.indicator) indicators.add(scope.indicator);
  }
  const obs = db.prepare('SELECT o.period, o.value, o.snapshot_id FROM observation o JOIN series s ON s.id = o.series_id WHERE s.indicator = ?');
  for (const code of indicators) rows += (obs.all(code) as unknown[]).length;
  return rows;
}

export async function benchWarnings(): Promise<void> {
  const months = periodRange('2015-01', TEST_DEMO_END);

  // Full history, first evaluation (alerts created) then re-evaluation (nothing changes).
  const first: number[] = [];
  const again: number[] = [];
  const bare: number[] = [];
  let raised = 0;
  let rows = 0;
  for (let i = 0; i < 3; i++) {
    const dir = demoDataDir('ws-bench-warn-');
    const db = openDatabase(dir);
    try {
      const a = await time(() => evaluateWarnings(db, { periods: months, actor: 'bench', trigger: 'manual' }));
      first.push(a.ms);
      raised = a.result.raised + a.result.unchanged + a.result.updated;
      again.push((await time(() => evaluateWarnings(db, { periods: months, actor: 'bench', trigger: 'manual' }))).ms);
      const b = await time(() => bareRead(db, months[0]!, months[months.length - 1]!));
      bare.push(b.ms);
      rows = b.result;
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const rules = (() => {
    const dir = demoDataDir('ws-bench-warn-');
    const db = openDatabase(dir);
    const n = (db.prepare('SELECT count(*) AS n FROM warning_rule WHERE enabled = 1').get() as { n: number }).n;
    db.close();
    rmSync(dir, { recursive: true, force: true });
    return n;
  })();
  report({ bench: 'warnings', metric: 'evaluate full history p50', value: percentile(first, 50), unit: 'ms', baseline: percentile(bare, 50), baselineName: 'bare SQL read of the same tables', months: months.length, rules, firms: 700, alerts: raised, rowsRead: rows, samples: first.length });
  report({ bench: 'warnings', metric: 're-evaluate full history p50 (no change)', value: percentile(again, 50), unit: 'ms', baseline: percentile(bare, 50), baselineName: 'bare SQL read of the same tables', months: months.length, samples: again.length });

  // One monthly batch: store a month of 700 reports (as an import would), then evaluate that month.
  const next = shiftPeriod(TEST_DEMO_END, 1);
  const store: number[] = [];
  const evaluate: number[] = [];
  for (let i = 0; i < 5; i++) {
    const dir = demoDataDir('ws-bench-warn-');
    const db = openDatabase(dir);
    try {
      const s = await time(() =>
        db.transaction(() => {
          const snap = Number(
            db.prepare(`INSERT INTO snapshot (source_unit, kind, file_name, imported_at, imported_by, rows_read, rows_stored, period_from, period_to) VALUES ('RSJ', 'file', 'bench.xlsx', ?, 'bench', 700, 700, ?, ?)`).run(new Date().toISOString(), next, next).lastInsertRowid,
          );
          db.prepare(`INSERT INTO enterprise_report (enterprise_id, period, snapshot_id, opening, hires, sep_economic, sep_contract_end, sep_quit, sep_retire, sep_other, closing, avg_wage, production, planned_cuts, sheet, row)
            SELECT enterprise_id, ?, ?, closing, hires, sep_economic, sep_contract_end, sep_quit, sep_retire, sep_other, closing + hires - sep_economic - sep_contract_end - sep_quit - sep_retire - sep_other, avg_wage, production, planned_cuts, 'Sheet1', row
            FROM enterprise_report WHERE period = ?`).run(next, snap, TEST_DEMO_END);
        })(),
      );
      store.push(s.ms);
      evaluate.push((await time(() => evaluateWarnings(db, { periods: [next], actor: 'bench', trigger: 'import' }))).ms);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  report({ bench: 'warnings', metric: 'evaluate one monthly batch p50', value: percentile(evaluate, 50), unit: 'ms', baseline: percentile(store, 50), baselineName: 'storing the batch (700 reports, one transaction)', samples: evaluate.length });
  report({ bench: 'warnings', metric: 'evaluate one monthly batch max', value: Math.max(...evaluate), unit: 'ms' });

  // The same month as an agency file through the importer (XLSX, 700 rows, the ENT.* indicators
  // recomputed), with the evaluation the import triggers; the evaluation's own time is the figure,
  // the whole import its baseline.
  const imports: number[] = [];
  const evaluations: number[] = [];
  for (let i = 0; i < 3; i++) {
    const dir = demoDataDir('ws-bench-warn-');
    const ws = openWorkstation({ dataDir: dir, demo: false, actor: 'bench' });
    const file = join(dir, `重点企业月报_${next}.xlsx`);
    try {
      const rows = ws.ctx.db
        .prepare(`SELECT e.credit_code, r.closing, r.avg_wage FROM enterprise_report r JOIN enterprise e ON e.id = r.enterprise_id WHERE r.period = ? ORDER BY e.id`)
        .all(TEST_DEMO_END) as Array<{ credit_code: string; closing: number; avg_wage: number }>;
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('月报');
      sheet.addRow(['统一社会信用代码', '月份', '期初人数', '新招用', '经济性裁员', '合同到期', '主动离职', '退休', '其他减员', '期末人数', '平均工资', '生产状态', '拟裁员']);
      for (const r of rows) {
        const hires = Math.round(r.closing * 0.012);
        const quit = Math.round(r.closing * 0.008);
        sheet.addRow([r.credit_code, next, r.closing, hires, 0, 0, quit, 0, 0, r.closing + hires - quit, r.avg_wage, '正常', 0]);
      }
      writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
      const t = await time(() => commitImport({ db: ws.ctx.db, actor: 'bench' }, { path: file, fileName: basename(file), target: 'enterprise_reports' }));
      imports.push(t.ms);
      evaluations.push((ws.ctx.db.prepare("SELECT ms FROM warning_run WHERE trigger = 'import' ORDER BY id DESC LIMIT 1").get() as { ms: number }).ms);
    } finally {
      ws.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  report({ bench: 'warnings', metric: 'evaluation after importing a monthly batch p50', value: percentile(evaluations, 50), unit: 'ms', baseline: percentile(imports, 50), baselineName: 'the whole import (XLSX, 700 firms, evaluation included)', samples: imports.length });
}
