/** Warning rules in the cache: read, insert, update. Definitions are validated on the way in and out. */
import type { Database } from 'better-sqlite3';
import { DEFAULT_RULES } from '../../shared/warnings/defaults';
import { ruleDefinitionSchema, type RuleDefinition, type WarningRule } from '../../shared/warnings/rules';

interface RuleRow {
  id: number;
  code: string;
  kind: string;
  name_zh: string;
  name_en: string;
  scope: string;
  params: string;
  enabled: number;
  builtin: number;
  version: number;
  sort: number;
  updated_at: string;
  updated_by: string;
}

function fromRow(r: RuleRow): WarningRule {
  const definition = ruleDefinitionSchema.parse({ kind: r.kind, name: { zh: r.name_zh, en: r.name_en }, scope: JSON.parse(r.scope), params: JSON.parse(r.params) });
  return { ...definition, id: r.id, code: r.code, enabled: r.enabled === 1, builtin: r.builtin === 1, version: r.version, updatedAt: r.updated_at, updatedBy: r.updated_by };
}

export function listRules(db: Database, options: { enabledOnly?: boolean } = {}): WarningRule[] {
  const rows = db.prepare(`SELECT * FROM warning_rule ${options.enabledOnly ? 'WHERE enabled = 1' : ''} ORDER BY sort, id`).all() as RuleRow[];
  return rows.map(fromRow);
}

export function getRule(db: Database, id: number): WarningRule | null {
  const row = db.prepare('SELECT * FROM warning_rule WHERE id = ?').get(id) as RuleRow | undefined;
  return row ? fromRow(row) : null;
}

export function insertRule(db: Database, code: string, definition: RuleDefinition, options: { builtin: boolean; actor: string; enabled?: boolean; at?: Date }): number {
  const sort = (db.prepare('SELECT coalesce(max(sort), 0) + 1 AS s FROM warning_rule').get() as { s: number }).s;
  return Number(
    db
      .prepare(`INSERT INTO warning_rule (code, kind, name_zh, name_en, scope, params, enabled, builtin, version, sort, updated_at, updated_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`)
      .run(code, definition.kind, definition.name.zh, definition.name.en, JSON.stringify(definition.scope), JSON.stringify(definition.params), options.enabled === false ? 0 : 1, options.builtin ? 1 : 0, sort, (options.at ?? new Date()).toISOString(), options.actor).lastInsertRowid,
  );
}

/** Replaces a rule's definition and bumps its version. */
export function updateRule(db: Database, id: number, definition: RuleDefinition, actor: string, at = new Date()): void {
  db.prepare(`UPDATE warning_rule SET kind = ?, name_zh = ?, name_en = ?, scope = ?, params = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?`).run(
    definition.kind,
    definition.name.zh,
    definition.name.en,
    JSON.stringify(definition.scope),
    JSON.stringify(definition.params),
    at.toISOString(),
    actor,
    id,
  );
}

export function setRuleEnabled(db: Database, id: number, enabled: boolean, actor: string, at = new Date()): void {
  db.prepare('UPDATE warning_rule SET enabled = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?').run(enabled ? 1 : 0, at.toISOString(), actor, id);
}

/** Inserts the shipped rules that are not there yet (by code). */
export function insertDefaultRules(db: Database, actor: string): number {
  let n = 0;
  const exists = db.prepare('SELECT 1 FROM warning_rule WHERE code = ?');
  for (const rule of DEFAULT_RULES) {
    if (exists.get(rule.code)) continue;
    insertRule(db, rule.code, ruleDefinitionSchema.parse(rule.definition), { builtin: true, actor });
    n++;
  }
  return n;
}
