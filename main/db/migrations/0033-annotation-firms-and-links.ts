import type { Migration } from '../migrate';

/**
 * Annotations on key enterprises, and one place for annotation-ledger links.
 *
 * - `annotation.enterprise_id`: an annotation can now be attached to a firm (its monthly trend);
 *   exactly one of indicator, index code and enterprise is set.
 * - The annotations feature (v20) kept an optional `annotation.ledger_item` while the ledger (v30)
 *   kept `ledger_annotation` links without a foreign key, so one link could live in two places and
 *   disagree. `ledger_annotation` is now the only one: existing `ledger_item` values move there,
 *   links to annotations that no longer exist are dropped, and the link table references both
 *   sides (deleting an annotation removes its links; the ledger's action history keeps the record).
 *
 * SQLite cannot change a CHECK or drop a referenced column in place, so both tables are rebuilt
 * (same ids) inside the migration's transaction.
 */
export const migration: Migration = {
  version: 33,
  name: 'annotation-firms-and-links',
  up: `
    CREATE TABLE annotation_v33 (
      id INTEGER PRIMARY KEY,
      uid TEXT NOT NULL UNIQUE,
      indicator TEXT REFERENCES indicator(code),
      members TEXT NOT NULL DEFAULT '',
      index_code TEXT,
      enterprise_id INTEGER REFERENCES enterprise(id),
      period_from TEXT NOT NULL,
      period_to TEXT,
      text TEXT NOT NULL,
      category TEXT NOT NULL CHECK (category IN ('policy', 'event', 'data', 'seasonal', 'other')),
      author TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      CHECK ((indicator IS NOT NULL) + (index_code IS NOT NULL) + (enterprise_id IS NOT NULL) = 1),
      CHECK (period_to IS NULL OR period_to >= period_from)
    );
    INSERT INTO annotation_v33 (id, uid, indicator, members, index_code, period_from, period_to, text, category, author, created_at, updated_at, updated_by)
      SELECT id, uid, indicator, members, index_code, period_from, period_to, text, category, author, created_at, updated_at, updated_by FROM annotation;
    INSERT OR IGNORE INTO ledger_annotation (item_id, annotation_id)
      SELECT a.ledger_item, a.id FROM annotation a JOIN ledger_item i ON i.id = a.ledger_item;
    DROP TABLE annotation;
    ALTER TABLE annotation_v33 RENAME TO annotation;
    CREATE INDEX annotation_series ON annotation(indicator, members);
    CREATE INDEX annotation_index ON annotation(index_code);
    CREATE INDEX annotation_enterprise ON annotation(enterprise_id);

    CREATE TABLE ledger_annotation_v33 (
      item_id INTEGER NOT NULL REFERENCES ledger_item(id),
      annotation_id INTEGER NOT NULL REFERENCES annotation(id) ON DELETE CASCADE,
      PRIMARY KEY (item_id, annotation_id)
    ) WITHOUT ROWID;
    INSERT INTO ledger_annotation_v33 (item_id, annotation_id)
      SELECT item_id, annotation_id FROM ledger_annotation WHERE annotation_id IN (SELECT id FROM annotation);
    DROP TABLE ledger_annotation;
    ALTER TABLE ledger_annotation_v33 RENAME TO ledger_annotation;
    CREATE INDEX ledger_annotation_by_annotation ON ledger_annotation(annotation_id);
  `,
};
