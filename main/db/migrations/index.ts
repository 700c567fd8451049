import type { Migration } from '../migrate';
import { migration as m0001 } from './0001-init';
import { migration as m0002 } from './0002-seed-catalog';
import { migration as m0003 } from './0003-snapshot-cache';
import { migration as m0010 } from './0010-climate-index';
import { migration as m0011 } from './0011-default-climate-definition';
import { migration as m0020 } from './0020-annotations';
import { migration as m0021 } from './0021-reports';
import { migration as m0030 } from './0030-enterprise-monitoring';
import { migration as m0031 } from './0031-seed-warning-rules';
import { migration as m0032 } from './0032-key-group-dimensions';
import { migration as m0033 } from './0033-annotation-firms-and-links';

/** Every migration, in order. Versions must be strictly increasing. */
export const MIGRATIONS: Migration[] = [m0001, m0002, m0003, m0010, m0011, m0020, m0021, m0030, m0031, m0032, m0033];
