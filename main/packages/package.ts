/**
 * Snapshot packages (.wspkg): a zip holding
 *   manifest.json              what is inside: snapshots, source units, catalogue entries used,
 *                              creator and time, and the SHA-256 of every other entry
 *   snapshots/<uid>.ndjson     the values each snapshot stored, one JSON array per line
 *   sections/<name>.json       extension sections (see {@link registerPackageSection})
 *   signature.json             Ed25519 signature of manifest.json's bytes, with the public key
 * Importing verifies every hash and the signature against the trusted keys; a tampered package is
 * always refused, an unsigned or untrusted one only imported when explicitly accepted. The import is
 * one transaction; a package already imported, and any snapshot already present (by its uid), is
 * a no-op. Imported snapshots become local snapshots (kind "package") that keep their original
 * import time and author as their origin.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { hostname } from 'node:os';
import { z } from 'zod';
import { AppError } from '../../shared/api/errors';
import { indicatorInputSchema, sourceUnitInputSchema } from '../../shared/api/catalog-edit';
import type { SnapshotInfo } from '../../shared/api/imports';
import type { PackageImportResult, PackageInspection, SignatureStatus } from '../../shared/api/packages';
import { parseSeriesKey } from '../../shared/domain/series-key';
import type { Indicator } from '../../shared/domain/types';
import { parsePeriod } from '../../shared/period';
import { writeAudit } from '../db/audit';
import { getIndicator, indicatorRow, listDimensions, listIndicators, listSourceUnits } from '../db/catalog';
import type { Db } from '../db/connection';
import { ObservationStore } from '../db/observations';
import { getSnapshot, listSnapshots } from '../db/snapshots';
import { dataError } from '../import/errors';
import { IMPORT_LIMITS } from '../import/limits';
import { readZipEntries } from '../import/zip-guard';
import { listKeys, signWithOwnKey, verifySignature, keyIdOf } from './keys';
import { writeZip } from './zip-writer';

export const PACKAGE_EXTENSION = '.wspkg';

/**
 * An extension section carried in packages next to the snapshots, e.g. annotations (issue 5):
 * exported for the chosen snapshots, hashed and signed with the rest, imported inside the
 * package's transaction.
 */
export interface PackageSection {
  /** Stable name; the entry is sections/<name>.json. */
  name: string;
  /** This section's data for the exported snapshots, or null when there is none. */
  export(db: Db, snapshots: SnapshotInfo[]): Buffer | null;
  /** Stores the section's data; `snapshotIds` maps snapshot uids to local ids. Returns a summary. */
  import(db: Db, data: Buffer, ctx: { actor: string; now: Date; snapshotIds: Map<string, number> }): unknown;
}

const SECTIONS = new Map<string, PackageSection>();

export function registerPackageSection(section: PackageSection): void {
  SECTIONS.set(section.name, section);
}

