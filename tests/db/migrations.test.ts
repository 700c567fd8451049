import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/errors';
import { INDICATORS } from '../../shared/domain/catalog';
import { DB_FILE_NAME, openDatabase, openDatabaseFile } from '../../main/db/connection';
import { migrate, type Migration } from '../../main/db/migrate';
import { MIGRATIONS } from '../../main/db/migrations';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'ws-mig-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('migrations on a real file', () => {
  it('creates the schema at the latest version with WAL, foreign keys and a busy timeout', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const n = db.prepare('SELECT count(*) AS n FROM indicator').get() as { n: number };
    expect(n.n).toBe(INDICATORS.length);
    db.close();
  });

  it('re-opening applies nothing twice and keeps the data', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    db.prepare("INSERT INTO setting (key, value) VALUES ('k', '1')").run();
    db.close();
    const again = openDatabase(dir);
    expect(again.prepare("SELECT value FROM setting WHERE key = 'k'").get()).toEqual({ value: '1' });
    again.close();
  });

  it('refuses a database from a newer version and leaves the file byte-for-byte unchanged', () => {
    const dir = tempDir();
    const file = join(dir, DB_FILE_NAME);
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.exec('CREATE TABLE future (x)');
    raw.close();
    const before = createHash('sha256').update(readFileSync(file)).digest('hex');
    let error: unknown;
    try {
      openDatabaseFile(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('db.newer_version');
    expect((error as AppError).params).toEqual({ found: 999, supported: MIGRATIONS[MIGRATIONS.length - 1]!.version });
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
  });

  it('applies pending migrations in one transaction: a failing step leaves the old version intact', () => {
    const dir = tempDir();
    const db = new Database(join(dir, 'x.sqlite'));
    const good: Migration = { version: 1, name: 'one', up: 'CREATE TABLE a (x)' };
    migrate(db, [good]);
    const broken: Migration[] = [good, { version: 2, name: 'two', up: 'CREATE TABLE b (x)' }, { version: 3, name: 'three', up: 'THIS IS NOT SQL' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'b'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('rejects migrations listed out of order', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [{ version: 2, name: 'b', up: '' }, { version: 1, name: 'a', up: '' }])).toThrow(/out of order/);
    db.close();
  });

  it('v33 keeps annotations and their ledger links in one place: ledger_item values move, orphan links go', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.filter((m) => m.version <= 32));
    db.exec(`INSERT INTO enterprise (id, credit_code, name, sector, industry, ownership, size, district, trade_exposed) VALUES (1, '91210100MA0000001X', '沈阳测试机床有限公司', 'secondary', 'C', 'private', 'large', '210106', 0)`);
    const item = (id: number) =>
      db.prepare(`INSERT INTO ledger_item (id, title, description, level, subject_type, subject_key, subject_zh, subject_en, enterprise_id, group_code, owner, status, created_at, created_by, updated_at)
        VALUES (?, 't', '', 'orange', 'firm', 'k', '企业', 'Firm', 1, 'task_force', '', 'pending', '2026-11-01', 'a', '2026-11-01')`).run(id);
    item(1);
    item(2);
    const annotation = (id: number, ledgerItem: number | null) =>
      db.prepare(`INSERT INTO annotation (id, uid, indicator, members, period_from, text, category, author, created_at, updated_at, updated_by, ledger_item)
        VALUES (?, ?, 'UNE.SURVEY_RATE', '', '2026-06', '说明', 'event', 'a', 'x', 'x', 'a', ?)`).run(id, `u${id}`, ledgerItem);
    annotation(10, 1); // linked on the annotation's side only
    annotation(11, null);
    annotation(12, 99); // a ledger item that does not exist
    db.exec('INSERT INTO ledger_annotation (item_id, annotation_id) VALUES (2, 11), (2, 404), (1, 10)');

    migrate(db, MIGRATIONS);
    expect(db.prepare('SELECT item_id, annotation_id FROM ledger_annotation ORDER BY item_id, annotation_id').all()).toEqual([
      { item_id: 1, annotation_id: 10 },
      { item_id: 2, annotation_id: 11 },
    ]);
    expect(db.prepare('SELECT id, uid FROM annotation ORDER BY id').all()).toEqual([10, 11, 12].map((id) => ({ id, uid: `u${id}` })));
    expect((db.prepare('PRAGMA table_info(annotation)').all() as Array<{ name: string }>).map((c) => c.name)).not.toContain('ledger_item');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // A firm annotation is now possible; one on two targets at once is not.
    db.prepare(`INSERT INTO annotation (uid, enterprise_id, period_from, text, category, author, created_at, updated_at, updated_by) VALUES ('f', 1, '2026-06', '减员', 'event', 'a', 'x', 'x', 'a')`).run();
    expect(() =>
      db.prepare(`INSERT INTO annotation (uid, indicator, enterprise_id, period_from, text, category, author, created_at, updated_at, updated_by) VALUES ('g', 'UNE.SURVEY_RATE', 1, '2026-06', 'x', 'event', 'a', 'x', 'x', 'a')`).run(),
    ).toThrow(/CHECK/);
    // Deleting an annotation takes its links with it.
    db.prepare('DELETE FROM annotation WHERE id = 11').run();
    expect(db.prepare('SELECT count(*) AS n FROM ledger_annotation WHERE annotation_id = 11').get()).toEqual({ n: 0 });
    db.close();
  });
});
