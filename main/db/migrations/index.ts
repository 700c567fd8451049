import type { Migration } from '../migrate';
import { migration as m0001 } from './0001-init';
import { migration as m0002 } from './0002-seed-catalog';

/** Every migration, in order. Versions must be strictly increasing. */
export const MIGRATIONS: Migration[] = [m0001, m0002];