export function unregisterPackageSection(name: string): void {
  SECTIONS.delete(name);
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

const manifestSchema = z
  .object({
    format: z.literal('wspkg'),
    version: z.number().int(),
    createdAt: z.string().max(40),
    createdBy: z.string().max(100),
    creatorHost: z.string().max(200),
    appVersion: z.string().max(40),
    entries: z.record(z.string().max(300), hex64),
    units: z.array(sourceUnitInputSchema),
    indicators: z.array(indicatorInputSchema),
    members: z.array(z.object({ dimension: z.string().max(32), code: z.string().max(64), name: z.object({ zh: z.string().max(100), en: z.string().max(200) }) }).strict()),
    snapshots: z.array(
      z
        .object({
          uid: z.string().regex(/^[0-9a-f]{32}$/),
          unit: z.string().max(32),
          kind: z.enum(['demo', 'file', 'package', 'manual']),
          target: z.string().max(32),
          fileName: z.string().max(500).nullable(),
          sha256: hex64.nullable(),
          sheets: z.array(z.string().max(100)),
          importedAt: z.string().max(40),
          importedBy: z.string().max(100),
          note: z.string().max(2000),
          periodFrom: z.string().max(16).nullable(),
          periodTo: z.string().max(16).nullable(),
          entry: z.string().max(300),
          rows: z.number().int().min(0),
        })
        .strict(),
    ),
    sections: z.array(z.string().max(64)),
  })
  .strict();

export type Manifest = z.infer<typeof manifestSchema>;

const signatureSchema = z.object({ algorithm: z.literal('Ed25519'), keyId: z.string().max(64), publicKey: z.string().max(200), signature: z.string().max(200) }).strict();

type ObservationLine = [string, string, string, number | null, string | null, number | null, string | null];

export interface ExportOptions {
  snapshotIds?: number[];
  unit?: string;
  sign: boolean;
  actor: string;
  dataDir: string;
  appVersion: string;
  now?: Date;
}

/** Builds a package of snapshots: the given ids, or every snapshot of a unit, or every snapshot. */
export function exportPackage(db: Db, o: ExportOptions): { fileName: string; bytes: Buffer; manifest: Manifest } {
  const now = o.now ?? new Date();
  let snapshots: SnapshotInfo[];
  if (o.snapshotIds?.length) {
    snapshots = o.snapshotIds.map((id) => getSnapshot(db, id));
    const deleted = snapshots.find((s) => s.deleted);
    if (deleted) throw dataError('package.deleted_snapshot', { id: deleted.id });
  } else {
    snapshots = listSnapshots(db, { unit: o.unit, limit: 1_000_000 }).items.reverse();
  }
  snapshots = snapshots.filter((s) => s.target === 'observations');
  if (!snapshots.length) throw dataError('package.empty_selection');

  const rowsOf = db.prepare(
    'SELECT s.indicator, s.members, o.period, o.value, o.sheet, o.row, o.col FROM observation o JOIN series s ON s.id = o.series_id WHERE o.snapshot_id = ? ORDER BY s.indicator, s.members, o.period',
  );
  const entries: Array<{ name: string; data: Buffer }> = [];
  const usedIndicators = new Set<string>();
  const usedMembers = new Set<string>();
  const listed: Manifest['snapshots'] = [];
  for (const s of snapshots) {
    const rows = rowsOf.all(s.id) as Array<{ indicator: string; members: string; period: string; value: number | null; sheet: string | null; row: number | null; col: string | null }>;
    const lines = rows.map((r) => {
      usedIndicators.add(r.indicator);
      for (const [d, c] of Object.entries(parseSeriesKey(r.members))) usedMembers.add(`${d}=${c}`);
      const line: ObservationLine = [r.indicator, r.members, r.period, r.value, r.sheet, r.row, r.col];
      return JSON.stringify(line);
    });
    const entry = `snapshots/${s.uid}.ndjson`;
    entries.push({ name: entry, data: Buffer.from(lines.length ? `${lines.join('\n')}\n` : '', 'utf8') });
    listed.push({
      uid: s.uid,
      unit: s.unit,
      kind: s.kind,
      target: s.target,
      fileName: s.fileName,
      sha256: s.sha256,
      sheets: s.sheets,
      importedAt: s.origin?.importedAt ?? s.importedAt,
      importedBy: s.origin?.importedBy ?? s.importedBy,
      note: s.note,
      periodFrom: s.periodFrom,
      periodTo: s.periodTo,
      entry,
      rows: rows.length,
    });
  }
  const sections: string[] = [];
  for (const section of SECTIONS.values()) {
    const data = section.export(db, snapshots);
    if (data) {
      entries.push({ name: `sections/${section.name}.json`, data });
      sections.push(section.name);
    }
  }
  const units = new Set(snapshots.map((s) => s.unit));
  const indicators = listIndicators(db).filter((i) => usedIndicators.has(i.code));
  for (const i of indicators) units.add(i.sourceUnit);
  const members = listDimensions(db).flatMap((d) => d.members.filter((m) => usedMembers.has(`${d.code}=${m.code}`)).map((m) => ({ dimension: d.code, code: m.code, name: m.name })));
  const manifest: Manifest = {
    format: 'wspkg',
    version: 1,
    createdAt: now.toISOString(),
    createdBy: o.actor,
    creatorHost: hostname(),
    appVersion: o.appVersion,
    entries: Object.fromEntries(entries.map((e) => [e.name, sha256(e.data)])),
    units: listSourceUnits(db).filter((u) => units.has(u.code)),
    indicators,
    members,
    snapshots: listed,
    sections,
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 1), 'utf8');
  const all = [{ name: 'manifest.json', data: manifestBytes }, ...entries];
  if (o.sign) {
    const sig = signWithOwnKey(db, o.dataDir, manifestBytes);
    all.push({ name: 'signature.json', data: Buffer.from(JSON.stringify({ algorithm: 'Ed25519', ...sig }), 'utf8') });
  }
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return { fileName: `snapshots_${stamp}${PACKAGE_EXTENSION}`, bytes: writeZip(all, now), manifest };
}

interface OpenedPackage {
  sha256: string;
  manifest: Manifest;
  entries: Map<string, Buffer>;
  signature: SignatureStatus;
  keyId: string | null;
  keyName: string | null;
}

