/**
 * Early-warning rule definitions (预警规则): what a rule watches (its scope), how it decides
 * (its kind and parameters), and the shape of what it raises. Validated with zod at the contract
 * boundary and when read back from the database.
 */
import { z } from 'zod';
import { indicatorCodeSchema, memberSelectionSchema } from '../api/schemas';
import type { LocalizedName, Polarity } from '../domain/types';
import { checkBands, WARNING_LEVELS, type BandDirection, type Bands, type WarningLevel } from './levels';

export const RULE_KINDS = ['threshold', 'change', 'consecutive', 'anomaly', 'article41', 'firm_threshold', 'crosscheck', 'signal_count'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** Kinds that watch one value per period of a series (an indicator series or a panel aggregate). */
export const SERIES_KINDS: readonly RuleKind[] = ['threshold', 'change', 'consecutive', 'anomaly'];
/** Kinds that look at every monitored firm's report. */
export const FIRM_KINDS: readonly RuleKind[] = ['article41', 'firm_threshold', 'crosscheck'];

export const levelSchema = z.enum(WARNING_LEVELS);
export const bandsSchema = z
  .object({ blue: z.number().finite().optional(), yellow: z.number().finite().optional(), orange: z.number().finite().optional(), red: z.number().finite().optional() })
  .strict();

/** Aggregates of the monitored-enterprise panel that can be watched like a series. */
export const PANEL_METRICS = ['headcount', 'net_change', 'hires', 'separations', 'sep_economic', 'job_loss_rate'] as const;
export type PanelMetric = (typeof PANEL_METRICS)[number];

/** How each panel metric behaves: polarity, and how its change is expressed. */
export const PANEL_METRIC_INFO: Record<PanelMetric, { polarity: Polarity; changeUnit: 'percent' | 'points' | 'diff'; indicator: string; decimals: number }> = {
  headcount: { polarity: 'up_good', changeUnit: 'percent', indicator: 'ENT.HEADCOUNT', decimals: 0 },
  net_change: { polarity: 'up_good', changeUnit: 'diff', indicator: 'ENT.HEADCOUNT', decimals: 0 },
  hires: { polarity: 'up_good', changeUnit: 'percent', indicator: 'ENT.HIRES', decimals: 0 },
  separations: { polarity: 'up_bad', changeUnit: 'percent', indicator: 'ENT.SEPARATIONS', decimals: 0 },
  sep_economic: { polarity: 'up_bad', changeUnit: 'percent', indicator: 'ENT.SEPARATIONS', decimals: 0 },
  job_loss_rate: { polarity: 'up_bad', changeUnit: 'points', indicator: 'ENT.JOB_LOSS_RATE', decimals: 2 },
};

/** Per-firm figures a firm threshold can watch. */
export const FIRM_METRICS = ['sep_economic', 'net_reduction', 'separations', 'job_loss_rate', 'planned_cuts'] as const;
export type FirmMetric = (typeof FIRM_METRICS)[number];

export const SIGNAL_CHANNELS = ['hotline', 'wage_arrears', 'police110', 'other'] as const;
export type SignalChannel = (typeof SIGNAL_CHANNELS)[number];
export const SIGNAL_CATEGORIES = ['wage_arrears', 'layoff', 'halt', 'social_insurance', 'other'] as const;
export type SignalCategory = (typeof SIGNAL_CATEGORIES)[number];

const codeList = z.array(z.string().min(1).max(32)).max(64).default([]);

export const indicatorScopeSchema = z
  .object({
    type: z.literal('indicator'),
    indicator: indicatorCodeSchema,
    members: memberSelectionSchema.default({}),
    /** Evaluate every member series of this dimension (each its own subject). */
    breakdown: z.string().min(1).max(32).optional(),
  })
  .strict();

export const panelScopeSchema = z
  .object({
    type: z.literal('panel'),
    sectors: codeList,
    districts: codeList,
    /** For series kinds: the panel aggregate watched. */
    metric: z.enum(PANEL_METRICS).optional(),
    /** For series kinds: one aggregate per member of this grouping. */
    breakdown: z.enum(['sector', 'district', 'ownership', 'size']).optional(),
  })
  .strict();

export const signalScopeSchema = z
  .object({
    type: z.literal('signals'),
    categories: z.array(z.enum(SIGNAL_CATEGORIES)).max(8).default([]),
    channels: z.array(z.enum(SIGNAL_CHANNELS)).max(8).default([]),
    /** Count per district, per firm, or for the whole city. */
    by: z.enum(['district', 'firm', 'city']),
  })
  .strict();

export const ruleScopeSchema = z.discriminatedUnion('type', [indicatorScopeSchema, panelScopeSchema, signalScopeSchema]);
export type RuleScope = z.infer<typeof ruleScopeSchema>;
export type IndicatorScope = z.infer<typeof indicatorScopeSchema>;
export type PanelScope = z.infer<typeof panelScopeSchema>;
export type SignalScope = z.infer<typeof signalScopeSchema>;

const thresholdParams = z.object({ bands: bandsSchema, direction: z.enum(['above', 'below']).optional() }).strict();
const changeParams = z
  .object({
    basis: z.enum(['mom', 'yoy']),
    /** Bands on the size of the deterioration (percent, points or a difference, per the value's kind). */
    bands: bandsSchema,
    /** Which move is bad; by default from the polarity (either way for neutral indicators). */
    direction: z.enum(['up', 'down', 'either']).optional(),
  })
  .strict();
const consecutiveParams = z.object({ bands: bandsSchema, direction: z.enum(['up', 'down']).optional() }).strict();
const anomalyParams = z
  .object({
    bands: bandsSchema,
    /** Months of history the median and MAD are taken over. */
    window: z.number().int().min(12).max(240).default(60),
    basis: z.enum(['mom', 'yoy']).default('mom'),
    direction: z.enum(['up', 'down', 'either']).optional(),
  })
  .strict();
const article41Params = z
  .object({
    minPeople: z.number().int().min(1).max(10000).default(20),
    minSharePct: z.number().min(0.1).max(100).default(10),
    bigCut: z.number().int().min(1).max(100000).default(200),
    level: levelSchema.default('orange'),
    bigCutLevel: levelSchema.default('red'),
    /** Economic separations made this month, or cuts the firm plans (Article 41 asks for 30 days' notice). */
    basis: z.enum(['economic', 'planned']).default('economic'),
  })
  .strict();
const firmThresholdParams = z
  .object({ metric: z.enum(FIRM_METRICS), bands: bandsSchema, minOpening: z.number().int().min(0).max(100000).default(0) })
  .strict();
const crosscheckParams = z
  .object({
    /** Bands on the absolute gap, percent of the reported headcount. */
    bands: bandsSchema,
    direction: z.enum(['either', 'more_contributors', 'fewer_contributors']).default('either'),
    /** Firms reporting fewer staff than this are not checked (a few people make large percentages). */
    minReported: z.number().int().min(0).max(100000).default(0),
  })
  .strict();
const signalCountParams = z.object({ bands: bandsSchema }).strict();

const name = z.object({ zh: z.string().min(1).max(80), en: z.string().max(120) }).strict();

/** The shape of a rule: kind, scope and parameters that fit together (checked further by {@link ruleProblems}). */
export const ruleShapeSchema = z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('threshold'), name, scope: z.union([indicatorScopeSchema, panelScopeSchema]), params: thresholdParams }).strict(),
    z.object({ kind: z.literal('change'), name, scope: z.union([indicatorScopeSchema, panelScopeSchema]), params: changeParams }).strict(),
    z.object({ kind: z.literal('consecutive'), name, scope: z.union([indicatorScopeSchema, panelScopeSchema]), params: consecutiveParams }).strict(),
    z.object({ kind: z.literal('anomaly'), name, scope: z.union([indicatorScopeSchema, panelScopeSchema]), params: anomalyParams }).strict(),
    z.object({ kind: z.literal('article41'), name, scope: panelScopeSchema, params: article41Params }).strict(),
    z.object({ kind: z.literal('firm_threshold'), name, scope: panelScopeSchema, params: firmThresholdParams }).strict(),
    z.object({ kind: z.literal('crosscheck'), name, scope: panelScopeSchema, params: crosscheckParams }).strict(),
    z.object({ kind: z.literal('signal_count'), name, scope: signalScopeSchema, params: signalCountParams }).strict(),
]);

