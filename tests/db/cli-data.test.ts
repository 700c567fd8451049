import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { importBench, type Bench } from '../support/imports';

const benches: Bench[] = [];
afterEach(() => {
  for (const b of benches.splice(0)) b.close();
});

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (l) => (out += l + '\n'), err: (l) => (err += l + '\n') });
  return { code, out, err };
}

describe('cli: import, snapshots, provenance', () => {
  it('dry-runs, refuses with exit 2 and the UI messages, commits, then shows where a value came from', async () => {
    const b = importBench();
    benches.push(b);
    // The cache is closed by the bench's workstation only at the end; the CLI opens its own connection.
    const dir = b.dir;
    const bad = b.write('bad.csv', 'indicator,period,value,district\nUNE.REG_COUNT,2026-11,123,铁西区\nUNE.REG_COUNT,2026-11,abc,和平区\n');
    const initial = b.fingerprint();
    const dry = await cli(['import', bad, '--dry-run', '--data-dir', dir]);
    expect(dry.code).toBe(2);
    expect(dry.out).toContain('第 3 行 C 列: 无法识别数值“abc” [import.bad_value]');
    expect(dry.err).toContain('[import.has_rejections]');
    const refused = await cli(['import', bad, '--data-dir', dir, '--lang', 'en']);
    expect(refused.code).toBe(2);
    expect(refused.out).toContain('row 3, column C: Cannot read the value "abc" [import.bad_value]');
    expect(refused.err).toContain('error [import.has_rejections]: 1 values failed validation');
    expect(b.fingerprint()).toEqual(initial);

    const ok = await cli(['import', bad, '--data-dir', dir, '--accept-rejected', '--by', '王五', '--json']);
    expect(ok.code).toBe(0);
    const result = JSON.parse(ok.out) as { snapshotId: number; counts: { added: number; rejected: number } };
    expect(result.counts).toMatchObject({ added: 1, rejected: 1 });

    const again = await cli(['import', bad, '--data-dir', dir, '--accept-rejected', '--json']);
    expect(JSON.parse(again.out)).toMatchObject({ noop: true, snapshotId: result.snapshotId });

    const list = await cli(['snapshots', '--data-dir', dir, '--unit', 'RSJ', '--json', '--limit', '1']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.out).items[0]).toMatchObject({ id: result.snapshotId, fileName: 'bad.csv', importedBy: '王五', counts: { stored: 1, rejected: 1 } });

    const diff = await cli(['snapshots', 'diff', String(result.snapshotId), '--data-dir', dir, '--json']);
    expect(JSON.parse(diff.out)).toMatchObject({ total: 1, rows: [{ indicator: 'UNE.REG_COUNT', members: { district: '210106' }, period: '2026-11', old: null, value: 123, kind: 'added' }] });

    const prov = await cli(['provenance', 'UNE.REG_COUNT', '2026年11月', '--member', 'district=210106', '--data-dir', dir]);
    expect(prov.code).toBe(0);
    expect(prov.out).toContain('来源：市人社局就业处 / bad.csv / 第 2 行 C 列');

    expect((await cli(['snapshots', 'delete', String(result.snapshotId), '--data-dir', dir])).code).toBe(2);
    const del = await cli(['snapshots', 'delete', String(result.snapshotId), '--reason', '重复报送', '--data-dir', dir]);
    expect(del.code).toBe(0);
    const gone = await cli(['provenance', 'UNE.REG_COUNT', '2026-11', '--member', 'district=210106', '--data-dir', dir]);
    expect(gone.code).toBe(2);
    expect(gone.err).toContain('[provenance.not_found]');
    const asOf = await cli(['provenance', 'UNE.REG_COUNT', '2026-11', '--member', 'district=210106', '--as-of-snapshot', String(result.snapshotId), '--data-dir', dir, '--json']);
    expect(JSON.parse(asOf.out)).toMatchObject({ value: 123 });
  });

  it('exit codes: 2 for a missing file or bad options, 1 for an internal error', async () => {
    const b = importBench();
    benches.push(b);
    expect((await cli(['import', join(b.files, 'none.csv'), '--data-dir', b.dir])).code).toBe(2);
    expect((await cli(['import', '--data-dir', b.dir])).code).toBe(2);
    expect((await cli(['import', b.write('a.csv', 'x'), '--encoding', 'latin9', '--data-dir', b.dir])).code).toBe(2);
    expect((await cli(['snapshots', 'show', 'abc', '--data-dir', b.dir])).code).toBe(2);
    expect((await cli(['provenance', 'UNE.REG_COUNT', '2026-10', '--member', 'district', '--data-dir', b.dir])).code).toBe(2);
    // A data folder that is a file: not the user's input, an internal failure.
    const notADir = join(b.files, 'file');
    writeFileSync(notADir, 'x');
    expect((await cli(['snapshots', '--data-dir', join(notADir, 'sub')])).code).toBe(1);
  });
});
