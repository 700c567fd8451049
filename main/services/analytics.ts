/**
 * The employment climate index (saved, versioned definitions; results cached by definition
 * version and snapshot state) and the lead/lag analysis. All arithmetic is in shared/calc; this
 * reads the cache, prepares series and stores results.
 */
import type {
  ClimateComponent,
  ClimateIndexResult,
  IndexDefinition,
  LeadLagCandidate,
  LeadLagResult,
  SeriesRef,
} from '../../shared/api/analytics';
import type { ParsedInputOf } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { ExportedFile } from '../../shared/api/series';
import { compositeIndex } from '../../shared/calc/composite-index';
import { crossCorrelateSeries } from '../../shared/calc/xcorr';
import { indexCsv } from '../../shared/analytics/index-csv';
import { DEFAULT_DEFINITION_NAME } from '../../shared/analytics/default-definition';
import { prepareSeries } from '../../shared/analytics/prepare';
import { seriesKey } from '../../shared/domain/series-key';
import type { Indicator, LocalizedName, MemberSelection } from '../../shared/domain/types';
import { listDimensions } from '../db/catalog';
import { findDefinition, listDefinitions, listVersions, readCachedResult, saveDefinitionVersion, snapshotState, storeResult } from '../db/climate';
import { climateWorkbook } from '../export/climate-xlsx';
import { requireIndicator } from './series';
import type { HandlersFor, ServiceContext } from './types';

/** Bumped when the computation changes, so results cached by an older build are not reused. */
export const CLIMATE_COMPUTE_VERSION = 1;

/** Label of a series: the indicator's name, with its members' names when it is not the total. */
export function seriesLabel(ctx: ServiceContext, indicator: Indicator, members: MemberSelection): LocalizedName {
  const dims = Object.keys(members).sort();
  if (!dims.length) return indicator.name;
  const dimensions = listDimensions(ctx.db);
  const names = dims.map((d) => dimensions.find((x) => x.code === d)?.members.find((m) => m.code === members[d])?.name ?? { zh: members[d]!, en: members[d]! });
  return { zh: `${indicator.name.zh}(${names.map((n) => n.zh).join('·')})`, en: `${indicator.name.en} (${names.map((n) => n.en).join(', ')})` };
}

function componentKey(indicator: string, members: MemberSelection): string {
  const k = seriesKey(members);
  return k ? `${indicator}|${k}` : indicator;
}

export function requireDefinition(ctx: ServiceContext, ref: { name?: string | undefined; version?: number | undefined }): IndexDefinition {
  const name = ref.name ?? DEFAULT_DEFINITION_NAME;
  const def = findDefinition(ctx.db, name, ref.version);
  if (!def) throw new AppError('climate.definition_not_found', `No index definition ${name}${ref.version ? ` version ${ref.version}` : ''}`, { name, version: ref.version ?? '' });
  return def;
}

function validateComponents(ctx: ServiceContext, def: Pick<IndexDefinition, 'spec'>): void {
  const seen = new Set<string>();
  for (const c of def.spec.components) {
    const indicator = requireIndicator(ctx, c.indicator);
    for (const d of Object.keys(c.members)) {
      if (!indicator.dimensions.includes(d)) {
        throw new AppError('series.unknown_dimension', `${indicator.code} is not broken down by ${d}`, { code: indicator.code, dimension: d });
      }
    }
    const key = componentKey(c.indicator, c.members);
    if (seen.has(key)) throw new AppError('analytics.index_duplicate_component', `Component ${key} appears twice`, { id: key });
    seen.add(key);
  }
  if (def.spec.weighting === 'fixed') {
    const sum = def.spec.components.reduce((a, c) => a + (c.weight ?? Number.NaN), 0);
    if (!(Math.abs(sum - 1) <= 1e-6)) throw new AppError('analytics.index_weights_sum', `Fixed weights must sum to 1, they sum to ${sum}`, { id: '', sum: Number.isFinite(sum) ? String(Math.round(sum * 1e6) / 1e6) : '—' });
  }
}

