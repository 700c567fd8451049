/**
 * The import pipeline: file -> reader (CSV or XLSX) -> table layout -> mapping -> target. A dry
 * run (preview) reads, validates and classifies, writing nothing. A commit repeats that and then,
 * in one IMMEDIATE transaction, classifies against the cache as it is at that moment, records the
 * snapshot, stores its values and issues and writes the audit entry: all or nothing.
 * Re-importing the same file (same source unit and SHA-256) changes nothing.
 */
import { statSync } from 'node:fs';
import type { Db } from '../db/connection';
import { writeAudit } from '../db/audit';
import type {
  ImportBlocker,
  ImportCommitResult,
  ImportPhase,
  ImportPreview,
  ImportSheetPreview,
} from '../../shared/api/imports';
import { boundFields, planSheet, RecordMaker, sheetMappingFor, type ImportRecord, type Mapping, type SheetMapping } from '../../shared/import/mapping';
import { detectLayout, isFootnoteRow, LAYOUT_SAMPLE_ROWS, type RawRow } from '../../shared/import/table';
import { cellText, isBlank } from '../../shared/import/text';
import { yearIn } from '../../shared/import/periods';
import type { CsvDelimiter } from '../../shared/import/csv';
import { dataError } from './errors';
import { IssueCollector } from './issues';
import { IMPORT_LIMITS, type ImportLimits } from './limits';
import { openCsv, sniffDelimiter } from './csv-reader';
import { sniffFile, type TextEncoding } from './sniff';
import type { FileSource } from './source';
import { getTarget, type TargetPlan, type TargetSession } from './target';
import { findTemplateFor, getTemplate, touchTemplate } from './templates';
import { openXlsx } from './xlsx-reader';
import './targets/observations';
import './targets/enterprise-reports';
import './targets/si-contributions';
import './targets/signals';
import { runCommitHooks } from './hooks';

export interface ImportRequest {
  path: string;
  fileName: string;
  target?: string;
  unit?: string;
  template?: string;
  mapping?: Mapping;
  encoding?: 'auto' | TextEncoding;
  delimiter?: 'auto' | CsvDelimiter;
  importedBy?: string;
  note?: string;
  acceptRejected?: boolean;
  expectSha256?: string;
}

export interface EngineDeps {
  db: Db;
  /** Who acts (audit; default "imported by"). */
  actor: string;
  limits?: ImportLimits;
  now?: () => Date;
}

export interface ProgressInfo {
  phase: ImportPhase;
  bytesRead: number;
  bytesTotal: number;
  values: number;
}

export type ProgressFn = (p: ProgressInfo) => void;

interface Staged {
  source: FileSource;
  session: TargetSession;
  issues: IssueCollector;
  mapping: Mapping;
  mappingSource: ImportPreview['mappingSource'];
  templateName: string | null;
  templateUnit: string | null;
  sheets: ImportSheetPreview[];
  valuesRead: number;
  target: string;
}

const SAMPLE_ROWS_SHOWN = 15;
const SAMPLE_COLUMNS_SHOWN = 60;

function sampleOf(rows: readonly RawRow[]): Array<{ row: number; cells: string[] }> {
  return rows.slice(0, SAMPLE_ROWS_SHOWN).map((r) => ({ row: r.row, cells: r.cells.slice(0, SAMPLE_COLUMNS_SHOWN).map((c) => cellText(c).slice(0, 120)) }));
}

async function openSource(req: ImportRequest, size: number, limits: ImportLimits, report: (bytes: number) => void): Promise<FileSource> {
  const forced = req.encoding && req.encoding !== 'auto' ? req.encoding : req.mapping?.encoding && req.mapping.encoding !== 'auto' ? (req.mapping.encoding as TextEncoding) : undefined;
  const sniffed = sniffFile(req.path, req.fileName, size, forced);
  if (sniffed.format === 'xlsx') return openXlsx(req.path, req.fileName, size, limits, report);
  const chosen = req.delimiter && req.delimiter !== 'auto' ? req.delimiter : req.mapping?.delimiter && req.mapping.delimiter !== 'auto' ? (req.mapping.delimiter as CsvDelimiter) : undefined;
  const delimiter = chosen ?? sniffDelimiter(req.path, sniffed.encoding, sniffed.bom);
  return openCsv(req.path, req.fileName, size, sniffed.encoding, sniffed.bom, delimiter);
}

