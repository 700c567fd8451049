import { z } from 'zod';
import { method } from './define';
import { indicatorCodeSchema, memberSelectionSchema, periodSchema } from './schemas';
import type { MemberSelection } from '../domain/types';

/** 政策 policy, 事件 event, 数据 data issue, 季节 seasonal, 其他 other. */
export const ANNOTATION_CATEGORIES = ['policy', 'event', 'data', 'seasonal', 'other'] as const;
export const annotationCategorySchema = z.enum(ANNOTATION_CATEGORIES);
export type AnnotationCategory = z.infer<typeof annotationCategorySchema>;

/** What an annotation is attached to: one series (indicator + members) or the climate index. */
export const annotationTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('series'), indicator: indicatorCodeSchema, members: memberSelectionSchema.default({}) }).strict(),
  z.object({ kind: z.literal('index'), index: z.string().min(1).max(64) }).strict(),
]);
export type AnnotationTarget = { kind: 'series'; indicator: string; members: MemberSelection } | { kind: 'index'; index: string };

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
  /** Optional link to a risk-ledger item. */
  ledgerItem: number | null;
}

const textSchema = z.string().trim().min(1).max(2000);

export const annotationListSchema = z
  .object({
    /** Only annotations on these targets (the series a chart shows). */
    targets: z.array(annotationTargetSchema).max(128).optional(),
    /** Only annotations on any series of this indicator. */
    indicator: indicatorCodeSchema.optional(),
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
        ledgerItem: z.number().int().positive().nullable().optional(),
      })
      .strict(),
  ),
  'annotation.delete': method<{ id: number }>()(z.object({ id: z.number().int().positive() }).strict()),
};
