import type { Migration } from '../migrate';
import { seedCatalog } from '../catalog';

/** Every cache starts with the catalogue of DOMAIN.md, whether or not it holds demo data. */
export const migration: Migration = {
  version: 2,
  name: 'seed-catalog',
  up: (db) => seedCatalog(db),
};
