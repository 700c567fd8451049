import { z } from 'zod';
import { method } from './define';
import { localeSchema, periodSchema } from './schemas';
import type { ExportedFile } from './series';
import { bindingSchema, blockSchema, REPORT_STATUSES, type Binding, type Report, type ReportMeta, type ReportStatus } from '../reports/model';

const idSchema = z.number().int().positive();
const monthSchema = periodSchema.refine((p) => /^\d{4}-\d{2}$/.test(p), { message: 'month' });

/** Where a number came from: the snapshot (import) and, when the import recorded it, the cell. */
export interface Provenance {
  snapshotId: number;
  sourceUnit: string;
  sourceName: string;
  fileName: string | null;
  importedAt: string;
  importedBy: string;
  sheet: string | null;
  row: number | null;
  col: string | null;
}

export interface BindingView {
  key: string;
  binding: Binding;
  text: string;
  value: number | null;
  current: number | null;
  base: number | null;
  basePeriod: string | null;
  /** Text of the value at the period with its unit (for the hover). */
  currentText: string;
  baseText: string | null;
  provenance: Provenance | null;
}

export interface ReportSummary extends ReportMeta {
  versions: number;
}

export interface PinState {
  snapshot: number;
  importedAt: string | null;
}

export interface MovedBinding {
  key: string;
  binding: Binding;
  /** Readable name: indicator and measure. */
  label: string;
  before: BindingView;
  after: BindingView;
}

export interface RepinPreview {
  from: PinState;
  to: PinState;
  moved: MovedBinding[];
  unchanged: number;
}

export interface ReportSettings {
  /** Chromium used for PDF in browser mode and the CLI. */
  chromiumPath: string;
  authorUnit: string;
  distribution: string;
}

export interface ReportPreview {
  /** The print page's body, identical to what is printed. */
  html: string;
  /** The print stylesheet (without @font-face: the renderer has the fonts). */
  css: string;
  bindings: Record<string, BindingView>;
}

export interface ReportVersionInfo {
  version: number;
  savedAt: string;
  savedBy: string;
  title: string;
  pinnedSnapshot: number;
}

const contentSchema = z.array(blockSchema).max(500);

export const reportSaveSchema = z
  .object({
    id: idSchema,
    /** The revision the editor started from; a newer one in the database refuses the save. */
    revision: z.number().int().positive(),
    title: z.string().trim().min(1).max(200).optional(),
    issueNo: z.number().int().min(1).max(9999).optional(),
    authorUnit: z.string().max(200).optional(),
    reportDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    distribution: z.string().max(2000).optional(),
    status: z.enum(REPORT_STATUSES).optional(),
    content: contentSchema.optional(),
  })
  .strict();

export const reportsMethods = {
  'report.list': method<ReportSummary[]>()(
    z.object({ search: z.string().max(200).optional(), status: z.enum(REPORT_STATUSES).optional() }).strict(),
  ),
  'report.get': method<Report>()(z.object({ id: idSchema }).strict()),
  /** 新建月报: creates the auto-draft for a month, pinned to the current snapshot state. */
  'report.draft': method<Report>()(z.object({ period: monthSchema, locale: localeSchema.optional(), title: z.string().trim().min(1).max(200).optional() }).strict()),
  'report.save': method<Report>()(reportSaveSchema),
  'report.delete': method<{ id: number }>()(z.object({ id: idSchema }).strict()),
  /** Resolves bindings (of the saved report, or of the given ones) against the pinned state. */
  'report.bindings': method<Record<string, BindingView>>()(z.object({ id: idSchema, bindings: z.array(bindingSchema).max(2000).optional() }).strict()),
  /** The print page for the live preview, from the saved report or unsaved content. */
  'report.preview': method<ReportPreview>()(z.object({ id: idSchema, content: contentSchema.optional(), version: z.number().int().positive().optional() }).strict()),
  /** One block as printed (tables, charts, the climate index), for the editor. */
  'report.blockPreview': method<{ html: string; css: string }>()(z.object({ id: idSchema, block: blockSchema }).strict()),
  'report.repinPreview': method<RepinPreview>()(z.object({ id: idSchema }).strict()),
  /** Accepts the moved bindings: pins the report to `snapshot` (from the preview). */
  'report.repin': method<Report>()(z.object({ id: idSchema, snapshot: idSchema, revision: z.number().int().positive() }).strict()),
  'report.versions': method<ReportVersionInfo[]>()(z.object({ id: idSchema }).strict()),
  'report.version': method<Report>()(z.object({ id: idSchema, version: z.number().int().positive() }).strict()),
  'report.export': method<ExportedFile>()(
    z.object({ id: idSchema, format: z.enum(['pdf', 'docx', 'html']), version: z.number().int().positive().optional() }).strict(),
  ),
  'report.getSettings': method<ReportSettings>()(z.object({}).strict()),
  'report.setSettings': method<ReportSettings>()(
    z.object({ chromiumPath: z.string().trim().min(1).max(1000).optional(), authorUnit: z.string().max(200).optional(), distribution: z.string().max(2000).optional() }).strict(),
  ),
};

export type { Report, ReportStatus };