/** Computes a definition on the current state of the cache (no caching here). */
export function computeClimate(ctx: ServiceContext, def: IndexDefinition): Omit<ClimateIndexResult, 'state'> {
  validateComponents(ctx, def);
  const spec = def.spec;
  const prepared = spec.components.map((c) => {
    const indicator = requireIndicator(ctx, c.indicator);
    const published = ctx.store.readSeries(c.indicator, c.members).map((p) => ({ period: p.period, value: p.value }));
    const key = componentKey(c.indicator, c.members);
    if (!published.some((p) => p.value != null)) {
      throw new AppError('climate.component_no_data', `Component ${key} has no data in the cache`, { id: key });
    }
    const prep = prepareSeries(indicator, published, { seasonalAdjustment: spec.seasonalAdjustment, ...(c.transform ? { transform: c.transform } : {}) });
    return { spec: c, indicator, key, prep };
  });
  const r = compositeIndex(
    prepared.map((p) => ({
      id: p.key,
      transform: p.prep.transform,
      invert: p.spec.direction === 'inverted',
      ...(p.spec.weight !== undefined ? { weight: p.spec.weight } : {}),
      points: p.prep.points,
    })),
    { weighting: spec.weighting, baseYear: spec.baseYear, window: spec.window, minCoverage: spec.minCoverage },
  );
  const components: ClimateComponent[] = r.components.map((c, k) => {
    const p = prepared[k]!;
    return {
      key: c.id,
      indicator: p.spec.indicator,
      members: p.spec.members,
      label: seriesLabel(ctx, p.indicator, p.spec.members),
      frequency: c.frequency,
      transform: c.transform,
      inverted: c.invert,
      weight: c.weight,
      sd: c.sd,
      preparation: { decumulated: p.prep.decumulated, seasonallyAdjusted: p.prep.seasonallyAdjusted, notes: p.prep.notes, from: p.prep.from },
      contributions: c.contributions,
      pointContributions: c.pointContributions,
    };
  });
  return {
    definition: { id: def.id, name: def.name, version: def.version, title: spec.title, spec },
    frequency: r.frequency,
    periods: r.periods,
    index: r.index,
    change: r.change,
    growth: r.growth,
    coverage: r.coverage,
    absent: r.absent,
    start: r.start,
    baseYear: r.baseYear,
    components,
  };
}

/**
 * The index on the current state: a cached result when this definition version was already
 * computed on the same snapshot state, else computed and cached. A new import or a deleted
 * snapshot changes the state, so the index is recomputed after each import.
 */
export function climateIndex(ctx: ServiceContext, ref: { name?: string | undefined; version?: number | undefined }): ClimateIndexResult {
  const def = requireDefinition(ctx, ref);
  const state = snapshotState(ctx.db);
  const key = `v${CLIMATE_COMPUTE_VERSION}|${state.maxSnapshot}|${state.deletedSnapshots.join(',')}`;
  const cached = readCachedResult(ctx.db, def.id, key);
  if (cached) {
    const body = JSON.parse(cached.result) as Omit<ClimateIndexResult, 'state'>;
    return { ...body, state: { ...state, key, computedAt: cached.computedAt, cached: true } };
  }
  const body = computeClimate(ctx, def);
  const computedAt = new Date().toISOString();
  storeResult(ctx.db, def.id, key, state, computedAt, JSON.stringify(body));
  return { ...body, state: { ...state, key, computedAt, cached: false } };
}

