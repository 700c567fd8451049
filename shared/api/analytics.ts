/**
 * Analytics methods: the employment climate index (就业景气指数) with saved, versioned definitions,
 * and the lead/lag analysis. The index result is the contract other features (reports, annotations)
 * build on: `climate.compute` returns the index series and each component's contributions.
 */
import { z } from 'zod';
import { method } from './define';
import { indicatorCodeSchema, localeSchema, memberSelectionSchema, periodSchema } from './schemas';
import type { ExportedFile } from './series';
import type { AbsentComponent, IndexTransform } from '../calc/composite-index';
import type { PreparationNote } from '../analytics/prepare';
import type { Frequency, Indicator, LocalizedName, MemberSelection } from '../domain/types';

export const localizedNameSchema = z.object({ zh: z.string().max(200), en: z.string().max(200) });
const localizedTextSchema = z.object({ zh: z.string().max(4000), en: z.string().max(4000) });

export const indexComponentSpecSchema = z
  .object({
    indicator: indicatorCodeSchema,
    members: memberSelectionSchema.default({}),
    /** 'inverted' for components where a rise is bad news. */
    direction: z.enum(['normal', 'inverted']).default('normal'),
    /** Override of the change formula; by default levels (counts, amounts, ratios) use the symmetric percent change, rates the difference. */
    transform: z.enum(['level', 'difference']).optional(),
    /** Fixed weight (weighting 'fixed'); all must sum to 1. */
    weight: z.number().min(0).max(1).optional(),
  })
  .strict();
export type IndexComponentSpec = z.output<typeof indexComponentSpecSchema>;

export const indexDefinitionSpecSchema = z
  .object({
    title: localizedNameSchema,
    description: localizedTextSchema.default({ zh: '', en: '' }),
    components: z.array(indexComponentSpecSchema).min(1).max(60),
    weighting: z.enum(['standardized', 'fixed']).default('standardized'),
    /** Estimation window of the standard deviations (months); open ends use all data. */
    window: z.object({ from: periodSchema.optional(), to: periodSchema.optional() }).strict().default({}),
    baseYear: z.number().int().min(1990).max(2100),
    /** Seasonal adjustment of each component before its changes are taken (STL, s.window 7, robust). */
    seasonalAdjustment: z.enum(['stl', 'none']).default('stl'),
    /** Minimum share of the total weight that must be available for a month to be computed. */
    minCoverage: z.number().min(0.05).max(1).default(0.5),
  })
  .strict();
export type IndexDefinitionSpec = z.output<typeof indexDefinitionSpecSchema>;
export type IndexDefinitionSpecInput = z.input<typeof indexDefinitionSpecSchema>;

/** Names are stable keys used by the CLI (`--definition NAME`) and by reports. */
export const definitionNameSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.-]+$/);

export interface IndexDefinition {
  id: number;
  name: string;
  version: number;
  spec: IndexDefinitionSpec;
  createdAt: string;
  createdBy: string;
  note: string;
}

export interface IndexDefinitionSummary {
  name: string;
  title: LocalizedName;
  latestVersion: number;
  versions: number;
  updatedAt: string;
}

/** The state of the cache a result was computed on: the newest snapshot and the deleted ones. */
export interface SnapshotState {
  maxSnapshot: number;
  deletedSnapshots: number[];
}

export interface ClimateComponent {
  /** Stable key: indicator plus member key (e.g. `ENT.HEADCOUNT` or `LMK.DEMAND|industry=I3`). */
  key: string;
  indicator: string;
  members: MemberSelection;
  label: LocalizedName;
  frequency: Frequency;
  transform: IndexTransform;
  inverted: boolean;
  /** Normalised weight (sums to 1). */
  weight: number;
  sd: number | null;
  /** How the published series was turned into the series whose changes enter the index. */
  preparation: { decumulated: boolean; seasonallyAdjusted: boolean; notes: PreparationNote[]; from: string | null };
  /** Contribution to each period's growth i_t (symmetric percent), aligned with `periods`. */
  contributions: Array<number | null>;
  /** Contribution to each period's index change, in index points. */
  pointContributions: Array<number | null>;
}

export interface ClimateIndexResult {
  definition: { id: number; name: string; version: number; title: LocalizedName; spec: IndexDefinitionSpec };
  state: SnapshotState & { key: string; computedAt: string; cached: boolean };
  frequency: Frequency;
  periods: string[];
  index: Array<number | null>;
  /** Index change in points against the previous period. */
  change: Array<number | null>;
  /** i_t: the period's growth (symmetric percent). */
  growth: Array<number | null>;
  coverage: number[];
  absent: AbsentComponent[][];
  start: string | null;
  baseYear: number;
  components: ClimateComponent[];
}

const definitionRef = {
  /** Definition name; absent: the default definition. */
  name: definitionNameSchema.optional(),
  /** Version; absent: the latest. */
  version: z.number().int().positive().optional(),
};

export const seriesRefSchema = z.object({ indicator: indicatorCodeSchema, members: memberSelectionSchema.default({}) }).strict();
export type SeriesRef = z.output<typeof seriesRefSchema>;

export interface LeadLagCandidate {
  ref: SeriesRef;
  indicator: Indicator;
  label: LocalizedName;
  /** Leads -maxLag..maxLag (positive: the candidate leads the target). */
  leads: number[];
  r: Array<number | null>;
  n: number;
  band: number;
  best: { lead: number; r: number; significant: boolean } | null;
  from: string;
  to: string;
  /** The series correlated (per period, seasonally adjusted where possible), for the overlay. */
  points: Array<{ period: string; value: number | null }>;
  preparation: { seasonallyAdjusted: boolean; notes: PreparationNote[] };
  /** Set instead of the correlation when it cannot be computed (code + params for i18n). */
  error: { code: string; message: string; params: Record<string, string | number> } | null;
}

export interface LeadLagResult {
  target: { ref: SeriesRef; indicator: Indicator; label: LocalizedName; points: Array<{ period: string; value: number | null }>; preparation: { seasonallyAdjusted: boolean; notes: PreparationNote[] } };
  maxLag: number;
  adjust: boolean;
  robust: boolean;
  candidates: LeadLagCandidate[];
}

export const analyticsMethods = {
  'climate.definitions': method<IndexDefinitionSummary[]>()(z.object({}).strict()),
  'climate.definition': method<IndexDefinition>()(z.object(definitionRef).strict()),
  'climate.versions': method<IndexDefinition[]>()(z.object({ name: definitionNameSchema }).strict()),
  /** Saves a new version of a definition (a new name starts at version 1). */
  'climate.saveDefinition': method<IndexDefinition>()(z.object({ name: definitionNameSchema, spec: indexDefinitionSpecSchema, note: z.string().max(500).default('') }).strict()),
  /** The index and contributions on the current state of the cache (cached per definition version and state). */
  'climate.compute': method<ClimateIndexResult>()(z.object(definitionRef).strict()),
  'climate.export': method<ExportedFile>()(z.object({ ...definitionRef, format: z.enum(['csv', 'xlsx']), locale: localeSchema.default('zh-CN') }).strict()),
  'leadlag.analyze': method<LeadLagResult>()(
    z
      .object({
        target: seriesRefSchema,
        candidates: z.array(seriesRefSchema).min(1).max(12),
        maxLag: z.number().int().min(1).max(24).default(12),
        /** Seasonally adjust both series (STL) before taking changes, where the data allow. */
        adjust: z.boolean().default(true),
        /** Winsorize the changes at a robust z-score of 3, so one-off shocks do not decide the lead. */
        robust: z.boolean().default(true),
      })
      .strict(),
  ),
};
