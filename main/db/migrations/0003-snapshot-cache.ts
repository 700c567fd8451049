import type { Migration } from '../migrate';

/**
 * The snapshot cache around the skeleton's vintaged observations: a stable id for every snapshot
 * (so a package re-imported elsewhere is recognised), counts of skipped cells, where a package's
 * snapshot came from, the issues an import reported, saved mapping templates, trusted package keys
 * and the packages received.
 */
export const migration: Migration = {
  version: 3,
  name: 'snapshot-cache',
  up: `
    CREATE TABLE package_import (
      id INTEGER PRIMARY KEY,
      sha256 TEXT NOT NULL UNIQUE,
      file_name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      creator_host TEXT NOT NULL DEFAULT '',
      key_id TEXT,
      verified INTEGER NOT NULL CHECK (verified IN (0, 1)),
      imported_at TEXT NOT NULL,
      imported_by TEXT NOT NULL,
      snapshots_new INTEGER NOT NULL DEFAULT 0,
      snapshots_known INTEGER NOT NULL DEFAULT 0
    );

    ALTER TABLE snapshot ADD COLUMN uid TEXT;
    UPDATE snapshot SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
    CREATE UNIQUE INDEX snapshot_uid ON snapshot(uid);
    CREATE TRIGGER snapshot_uid_default AFTER INSERT ON snapshot WHEN NEW.uid IS NULL
    BEGIN
      UPDATE snapshot SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
    END;
    ALTER TABLE snapshot ADD COLUMN target TEXT NOT NULL DEFAULT 'observations';
    ALTER TABLE snapshot ADD COLUMN rows_skipped INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE snapshot ADD COLUMN mapping_name TEXT;
    ALTER TABLE snapshot ADD COLUMN file_format TEXT;
    ALTER TABLE snapshot ADD COLUMN encoding TEXT;
    ALTER TABLE snapshot ADD COLUMN package_id INTEGER REFERENCES package_import(id);
    ALTER TABLE snapshot ADD COLUMN origin_imported_at TEXT;
    ALTER TABLE snapshot ADD COLUMN origin_imported_by TEXT;
    CREATE INDEX snapshot_unit_sha ON snapshot(source_unit, file_sha256);

    CREATE TABLE import_issue (
      snapshot_id INTEGER NOT NULL REFERENCES snapshot(id),
      seq INTEGER NOT NULL,
      severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
      code TEXT NOT NULL,
      sheet TEXT,
      row INTEGER,
      col TEXT,
      params TEXT NOT NULL DEFAULT '{}',
      PRIMARY KEY (snapshot_id, seq)
    ) WITHOUT ROWID;

    CREATE TABLE mapping_template (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      target TEXT NOT NULL DEFAULT 'observations',
      source_unit TEXT REFERENCES source_unit(code),
      file_pattern TEXT NOT NULL DEFAULT '*',
      mapping TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      last_used_at TEXT
    );

    CREATE TABLE trusted_key (
      key_id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      public_key TEXT NOT NULL,
      own INTEGER NOT NULL DEFAULT 0 CHECK (own IN (0, 1)),
      added_at TEXT NOT NULL,
      added_by TEXT NOT NULL
    );
  `,
};
