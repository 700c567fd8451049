import type { Migration } from '../migrate';
import { DEFAULT_DEFINITION_NAME, DEFAULT_DEFINITION_SPEC } from '../../../shared/analytics/default-definition';

/** Every cache starts with the shipped employment climate index definition as its version 1. */
export const migration: Migration = {
  version: 11,
  name: 'default-climate-definition',
  up: (db) => {
    db.prepare(`INSERT OR IGNORE INTO index_definition (name, version, spec, created_at, created_by, note) VALUES (?, 1, ?, ?, 'system', ?)`).run(
      DEFAULT_DEFINITION_NAME,
      JSON.stringify(DEFAULT_DEFINITION_SPEC),
      new Date().toISOString(),
      '随软件提供的默认定义 / shipped default',
    );
  },
};
