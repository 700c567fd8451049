/**
 * The hot reads of the monitor and the warning engine use their indexes: the SQL the stores really
 * prepare is captured and its EXPLAIN QUERY PLAN checked for searches, never a full scan of the
 * big tables.
 */
import { describe, expect, it } from 'vitest';
import { EnterpriseStore } from '../../main/db/enterprises';
import { SignalStore } from '../../main/db/signals';
import { queryAlerts } from '../../main/warnings/alerts';
import { TEST_DEMO_END } from '../support/demo-template';
import { useDemoWorkstation } from '../support/workstation';

const demo = useDemoWorkstation('ws-plans-');

function captured(run: () => void): string[] {
  const db = demo.ws.ctx.db;
  const original = db.prepare.bind(db);
  const seen: string[] = [];
  db.prepare = ((sql: string) => {
    seen.push(sql);
    return original(sql);
  }) as typeof db.prepare;
  try {
    run();
  } finally {
    db.prepare = original;
  }
  return seen;
}

function plan(sql: string, params: unknown[]): string[] {
  return (demo.ws.ctx.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail);
}

describe('query plans', () => {
  it('a month of reports and of contributors is searched by period, not scanned', () => {
    const [reports, contributions] = captured(() => {
      const store = new EnterpriseStore(demo.ws.ctx.db);
      store.reportsForPeriod(TEST_DEMO_END);
      store.contributionsForPeriod(TEST_DEMO_END);
    });
    const r = plan(reports!, [TEST_DEMO_END, TEST_DEMO_END]);
    expect(r.some((d) => /SEARCH o USING (COVERING )?INDEX enterprise_report_period \(period=\?\)/.test(d))).toBe(true);
    expect(r.some((d) => /^SCAN o\b/.test(d))).toBe(false);
    const c = plan(contributions!, [TEST_DEMO_END, TEST_DEMO_END]);
    expect(c.some((d) => /SEARCH o USING (COVERING )?INDEX si_contribution_period \(period=\?\)/.test(d))).toBe(true);
    expect(c.some((d) => /^SCAN o\b/.test(d))).toBe(false);
  });

  it('a firm’s history is searched by its key', () => {
    const [sql] = captured(() => new EnterpriseStore(demo.ws.ctx.db).reportsForFirm(1));
    const p = plan(sql!, [1, 1]);
    expect(p.some((d) => /SEARCH o USING PRIMARY KEY \(enterprise_id=\?\)/.test(d))).toBe(true);
    expect(p.some((d) => /^SCAN o\b/.test(d))).toBe(false);
  });

  it('signals and alerts of a month are searched by period', () => {
    // The store prepares its insert statements first; the read is the one selecting by period.
    const signals = captured(() => new SignalStore(demo.ws.ctx.db).forPeriod(TEST_DEMO_END)).find((sql) => sql.includes('WHERE period = ?'));
    expect(plan(signals!, [TEST_DEMO_END]).some((d) => /SEARCH signal_case USING INDEX signal_case_period \(period=\?\)/.test(d))).toBe(true);
    const [alerts] = captured(() => queryAlerts(demo.ws.ctx.db, { period: TEST_DEMO_END, status: 'active' }));
    const a = plan(alerts!, [TEST_DEMO_END, '2026-Q3', '2025', 'active']);
    expect(a.some((d) => /SEARCH a USING INDEX alert_period \(period=\? AND status=\?\)/.test(d))).toBe(true);
  });
});
