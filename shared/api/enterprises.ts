/** Key-enterprise monitoring (重点企业用工监测): the monitor, the firms, cross-check and Article 41. */
import { z } from 'zod';
import { method } from './define';
import type { ExportedFile } from './series';
import type { AlertView } from './warnings';
import { monthSchema } from './warnings';
import type { LedgerItem } from './ledger';
import type { Article41Flag, CrossCheckDirection, Enterprise, PanelGrouping, PanelTotals, ReportFigures, SeparationReason, WageBounds } from '../domain/enterprise';
import { PANEL_GROUPINGS } from '../domain/enterprise';
import type { SignalCase } from '../domain/signals';
import type { LocalizedName } from '../domain/types';
import type { WarningLevel } from '../warnings/levels';

export interface DiffusionPoint {
  period: string;
  hiring: number | null;
  headcount: number | null;
  wages: number | null;
  production: number | null;
}

export interface PanelTrendPoint {
  period: string;
  headcount: number;
  netChange: number;
  hires: number;
  separations: number;
  sepEconomic: number;
  jobLossRate: number | null;
}

export interface GroupTotals {
  code: string;
  label: LocalizedName;
  totals: PanelTotals;
  /** Headcount change against the same month a year earlier, percent (null without a base). */
  headcountYoy: number | null;
}

export interface EnterpriseOverview {
  period: string | null;
  /** Months with reports, oldest first. */
  periods: string[];
  totals: PanelTotals | null;
  /** Against last month: headcount percent, job-loss rate points. */
  vsPrevious: { headcountPct: number | null; jobLossRatePts: number | null };
  vsLastYear: { headcountPct: number | null; jobLossRatePts: number | null };
  groupBy: PanelGrouping;
  groups: GroupTotals[];
  trend: PanelTrendPoint[];
  diffusion: DiffusionPoint[];
  production: Record<'normal' | 'reduced' | 'halted' | 'expanded', number>;
  flags: { article41: number; bigCut: number; crossCheck: number; plannedArticle41: number };
}

export interface FirmRow {
  firm: Enterprise;
  report: ReportFigures | null;
  separations: number | null;
  netChange: number | null;
  jobLossRate: number | null;
  contributors: number | null;
  gapPct: number | null;
  article41: boolean;
  bigCut: boolean;
  /** Most severe active alert about the firm this month. */
  alertLevel: WarningLevel | null;
  openLedgerItems: number;
}

export interface TopCut {
  rank: number;
  firm: Enterprise;
  report: ReportFigures;
  /** Opening minus closing headcount. */
  reduction: number;
  separations: number;
  reasons: Record<SeparationReason, number>;
  mainReason: SeparationReason | null;
  article41: Article41Flag;
}

export interface TopCuts {
  period: string;
  items: TopCut[];
  /** All firms reducing staff this month, and their total net reduction. */
  reducingFirms: number;
  totalReduction: number;
}

export interface FirmMonth extends ReportFigures {
  period: string;
  snapshotId: number;
  contributors: number | null;
  gapPct: number | null;
  article41: Article41Flag;
}

export interface FirmDetail {
  firm: Enterprise;
  months: FirmMonth[];
  alerts: AlertView[];
  ledger: LedgerItem[];
  signals: SignalCase[];
}

export interface CrossCheckRow {
  /** A gap above the threshold; a reporting firm without contributors; contributors of a monitored firm that did not report; contributors of an employer not monitored. */
  kind: 'gap' | 'no_si_record' | 'no_report' | 'not_monitored';
  firm: Enterprise | null;
  creditCode: string;
  name: string;
  reported: number | null;
  contributors: number | null;
  difference: number | null;
  gapPct: number | null;
  direction: CrossCheckDirection | null;
}

export interface CrossCheckResult {
  period: string | null;
  thresholdPct: number;
  /** Firms with both a report and a contributor count. */
  checked: number;
  rows: CrossCheckRow[];
}

export interface Article41Row {
  firm: Enterprise;
  report: ReportFigures;
  flag: Article41Flag;
  /** The same test on the cuts the firm plans (30 days' notice). */
  planned: Article41Flag;
}

export interface Article41Result {
  period: string | null;
  params: { minPeople: number; minSharePct: number; bigCut: number };
  rows: Article41Row[];
}

export interface EnterpriseSettings {
  crossCheckThresholdPct: number;
  wageBounds: WageBounds;
}

export const firmFilterSchema = z
  .object({
    sectors: z.array(z.string().max(32)).max(16).default([]),
    ownerships: z.array(z.string().max(32)).max(16).default([]),
    districts: z.array(z.string().max(32)).max(16).default([]),
    sizes: z.array(z.string().max(32)).max(8).default([]),
    tradeExposed: z.boolean().optional(),
    search: z.string().max(100).optional(),
  })
  .strict();
export type FirmFilter = z.input<typeof firmFilterSchema>;

const exportTables = z.enum(['list', 'topCuts', 'crossCheck', 'article41', 'firm']);

export const enterprisesMethods = {
  'enterprises.overview': method<EnterpriseOverview>()(
    z.object({ period: monthSchema.optional(), groupBy: z.enum(PANEL_GROUPINGS).default('sector'), months: z.number().int().min(6).max(240).default(36) }).strict(),
  ),
  'enterprises.list': method<{ period: string | null; rows: FirmRow[] }>()(z.object({ period: monthSchema.optional(), filter: firmFilterSchema.default({ sectors: [], ownerships: [], districts: [], sizes: [] }) }).strict()),
  /** The month's largest reducers with their stated reasons (also the report's enterprise ranking). */
  'enterprises.topCuts': method<TopCuts>()(z.object({ period: monthSchema, limit: z.number().int().min(1).max(100).default(10), filter: firmFilterSchema.optional() }).strict()),
  'enterprises.detail': method<FirmDetail>()(z.object({ id: z.number().int().positive() }).strict()),
  'enterprises.crossCheck': method<CrossCheckResult>()(z.object({ period: monthSchema.optional(), thresholdPct: z.number().min(0).max(1000).optional() }).strict()),
  'enterprises.layoffFlags': method<Article41Result>()(z.object({ period: monthSchema.optional() }).strict()),
  'enterprises.export': method<ExportedFile>()(
    z
      .object({
        table: exportTables,
        format: z.enum(['csv', 'xlsx']),
        period: monthSchema.optional(),
        filter: firmFilterSchema.optional(),
        thresholdPct: z.number().min(0).max(1000).optional(),
        id: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(1000).optional(),
        locale: z.enum(['zh-CN', 'en-US']).default('zh-CN'),
      })
      .strict(),
  ),
  'enterprises.settings': method<EnterpriseSettings>()(z.object({}).strict()),
  'enterprises.saveSettings': method<EnterpriseSettings>()(
    z
      .object({
        crossCheckThresholdPct: z.number().min(0.1).max(1000).optional(),
        wageBounds: z.object({ min: z.number().min(0).max(1e6), max: z.number().min(1).max(1e7) }).strict().optional(),
      })
      .strict(),
  ),
};
