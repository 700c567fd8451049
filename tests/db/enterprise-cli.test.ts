import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { openDatabase } from '../../main/db/connection';
import { demoDataDir, TEST_DEMO_END } from '../support/demo-template';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (l) => (out += l + '\n'), err: (l) => (err += l + '\n') });
  return { code, out, err };
}
const lines = (text: string) => text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

let dir: string;
beforeAll(() => {
  dir = demoDataDir('ws-entcli-');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('credit-code', () => {
  it('says valid, or why not, with exit code 2 when any is invalid', async () => {
    const ok = await cli(['credit-code', '91210106MA0U7LBN8E', '91110108600040399G']);
    expect(ok.code).toBe(0);
    expect(ok.out).toBe('91210106MA0U7LBN8E\t有效 / valid\n91110108600040399G\t有效 / valid\n');
    const bad = await cli(['credit-code', '91110108600040399D', '9111', '91210106MAOU7LBN8E']);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('91110108600040399D\t无效 / invalid: 校验码应为G，实际为D / check character should be G, is D');
    expect(bad.out).toContain('长度应为18位，实际4位');
    expect(bad.out).toContain('第11位字符“O”不允许');
    const json = await cli(['credit-code', '--json', '91110108600040399D']);
    expect(lines(json.out)[0]).toMatchObject({ valid: false, problem: 'check_digit', expectedCheck: 'G' });
    expect((await cli(['credit-code'])).code).toBe(2);
  });
});

describe('enterprises top-cuts', () => {
  it('prints the month’s largest reducers as JSON lines, largest first', async () => {
    const r = await cli(['enterprises', 'top-cuts', '--period', TEST_DEMO_END, '--limit', '5', '--data-dir', dir]);
    expect(r.code).toBe(0);
    const rows = lines(r.out);
    const db = openDatabase(dir);
    const expected = db
      .prepare(`SELECT e.credit_code AS creditCode, r.opening - r.closing AS reduction FROM enterprise_report r JOIN enterprise e ON e.id = r.enterprise_id
        WHERE r.period = ? AND r.opening > r.closing ORDER BY reduction DESC, r.sep_economic DESC, e.id LIMIT 5`)
      .all(TEST_DEMO_END);
    db.close();
    expect(rows.map((x) => ({ creditCode: x.creditCode, reduction: x.reduction }))).toEqual(expected);
    expect(rows.map((x) => x.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it('rejects a bad period or limit with exit code 2', async () => {
    expect((await cli(['enterprises', 'top-cuts', '--data-dir', dir])).code).toBe(2);
    expect((await cli(['enterprises', 'top-cuts', '--period', '2026-Q3', '--data-dir', dir])).code).toBe(2);
    expect((await cli(['enterprises', 'top-cuts', '--period', TEST_DEMO_END, '--limit', 'ten', '--data-dir', dir])).code).toBe(2);
    expect((await cli(['enterprises', 'bottom-cuts', '--period', TEST_DEMO_END, '--data-dir', dir])).code).toBe(2);
  });
});

describe('warnings evaluate', () => {
  it('prints the month’s alerts as JSON lines; running it again raises nothing new', async () => {
    const first = await cli(['warnings', 'evaluate', '--period', '2019-03', '--data-dir', dir]);
    expect(first.code).toBe(0);
    const alerts = lines(first.out);
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.every((a) => a.change === 'raised')).toBe(true);
    const again = lines((await cli(['warnings', 'evaluate', '--period', '2019-03', '--data-dir', dir])).out);
    expect(again.map((a) => a.id)).toEqual(alerts.map((a) => a.id));
    expect(again.every((a) => a.change === 'unchanged')).toBe(true);
    const latest = await cli(['warnings', 'evaluate', '--data-dir', dir]);
    expect(lines(latest.out).every((a) => a.period === TEST_DEMO_END || String(a.period).includes('Q') || /^\d{4}$/.test(String(a.period)))).toBe(true);
    expect((await cli(['warnings', 'evaluate', '--period', '2025-13', '--data-dir', dir])).code).toBe(2);
  });
});

describe('ledger list', () => {
  it('lists items, filtered by status and group given as codes or Chinese names', async () => {
    const db = openDatabase(dir);
    const expected = db.prepare("SELECT id FROM ledger_item WHERE status = 'in_progress' AND group_code = 'layoff_response' ORDER BY id").all() as Array<{ id: number }>;
    const total = (db.prepare('SELECT count(*) AS n FROM ledger_item').get() as { n: number }).n;
    db.close();
    expect(lines((await cli(['ledger', 'list', '--data-dir', dir])).out)).toHaveLength(total);
    const zh = await cli(['ledger', 'list', '--status', '处理中', '--group', '裁员风险应对组', '--data-dir', dir]);
    const en = await cli(['ledger', 'list', '--status', 'in_progress', '--group', 'layoff_response', '--data-dir', dir]);
    expect(lines(zh.out).map((i) => i.id).sort()).toEqual(expected.map((e) => e.id));
    expect(zh.out).toBe(en.out);
    expect(expected.length).toBeGreaterThan(0);
    const bad = await cli(['ledger', 'list', '--status', 'done', '--data-dir', dir]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('cli.bad_status');
  });
});