/** Reads and verifies a package: every hash, and the signature against the trusted keys. */
export async function openPackage(db: Db, path: string, fileName: string): Promise<OpenedPackage> {
  let entries: Map<string, Buffer>;
  try {
    entries = await readZipEntries(path, fileName, { ...IMPORT_LIMITS, maxZipEntries: 200_000 });
  } catch (err) {
    if (err instanceof AppError && err.code === 'import.zip_corrupt') throw dataError('package.tampered', { entry: String(err.params.entry ?? '') });
    if (err instanceof AppError && err.code === 'import.zip_bomb') throw dataError('package.too_large', { limit: IMPORT_LIMITS.maxTotalInflatedBytes });
    if (err instanceof AppError && err.code.startsWith('import.')) throw dataError('package.not_a_package', { file: fileName });
    throw err;
  }
  const manifestBytes = entries.get('manifest.json');
  if (!manifestBytes) throw dataError('package.not_a_package', { file: fileName });
  let manifest: Manifest;
  try {
    const raw = JSON.parse(manifestBytes.toString('utf8')) as { format?: unknown; version?: unknown };
    if (raw.format === 'wspkg' && raw.version !== 1) throw dataError('package.version', { version: String(raw.version) });
    manifest = manifestSchema.parse(raw);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw dataError('package.not_a_package', { file: fileName });
  }
  // Every entry is listed with its hash, and nothing else is there.
  for (const [name, hash] of Object.entries(manifest.entries)) {
    const data = entries.get(name);
    if (!data || sha256(data) !== hash) throw dataError('package.tampered', { entry: name });
  }
  for (const name of entries.keys()) {
    if (name !== 'manifest.json' && name !== 'signature.json' && !(name in manifest.entries)) throw dataError('package.tampered', { entry: name });
  }
  for (const s of manifest.snapshots) if (!(s.entry in manifest.entries)) throw dataError('package.tampered', { entry: s.entry });

  let signature: SignatureStatus = 'unsigned';
  let keyId: string | null = null;
  let keyName: string | null = null;
  const sigBytes = entries.get('signature.json');
  if (sigBytes) {
    let sig: z.infer<typeof signatureSchema>;
    try {
      sig = signatureSchema.parse(JSON.parse(sigBytes.toString('utf8')));
    } catch {
      throw dataError('package.bad_signature');
    }
    const raw = Buffer.from(sig.publicKey, 'base64');
    if (raw.length !== 32 || keyIdOf(raw) !== sig.keyId || !verifySignature(raw, manifestBytes, Buffer.from(sig.signature, 'base64'))) throw dataError('package.bad_signature');
    keyId = sig.keyId;
    const trusted = listKeys(db).keys.find((k) => k.keyId === keyId && k.publicKey === raw.toString('base64'));
    signature = trusted ? 'verified' : 'untrusted';
    keyName = trusted?.name ?? null;
  }
  const whole = createHash('sha256');
  // The package's identity: the hash of the file itself.
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) whole.update(chunk);
  return { sha256: whole.digest('hex'), manifest, entries, signature, keyId, keyName };
}

function knownUids(db: Db): Set<string> {
  return new Set((db.prepare('SELECT uid FROM snapshot WHERE uid IS NOT NULL').all() as Array<{ uid: string }>).map((r) => r.uid));
}

export async function inspectPackage(db: Db, path: string, fileName: string): Promise<PackageInspection> {
  const p = await openPackage(db, path, fileName);
  const known = knownUids(db);
  const previous = db.prepare('SELECT id, imported_at FROM package_import WHERE sha256 = ?').get(p.sha256) as { id: number; imported_at: string } | undefined;
  return {
    fileName,
    sha256: p.sha256,
    createdAt: p.manifest.createdAt,
    createdBy: p.manifest.createdBy,
    creatorHost: p.manifest.creatorHost,
    signature: p.signature,
    keyId: p.keyId,
    keyName: p.keyName,
    alreadyImported: previous ? { packageId: previous.id, importedAt: previous.imported_at } : null,
    snapshots: p.manifest.snapshots.map((s) => ({ uid: s.uid, unit: s.unit, fileName: s.fileName, importedAt: s.importedAt, importedBy: s.importedBy, rows: s.rows, periodFrom: s.periodFrom, periodTo: s.periodTo, known: known.has(s.uid) })),
    sections: p.manifest.sections,
  };
}