/** Reads the whole file into a target session. */
async function stage(deps: EngineDeps, req: ImportRequest, progress: ProgressFn): Promise<Staged> {
  const limits = deps.limits ?? IMPORT_LIMITS;
  const size = statSync(req.path).size;
  if (size > limits.maxFileBytes) throw dataError('import.file_too_large', { file: req.fileName, limit: limits.maxFileBytes });
  progress({ phase: 'checking', bytesRead: 0, bytesTotal: size, values: 0 });

  let mapping: Mapping | null = req.mapping ?? null;
  let mappingSource: ImportPreview['mappingSource'] = mapping ? 'given' : 'suggested';
  let templateName: string | null = null;
  let templateUnit: string | null = null;
  const targetName = req.mapping?.target ?? req.target ?? 'observations';
  if (!mapping && req.template) {
    const t = getTemplate(deps.db, req.template);
    if (!t) throw dataError('import.unknown_template', { name: req.template });
    mapping = t.mapping;
    mappingSource = 'template';
    templateName = t.name;
    templateUnit = t.unit;
  } else if (!mapping) {
    const t = findTemplateFor(deps.db, req.fileName, targetName, req.unit);
    if (t) {
      mapping = t.mapping;
      mappingSource = 'template';
      templateName = t.name;
      templateUnit = t.unit;
    }
  }
  const target = getTarget(mapping?.target ?? targetName);
  if (!target) throw dataError('import.unknown_target', { target: mapping?.target ?? targetName });

  const source = await openSource({ ...req, mapping: mapping ?? undefined }, size, limits, (b) =>
    progress({ phase: 'checking', bytesRead: Math.min(size, b), bytesTotal: size, values: 0 }),
  );
  const issues = new IssueCollector(limits.maxIssues);
  const session = target.open({ db: deps.db, issues, limits, fileName: req.fileName });
  const sheets: ImportSheetPreview[] = [];
  const effective: SheetMapping[] = [];
  let anyExchange = false;
  let valuesRead = 0;
  let lastReport = 0;
  const tick = () => {
    const now = performance.now();
    if (now - lastReport > 100) {
      lastReport = now;
      progress({ phase: 'reading', bytesRead: source.bytesRead(), bytesTotal: size, values: valuesRead });
    }
  };

  for await (const sheet of source.sheets) {
    const named = mapping ? sheetMappingFor(mapping, sheet.name) : null;
    const explicitlyNamed = !!named && named.sheet !== undefined && named.sheet !== '*';
    const entry: ImportSheetPreview = { name: sheet.name, index: sheet.index, status: 'skipped', hidden: !!sheet.hidden, layout: null, mapping: null, plan: null, missing: [], exchange: false, sample: [] };
    sheets.push(entry);
    if (mapping && !named) {
      issues.info('import.sheet_skipped', { sheet: sheet.name ?? '', reason: 'no mapping' }, { sheet: sheet.name, row: null, col: null });
      continue;
    }
    if (sheet.hidden && !explicitlyNamed) {
      issues.info('import.sheet_skipped', { sheet: sheet.name ?? '', reason: 'hidden' }, { sheet: sheet.name, row: null, col: null });
      continue;
    }
    const iterator = sheet.rows[Symbol.asyncIterator]();
    const sample: RawRow[] = [];
    const pending: RawRow[] = [];
    let done = false;
    while (sample.length < LAYOUT_SAMPLE_ROWS) {
      const next = await iterator.next();
      if (next.done) {
        done = true;
        break;
      }
      for (const r of next.value) {
        if (sample.length < LAYOUT_SAMPLE_ROWS) sample.push(r);
        else pending.push(r);
      }
    }
    entry.sample = sampleOf(sample);
    const override = named ? { ...(named.headerRow !== undefined ? { headerRow: named.headerRow } : {}), ...(named.headerRows !== undefined ? { headerRows: named.headerRows } : {}) } : {};
    const layout = detectLayout(sample, sheet.merges, override);
    entry.layout = layout;
    if (!layout) {
      entry.status = 'empty';
      continue;
    }
    // "1-6月累计" under no dated title: the year of the file name ("2024年6月.xlsx") will do.
    layout.yearHint ??= yearIn(req.fileName);
    let sheetMapping: SheetMapping;
    if (named) {
      sheetMapping = named;
    } else {
      const suggestion = target.suggest?.(deps.db, layout, sample) ?? { mapping: { columns: [] }, missing: [...target.requiredFields], exchange: false };
      sheetMapping = suggestion.mapping;
      entry.exchange = suggestion.exchange;
      anyExchange ||= suggestion.exchange;
    }
    const withName: SheetMapping = { ...sheetMapping, sheet: sheet.name ?? undefined };
    if (sheet.name === null) delete withName.sheet;
    entry.mapping = withName;
    effective.push(withName);
    const plan = planSheet(layout, sheetMapping);
    entry.plan = plan;
    const bound = boundFields(plan);
    entry.missing = target.requiredFields.filter((f) => !bound.has(f));
    if (entry.missing.length) {
      entry.status = 'incomplete';
      issues.warning('import.mapping_incomplete', { sheet: sheet.name ?? req.fileName, fields: entry.missing.join(', ') }, { sheet: sheet.name, row: layout.headerRow, col: null });
      continue;
    }
    entry.status = 'imported';
    session.beginSheet({ name: sheet.name, layout, plan });
    const maker = new RecordMaker(plan, sheet.name);
    let ended = false;
    const add = session.add.bind(session);
    const sink = (rec: ImportRecord) => {
      valuesRead++;
      add(rec);
    };
    const consume = (rows: readonly RawRow[]) => {
      for (const r of rows) {
        if (ended || r.row < layout.dataStart) continue;
        const cells = r.cells;
        let blank = true;
        for (let i = 0; i < cells.length; i++) {
          if (!isBlank(cells[i])) {
            blank = false;
            break;
          }
        }
        if (blank) continue;
        if (isFootnoteRow(cells)) {
          ended = true;
          issues.info('import.rows_after_footnote', { row: r.row }, { sheet: sheet.name, row: r.row, col: 0 });
          continue;
        }
        maker.emit(r, sink);
      }
    };
    consume(sample);
    consume(pending);
    tick();
    while (!done) {
      const next = await iterator.next();
      if (next.done) break;
      consume(next.value);
      tick();
    }
  }
  if (!sheets.length) throw dataError('import.no_table', { file: req.fileName });
  if (mappingSource === 'suggested' && anyExchange && sheets.every((s) => s.exchange || s.status !== 'imported')) mappingSource = 'exchange';
  const effectiveMapping: Mapping = mapping
    ? { ...mapping, sheets: effective.length ? effective : mapping.sheets }
    : { version: 1, target: target.name, sheets: effective.length ? effective : [{ columns: [] }] };
  // Encoding and delimiter go into the mapping (and a template) only when chosen, never when detected:
  // next month's file may come in another encoding and is detected afresh.
  const chosenEncoding = req.encoding && req.encoding !== 'auto' ? req.encoding : mapping?.encoding;
  const chosenDelimiter = req.delimiter && req.delimiter !== 'auto' ? req.delimiter : mapping?.delimiter;
  if (source.format === 'csv' && chosenEncoding) effectiveMapping.encoding = chosenEncoding;
  else delete effectiveMapping.encoding;
  if (source.format === 'csv' && chosenDelimiter) effectiveMapping.delimiter = chosenDelimiter;
  else delete effectiveMapping.delimiter;
  const plans = sheets.filter((s) => s.plan).map((s) => s.plan!.layout);
  if (plans.length) effectiveMapping.layout = plans.includes('wide') ? 'wide' : 'long';
  progress({ phase: 'reading', bytesRead: size, bytesTotal: size, values: valuesRead });
  return { source, session, issues, mapping: effectiveMapping, mappingSource, templateName, templateUnit, sheets, valuesRead, target: target.name };
}

