/**
 * One demo cache built per test run and copied for every test that needs a workstation, so each
 * test starts from the same known state and generation is paid once.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DB_FILE_NAME, openDatabase } from '../../main/db/connection';
import { seedDemo } from '../../main/demo/seed';

/** The demo's last month in tests: fixed, so results do not depend on the day the tests run. */
export const TEST_DEMO_END = '2026-10';

export const TEMPLATE_DIR = join(process.cwd(), 'tests', 'artifacts', 'demo-template');

/** Builds the template cache if it is missing. */
export function ensureDemoTemplate(): string {
  const file = join(TEMPLATE_DIR, DB_FILE_NAME);
  if (!existsSync(file)) {
    mkdirSync(TEMPLATE_DIR, { recursive: true });
    const tmp = mkdtempSync(join(tmpdir(), 'ws-template-'));
    const db = openDatabase(tmp);
    seedDemo(db, { end: TEST_DEMO_END, actor: 'test' });
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Copy then rename, so a concurrent reader never sees a half-written template.
    const partial = `${file}.${process.pid}.partial`;
    copyFileSync(join(tmp, DB_FILE_NAME), partial);
    renameSync(partial, file);
    rmSync(tmp, { recursive: true, force: true });
  }
  return file;
}

/** A fresh data folder holding a copy of the demo cache. */
export function demoDataDir(prefix = 'ws-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  copyFileSync(ensureDemoTemplate(), join(dir, DB_FILE_NAME));
  return dir;
}
