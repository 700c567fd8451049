/**
 * Key-enterprise monitoring (重点企业用工监测): the monthly report of one firm, the checks a report
 * must pass, the Labour Contract Law Article 41 flags, the social-insurance cross-check and the
 * panel aggregates and diffusion indices (../DOMAIN.md sections 3 to 5). Pure functions, no I/O.
 */
import { diffusionIndex, directionOf, type Direction, type DiffusionResult } from '../calc/diffusion';

export const SECTORS = ['EQUIP', 'METAL', 'PETRO', 'COAL', 'CONSTR', 'TRADSVC', 'AUTO', 'OTHER'] as const;
export const INDUSTRIES = ['I1', 'I2', 'I3'] as const;
export const OWNERSHIPS = ['CENTRAL', 'PROVINCIAL', 'MUNICIPAL', 'PRIVATE', 'FOREIGN', 'OTHER'] as const;
export const SIZES = ['LARGE', 'MEDIUM', 'SMALL', 'MICRO'] as const;
export const PRODUCTION_STATUSES = ['normal', 'reduced', 'halted', 'expanded'] as const;
export type ProductionStatus = (typeof PRODUCTION_STATUSES)[number];

/** Attributes an enterprise can be grouped by on the monitor. */
export const PANEL_GROUPINGS = ['sector', 'ownership', 'district', 'size'] as const;
export type PanelGrouping = (typeof PANEL_GROUPINGS)[number];

/** Reasons for separations, in the order of the report form. */
export const SEPARATION_REASONS = ['economic', 'contractEnd', 'quit', 'retire', 'other'] as const;
export type SeparationReason = (typeof SEPARATION_REASONS)[number];

export interface Enterprise {
  id: number;
  creditCode: string;
  name: string;
  sector: string;
  industry: string;
  ownership: string;
  size: string;
  district: string;
  tradeExposed: boolean;
}

/** One firm's monthly report, as the form asks for it. */
export interface ReportFigures {
  opening: number;
  hires: number;
  sepEconomic: number;
  sepContractEnd: number;
  sepQuit: number;
  sepRetire: number;
  sepOther: number;
  closing: number;
  avgWage: number | null;
  production: ProductionStatus;
  plannedCuts: number;
}

export const SEPARATION_FIELDS: Record<SeparationReason, keyof ReportFigures> = {
  economic: 'sepEconomic',
  contractEnd: 'sepContractEnd',
  quit: 'sepQuit',
  retire: 'sepRetire',
  other: 'sepOther',
};

/** @example totalSeparations({ sepEconomic: 5, sepContractEnd: 1, sepQuit: 2, sepRetire: 0, sepOther: 0 }) // 8 */
export function totalSeparations(r: Pick<ReportFigures, 'sepEconomic' | 'sepContractEnd' | 'sepQuit' | 'sepRetire' | 'sepOther'>): number {
  return r.sepEconomic + r.sepContractEnd + r.sepQuit + r.sepRetire + r.sepOther;
}

/**
 * Job-loss rate (岗位流失率) in percent: separations / opening headcount; null without an opening.
 * @example jobLossRate(15, 1000) // 1.5
 */
export function jobLossRate(separations: number, opening: number): number | null {
  if (!(opening > 0) || !Number.isFinite(separations)) return null;
  return (100 * separations) / opening;
}

/**
 * The reason with the most separations (ties go to the earlier reason on the form), or null when
 * nobody left.
 * @example mainSeparationReason({ sepEconomic: 30, sepContractEnd: 2, sepQuit: 5, sepRetire: 0, sepOther: 0 }) // 'economic'
 */
export function mainSeparationReason(r: Pick<ReportFigures, 'sepEconomic' | 'sepContractEnd' | 'sepQuit' | 'sepRetire' | 'sepOther'>): SeparationReason | null {
  let best: SeparationReason | null = null;
  let max = 0;
  for (const reason of SEPARATION_REASONS) {
    const n = r[SEPARATION_FIELDS[reason] as 'sepEconomic'];
    if (n > max) {
      max = n;
      best = reason;
    }
  }
  return best;
}

// ------------------------------------------------------------------ consistency checks

export interface WageBounds {
  min: number;
  max: number;
}

/** Default plausible average monthly wage, yuan: below the lowest living allowance of a halted firm, above any plausible mean. */
export const DEFAULT_WAGE_BOUNDS: WageBounds = { min: 1000, max: 50000 };

