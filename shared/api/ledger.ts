/** The risk ledger (风险隐患清单台账) and the risk summary the monthly report reads. */
import { z } from 'zod';
import { method } from './define';
import type { ExportedFile } from './series';
import type { AlertView } from './warnings';
import { monthSchema } from './warnings';
import type { LocalizedName } from '../domain/types';
import type { SignalCase } from '../domain/signals';
import { LEDGER_GROUPS, LEDGER_STATUSES, type LedgerGroup, type LedgerStatus, type LedgerSubjectType } from '../domain/ledger';
import type { WarningLevel } from '../warnings/levels';
import { levelSchema } from '../warnings/rules';

export interface LedgerSubject {
  type: LedgerSubjectType;
  /** Credit code, district or sector code, or indicator code (with members). */
  key: string;
  label: LocalizedName;
  enterpriseId: number | null;
}

export interface LedgerItem {
  id: number;
  title: string;
  description: string;
  level: WarningLevel;
  subject: LedgerSubject;
  group: LedgerGroup;
  owner: string;
  /** YYYY-MM-DD */
  dueDate: string | null;
  status: LedgerStatus;
  /** The month the risk concerns (from its alert), if any. */
  period: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  overdue: boolean;
  alertIds: number[];
  signalIds: number[];
  /** Linked annotations (the reports issue's annotations; kept by id). */
  annotationIds: number[];
}

export interface LedgerAction {
  id: number;
  at: string;
  actor: string;
  action: 'create' | 'edit' | 'assign' | 'status' | 'comment' | 'link' | 'unlink';
  fromStatus: LedgerStatus | null;
  toStatus: LedgerStatus | null;
  comment: string;
  details: Record<string, unknown>;
}

export interface LedgerItemDetail extends LedgerItem {
  actions: LedgerAction[];
  alerts: AlertView[];
  signals: SignalCase[];
  /** Where the item may move next, and whether that move needs a comment. */
  next: Array<{ status: LedgerStatus; needsComment: boolean }>;
}

export interface RiskSummary {
  period: string;
  alerts: {
    /** Active alerts of the month (and of the quarter or year it ends), by level. */
    byLevel: Record<WarningLevel, number>;
    total: number;
    /** The most severe, at most ten. */
    top: AlertView[];
  };
  ledger: {
    byStatus: Record<LedgerStatus, number>;
    byGroup: Record<LedgerGroup, { open: number; total: number }>;
    /** Open at the end of the month. */
    open: number;
    overdue: number;
    openedInPeriod: number;
    resolvedInPeriod: number;
    /** Open items, most severe first, at most ten. */
    topOpen: LedgerItem[];
  };
}

export const ledgerFilterSchema = z
  .object({
    statuses: z.array(z.enum(LEDGER_STATUSES)).max(4).optional(),
    groups: z.array(z.enum(LEDGER_GROUPS)).max(6).optional(),
    levels: z.array(levelSchema).max(4).optional(),
    overdueOnly: z.boolean().default(false),
    enterpriseId: z.number().int().positive().optional(),
    search: z.string().max(100).optional(),
  })
  .strict();
export type LedgerFilter = z.input<typeof ledgerFilterSchema>;

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' });
const commentSchema = z.string().max(2000);

export const handSubjectSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('firm'), enterpriseId: z.number().int().positive() }).strict(),
  z.object({ type: z.literal('district'), code: z.string().min(1).max(32) }).strict(),
  z.object({ type: z.literal('sector'), code: z.string().min(1).max(32) }).strict(),
  z.object({ type: z.literal('indicator'), code: z.string().min(1).max(64) }).strict(),
]);

export const ledgerCreateSchema = z
  .object({
    /** Create from an alert: title, level, subject and period come from it unless given. */
    fromAlertId: z.number().int().positive().optional(),
    title: z.string().min(1).max(200).optional(),
    description: z.string().max(4000).optional(),
    level: levelSchema.optional(),
    subject: handSubjectSchema.optional(),
    group: z.enum(LEDGER_GROUPS),
    owner: z.string().max(100).default(''),
    dueDate: dateSchema.nullable().optional(),
    signalIds: z.array(z.number().int().positive()).max(200).default([]),
    comment: commentSchema.optional(),
  })
  .strict();
export type LedgerCreateInput = z.input<typeof ledgerCreateSchema>;

export const ledgerMethods = {
  'ledger.list': method<LedgerItem[]>()(ledgerFilterSchema),
  'ledger.get': method<LedgerItemDetail>()(z.object({ id: z.number().int().positive() }).strict()),
  'ledger.create': method<LedgerItemDetail>()(ledgerCreateSchema),
  'ledger.update': method<LedgerItemDetail>()(
    z
      .object({
        id: z.number().int().positive(),
        title: z.string().min(1).max(200).optional(),
        description: z.string().max(4000).optional(),
        level: levelSchema.optional(),
        group: z.enum(LEDGER_GROUPS).optional(),
        owner: z.string().max(100).optional(),
        dueDate: dateSchema.nullable().optional(),
        comment: commentSchema.optional(),
      })
      .strict(),
  ),
  'ledger.transition': method<LedgerItemDetail>()(z.object({ id: z.number().int().positive(), to: z.enum(LEDGER_STATUSES), comment: commentSchema.default('') }).strict()),
  'ledger.comment': method<LedgerItemDetail>()(z.object({ id: z.number().int().positive(), comment: commentSchema.min(1) }).strict()),
  'ledger.link': method<LedgerItemDetail>()(
    z
      .object({
        id: z.number().int().positive(),
        kind: z.enum(['alert', 'signal', 'annotation']),
        targetId: z.number().int().positive(),
        remove: z.boolean().default(false),
      })
      .strict(),
  ),
  'ledger.export': method<ExportedFile>()(z.object({ filter: ledgerFilterSchema.default({ overdueOnly: false }), format: z.enum(['csv', 'xlsx']), locale: z.enum(['zh-CN', 'en-US']).default('zh-CN') }).strict()),
  /** For the monthly report's 风险隐患 block: alerts and ledger of a month. */
  'ledger.summary': method<RiskSummary>()(z.object({ period: monthSchema }).strict()),
};
