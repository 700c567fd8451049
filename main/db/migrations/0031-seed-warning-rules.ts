import type { Migration } from '../migrate';
import { insertDefaultRules } from '../warning-rules';

/** Every cache starts with the shipped warning rules (../shared/DOMAIN.md section 4). */
export const migration: Migration = {
  version: 31,
  name: 'seed-warning-rules',
  up: (db) => insertDefaultRules(db, 'system'),
};
