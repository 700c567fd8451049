import type { Migration } from '../migrate';

/**
 * The walking skeleton's schema: catalogue, vintaged observations, snapshots with provenance,
 * key enterprises and their monthly reports, audit log, settings.
 *
 * Observations are never overwritten: each import is a snapshot and every value it brings is a
 * row keyed by (series, period, snapshot). The latest vintage of a value is the row with the
 * highest snapshot id among snapshots not deleted.
 */
export const migration: Migration = {
  version: 1,
  name: 'init',
  up: `
    CREATE TABLE source_unit (
      code TEXT PRIMARY KEY,
      name_zh TEXT NOT NULL,
      name_en TEXT NOT NULL,
      contact TEXT
    );

    CREATE TABLE dimension (
      code TEXT PRIMARY KEY,
      name_zh TEXT NOT NULL,
      name_en TEXT NOT NULL,
      sort INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE member (
      dimension TEXT NOT NULL REFERENCES dimension(code),
      code TEXT NOT NULL,
      name_zh TEXT NOT NULL,
      name_en TEXT NOT NULL,
      sort INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (dimension, code)
    ) WITHOUT ROWID;

    CREATE TABLE indicator (
      code TEXT PRIMARY KEY,
      name_zh TEXT NOT NULL,
      name_en TEXT NOT NULL,
      unit_zh TEXT NOT NULL,
      unit_en TEXT NOT NULL,
      frequency TEXT NOT NULL CHECK (frequency IN ('M', 'Q', 'A')),
      polarity TEXT NOT NULL CHECK (polarity IN ('up_good', 'up_bad', 'neutral')),
      kind TEXT NOT NULL CHECK (kind IN ('count', 'amount', 'rate', 'growth', 'ratio', 'index')),
      ytd INTEGER NOT NULL CHECK (ytd IN (0, 1)),
      jan_feb_combined INTEGER NOT NULL DEFAULT 0 CHECK (jan_feb_combined IN (0, 1)),
      tier TEXT NOT NULL CHECK (tier IN ('core', 'related', 'macro', 'group')),
      source_unit TEXT NOT NULL REFERENCES source_unit(code),
      dimensions TEXT NOT NULL DEFAULT '[]',
      decimals INTEGER NOT NULL DEFAULT 0,
      description_zh TEXT NOT NULL DEFAULT '',
      description_en TEXT NOT NULL DEFAULT '',
      sort INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE series (
      id INTEGER PRIMARY KEY,
      indicator TEXT NOT NULL REFERENCES indicator(code),
      members TEXT NOT NULL DEFAULT '',
      UNIQUE (indicator, members)
    );

    CREATE TABLE snapshot (
      id INTEGER PRIMARY KEY,
      source_unit TEXT NOT NULL REFERENCES source_unit(code),
      kind TEXT NOT NULL CHECK (kind IN ('demo', 'file', 'package', 'manual')),
      file_name TEXT,
      file_sha256 TEXT,
      sheets TEXT,
      imported_at TEXT NOT NULL,
      imported_by TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      rows_read INTEGER NOT NULL DEFAULT 0,
      rows_stored INTEGER NOT NULL DEFAULT 0,
      rows_unchanged INTEGER NOT NULL DEFAULT 0,
      rows_revised INTEGER NOT NULL DEFAULT 0,
      rows_rejected INTEGER NOT NULL DEFAULT 0,
      period_from TEXT,
      period_to TEXT,
      deleted_at TEXT,
      deleted_by TEXT,
      delete_reason TEXT
    );
    CREATE INDEX snapshot_imported_at ON snapshot(imported_at);

    CREATE TABLE observation (
      series_id INTEGER NOT NULL REFERENCES series(id),
      period TEXT NOT NULL,
      snapshot_id INTEGER NOT NULL REFERENCES snapshot(id),
      value REAL,
      sheet TEXT,
      row INTEGER,
      col TEXT,
      PRIMARY KEY (series_id, period, snapshot_id)
    ) WITHOUT ROWID;
    CREATE INDEX observation_snapshot ON observation(snapshot_id);

    CREATE TABLE enterprise (
      id INTEGER PRIMARY KEY,
      credit_code TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      sector TEXT NOT NULL,
      industry TEXT NOT NULL,
      ownership TEXT NOT NULL,
      size TEXT NOT NULL,
      district TEXT NOT NULL,
      trade_exposed INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE enterprise_report (
      enterprise_id INTEGER NOT NULL REFERENCES enterprise(id),
      period TEXT NOT NULL,
      snapshot_id INTEGER NOT NULL REFERENCES snapshot(id),
      opening INTEGER NOT NULL,
      hires INTEGER NOT NULL,
      sep_economic INTEGER NOT NULL,
      sep_contract_end INTEGER NOT NULL,
      sep_quit INTEGER NOT NULL,
      sep_retire INTEGER NOT NULL,
      sep_other INTEGER NOT NULL,
      closing INTEGER NOT NULL,
      avg_wage REAL,
      production TEXT NOT NULL CHECK (production IN ('normal', 'reduced', 'halted', 'expanded')),
      planned_cuts INTEGER NOT NULL DEFAULT 0,
      sheet TEXT,
      row INTEGER,
      PRIMARY KEY (enterprise_id, period, snapshot_id)
    ) WITHOUT ROWID;
    CREATE INDEX enterprise_report_period ON enterprise_report(period);
    CREATE INDEX enterprise_report_snapshot ON enterprise_report(snapshot_id);

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT,
      details TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX audit_log_at ON audit_log(at);

    CREATE TABLE setting (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
  `,
};
