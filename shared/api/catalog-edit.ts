/** Editing the catalogue: indicators and source units, every change audited. */
import { z } from 'zod';
import { method } from './define';
import { indicatorCodeSchema } from './schemas';
import type { Indicator, SourceUnit } from '../domain/types';

const localized = (max: number, min = 0) => z.object({ zh: z.string().trim().min(min).max(max), en: z.string().trim().max(max * 2) }).strict();

export const indicatorInputSchema = z
  .object({
    code: indicatorCodeSchema,
    name: localized(100, 1),
    unit: localized(20),
    frequency: z.enum(['M', 'Q', 'A']),
    polarity: z.enum(['up_good', 'up_bad', 'neutral']),
    kind: z.enum(['count', 'amount', 'rate', 'growth', 'ratio', 'index']),
    ytd: z.boolean(),
    janFebCombined: z.boolean(),
    tier: z.enum(['core', 'related', 'macro', 'group']),
    sourceUnit: z.string().min(1).max(32),
    dimensions: z.array(z.string().min(1).max(32)).max(10),
    decimals: z.number().int().min(0).max(6),
    description: localized(2000),
  })
  .strict();

export const sourceUnitInputSchema = z
  .object({
    code: z.string().regex(/^[A-Z0-9_]{1,32}$/),
    name: localized(100, 1),
    contact: z.string().trim().max(200).nullable(),
  })
  .strict();

export const catalogEditMethods = {
  /** Adds (`create`) or changes an indicator. */
  'catalog.saveIndicator': method<Indicator>()(z.object({ indicator: indicatorInputSchema, create: z.boolean() }).strict()),
  'catalog.saveSourceUnit': method<SourceUnit>()(z.object({ unit: sourceUnitInputSchema, create: z.boolean() }).strict()),
};