function findPrevious(db: Db, unit: string | null, sha: string): ImportPreview['alreadyImported'] {
  if (!unit) return null;
  const row = db
    .prepare('SELECT id, imported_at, imported_by FROM snapshot WHERE source_unit = ? AND file_sha256 = ? AND deleted_at IS NULL ORDER BY id LIMIT 1')
    .get(unit, sha) as { id: number; imported_at: string; imported_by: string } | undefined;
  return row ? { snapshotId: row.id, importedAt: row.imported_at, importedBy: row.imported_by } : null;
}

function unitExists(db: Db, code: string): boolean {
  return !!db.prepare('SELECT 1 FROM source_unit WHERE code = ?').get(code);
}

function buildPreview(deps: EngineDeps, req: ImportRequest, staged: Staged, plan: TargetPlan): ImportPreview {
  const { source, issues } = staged;
  const sha = source.sha256();
  if (req.expectSha256 && req.expectSha256 !== sha) throw dataError('import.file_changed', { file: req.fileName });
  if (req.unit && !unitExists(deps.db, req.unit)) throw dataError('import.unknown_unit', { unit: req.unit });
  const unit = req.unit ?? staged.templateUnit ?? (plan.sourceUnits.length === 1 ? plan.sourceUnits[0]! : null);
  const alreadyImported = findPrevious(deps.db, unit, sha);
  const blockers: ImportBlocker[] = [];
  if (!alreadyImported) {
    const imported = staged.sheets.filter((s) => s.status === 'imported');
    const incomplete = staged.sheets.find((s) => s.status === 'incomplete');
    if (!imported.length && incomplete) {
      blockers.push({ code: 'import.mapping_incomplete', params: { sheet: incomplete.name ?? req.fileName, fields: incomplete.missing.join(', ') } });
    } else if (!imported.length) {
      blockers.push({ code: 'import.no_table', params: { file: req.fileName } });
    } else if (plan.counts.added + plan.counts.revised + plan.counts.unchanged === 0) {
      blockers.push({ code: 'import.nothing_to_import', params: { file: req.fileName } });
    }
    if (!unit) blockers.push({ code: 'import.unit_required', params: { candidates: plan.sourceUnits.join(', ') || '—' } });
    if (plan.counts.rejected > 0) blockers.push({ code: 'import.has_rejections', params: { rejected: plan.counts.rejected }, soft: true });
  } else {
    issues.info('import.already_imported', { snapshotId: alreadyImported.snapshotId, importedAt: alreadyImported.importedAt });
  }
  const hard = blockers.filter((b) => !b.soft);
  const soft = blockers.filter((b) => b.soft);
  return {
    file: { name: req.fileName, size: source.size, sha256: sha, format: source.format, encoding: source.encoding, delimiter: source.delimiter },
    target: staged.target,
    mapping: staged.mapping,
    mappingSource: staged.mappingSource,
    templateName: staged.templateName,
    unit,
    unitCandidates: plan.sourceUnits,
    alreadyImported,
    sheets: staged.sheets,
    counts: plan.counts,
    periodFrom: plan.periodFrom,
    periodTo: plan.periodTo,
    changes: plan.changes,
    issues: issues.list(),
    issueCounts: { ...issues.counts },
    issuesNotListed: issues.total - issues.list().length,
    blockers,
    ready: hard.length === 0 && (soft.length === 0 || !!req.acceptRejected),
  };
}

