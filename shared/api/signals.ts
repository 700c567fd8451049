/** Public-opinion signals (舆情线索): case lists and their counts. */
import { z } from 'zod';
import { method } from './define';
import type { ExportedFile } from './series';
import { monthSchema } from './warnings';
import type { SignalCase } from '../domain/signals';
import type { LocalizedName } from '../domain/types';
import { SIGNAL_CATEGORIES, SIGNAL_CHANNELS } from '../warnings/rules';

export interface SignalCount {
  code: string;
  label: LocalizedName;
  count: number;
  cases: number;
  byCategory: Record<string, number>;
}

export interface SignalList {
  period: string | null;
  /** Months with cases, oldest first. */
  periods: string[];
  cases: SignalCase[];
  byDistrict: SignalCount[];
  byCategory: Record<string, number>;
  byChannel: Record<string, number>;
  /** Cases linked to a monitored firm (by credit code or exact name). */
  linked: number;
}

export const signalFilterSchema = z
  .object({
    period: monthSchema.optional(),
    districts: z.array(z.string().max(32)).max(16).default([]),
    categories: z.array(z.enum(SIGNAL_CATEGORIES)).max(8).default([]),
    channels: z.array(z.enum(SIGNAL_CHANNELS)).max(8).default([]),
    linkedOnly: z.boolean().default(false),
    search: z.string().max(100).optional(),
  })
  .strict();

export const signalsMethods = {
  'signals.list': method<SignalList>()(signalFilterSchema),
  'signals.export': method<ExportedFile>()(z.object({ filter: signalFilterSchema, format: z.enum(['csv', 'xlsx']), locale: z.enum(['zh-CN', 'en-US']).default('zh-CN') }).strict()),
};
