/**
 * Imports, snapshots and provenance: the importer's dry run and commit (as jobs with progress),
 * mapping templates, the snapshot list with revision diffs and deletion, and "where from" for a
 * value.
 */
import { z } from 'zod';
import { method } from './define';
import { fileIdSchema } from './files';
import { asOfSchema, indicatorCodeSchema, memberSelectionSchema, periodSchema } from './schemas';
import type { Mapping, SheetMapping, SheetPlan } from '../import/mapping';
import type { TableLayout } from '../import/table';
import type { LocalizedName, MemberSelection } from '../domain/types';

const fieldName = z.string().min(1).max(64);

export const columnRuleSchema = z
  .object({
    header: z.string().max(200).optional(),
    column: z.string().regex(/^[A-Za-z]{1,3}$/).optional(),
    field: fieldName.optional(),
    headerFields: z.array(fieldName.nullable()).min(1).max(2).optional(),
    ignore: z.boolean().optional(),
  })
  .strict();

export const sheetMappingSchema = z
  .object({
    sheet: z.string().max(100).optional(),
    headerRow: z.number().int().positive().nullable().optional(),
    headerRows: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
    columns: z.array(columnRuleSchema).max(2000),
    otherColumns: z.object({ headerFields: z.array(fieldName.nullable()).min(1).max(2) }).strict().nullable().optional(),
    constants: z.record(fieldName, z.string().max(200)).optional(),
  })
  .strict();

export const mappingSchema = z
  .object({
    version: z.literal(1),
    target: z.string().min(1).max(32),
    layout: z.enum(['long', 'wide']).optional(),
    encoding: z.string().max(16).optional(),
    delimiter: z.string().max(2).optional(),
    sheets: z.array(sheetMappingSchema).min(1).max(64),
  })
  .strict();

export const encodingChoiceSchema = z.enum(['auto', 'utf-8', 'gb18030', 'utf-16le', 'utf-16be']);
export const delimiterChoiceSchema = z.enum(['auto', ',', '\t', ';', '|']);

export const importRequestSchema = z
  .object({
    fileId: fileIdSchema,
    mode: z.enum(['preview', 'commit']),
    /** Source unit code; default: the template's, or the one unit owning every indicator read. */
    unit: z.string().min(1).max(32).optional(),
    /** A saved mapping template by name. */
    template: z.string().min(1).max(100).optional(),
    /** A mapping given inline (the wizard's edited one). */
    mapping: mappingSchema.optional(),
    encoding: encodingChoiceSchema.default('auto'),
    delimiter: delimiterChoiceSchema.default('auto'),
    /** Recorded as "imported by" (default: the OS user). */
    importedBy: z.string().min(1).max(64).optional(),
    note: z.string().max(2000).default(''),
    /** Commit even though some values were rejected (they are not stored). */
    acceptRejected: z.boolean().default(false),
    /** The file's hash as previewed: a file changed since then is refused. */
    expectSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    /** Where the values go (issue 6 adds enterprise reports and signals). */
    target: z.string().min(1).max(32).default('observations'),
  })
  .strict();
export type ImportRequestInput = z.input<typeof importRequestSchema>;

export interface ImportIssue {
  severity: 'error' | 'warning' | 'info';
  code: string;
  params: Record<string, string | number>;
  sheet: string | null;
  row: number | null;
  col: string | null;
}

export interface ImportCounts {
  read: number;
  added: number;
  revised: number;
  unchanged: number;
  rejected: number;
  skipped: number;
  warnings: number;
}

export interface ImportChange {
  kind: 'added' | 'revised';
  subject: string;
  indicator: string;
  members: MemberSelection;
  period: string;
  old: number | null;
  value: number;
  sheet: string | null;
  row: number;
  col: string;
}

export interface ImportSheetPreview {
  name: string | null;
  index: number;
  status: 'imported' | 'incomplete' | 'empty' | 'skipped';
  hidden: boolean;
  layout: TableLayout | null;
  mapping: SheetMapping | null;
  plan: SheetPlan | null;
  missing: string[];
  exchange: boolean;
  /** The first rows as text, for the wizard's grid. */
  sample: Array<{ row: number; cells: string[] }>;
}

export interface ImportBlocker {
  code: string;
  params: Record<string, string | number>;
  /** Lifted by `acceptRejected`. */
  soft?: boolean;
}

export interface ImportPreview {
  file: { name: string; size: number; sha256: string; format: 'csv' | 'xlsx'; encoding: string | null; delimiter: string | null };
  target: string;
  mapping: Mapping;
  mappingSource: 'given' | 'template' | 'exchange' | 'suggested';
  templateName: string | null;
  unit: string | null;
  unitCandidates: string[];
  alreadyImported: { snapshotId: number; importedAt: string; importedBy: string } | null;
  sheets: ImportSheetPreview[];
  counts: ImportCounts;
  periodFrom: string | null;
  periodTo: string | null;
  changes: ImportChange[];
  issues: ImportIssue[];
  issueCounts: { error: number; warning: number; info: number };
  /** Issues found but not listed (beyond the limit). */
  issuesNotListed: number;
  blockers: ImportBlocker[];
  ready: boolean;
}