export type ConsistencyCheck = 'balance' | 'continuity' | 'wage_bounds' | 'negative' | 'not_integer';

export interface ConsistencyIssue {
  check: ConsistencyCheck;
  /** An error rejects the report; a warning keeps it and is listed. */
  severity: 'error' | 'warning';
  /** The report field the issue is about (for the cell reference). */
  field: keyof ReportFigures;
  expected: number | null;
  actual: number | null;
}

const COUNT_FIELDS = ['opening', 'hires', 'sepEconomic', 'sepContractEnd', 'sepQuit', 'sepRetire', 'sepOther', 'closing', 'plannedCuts'] as const;

/**
 * The checks of the issue, on one report: counts are whole and not negative; opening + hires -
 * separations = closing exactly (tolerance 0); opening equals last month's closing (a warning:
 * the firm may have restated last month); average wage within plausible bounds (a warning).
 * @example checkReport({ opening: 100, hires: 5, sepEconomic: 0, sepContractEnd: 0, sepQuit: 3, sepRetire: 0, sepOther: 0, closing: 101, avgWage: 5000, production: 'normal', plannedCuts: 0 }, 100)
 * // [{ check: 'balance', severity: 'error', field: 'closing', expected: 102, actual: 101 }]
 */
export function checkReport(r: ReportFigures, previousClosing: number | null, bounds: WageBounds = DEFAULT_WAGE_BOUNDS): ConsistencyIssue[] {
  const issues: ConsistencyIssue[] = [];
  for (const field of COUNT_FIELDS) {
    const v = r[field];
    if (!Number.isInteger(v)) issues.push({ check: 'not_integer', severity: 'error', field, expected: null, actual: Number.isFinite(v) ? v : null });
    else if (v < 0) issues.push({ check: 'negative', severity: 'error', field, expected: null, actual: v });
  }
  if (issues.length) return issues;
  const expected = r.opening + r.hires - totalSeparations(r);
  if (expected !== r.closing) issues.push({ check: 'balance', severity: 'error', field: 'closing', expected, actual: r.closing });
  if (previousClosing !== null && previousClosing !== r.opening) {
    issues.push({ check: 'continuity', severity: 'warning', field: 'opening', expected: previousClosing, actual: r.opening });
  }
  if (r.avgWage !== null && (r.avgWage < bounds.min || r.avgWage > bounds.max)) {
    issues.push({ check: 'wage_bounds', severity: 'warning', field: 'avgWage', expected: r.avgWage < bounds.min ? bounds.min : bounds.max, actual: r.avgWage });
  }
  return issues;
}

// ------------------------------------------------------------------ Article 41

export interface Article41Params {
  /** Economic separations from this many people on (20). */
  minPeople: number;
  /** Or, below that, from this share of the opening headcount on, in percent (10). */
  minSharePct: number;
  /** A single firm cutting more than this many in a month is a city-level alarm (200). */
  bigCut: number;
}

export const ARTICLE41_DEFAULTS: Article41Params = { minPeople: 20, minSharePct: 10, bigCut: 200 };

export interface Article41Flag {
  /** The cut falls under Article 41 (must be explained 30 days ahead and reported). */
  article41: boolean;
  /** Which clause: 20 or more people, or under 20 but at least 10% of the staff. */
  clause: 'people' | 'share' | null;
  /** More than `bigCut` people. */
  bigCut: boolean;
  /** Cut as a share of the opening headcount, percent (null without an opening). */
  sharePct: number | null;
}

/**
 * Labour Contract Law Article 41 on one month's economic separations (or planned cuts).
 * The share is compared in integers where possible so 10% of 100 is exactly 10.
 * @example article41(19, 1000) // { article41: false, clause: null, bigCut: false, sharePct: 1.9 }
 * @example article41(10, 100) // { article41: true, clause: 'share', bigCut: false, sharePct: 10 }
 */
