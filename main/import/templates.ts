/**
 * Saved mapping templates: a mapping with the source unit and the file-name pattern it is for
 * ("*城镇新增就业*.xlsx"), so next month's file of the same unit maps without questions. Saving and
 * deleting are audited.
 */
import type { Db } from '../db/connection';
import { writeAudit } from '../db/audit';
import type { MappingTemplate } from '../../shared/api/imports';
import type { Mapping } from '../../shared/import/mapping';
import { dataError } from './errors';

interface TemplateRow {
  id: number;
  name: string;
  target: string;
  source_unit: string | null;
  file_pattern: string;
  mapping: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  last_used_at: string | null;
}

function fromRow(r: TemplateRow): MappingTemplate {
  return {
    id: r.id,
    name: r.name,
    target: r.target,
    unit: r.source_unit,
    filePattern: r.file_pattern,
    mapping: JSON.parse(r.mapping) as Mapping,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    lastUsedAt: r.last_used_at,
  };
}

/**
 * A file-name glob (`*` any run, `?` one character, case-insensitive) as a RegExp.
 * @example globToRegExp('*就业*.xlsx').test('2024年6月城镇新增就业.XLSX') // true
 */
export function globToRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

export function listTemplates(db: Db, unit?: string): MappingTemplate[] {
  const rows = (unit
    ? db.prepare('SELECT * FROM mapping_template WHERE source_unit = ? OR source_unit IS NULL ORDER BY name').all(unit)
    : db.prepare('SELECT * FROM mapping_template ORDER BY name').all()) as TemplateRow[];
  return rows.map(fromRow);
}

export function getTemplate(db: Db, name: string): MappingTemplate | null {
  const row = db.prepare('SELECT * FROM mapping_template WHERE name = ?').get(name) as TemplateRow | undefined;
  return row ? fromRow(row) : null;
}

/**
 * The template for a file: of the given unit (or any unit when none is given), whose pattern
 * matches the file name, most specific pattern first, then the most recently used.
 */
export function findTemplateFor(db: Db, fileName: string, target: string, unit?: string): MappingTemplate | null {
  const candidates = listTemplates(db, unit).filter((t) => t.target === target && globToRegExp(t.filePattern).test(fileName));
  candidates.sort((a, b) => b.filePattern.replace(/[*?]/g, '').length - a.filePattern.replace(/[*?]/g, '').length || (b.lastUsedAt ?? '').localeCompare(a.lastUsedAt ?? ''));
  return candidates[0] ?? null;
}

export function saveTemplate(
  db: Db,
  actor: string,
  input: { name: string; unit: string | null; filePattern: string; mapping: Mapping; replace: boolean },
  now = new Date(),
): MappingTemplate {
  if (input.unit && !db.prepare('SELECT 1 FROM source_unit WHERE code = ?').get(input.unit)) throw dataError('import.unknown_unit', { unit: input.unit });
  try {
    globToRegExp(input.filePattern);
  } catch {
    throw dataError('import.bad_pattern', { pattern: input.filePattern });
  }
  const at = now.toISOString();
  return db.transaction(() => {
    const existing = getTemplate(db, input.name);
    if (existing && !input.replace) throw dataError('import.template_name_taken', { name: input.name });
    if (existing) {
      db.prepare('UPDATE mapping_template SET target = ?, source_unit = ?, file_pattern = ?, mapping = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(
        input.mapping.target,
        input.unit,
        input.filePattern,
        JSON.stringify(input.mapping),
        at,
        actor,
        existing.id,
      );
    } else {
      db.prepare(
        'INSERT INTO mapping_template (name, target, source_unit, file_pattern, mapping, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(input.name, input.mapping.target, input.unit, input.filePattern, JSON.stringify(input.mapping), at, actor, at, actor);
    }
    const saved = getTemplate(db, input.name)!;
    writeAudit(db, {
      actor,
      action: existing ? 'mapping.update' : 'mapping.create',
      entity: 'mapping_template',
      entityId: saved.id,
      details: { name: saved.name, unit: saved.unit, filePattern: saved.filePattern, before: existing ? { unit: existing.unit, filePattern: existing.filePattern, mapping: existing.mapping } : null, mapping: saved.mapping },
    }, now);
    return saved;
  })();
}

export function deleteTemplate(db: Db, actor: string, name: string): void {
  db.transaction(() => {
    const existing = getTemplate(db, name);
    if (!existing) throw dataError('import.unknown_template', { name });
    db.prepare('DELETE FROM mapping_template WHERE id = ?').run(existing.id);
    writeAudit(db, { actor, action: 'mapping.delete', entity: 'mapping_template', entityId: existing.id, details: { name, unit: existing.unit, filePattern: existing.filePattern, mapping: existing.mapping } });
  })();
}

export function touchTemplate(db: Db, name: string, now = new Date()): void {
  db.prepare('UPDATE mapping_template SET last_used_at = ? WHERE name = ?').run(now.toISOString(), name);
}
