/** Catalogue queries: indicators, dimensions and members, source units. */
import type { Database } from 'better-sqlite3';
import { DIMENSIONS, INDICATORS, SOURCE_UNITS } from '../../shared/domain/catalog';
import type { Dimension, Indicator, SourceUnit } from '../../shared/domain/types';
import type { Catalog } from '../../shared/api/catalog';

/** Inserts the seed catalogue; rows that exist are left as they are (they may have been edited). */
export function seedCatalog(db: Database): void {
  const unit = db.prepare('INSERT OR IGNORE INTO source_unit (code, name_zh, name_en, contact) VALUES (?, ?, ?, ?)');
  for (const u of SOURCE_UNITS) unit.run(u.code, u.name.zh, u.name.en, u.contact);
  const dim = db.prepare('INSERT OR IGNORE INTO dimension (code, name_zh, name_en, sort) VALUES (?, ?, ?, ?)');
  const mem = db.prepare('INSERT OR IGNORE INTO member (dimension, code, name_zh, name_en, sort) VALUES (?, ?, ?, ?, ?)');
  DIMENSIONS.forEach((d, i) => {
    dim.run(d.code, d.name.zh, d.name.en, i);
    d.members.forEach((m, j) => mem.run(d.code, m.code, m.name.zh, m.name.en, j));
  });
  const ind = db.prepare(`INSERT OR IGNORE INTO indicator
    (code, name_zh, name_en, unit_zh, unit_en, frequency, polarity, kind, ytd, jan_feb_combined, tier, source_unit,
     dimensions, decimals, description_zh, description_en, sort)
    VALUES (@code, @name_zh, @name_en, @unit_zh, @unit_en, @frequency, @polarity, @kind, @ytd, @jan_feb_combined, @tier,
     @source_unit, @dimensions, @decimals, @description_zh, @description_en, @sort)`);
  INDICATORS.forEach((i, sort) => ind.run(indicatorRow(i, sort)));
}

export interface IndicatorRow {
  code: string;
  name_zh: string;
  name_en: string;
  unit_zh: string;
  unit_en: string;
  frequency: string;
  polarity: string;
  kind: string;
  ytd: number;
  jan_feb_combined: number;
  tier: string;
  source_unit: string;
  dimensions: string;
  decimals: number;
  description_zh: string;
  description_en: string;
  sort: number;
}

export function indicatorRow(i: Indicator, sort: number): IndicatorRow {
  return {
    code: i.code,
    name_zh: i.name.zh,
    name_en: i.name.en,
    unit_zh: i.unit.zh,
    unit_en: i.unit.en,
    frequency: i.frequency,
    polarity: i.polarity,
    kind: i.kind,
    ytd: i.ytd ? 1 : 0,
    jan_feb_combined: i.janFebCombined ? 1 : 0,
    tier: i.tier,
    source_unit: i.sourceUnit,
    dimensions: JSON.stringify(i.dimensions),
    decimals: i.decimals,
    description_zh: i.description.zh,
    description_en: i.description.en,
    sort,
  };
}

export function indicatorFromRow(r: IndicatorRow): Indicator {
  return {
    code: r.code,
    name: { zh: r.name_zh, en: r.name_en },
    unit: { zh: r.unit_zh, en: r.unit_en },
    frequency: r.frequency as Indicator['frequency'],
    polarity: r.polarity as Indicator['polarity'],
    kind: r.kind as Indicator['kind'],
    ytd: r.ytd === 1,
    janFebCombined: r.jan_feb_combined === 1,
    tier: r.tier as Indicator['tier'],
    sourceUnit: r.source_unit,
    dimensions: JSON.parse(r.dimensions) as string[],
    decimals: r.decimals,
    description: { zh: r.description_zh, en: r.description_en },
  };
}

export function listIndicators(db: Database): Indicator[] {
  return (db.prepare('SELECT * FROM indicator ORDER BY sort, code').all() as IndicatorRow[]).map(indicatorFromRow);
}

export function getIndicator(db: Database, code: string): Indicator | null {
  const row = db.prepare('SELECT * FROM indicator WHERE code = ?').get(code) as IndicatorRow | undefined;
  return row ? indicatorFromRow(row) : null;
}

export function listDimensions(db: Database): Dimension[] {
  const dims = db.prepare('SELECT code, name_zh, name_en FROM dimension ORDER BY sort, code').all() as Array<{ code: string; name_zh: string; name_en: string }>;
  const members = db.prepare('SELECT dimension, code, name_zh, name_en FROM member ORDER BY dimension, sort, code').all() as Array<{ dimension: string; code: string; name_zh: string; name_en: string }>;
  return dims.map((d) => ({
    code: d.code,
    name: { zh: d.name_zh, en: d.name_en },
    members: members.filter((m) => m.dimension === d.code).map((m) => ({ dimension: m.dimension, code: m.code, name: { zh: m.name_zh, en: m.name_en } })),
  }));
}

export function listSourceUnits(db: Database): SourceUnit[] {
  return (db.prepare('SELECT code, name_zh, name_en, contact FROM source_unit ORDER BY code').all() as Array<{ code: string; name_zh: string; name_en: string; contact: string | null }>).map((u) => ({
    code: u.code,
    name: { zh: u.name_zh, en: u.name_en },
    contact: u.contact,
  }));
}

export function readCatalog(db: Database): Catalog {
  return { indicators: listIndicators(db), dimensions: listDimensions(db), sourceUnits: listSourceUnits(db) };
}
