/** The audit log: who did what, when. Written inside the transaction of the change it records. */
import type { Database } from 'better-sqlite3';

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId?: string | number | null;
  details?: unknown;
}

export function writeAudit(db: Database, entry: AuditEntry, at: Date = new Date()): void {
  db.prepare('INSERT INTO audit_log (at, actor, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?)').run(
    at.toISOString(),
    entry.actor,
    entry.action,
    entry.entity,
    entry.entityId == null ? null : String(entry.entityId),
    JSON.stringify(entry.details ?? {}),
  );
}
