import type { Migration } from '../migrate';

/**
 * Saved composite-index definitions, versioned (a save never overwrites: it adds the next version
 * of the name), and computed results cached by definition version and snapshot state, so a result
 * always says what it was computed from and a new import (a new snapshot) means a new computation.
 */
export const migration: Migration = {
  version: 10,
  name: 'climate-index',
  up: `
    CREATE TABLE index_definition (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      version INTEGER NOT NULL CHECK (version >= 1),
      spec TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      UNIQUE (name, version)
    );

    CREATE TABLE index_result (
      definition_id INTEGER NOT NULL REFERENCES index_definition(id),
      state_key TEXT NOT NULL,
      max_snapshot INTEGER NOT NULL,
      deleted_snapshots TEXT NOT NULL DEFAULT '[]',
      computed_at TEXT NOT NULL,
      result TEXT NOT NULL,
      PRIMARY KEY (definition_id, state_key)
    ) WITHOUT ROWID;
  `,
};