/** A usable rule: the shape, and bands that get stricter with the level and the like. */
export const ruleDefinitionSchema = ruleShapeSchema.superRefine((rule, ctx) => {
  for (const problem of ruleProblems(rule)) ctx.addIssue({ code: 'custom', message: problem, path: ['params'] });
});

export type RuleDefinition = z.output<typeof ruleDefinitionSchema>;
export type RuleDefinitionInput = z.input<typeof ruleDefinitionSchema>;
export type RuleOf<K extends RuleKind> = Extract<RuleDefinition, { kind: K }>;

/** A stored rule. */
export type WarningRule = RuleDefinition & {
  id: number;
  code: string;
  enabled: boolean;
  /** Shipped with the workstation (can be edited and disabled, not deleted). */
  builtin: boolean;
  /** Increases with every edit; alerts record the version that raised them. */
  version: number;
  updatedAt: string;
  updatedBy: string;
};

/**
 * The direction along which a series kind's bands are read: a threshold's own, else from the
 * polarity (below for "up is good"); changes, runs and scores are read as sizes of deterioration.
 * @example bandDirectionOf(thresholdRule, 'up_good') // 'below'
 */
export function bandDirectionOf(rule: RuleDefinition, polarity: Polarity): BandDirection {
  if (rule.kind === 'threshold') return rule.params.direction ?? (polarity === 'up_good' ? 'below' : 'above');
  return 'above';
}