export function article41(cut: number, opening: number, params: Article41Params = ARTICLE41_DEFAULTS): Article41Flag {
  const sharePct = opening > 0 ? (100 * cut) / opening : null;
  const bigCut = cut > params.bigCut;
  if (cut <= 0) return { article41: false, clause: null, bigCut: false, sharePct };
  if (cut >= params.minPeople) return { article41: true, clause: 'people', bigCut, sharePct };
  // cut / opening >= pct / 100  <=>  100 * cut >= pct * opening (exact for whole percentages).
  if (opening > 0 && 100 * cut >= params.minSharePct * opening - 1e-9) return { article41: true, clause: 'share', bigCut, sharePct };
  return { article41: false, clause: null, bigCut, sharePct };
}

// ------------------------------------------------------------------ social-insurance cross-check

export type CrossCheckDirection = 'more_contributors' | 'fewer_contributors';

export interface CrossCheckGap {
  /** (contributors - reported) / reported, percent; null when the firm reported no staff. */
  gapPct: number | null;
  direction: CrossCheckDirection | null;
  difference: number;
}

/**
 * Gap between a firm's reported headcount and its social-insurance contributors.
 * @example crossCheckGap(400, 340) // { gapPct: -15, direction: 'fewer_contributors', difference: -60 }
 */
export function crossCheckGap(reported: number, contributors: number): CrossCheckGap {
  const difference = contributors - reported;
  const direction: CrossCheckDirection | null = difference > 0 ? 'more_contributors' : difference < 0 ? 'fewer_contributors' : null;
  return { gapPct: reported > 0 ? (100 * difference) / reported : null, direction, difference };
}

/**
 * True when the gap is above the threshold (strictly: a gap of exactly the threshold is not listed).
 * A firm reporting no staff but with contributors is always listed.
 * @example isCrossCheckException(crossCheckGap(100, 89), 10) // true
 */
export function isCrossCheckException(gap: CrossCheckGap, thresholdPct: number): boolean {
  if (gap.gapPct === null) return gap.difference !== 0;
  return Math.abs(gap.gapPct) > thresholdPct + 1e-9;
}

// ------------------------------------------------------------------ panel aggregates

export interface PanelTotals {
  firms: number;
  opening: number;
  closing: number;
  hires: number;
  separations: number;
  sepEconomic: number;
  netChange: number;
  /** Separations / opening, percent; null without an opening. */
  jobLossRate: number | null;
  plannedCuts: number;
}

/**
 * Sums reports of a set of firms.
 * @example panelTotals([]) // { firms: 0, opening: 0, ..., jobLossRate: null }
 */
export function panelTotals(reports: readonly ReportFigures[]): PanelTotals {
  const t = { firms: 0, opening: 0, closing: 0, hires: 0, separations: 0, sepEconomic: 0, plannedCuts: 0 };
  for (const r of reports) {
    t.firms++;
    t.opening += r.opening;
    t.closing += r.closing;
    t.hires += r.hires;
    t.separations += totalSeparations(r);
    t.sepEconomic += r.sepEconomic;
    t.plannedCuts += r.plannedCuts;
  }
  return { ...t, netChange: t.closing - t.opening, jobLossRate: jobLossRate(t.separations, t.opening) };
}

/** The ENT.* observations a month of reports makes: total, by district and by sector. */
export interface PanelObservation {
  indicator: 'ENT.HEADCOUNT' | 'ENT.HIRES' | 'ENT.SEPARATIONS' | 'ENT.JOB_LOSS_RATE';
  members: Record<string, string>;
  value: number;
}

/**
 * Aggregates one month of reports into the catalogue's ENT.* indicators exactly as the demo
 * generator does (job-loss rate rounded to 2 decimals), for the city and each district and sector.
 * @example panelObservations([{ firm: { district: '210106', sector: 'EQUIP' }, report }]) // 12 observations
 */
export function panelObservations(rows: ReadonlyArray<{ firm: { district: string; sector: string }; report: ReportFigures }>): PanelObservation[] {
  const groups = new Map<string, { members: Record<string, string>; reports: ReportFigures[] }>();
  for (const { firm, report } of rows) {
    for (const members of [{}, { district: firm.district }, { sector: firm.sector }] as Array<Record<string, string>>) {
      const key = JSON.stringify(members);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { members, reports: [] }));
      g.reports.push(report);
    }
  }
  const out: PanelObservation[] = [];
  for (const g of groups.values()) {
    const t = panelTotals(g.reports);
    out.push({ indicator: 'ENT.HEADCOUNT', members: g.members, value: t.closing });
    out.push({ indicator: 'ENT.HIRES', members: g.members, value: t.hires });
    out.push({ indicator: 'ENT.SEPARATIONS', members: g.members, value: t.separations });
    if (t.opening > 0) out.push({ indicator: 'ENT.JOB_LOSS_RATE', members: g.members, value: Math.round(100 * ((100 * t.separations) / t.opening)) / 100 });
  }
  return out;
}