/** Dry run: what the import would do. Writes nothing. */
export async function previewImport(deps: EngineDeps, req: ImportRequest, progress: ProgressFn = () => {}): Promise<ImportPreview> {
  const staged = await stage(deps, req, progress);
  progress({ phase: 'classifying', bytesRead: staged.source.size, bytesTotal: staged.source.size, values: staged.valuesRead });
  const plan = staged.session.plan();
  const preview = buildPreview(deps, req, staged, plan);
  progress({ phase: 'done', bytesRead: staged.source.size, bytesTotal: staged.source.size, values: staged.valuesRead });
  return preview;
}

/** Reads, validates and stores the file as one snapshot, all or nothing. */
export async function commitImport(deps: EngineDeps, req: ImportRequest, progress: ProgressFn = () => {}): Promise<ImportCommitResult> {
  const staged = await stage(deps, req, progress);
  const size = staged.source.size;
  progress({ phase: 'writing', bytesRead: size, bytesTotal: size, values: staged.valuesRead });
  const now = (deps.now ?? (() => new Date()))();
  const db = deps.db;
  // A larger page cache for the bulk insert (64 MB: rows go in key order, so the B-trees' hot paths fit).
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -65536');
  let result: ImportCommitResult;
  try {
    result = storeSnapshot(deps, req, staged, progress, now);
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
  if (!result.noop) runCommitHooks(db, result.snapshotId, req.importedBy ?? deps.actor);
  progress({ phase: 'done', bytesRead: size, bytesTotal: size, values: staged.valuesRead });
  return result;
}

/** The commit transaction: classify against the cache as it is now, record the snapshot, store. */
function storeSnapshot(deps: EngineDeps, req: ImportRequest, staged: Staged, progress: ProgressFn, now: Date): ImportCommitResult {
  const db = deps.db;
  const size = staged.source.size;
  return db.transaction((): ImportCommitResult => {
    const plan = staged.session.plan();
    const preview = buildPreview(deps, req, staged, plan);
    if (preview.alreadyImported) {
      return { snapshotId: preview.alreadyImported.snapshotId, noop: true, counts: preview.counts, preview };
    }
    const hard = preview.blockers.find((b) => !b.soft);
    // The refusal carries the preview, so a caller can show the issues row by row.
    if (hard) throw dataError(hard.code, hard.params, { preview });
    const soft = preview.blockers.find((b) => b.soft);
    if (soft && !req.acceptRejected) throw dataError(soft.code, soft.params, { preview });
    const sheetNames = staged.sheets.filter((s) => s.status === 'imported' && s.name !== null).map((s) => s.name!);
    const info = db
      .prepare(
        `INSERT INTO snapshot (source_unit, kind, file_name, file_sha256, sheets, imported_at, imported_by, note, target, mapping_name, file_format, encoding, period_from, period_to)
         VALUES (?, 'file', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        preview.unit,
        req.fileName,
        preview.file.sha256,
        sheetNames.length ? JSON.stringify(sheetNames) : null,
        now.toISOString(),
        req.importedBy ?? deps.actor,
        req.note ?? '',
        staged.target,
        staged.templateName,
        preview.file.format,
        preview.file.encoding,
        plan.periodFrom,
        plan.periodTo,
      );
    const snapshotId = Number(info.lastInsertRowid);
    const counts = staged.session.write(snapshotId, (written) => progress({ phase: 'writing', bytesRead: size, bytesTotal: size, values: written }));
    db.prepare(
      'UPDATE snapshot SET rows_read = ?, rows_stored = ?, rows_unchanged = ?, rows_revised = ?, rows_rejected = ?, rows_skipped = ? WHERE id = ?',
    ).run(counts.read, counts.added + counts.revised, counts.unchanged, counts.revised, counts.rejected, counts.skipped, snapshotId);
    const insertIssue = db.prepare('INSERT INTO import_issue (snapshot_id, seq, severity, code, sheet, row, col, params) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    preview.issues.forEach((i, seq) => insertIssue.run(snapshotId, seq, i.severity, i.code, i.sheet, i.row, i.col, JSON.stringify(i.params)));
    if (staged.templateName) touchTemplate(db, staged.templateName, now);
    writeAudit(
      db,
      {
        actor: deps.actor,
        action: 'import.commit',
        entity: 'snapshot',
        entityId: snapshotId,
        details: { file: req.fileName, sha256: preview.file.sha256, unit: preview.unit, target: staged.target, template: staged.templateName, counts, importedBy: req.importedBy ?? deps.actor },
      },
      now,
    );
    return { snapshotId, noop: false, counts, preview };
  }).immediate();
}
