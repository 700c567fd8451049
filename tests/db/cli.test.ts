import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { openDatabase } from '../../main/db/connection';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (l) => (out += l + '\n'), err: (l) => (err += l + '\n') });
  return { code, out, err };
}

describe('cli', () => {
  it('demo builds the cache non-interactively, then refuses to overwrite it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ws-cli-'));
    dirs.push(dir);
    const first = await cli(['demo', '--data-dir', dir, '--end', '2024-06']);
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.out) as { observations: number; enterprises: number; end: string };
    expect(summary).toMatchObject({ enterprises: 700, end: '2024-06' });
    expect(existsSync(join(dir, 'workstation.sqlite'))).toBe(true);
    const db = openDatabase(dir);
    expect(db.prepare("SELECT max(period) AS p FROM enterprise_report").get()).toEqual({ p: '2024-06' });
    db.close();

    const again = await cli(['demo', '--data-dir', dir]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('cli.cache_not_empty');
  });

  it('rejects bad input with exit code 2 and names the problem', async () => {
    expect((await cli(['demo', '--end', '2024-13', '--data-dir', '/tmp/never'])).code).toBe(2);
    const unknownOption = await cli(['info', '--bogus']);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.err).toContain('--bogus');
    expect((await cli(['no-such-command'])).code).toBe(2);
  });

  it('info reports the cache', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ws-cli-'));
    dirs.push(dir);
    await cli(['demo', '--data-dir', dir, '--end', '2016-03']);
    const r = await cli(['info', '--data-dir', dir]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ dataDir: dir, latestPeriod: '2016-03', counts: { enterprises: 700 } });
  });
});