function parseLines(data: Buffer, entry: string): ObservationLine[] {
  const out: ObservationLine[] = [];
  for (const line of data.toString('utf8').split('\n')) {
    if (!line) continue;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      throw dataError('package.tampered', { entry });
    }
    const ok =
      Array.isArray(v) &&
      v.length === 7 &&
      typeof v[0] === 'string' &&
      typeof v[1] === 'string' &&
      typeof v[2] === 'string' &&
      (v[3] === null || (typeof v[3] === 'number' && Number.isFinite(v[3]))) &&
      (v[4] === null || typeof v[4] === 'string') &&
      (v[5] === null || Number.isInteger(v[5])) &&
      (v[6] === null || typeof v[6] === 'string');
    if (!ok) throw dataError('package.tampered', { entry });
    out.push(v as ObservationLine);
  }
  return out;
}

/** Imports a package in one transaction. */
export async function importPackage(
  db: Db,
  path: string,
  fileName: string,
  o: { actor: string; allowUnsigned: boolean; now?: Date },
): Promise<PackageImportResult> {
  const p = await openPackage(db, path, fileName);
  if (p.signature === 'unsigned' && !o.allowUnsigned) throw dataError('package.unsigned');
  if (p.signature === 'untrusted' && !o.allowUnsigned) throw dataError('package.untrusted_key', { keyId: p.keyId ?? '', name: `${p.manifest.createdBy}@${p.manifest.creatorHost}` });
  const now = o.now ?? new Date();
  const m = p.manifest;
  return db.transaction((): PackageImportResult => {
    const previous = db.prepare('SELECT id FROM package_import WHERE sha256 = ?').get(p.sha256) as { id: number } | undefined;
    if (previous) {
      return { packageId: previous.id, noop: true, signature: p.signature, keyId: p.keyId, snapshotsNew: 0, snapshotsKnown: m.snapshots.length, values: { added: 0, revised: 0, unchanged: 0 }, catalogAdded: { indicators: [], units: [], members: [] }, sections: {} };
    }
    // Catalogue entries the package relies on and this cache lacks.
    const catalogAdded = { indicators: [] as string[], units: [] as string[], members: [] as string[] };
    const haveUnits = new Set(listSourceUnits(db).map((u) => u.code));
    for (const u of m.units) {
      if (haveUnits.has(u.code)) continue;
      db.prepare('INSERT INTO source_unit (code, name_zh, name_en, contact) VALUES (?, ?, ?, ?)').run(u.code, u.name.zh, u.name.en, u.contact);
      catalogAdded.units.push(u.code);
      writeAudit(db, { actor: o.actor, action: 'catalog.unit.create', entity: 'source_unit', entityId: u.code, details: { after: u, from: 'package', package: p.sha256 } }, now);
    }
    const dims = listDimensions(db);
    for (const mem of m.members) {
      const dim = dims.find((d) => d.code === mem.dimension);
      if (!dim) throw dataError('package.unknown_catalog', { what: 'dimension', code: mem.dimension });
      if (dim.members.some((x) => x.code === mem.code)) continue;
      db.prepare('INSERT INTO member (dimension, code, name_zh, name_en, sort) VALUES (?, ?, ?, ?, ?)').run(mem.dimension, mem.code, mem.name.zh, mem.name.en, dim.members.length);
      catalogAdded.members.push(`${mem.dimension}=${mem.code}`);
      writeAudit(db, { actor: o.actor, action: 'catalog.member.create', entity: 'member', entityId: `${mem.dimension}=${mem.code}`, details: { after: mem, from: 'package', package: p.sha256 } }, now);
    }
    for (const ind of m.indicators) {
      if (getIndicator(db, ind.code)) continue;
      if (!listSourceUnits(db).some((u) => u.code === ind.sourceUnit)) throw dataError('package.unknown_catalog', { what: 'source unit', code: ind.sourceUnit });
      const sort = (db.prepare('SELECT coalesce(max(sort), -1) + 1 AS s FROM indicator').get() as { s: number }).s;
      db.prepare(
        `INSERT INTO indicator (code, name_zh, name_en, unit_zh, unit_en, frequency, polarity, kind, ytd, jan_feb_combined, tier, source_unit,
         dimensions, decimals, description_zh, description_en, sort) VALUES (@code, @name_zh, @name_en, @unit_zh, @unit_en, @frequency, @polarity,
         @kind, @ytd, @jan_feb_combined, @tier, @source_unit, @dimensions, @decimals, @description_zh, @description_en, @sort)`,
      ).run(indicatorRow(ind as Indicator, sort));
      catalogAdded.indicators.push(ind.code);
      writeAudit(db, { actor: o.actor, action: 'catalog.indicator.create', entity: 'indicator', entityId: ind.code, details: { after: ind, from: 'package', package: p.sha256 } }, now);
    }

    const packageId = Number(
      db
        .prepare(
          'INSERT INTO package_import (sha256, file_name, created_at, created_by, creator_host, key_id, verified, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(p.sha256, fileName, m.createdAt, m.createdBy, m.creatorHost, p.keyId, p.signature === 'verified' ? 1 : 0, now.toISOString(), o.actor).lastInsertRowid,
    );
    const store = new ObservationStore(db);
    const known = knownUids(db);
    const indicators = new Map(listIndicators(db).map((i) => [i.code, i]));
    const memberCodes = new Set(listDimensions(db).flatMap((d) => d.members.map((x) => `${d.code}=${x.code}`)));
    const current = db.prepare(
      'SELECT value FROM observation WHERE series_id = ? AND period = ? AND snapshot_id NOT IN (SELECT id FROM snapshot WHERE deleted_at IS NOT NULL) ORDER BY snapshot_id DESC LIMIT 1',
    );
    const insertObs = db.prepare('INSERT INTO observation (series_id, period, snapshot_id, value, sheet, row, col) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const values = { added: 0, revised: 0, unchanged: 0 };
    const snapshotIds = new Map<string, number>();
    let snapshotsNew = 0;
    let snapshotsKnown = 0;
    const ordered = [...m.snapshots].sort((a, b) => a.importedAt.localeCompare(b.importedAt));
    ordered.forEach((s, k) => {
      if (known.has(s.uid)) {
        snapshotsKnown++;
        snapshotIds.set(s.uid, (db.prepare('SELECT id FROM snapshot WHERE uid = ?').get(s.uid) as { id: number }).id);
        return;
      }
      const lines = parseLines(p.entries.get(s.entry)!, s.entry);
      if (lines.length !== s.rows) throw dataError('package.tampered', { entry: s.entry });
      // Local import order follows the original order; times stay increasing with ids.
      const at = new Date(now.getTime() + k).toISOString();
      const id = Number(
        db
          .prepare(
            `INSERT INTO snapshot (uid, source_unit, kind, target, file_name, file_sha256, sheets, imported_at, imported_by, note, period_from, period_to,
             package_id, origin_imported_at, origin_imported_by) VALUES (?, ?, 'package', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(s.uid, s.unit, s.target, s.fileName, s.sha256, s.sheets.length ? JSON.stringify(s.sheets) : null, at, o.actor, s.note, s.periodFrom, s.periodTo, packageId, s.importedAt, s.importedBy).lastInsertRowid,
      );
      snapshotIds.set(s.uid, id);
      let stored = 0;
      let revised = 0;
      let unchanged = 0;
      for (const [indicator, key, period, value, sheet, row, col] of lines) {
        const ind = indicators.get(indicator);
        const members = parseSeriesKey(key);
        const parsed = parsePeriod(period);
        if (!ind || !parsed || parsed.frequency !== ind.frequency || Object.entries(members).some(([d, c]) => !ind.dimensions.includes(d) || !memberCodes.has(`${d}=${c}`))) {
          throw dataError('package.tampered', { entry: s.entry });
        }
        const seriesId = store.ensureSeries(indicator, members);
        const old = current.get(seriesId, period) as { value: number | null } | undefined;
        if (old && old.value === value) {
          unchanged++;
          continue;
        }
        insertObs.run(seriesId, period, id, value, sheet, row, col);
        stored++;
        if (old) revised++;
      }
      db.prepare('UPDATE snapshot SET rows_read = ?, rows_stored = ?, rows_unchanged = ?, rows_revised = ? WHERE id = ?').run(lines.length, stored, unchanged, revised, id);
      values.added += stored - revised;
      values.revised += revised;
      values.unchanged += unchanged;
      snapshotsNew++;
    });
    const sectionResults: Record<string, unknown> = {};
    for (const name of m.sections) {
      const section = SECTIONS.get(name);
      const data = p.entries.get(`sections/${name}.json`);
      // A section this build does not know is kept out, not guessed at.
      if (section && data) sectionResults[name] = section.import(db, data, { actor: o.actor, now, snapshotIds });
      else sectionResults[name] = 'not supported by this version';
    }
    db.prepare('UPDATE package_import SET snapshots_new = ?, snapshots_known = ? WHERE id = ?').run(snapshotsNew, snapshotsKnown, packageId);
    writeAudit(
      db,
      { actor: o.actor, action: 'package.import', entity: 'package_import', entityId: packageId, details: { file: fileName, sha256: p.sha256, signature: p.signature, keyId: p.keyId, snapshotsNew, snapshotsKnown, values, catalogAdded } },
      now,
    );
    return { packageId, noop: false, signature: p.signature, keyId: p.keyId, snapshotsNew, snapshotsKnown, values, catalogAdded, sections: sectionResults };
  }).immediate();
}
