/**
 * The catalogue editor: add or change an indicator or a source unit. Changes that would make
 * stored values mean something else are refused (frequency or YTD definition of an indicator with
 * values, removing a dimension its values use). Every change is audited with before and after.
 */
import type { z } from 'zod';
import type { indicatorInputSchema, sourceUnitInputSchema } from '../../shared/api/catalog-edit';
import type { Indicator, SourceUnit } from '../../shared/domain/types';
import { writeAudit } from '../db/audit';
import { getIndicator, indicatorRow, listDimensions, listSourceUnits } from '../db/catalog';
import type { Db } from '../db/connection';
import { dataError } from '../import/errors';
import type { HandlersFor, ServiceContext } from './types';

export function saveIndicator(db: Db, actor: string, input: z.output<typeof indicatorInputSchema>, create: boolean, now = new Date()): Indicator {
  return db.transaction(() => {
    const before = getIndicator(db, input.code);
    if (create && before) throw dataError('catalog.duplicate_code', { code: input.code });
    if (!create && !before) throw dataError('catalog.not_found', { code: input.code });
    if (!db.prepare('SELECT 1 FROM source_unit WHERE code = ?').get(input.sourceUnit)) throw dataError('catalog.unknown_source_unit', { unit: input.sourceUnit });
    const dims = new Set(listDimensions(db).map((d) => d.code));
    for (const d of input.dimensions) if (!dims.has(d)) throw dataError('catalog.unknown_dimension', { dimension: d });
    const indicator: Indicator = { ...input, dimensions: [...new Set(input.dimensions)] };
    if (before) {
      const count = (db.prepare('SELECT count(*) AS n FROM observation o JOIN series s ON s.id = o.series_id WHERE s.indicator = ?').get(input.code) as { n: number }).n;
      if (count > 0 && (before.frequency !== indicator.frequency || before.ytd !== indicator.ytd || before.janFebCombined !== indicator.janFebCombined)) {
        throw dataError('catalog.frequency_in_use', { code: input.code, count });
      }
      for (const removed of before.dimensions.filter((d) => !indicator.dimensions.includes(d))) {
        const used = db.prepare("SELECT 1 FROM series WHERE indicator = ? AND (members LIKE ? OR members LIKE ?) LIMIT 1").get(input.code, `${removed}=%`, `%;${removed}=%`);
        if (used) throw dataError('catalog.dimension_in_use', { code: input.code, dimension: removed });
      }
      const sort = (db.prepare('SELECT sort FROM indicator WHERE code = ?').get(input.code) as { sort: number }).sort;
      const row = indicatorRow(indicator, sort);
      db.prepare(
        `UPDATE indicator SET name_zh = @name_zh, name_en = @name_en, unit_zh = @unit_zh, unit_en = @unit_en, frequency = @frequency,
         polarity = @polarity, kind = @kind, ytd = @ytd, jan_feb_combined = @jan_feb_combined, tier = @tier, source_unit = @source_unit,
         dimensions = @dimensions, decimals = @decimals, description_zh = @description_zh, description_en = @description_en WHERE code = @code`,
      ).run(row);
    } else {
      const sort = (db.prepare('SELECT coalesce(max(sort), -1) + 1 AS s FROM indicator').get() as { s: number }).s;
      const row = indicatorRow(indicator, sort);
      db.prepare(
        `INSERT INTO indicator (code, name_zh, name_en, unit_zh, unit_en, frequency, polarity, kind, ytd, jan_feb_combined, tier, source_unit,
         dimensions, decimals, description_zh, description_en, sort) VALUES (@code, @name_zh, @name_en, @unit_zh, @unit_en, @frequency, @polarity,
         @kind, @ytd, @jan_feb_combined, @tier, @source_unit, @dimensions, @decimals, @description_zh, @description_en, @sort)`,
      ).run(row);
    }
    const after = getIndicator(db, input.code)!;
    writeAudit(db, { actor, action: before ? 'catalog.indicator.update' : 'catalog.indicator.create', entity: 'indicator', entityId: input.code, details: { before, after } }, now);
    return after;
  }).immediate();
}

export function saveSourceUnit(db: Db, actor: string, input: z.output<typeof sourceUnitInputSchema>, create: boolean, now = new Date()): SourceUnit {
  return db.transaction(() => {
    const before = listSourceUnits(db).find((u) => u.code === input.code) ?? null;
    if (create && before) throw dataError('catalog.unit_code_taken', { code: input.code });
    if (!create && !before) throw dataError('catalog.unknown_source_unit', { unit: input.code });
    if (before) db.prepare('UPDATE source_unit SET name_zh = ?, name_en = ?, contact = ? WHERE code = ?').run(input.name.zh, input.name.en, input.contact, input.code);
    else db.prepare('INSERT INTO source_unit (code, name_zh, name_en, contact) VALUES (?, ?, ?, ?)').run(input.code, input.name.zh, input.name.en, input.contact);
    const after = listSourceUnits(db).find((u) => u.code === input.code)!;
    writeAudit(db, { actor, action: before ? 'catalog.unit.update' : 'catalog.unit.create', entity: 'source_unit', entityId: input.code, details: { before, after } }, now);
    return after;
  }).immediate();
}

export function catalogEditHandlers(ctx: ServiceContext): HandlersFor<'catalog.saveIndicator' | 'catalog.saveSourceUnit'> {
  return {
    'catalog.saveIndicator': ({ indicator, create }) => saveIndicator(ctx.db, ctx.actor, indicator, create),
    'catalog.saveSourceUnit': ({ unit, create }) => saveSourceUnit(ctx.db, ctx.actor, unit, create),
  };
}