export interface ImportCommitResult {
  snapshotId: number;
  /** The same file of the same unit was imported before: nothing changed. */
  noop: boolean;
  counts: ImportCounts;
  preview: ImportPreview;
}

export type ImportPhase = 'queued' | 'checking' | 'reading' | 'classifying' | 'writing' | 'done';

export interface ImportJob {
  id: string;
  mode: 'preview' | 'commit';
  state: 'running' | 'done' | 'failed';
  phase: ImportPhase;
  bytesRead: number;
  bytesTotal: number;
  values: number;
  startedAt: string;
  finishedAt: string | null;
  preview: ImportPreview | null;
  result: ImportCommitResult | null;
  error: { code: string; message: string; params?: Record<string, string | number> } | null;
}

export interface MappingTemplate {
  id: number;
  name: string;
  target: string;
  unit: string | null;
  filePattern: string;
  mapping: Mapping;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  lastUsedAt: string | null;
}

export interface SnapshotInfo {
  id: number;
  uid: string;
  unit: string;
  unitName: LocalizedName;
  kind: 'demo' | 'file' | 'package' | 'manual';
  target: string;
  fileName: string | null;
  sha256: string | null;
  sheets: string[];
  importedAt: string;
  importedBy: string;
  note: string;
  counts: { read: number; stored: number; unchanged: number; revised: number; rejected: number; skipped: number };
  periodFrom: string | null;
  periodTo: string | null;
  mappingName: string | null;
  deleted: { at: string; by: string; reason: string } | null;
  origin: { importedAt: string; importedBy: string; packageId: number } | null;
}

export interface SnapshotDetail extends SnapshotInfo {
  issues: ImportIssue[];
  /** Values that would change if the snapshot were deleted (it is the current vintage for them). */
  currentValues: number;
}

export interface DiffRow {
  indicator: string;
  members: MemberSelection;
  period: string;
  old: number | null;
  value: number | null;
  /** Change in the indicator's change unit (percent for counts, points for rates); null when added. */
  change: number | null;
  changeUnit: 'percent' | 'points' | 'diff';
  kind: 'added' | 'revised';
  sheet: string | null;
  row: number | null;
  col: string | null;
}

export interface ProvenanceVintage {
  snapshotId: number;
  value: number | null;
  importedAt: string;
  importedBy: string;
  fileName: string | null;
  unit: string;
  deleted: boolean;
  current: boolean;
}

export interface Provenance {
  indicator: string;
  members: MemberSelection;
  period: string;
  value: number | null;
  snapshot: SnapshotInfo;
  sheet: string | null;
  row: number | null;
  col: string | null;
  /** Every vintage of this value, newest first. */
  history: ProvenanceVintage[];
}

const snapshotListSchema = z
  .object({
    unit: z.string().max(32).optional(),
    /** Imported on or after this date (YYYY-MM-DD). */
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    includeDeleted: z.boolean().default(false),
    kind: z.enum(['demo', 'file', 'package', 'manual']).optional(),
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

export const importsMethods = {
  'import.start': method<{ jobId: string }>()(importRequestSchema),
  'import.job': method<ImportJob>()(z.object({ jobId: z.string().regex(/^[a-f0-9]{16,64}$/) }).strict()),
  'import.templates': method<MappingTemplate[]>()(z.object({ unit: z.string().max(32).optional() }).strict()),
  'import.saveTemplate': method<MappingTemplate>()(
    z
      .object({
        name: z.string().trim().min(1).max(100),
        unit: z.string().max(32).nullable().default(null),
        filePattern: z.string().trim().min(1).max(200).default('*'),
        mapping: mappingSchema,
        /** Replace the template of that name (else a taken name is refused). */
        replace: z.boolean().default(false),
      })
      .strict(),
  ),
  'import.deleteTemplate': method<{ name: string }>()(z.object({ name: z.string().min(1).max(100) }).strict()),
  'snapshot.list': method<{ total: number; items: SnapshotInfo[] }>()(snapshotListSchema),
  'snapshot.get': method<SnapshotDetail>()(z.object({ id: z.number().int().positive() }).strict()),
  'snapshot.diff': method<{ total: number; rows: DiffRow[] }>()(
    z
      .object({
        id: z.number().int().positive(),
        kind: z.enum(['all', 'added', 'revised']).default('all'),
        limit: z.number().int().min(1).max(1000).default(200),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
  ),
  'snapshot.delete': method<SnapshotInfo>()(z.object({ id: z.number().int().positive(), reason: z.string().trim().min(1).max(500) }).strict()),
  'provenance.get': method<Provenance>()(
    z.object({ indicator: indicatorCodeSchema, members: memberSelectionSchema.default({}), period: periodSchema, asOf: asOfSchema.optional() }).strict(),
  ),
};