// ------------------------------------------------------------------ ranking

export interface CutRanking<T> {
  item: T;
  reduction: number;
}

/**
 * The firms with the largest net reductions (opening - closing > 0), largest first; ties by
 * economic separations, then by the order given.
 * @example rankReducers([{ opening: 100, closing: 90, sepEconomic: 5 }], (r) => r, 10) // one entry, reduction 10
 */
export function rankReducers<T>(items: readonly T[], figures: (t: T) => Pick<ReportFigures, 'opening' | 'closing' | 'sepEconomic'>, limit: number): Array<CutRanking<T>> {
  return items
    .map((item, i) => ({ item, i, f: figures(item) }))
    .filter((x) => x.f.opening - x.f.closing > 0)
    .sort((a, b) => b.f.opening - b.f.closing - (a.f.opening - a.f.closing) || b.f.sepEconomic - a.f.sepEconomic || a.i - b.i)
    .slice(0, Math.max(0, limit))
    .map((x) => ({ item: x.item, reduction: x.f.opening - x.f.closing }));
}

// ------------------------------------------------------------------ diffusion indices

/** Wages moving by less than this share of last month's are "unchanged" (0.5%). */
export const WAGE_TOLERANCE = 0.005;

/** Production status as an answer to "is production up, unchanged or down?". */
export function productionDirection(status: ProductionStatus): Direction {
  return status === 'expanded' ? 'up' : status === 'normal' ? 'same' : 'down';
}

export interface PanelDiffusion {
  hiring: DiffusionResult;
  headcount: DiffusionResult;
  wages: DiffusionResult;
  production: DiffusionResult;
}

/**
 * The key enterprises' diffusion indices for one month (../DOMAIN.md section 3), per question:
 * hiring (hires this month against last month's), headcount (closing against opening), wages
 * (average wage against last month's, within 0.5% counts as unchanged) and production (the status
 * the firm states: expanded up, normal unchanged, reduced or halted down). A firm without last
 * month's report is left out of the questions that need it.
 * @example panelDiffusion([{ enterpriseId: 1, ...report }], new Map()).headcount.index // 0, 50 or 100
 */
export function panelDiffusion(
  current: ReadonlyArray<ReportFigures & { enterpriseId: number }>,
  previous: ReadonlyMap<number, ReportFigures>,
): PanelDiffusion {
  const hiring: Array<Direction | null> = [];
  const headcount: Array<Direction | null> = [];
  const wages: Array<Direction | null> = [];
  const production: Array<Direction | null> = [];
  for (const r of current) {
    const prev = previous.get(r.enterpriseId);
    hiring.push(prev ? directionOf(r.hires, prev.hires) : null);
    headcount.push(directionOf(r.closing, r.opening));
    wages.push(prev && prev.avgWage != null && r.avgWage != null ? directionOf(r.avgWage, prev.avgWage, WAGE_TOLERANCE * prev.avgWage) : null);
    production.push(productionDirection(r.production));
  }
  return { hiring: diffusionIndex(hiring), headcount: diffusionIndex(headcount), wages: diffusionIndex(wages), production: diffusionIndex(production) };
}

const PRODUCTION_WORDS: Record<ProductionStatus, string[]> = {
  normal: ['正常', '正常生产', 'normal'],
  reduced: ['减产', '限产', '半停产', 'reduced'],
  halted: ['停产', '停工', '停业', 'halted'],
  expanded: ['扩产', '增产', 'expanded'],
};

/**
 * The production status a report writes as 正常, 减产, 停产 or 扩产 (or the code).
 * @example parseProductionStatus(' 减产 ') // 'reduced'
 * @example parseProductionStatus('良好') // null
 */
export function parseProductionStatus(text: string): ProductionStatus | null {
  const t = text.trim().toLowerCase();
  for (const [status, words] of Object.entries(PRODUCTION_WORDS) as Array<[ProductionStatus, string[]]>) {
    if (words.some((w) => w.toLowerCase() === t)) return status;
  }
  return null;
}
