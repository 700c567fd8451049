import type { Migration } from '../migrate';

/**
 * Monthly situation reports. `content` is the JSON block list (shared/reports/model.ts);
 * `pinned_snapshot` is the snapshot state every binding resolves against. Every save of a final
 * report also writes a row to report_version, so no final state is ever lost.
 */
export const migration: Migration = {
  version: 21,
  name: 'reports',
  up: `
    CREATE TABLE report (
      id INTEGER PRIMARY KEY,
      title TEXT NOT NULL,
      issue_year INTEGER NOT NULL,
      issue_no INTEGER NOT NULL CHECK (issue_no > 0),
      period TEXT NOT NULL,
      author_unit TEXT NOT NULL,
      report_date TEXT NOT NULL,
      distribution TEXT NOT NULL DEFAULT '',
      locale TEXT NOT NULL CHECK (locale IN ('zh-CN', 'en-US')),
      pinned_snapshot INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('draft', 'final')),
      content TEXT NOT NULL,
      revision INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      UNIQUE (issue_year, issue_no)
    );
    CREATE INDEX report_period ON report(period);

    CREATE TABLE report_version (
      report_id INTEGER NOT NULL REFERENCES report(id) ON DELETE CASCADE,
      version INTEGER NOT NULL,
      saved_at TEXT NOT NULL,
      saved_by TEXT NOT NULL,
      state TEXT NOT NULL,
      PRIMARY KEY (report_id, version)
    ) WITHOUT ROWID;
  `,
};