export async function exportClimate(ctx: ServiceContext, input: ParsedInputOf<'climate.export'>): Promise<ExportedFile> {
  const result = climateIndex(ctx, input);
  const base = `${result.definition.name}_v${result.definition.version}`;
  if (input.format === 'csv') {
    return { fileName: `${base}.csv`, mime: 'text/csv', content: indexCsv(result), encoding: 'utf8' };
  }
  const bytes = await climateWorkbook(result, input.locale);
  return { fileName: `${base}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: bytes.toString('base64'), encoding: 'base64' };
}

function analysisSeries(ctx: ServiceContext, ref: SeriesRef, adjust: boolean) {
  const indicator = requireIndicator(ctx, ref.indicator);
  for (const d of Object.keys(ref.members)) {
    if (!indicator.dimensions.includes(d)) throw new AppError('series.unknown_dimension', `${indicator.code} is not broken down by ${d}`, { code: indicator.code, dimension: d });
  }
  const published = ctx.store.readSeries(ref.indicator, ref.members).map((p) => ({ period: p.period, value: p.value }));
  const prep = prepareSeries(indicator, published, { seasonalAdjustment: adjust ? 'stl' : 'none' });
  // Levels change in percent, rates, growth rates and indices in points.
  const unit = prep.transform === 'level' ? ('percent' as const) : ('diff' as const);
  return { indicator, prep, unit, label: seriesLabel(ctx, indicator, ref.members) };
}

/** Cross-correlation of each candidate's changes with the target's, leads -maxLag..maxLag. */
export function analyzeLeadLag(ctx: ServiceContext, input: ParsedInputOf<'leadlag.analyze'>): LeadLagResult {
  const target = analysisSeries(ctx, input.target, input.adjust);
  const candidates: LeadLagCandidate[] = input.candidates.map((ref) => {
    const c = analysisSeries(ctx, ref, input.adjust);
    const base = {
      ref,
      indicator: c.indicator,
      label: c.label,
      points: c.prep.points,
      preparation: { seasonallyAdjusted: c.prep.seasonallyAdjusted, notes: c.prep.notes },
    };
    try {
      const x = crossCorrelateSeries(c.prep.points, target.prep.points, { xChange: c.unit, yChange: target.unit, maxLag: input.maxLag, ...(input.robust ? { clip: 3 } : {}) });
      return { ...base, leads: x.leads, r: x.r, n: x.n, band: x.band, best: x.best, from: x.from, to: x.to, error: null };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return { ...base, leads: [], r: [], n: 0, band: 0, best: null, from: '', to: '', error: { code: err.code, message: err.message, params: err.params } };
    }
  });
  return {
    target: {
      ref: input.target,
      indicator: target.indicator,
      label: target.label,
      points: target.prep.points,
      preparation: { seasonallyAdjusted: target.prep.seasonallyAdjusted, notes: target.prep.notes },
    },
    maxLag: input.maxLag,
    adjust: input.adjust,
    robust: input.robust,
    candidates,
  };
}

type AnalyticsMethods =
  | 'climate.definitions'
  | 'climate.definition'
  | 'climate.versions'
  | 'climate.saveDefinition'
  | 'climate.compute'
  | 'climate.export'
  | 'leadlag.analyze';

export function analyticsHandlers(ctx: ServiceContext): HandlersFor<AnalyticsMethods> {
  return {
    'climate.definitions': () => listDefinitions(ctx.db),
    'climate.definition': (ref) => requireDefinition(ctx, ref),
    'climate.versions': ({ name }) => {
      const versions = listVersions(ctx.db, name);
      if (!versions.length) throw new AppError('climate.definition_not_found', `No index definition ${name}`, { name, version: '' });
      return versions;
    },
    'climate.saveDefinition': ({ name, spec, note }) => {
      // A definition the current data cannot compute (base year outside the data, a component
      // without data or without variation) is refused before anything is stored.
      computeClimate(ctx, { id: 0, name, version: 0, spec, createdAt: '', createdBy: ctx.actor, note });
      return saveDefinitionVersion(ctx.db, name, spec, ctx.actor, note);
    },
    'climate.compute': (ref) => climateIndex(ctx, ref),
    'climate.export': (input) => exportClimate(ctx, input),
    'leadlag.analyze': (input) => analyzeLeadLag(ctx, input),
  };
}
