/** Signal cases in the cache: store (skipping rows already held), link to firms, read by period. */
import type { Database, Statement } from 'better-sqlite3';
import { linkSignal, signalFingerprint, type FirmMatcher, type SignalCase, type SignalCaseInput } from '../../shared/domain/signals';

interface RawCase {
  id: number;
  snapshot_id: number;
  case_date: string;
  period: string;
  channel: SignalCase['channel'];
  district: string | null;
  firm_name: string | null;
  credit_code: string | null;
  enterprise_id: number | null;
  category: SignalCase['category'];
  count: number;
  summary: string;
}

export function signalFromRow(r: RawCase): SignalCase {
  return {
    id: r.id,
    snapshotId: r.snapshot_id,
    date: r.case_date,
    period: r.period,
    channel: r.channel,
    district: r.district,
    firmName: r.firm_name,
    creditCode: r.credit_code,
    enterpriseId: r.enterprise_id,
    category: r.category,
    count: r.count,
    summary: r.summary,
  };
}

/** Matches firms by credit code or exact name against the registry, with the lookups cached. */
export function registryMatcher(db: Database): FirmMatcher {
  const codes = new Map<string, number>();
  const names = new Map<string, number>();
  for (const r of db.prepare('SELECT id, credit_code, name FROM enterprise').all() as Array<{ id: number; credit_code: string; name: string }>) {
    codes.set(r.credit_code, r.id);
    names.set(r.name, r.id);
  }
  return { byCode: (c) => codes.get(c) ?? null, byName: (n) => names.get(n) ?? null };
}

const LIVE = 'snapshot_id NOT IN (SELECT id FROM snapshot WHERE deleted_at IS NOT NULL)';

export class SignalStore {
  private readonly insert: Statement;
  private readonly seen: Statement;
  private matcher: FirmMatcher | null = null;

  constructor(private readonly db: Database) {
    this.insert = db.prepare(`INSERT INTO signal_case
      (snapshot_id, case_date, period, channel, district, firm_name, credit_code, enterprise_id, category, count, summary, fingerprint, sheet, row)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.seen = db.prepare(`SELECT 1 FROM signal_case WHERE fingerprint = ? AND ${LIVE} LIMIT 1`);
  }

  /** True when an identical case row is already held (in a snapshot not deleted). */
  isHeld(c: SignalCaseInput): boolean {
    return this.seen.get(signalFingerprint(c)) !== undefined;
  }

  /** Stores one case in a snapshot, linked to a firm where possible; null when an identical row is already held. */
  add(snapshotId: number, c: SignalCaseInput, source: { sheet?: string | null; row?: number | null } = {}): number | null {
    const fingerprint = signalFingerprint(c);
    if (this.seen.get(fingerprint) !== undefined) return null;
    this.matcher ??= registryMatcher(this.db);
    const enterpriseId = linkSignal(c, this.matcher);
    return Number(
      this.insert.run(snapshotId, c.date, c.date.slice(0, 7), c.channel, c.district, c.firmName, c.creditCode, enterpriseId, c.category, c.count, c.summary, fingerprint, source.sheet ?? null, source.row ?? null).lastInsertRowid,
    );
  }

  forPeriod(period: string): SignalCase[] {
    return (this.db.prepare(`SELECT * FROM signal_case WHERE period = ? AND ${LIVE} ORDER BY case_date, id`).all(period) as RawCase[]).map(signalFromRow);
  }

  forRange(from: string, to: string): SignalCase[] {
    return (this.db.prepare(`SELECT * FROM signal_case WHERE period BETWEEN ? AND ? AND ${LIVE} ORDER BY case_date, id`).all(from, to) as RawCase[]).map(signalFromRow);
  }

  forFirm(enterpriseId: number): SignalCase[] {
    return (this.db.prepare(`SELECT * FROM signal_case WHERE enterprise_id = ? AND ${LIVE} ORDER BY case_date DESC, id DESC`).all(enterpriseId) as RawCase[]).map(signalFromRow);
  }

  byIds(ids: readonly number[]): SignalCase[] {
    if (!ids.length) return [];
    return (this.db.prepare(`SELECT * FROM signal_case WHERE id IN (${ids.map(() => '?').join(',')}) ORDER BY case_date, id`).all(...ids) as RawCase[]).map(signalFromRow);
  }

  periods(): string[] {
    return (this.db.prepare(`SELECT DISTINCT period FROM signal_case WHERE ${LIVE} ORDER BY period`).all() as Array<{ period: string }>).map((r) => r.period);
  }
}
