/** Early-warning rules and their alerts. */
import { z } from 'zod';
import { method } from './define';
import type { LocalizedName } from '../domain/types';
import type { WarningLevel } from '../warnings/levels';
import { levelSchema, ruleShapeSchema, RULE_KINDS, type AlertEvidence, type AlertSubject, type RuleKind, type WarningRule } from '../warnings/rules';

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month' });

export interface AlertView {
  id: number;
  ruleId: number;
  ruleCode: string;
  ruleName: LocalizedName;
  kind: RuleKind;
  ruleVersion: number;
  period: string;
  level: WarningLevel;
  status: 'active' | 'cleared';
  subject: AlertSubject;
  value: number | null;
  evidence: AlertEvidence;
  raisedAt: string;
  updatedAt: string;
  /** Ledger items this alert is linked to. */
  ledgerItemIds: number[];
}

export interface AlertList {
  /** The month asked for (or the latest month with data). */
  period: string | null;
  alerts: AlertView[];
  counts: Record<WarningLevel, number>;
  /** The latest evaluation run, when there was one. */
  lastRun: { at: string; trigger: string; periods: string[] } | null;
}

export interface EvaluationResult {
  periods: string[];
  raised: number;
  updated: number;
  cleared: number;
  unchanged: number;
  ms: number;
  /** Active alerts of the evaluated months after the run, most severe first. */
  alerts: Array<AlertView & { change: 'raised' | 'updated' | 'unchanged' }>;
}

export const alertFilterSchema = z
  .object({
    /** A month: alerts of that month, and of the quarter or year ended by it for quarterly and annual indicators. */
    period: monthSchema.optional(),
    levels: z.array(levelSchema).max(4).optional(),
    status: z.enum(['active', 'cleared', 'all']).default('active'),
    ruleId: z.number().int().positive().optional(),
    enterpriseId: z.number().int().positive().optional(),
    kinds: z.array(z.enum(RULE_KINDS)).max(8).optional(),
    limit: z.number().int().min(1).max(5000).default(1000),
  })
  .strict();

export const warningsMethods = {
  'warnings.rules': method<WarningRule[]>()(z.object({}).strict()),
  'warnings.createRule': method<WarningRule>()(z.object({ definition: ruleShapeSchema, enabled: z.boolean().default(true) }).strict()),
  'warnings.updateRule': method<WarningRule>()(z.object({ id: z.number().int().positive(), definition: ruleShapeSchema }).strict()),
  'warnings.setRuleEnabled': method<WarningRule>()(z.object({ id: z.number().int().positive(), enabled: z.boolean() }).strict()),
  'warnings.alerts': method<AlertList>()(alertFilterSchema),
  'warnings.alert': method<AlertView>()(z.object({ id: z.number().int().positive() }).strict()),
  /** Evaluates the enabled rules for a month (default: the latest month with data), or a range of months. */
  'warnings.evaluate': method<EvaluationResult>()(
    z.object({ period: monthSchema.optional(), from: monthSchema.optional(), to: monthSchema.optional() }).strict(),
  ),
};
