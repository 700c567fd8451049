/**
 * The report model: metadata plus a list of blocks. Numbers in paragraphs are bindings
 * ({@link Binding}), resolved against the report's pinned snapshot state whenever the report is
 * shown, printed or exported; only words are stored as text.
 */
import { z } from 'zod';
import { indicatorCodeSchema, memberSelectionSchema, periodSchema } from '../api/schemas';
import { seriesViewSchema } from '../api/series';
import type { Locale } from '../domain/types';

export const BINDING_MEASURES = ['value', 'periodValue', 'prev', 'yoy', 'progress', 'trend'] as const;

/**
 * One live number: an indicator's series at a period, in a measure.
 * - value: as published (YTD cumulative stays cumulative), with its unit: "12.35万人"
 * - periodValue: the period's own value (YTD de-cumulated)
 * - prev / yoy: change against the previous period / the same period a year earlier, in percent for
 *   counts and percentage points for rates, with the direction word: "下降0.1个百分点"
 * - progress: a completion rate against time progress N/12: "快于时序进度3.2个百分点"
 * - trend: the run of same-direction changes ending at the period: "连续3个月下降"
 */
export const bindingSchema = z
  .object({
    indicator: indicatorCodeSchema,
    members: memberSelectionSchema.default({}),
    period: periodSchema,
    measure: z.enum(BINDING_MEASURES),
    /** phrase: with direction word and unit; number: signed number with unit. */
    format: z.enum(['phrase', 'number']).default('phrase'),
  })
  .strict();
export type Binding = z.output<typeof bindingSchema>;
export type BindingMeasure = Binding['measure'];

export const inlineSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().max(20000), bold: z.boolean().optional(), italic: z.boolean().optional() }).strict(),
  z.object({ type: z.literal('binding'), binding: bindingSchema }).strict(),
]);
export type Inline = z.output<typeof inlineSchema>;

const seriesRefSchema = z.object({ indicator: indicatorCodeSchema, members: memberSelectionSchema.default({}) }).strict();
export type SeriesRef = z.output<typeof seriesRefSchema>;

const blockId = z.string().min(1).max(40);

export const blockSchema = z.discriminatedUnion('type', [
  z.object({ id: blockId, type: z.literal('heading'), level: z.union([z.literal(1), z.literal(2)]), text: z.string().max(500) }).strict(),
  z.object({ id: blockId, type: z.literal('paragraph'), content: z.array(inlineSchema).max(2000) }).strict(),
  z
    .object({
      id: blockId,
      type: z.literal('kpiTable'),
      /** Each row: the indicator's latest value at or before the report period and its changes. */
      indicators: z.array(indicatorCodeSchema).min(1).max(30),
      caption: z.string().max(200).default(''),
    })
    .strict(),
  z
    .object({
      id: blockId,
      type: z.literal('chart'),
      caption: z.string().max(200).default(''),
      series: z.array(seriesRefSchema).min(1).max(8),
      view: seriesViewSchema.default('published'),
      /** Periods shown, ending at the report period. */
      span: z.number().int().min(3).max(240).default(25),
      kind: z.enum(['line', 'bar']).default('line'),
      annotations: z.boolean().default(true),
    })
    .strict(),
  z
    .object({
      id: blockId,
      type: z.literal('dataTable'),
      caption: z.string().max(200).default(''),
      indicator: indicatorCodeSchema,
      /** members: one row per member of the breakdown at the report period; periods: one row per period. */
      layout: z.enum(['members', 'periods']).default('members'),
      breakdown: z.string().max(32).optional(),
      view: seriesViewSchema.default('published'),
      span: z.number().int().min(1).max(240).default(13),
    })
    .strict(),
  z.object({ id: blockId, type: z.literal('enterpriseRanking'), caption: z.string().max(200).default(''), limit: z.number().int().min(1).max(50).default(10) }).strict(),
  z.object({ id: blockId, type: z.literal('keyGroups'), caption: z.string().max(200).default('') }).strict(),
  z
    .object({
      id: blockId,
      type: z.literal('climateIndex'),
      caption: z.string().max(200).default(''),
      /** A saved climate-index definition (latest version), computed on the report's pinned state. */
      definition: z.string().min(1).max(64).regex(/^[A-Za-z0-9_.-]+$/),
      /** Months shown, ending at the report month. */
      span: z.number().int().min(3).max(240).default(25),
    })
    .strict(),
  z
    .object({
      id: blockId,
      type: z.literal('riskSummary'),
      caption: z.string().max(200).default(''),
      /** How many of the most severe alerts and open ledger items to list. */
      limit: z.number().int().min(0).max(20).default(5),
    })
    .strict(),
  z.object({ id: blockId, type: z.literal('pageBreak') }).strict(),
]);
export type Block = z.output<typeof blockSchema>;
export type BlockType = Block['type'];
export type BlockInput = z.input<typeof blockSchema>;

export const REPORT_STATUSES = ['draft', 'final'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface ReportMeta {
  id: number;
  title: string;
  issueYear: number;
  issueNo: number;
  period: string;
  authorUnit: string;
  /** ISO date, YYYY-MM-DD. */
  reportDate: string;
  /** 报送 list, one recipient per line. */
  distribution: string;
  locale: Locale;
  pinnedSnapshot: number;
  status: ReportStatus;
  /** Increases with every save (optimistic concurrency for autosave). */
  revision: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface Report extends ReportMeta {
  content: Block[];
  /** Number of saved final versions. */
  versions: number;
}

/**
 * Stable key of a binding, for maps of resolved values.
 * @example bindingKey({ indicator: 'UNE.SURVEY_RATE', members: {}, period: '2024-06', measure: 'prev', format: 'phrase' }) // 'UNE.SURVEY_RATE||2024-06|prev|phrase'
 */
export function bindingKey(b: Binding): string {
  const members = Object.keys(b.members)
    .sort()
    .map((k) => `${k}=${b.members[k]}`)
    .join(';');
  return `${b.indicator}|${members}|${b.period}|${b.measure}|${b.format}`;
}

/**
 * Every binding of a block list (paragraph inlines), in order, without duplicates.
 * @example collectBindings(report.content).length // 42
 */
export function collectBindings(blocks: readonly Block[]): Binding[] {
  const seen = new Map<string, Binding>();
  for (const b of blocks) {
    if (b.type !== 'paragraph') continue;
    for (const i of b.content) if (i.type === 'binding' && !seen.has(bindingKey(i.binding))) seen.set(bindingKey(i.binding), i.binding);
  }
  return [...seen.values()];
}

/**
 * The default title.
 * @example defaultReportTitle('2024-06', 'zh-CN') // '沈阳市2024年6月就业形势分析'
 */
export function defaultReportTitle(period: string, locale: Locale): string {
  const [y, m] = period.split('-');
  return locale === 'zh-CN' ? `沈阳市${y}年${Number(m)}月就业形势分析` : `Shenyang Employment Situation, ${MONTHS[Number(m) - 1]} ${y}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The export file name from title and issue number, safe on every file system.
 * @example reportFileName({ title: '沈阳市2024年6月就业形势分析', issueYear: 2024, issueNo: 7 }, 'pdf') // '沈阳市2024年6月就业形势分析_2024年第7期.pdf'
 */
export function reportFileName(r: { title: string; issueYear: number; issueNo: number; locale?: Locale }, ext: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
  const safe = r.title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim() || 'report';
  const issue = r.locale === 'en-US' ? `${r.issueYear}-No${r.issueNo}` : `${r.issueYear}年第${r.issueNo}期`;
  return `${safe}_${issue}.${ext}`;
}