/**
 * What is wrong with a rule beyond its shape: bands that do not get stricter with the level, a
 * series kind on the panel without a metric, and so on. Empty when fine.
 * @example ruleProblems({ kind: 'threshold', name, scope: { type: 'panel', sectors: [], districts: [] }, params: { bands: { red: 3 } } }) // ['panel_metric_required']
 */
export function ruleProblems(rule: RuleDefinition): string[] {
  const problems: string[] = [];
  const bands: Bands | undefined = 'bands' in rule.params ? rule.params.bands : undefined;
  if (bands) {
    const direction: BandDirection = rule.kind === 'threshold' ? (rule.params.direction ?? 'above') : 'above';
    // A threshold rule without an explicit direction is checked both ways: it takes the polarity later.
    const check = rule.kind === 'threshold' && !rule.params.direction ? (checkBands(bands, 'above') && checkBands(bands, 'below')) : checkBands(bands, direction);
    if (check) problems.push(`bands_${check}`);
  }
  if (SERIES_KINDS.includes(rule.kind) && rule.scope.type === 'panel' && !rule.scope.metric) problems.push('panel_metric_required');
  if (rule.kind === 'article41' && rule.params.bigCut < rule.params.minPeople) problems.push('big_cut_below_min_people');
  return problems;
}

/** Who or what an alert is about. */
export type SubjectType = 'series' | 'panel' | 'firm' | 'district' | 'city';

export interface AlertSubject {
  type: SubjectType;
  /** Stable key: `series:UNE.SURVEY_RATE|district=210106`, `panel:job_loss_rate|sector=METAL`, `firm:<credit code>`, `district:210106`, `city`. */
  key: string;
  label: LocalizedName;
  enterpriseId?: number | null;
  district?: string | null;
  sector?: string | null;
  indicator?: string | null;
}

/** The values that made a rule fire, kept with the alert. */
export type AlertEvidence =
  | { kind: 'threshold'; period: string; value: number; bands: Bands; direction: BandDirection; unit: LocalizedName }
  | { kind: 'change'; period: string; value: number; base: number; basePeriod: string; change: number; changeUnit: 'percent' | 'points' | 'diff'; basis: 'mom' | 'yoy'; bands: Bands }
  | { kind: 'consecutive'; run: number; points: Array<{ period: string; value: number }>; direction: 'up' | 'down'; bands: Bands }
  | { kind: 'anomaly'; period: string; change: number; score: number; median: number; mad: number; window: number; basis: 'mom' | 'yoy'; bands: Bands }
  | { kind: 'article41'; cut: number; basis: 'economic' | 'planned'; opening: number; sharePct: number | null; clause: 'people' | 'share' | null; bigCut: boolean; separations: Record<string, number>; production: string; plannedCuts: number }
  | { kind: 'firm_threshold'; metric: FirmMetric; value: number; opening: number; closing: number; bands: Bands }
  | { kind: 'crosscheck'; reported: number; contributors: number; gapPct: number | null; direction: 'more_contributors' | 'fewer_contributors' | null; bands: Bands }
  | { kind: 'signal_count'; count: number; cases: number; byCategory: Record<string, number>; byChannel: Record<string, number>; caseIds: number[]; bands: Bands };

/** One firing of a rule for one subject in one period, before it is stored as an alert. */
export interface Firing {
  subject: AlertSubject;
  level: WarningLevel;
  /** The headline value (the one compared with the bands). */
  value: number;
  evidence: AlertEvidence;
}
