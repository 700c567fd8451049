import { z } from 'zod';
import { method } from './define';
import { indicatorCodeSchema, memberSelectionSchema, periodSchema } from './schemas';
import type { MemberSelection } from '../domain/types';

/** 政策 policy, 事件 event, 数据 data issue, 季节 seasonal, 其他 other. */
export const ANNOTATION_CATEGORIES = ['policy', 'event', 'data', 'seasonal', 'other'] as const;
export const annotationCategorySchema = z.enum(ANNOTATION_CATEGORIES);
export type AnnotationCategory = z.infer<typeof annotationCategorySchema>;

/**
 * What an annotation is attached to: one series (indicator + members), the climate index, or one
 * key enterprise (its monthly reports; the firm page's trend).
 */
export const annotationTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('series'), indicator: indicatorCodeSchema, members: memberSelectionSchema.default({}) }).strict(),
  z.object({ kind: z.literal('index'), index: z.string().min(1).max(64) }).strict(),
  z.object({ kind: z.literal('firm'), enterpriseId: z.number().int().positive() }).strict(),
]);
export type AnnotationTarget =
  | { kind: 'series'; indicator: string; members: MemberSelection }
  | { kind: 'index'; index: string }
  | { kind: 'firm'; enterpriseId: number };

export interface Annotation {
  id: number;
  /** Stable across caches (exported and imported with snapshot packages). */
  uid: string;
  target: AnnotationTarget;
  /** The period of a point annotation, or the first period of a range. */
  periodFrom: string;
  /** Last period of a range; null for a point annotation. */
  periodTo: string | null;
  text: string;
  category: AnnotationCategory;
  author: string;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  /** The risk-ledger items this annotation is linked to (the ledger keeps the links). */
  ledgerItemIds: number[];
}

const textSchema = z.string().trim().min(1).max(2000);

export const annotationListSchema = z
  .object({
    /** Only annotations on these targets (the series a chart shows). */
    targets: z.array(annotationTargetSchema).max(128).optional(),
    /** Only annotations on any series of this indicator. */
    indicator: indicatorCodeSchema.optional(),
    /** Only these annotations (a ledger item's links). */
    ids: z.array(z.number().int().positive()).max(500).optional(),
    categories: z.array(annotationCategorySchema).max(5).optional(),
    /** Overlapping this period window. */
    from: periodSchema.optional(),
    to: periodSchema.optional(),
    search: z.string().max(200).optional(),
  })
  .strict();

export const annotationsMethods = {
  'annotation.list': method<Annotation[]>()(annotationListSchema),
  'annotation.create': method<Annotation>()(
    z
      .object({
        target: annotationTargetSchema,
        periodFrom: periodSchema,
        periodTo: periodSchema.nullable().default(null),
        text: textSchema,
        category: annotationCategorySchema.default('other'),
        /** Link the new annotation to this risk-ledger item (recorded in the item's history). */
        ledgerItem: z.number().int().positive().nullable().default(null),
      })
      .strict(),
  ),
  'annotation.update': method<Annotation>()(
    z
      .object({
        id: z.number().int().positive(),
        periodFrom: periodSchema.optional(),
        periodTo: periodSchema.nullable().optional(),
        text: textSchema.optional(),
        category: annotationCategorySchema.optional(),
      })
      .strict(),
  ),
  'annotation.delete': method<{ id: number }>()(z.object({ id: z.number().int().positive() }).strict()),
};
