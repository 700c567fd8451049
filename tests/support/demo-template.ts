/**
 * One demo cache built per test run and copied for every test that needs a workstation, so each
 * test starts from the same known state and generation is paid once.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DB_FILE_NAME, openDatabase } from '../../main/db/connection';
import { seedDemo } from '../../main/demo/seed';

/** The demo's last month in tests: fixed, so results do not depend on the day the tests run. */
export const TEST_DEMO_END = '2026-10';

const ARTIFACTS = join(process.cwd(), 'tests', 'artifacts');

/**
 * The template is keyed by the code that makes it (demo generator, schema, catalogue), so a
 * template left by an earlier checkout is never reused after that code changed.
 */
function templateKey(): string {
  const hash = createHash('sha256');
  for (const dir of ['main/demo', 'main/db', 'shared/domain']) {
    const files = readdirSync(join(process.cwd(), dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort();
    for (const f of files) hash.update(f).update(readFileSync(f));
  }
  return hash.digest('hex').slice(0, 16);
}

export const TEMPLATE_DIR = join(ARTIFACTS, `demo-template-${templateKey()}`);

/** Removes templates made by other versions of the code. */
export function removeStaleTemplates(): void {
  if (!existsSync(ARTIFACTS)) return;
  for (const name of readdirSync(ARTIFACTS)) {
    if (name.startsWith('demo-template') && join(ARTIFACTS, name) !== TEMPLATE_DIR) rmSync(join(ARTIFACTS, name), { recursive: true, force: true });
  }
}

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
