import type { Migration } from '../migrate';

/**
 * Annotations on a series (indicator + canonical member key) or on the climate index: a point
 * (period_to NULL) or a range. `uid` identifies an annotation across caches, so importing a
 * package that carries it twice changes nothing.
 */
export const migration: Migration = {
  version: 20,
  name: 'annotations',
  up: `
    CREATE TABLE annotation (
      id INTEGER PRIMARY KEY,
      uid TEXT NOT NULL UNIQUE,
      indicator TEXT REFERENCES indicator(code),
      members TEXT NOT NULL DEFAULT '',
      index_code TEXT,
      period_from TEXT NOT NULL,
      period_to TEXT,
      text TEXT NOT NULL,
      category TEXT NOT NULL CHECK (category IN ('policy', 'event', 'data', 'seasonal', 'other')),
      author TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      ledger_item INTEGER,
      CHECK ((indicator IS NULL) <> (index_code IS NULL)),
      CHECK (period_to IS NULL OR period_to >= period_from)
    );
    CREATE INDEX annotation_series ON annotation(indicator, members);
    CREATE INDEX annotation_index ON annotation(index_code);
  `,
};
