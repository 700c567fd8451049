import { z } from 'zod';
import { method } from './define';
import { localeSchema } from './schemas';
import type { Locale } from '../domain/types';

export interface AppInfo {
  name: string;
  version: string;
  dataDir: string;
  schemaVersion: number;
  locale: Locale;
  latestPeriod: string | null;
  counts: { indicators: number; observations: number; snapshots: number; enterprises: number };
}

export const appMethods = {
  'app.info': method<AppInfo>()(z.object({}).strict()),
  'app.setLocale': method<{ locale: Locale }>()(z.object({ locale: localeSchema }).strict()),
};
