/** Reusable input schemas for the contract. */
import { z } from 'zod';
import { parsePeriod } from '../period';

export const periodSchema = z.string().max(16).refine((p) => parsePeriod(p) !== null, { message: 'period' });
export const indicatorCodeSchema = z.string().min(1).max(64).regex(/^[A-Z0-9_.]+$/);
export const memberSelectionSchema = z.record(z.string().max(32), z.string().max(64));
export const localeSchema = z.enum(['zh-CN', 'en-US']);

/** "As of" a snapshot id or an ISO date-time: what was known then. Absent: the latest vintage. */
export const asOfSchema = z.union([
  z.object({ snapshot: z.number().int().positive() }),
  z.object({ date: z.string().max(40) }),
]);
export type AsOf = z.infer<typeof asOfSchema>;
