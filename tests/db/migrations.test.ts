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
});
