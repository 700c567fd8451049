/**
 * Monthly situation reports: auto-draft, edit and save (drafts autosaved, every final kept as a
 * version), bindings resolved against the pinned snapshot state, re-pinning with the moved
 * bindings listed first, preview, and export to PDF, DOCX or the print page itself. Exports and
 * every change are audited.
 */
import type { BindingView, RepinPreview, ReportSettings } from '../../shared/api/reports';
import { DEFAULT_DEFINITION_NAME } from '../../shared/analytics/default-definition';
import { AppError } from '../../shared/api/errors';
import type { ExportedFile } from '../../shared/api/series';
import type { Locale } from '../../shared/domain/types';
import { buildDraft, DRAFT_INDICATORS } from '../../shared/reports/draft';
import { bindingKey, collectBindings, defaultReportTitle, reportFileName, type Binding, type Report } from '../../shared/reports/model';
import { movedKeys } from '../../shared/reports/pinning';
import { blocksHtml, PRINT_CSS, printBody, printPage } from '../../shared/reports/print';
import { writeAudit } from '../db/audit';
import { currentSnapshot, deleteReport, getReport, getVersion, insertReport, insertVersion, issueTaken, listReports, listVersions, nextIssueNo, updateReport } from '../db/reports';
import { fontFaceCss } from '../reports/fonts';
import { printDocumentToDocx } from '../reports/docx';
import { printHtmlFileWithChromium, printPageToPdf } from '../reports/pdf';
import { PinnedReader, resolveBindings, resolveReport } from '../reports/resolve';
import { getSetting, setSetting } from './settings';
import type { HandlersFor, ServiceContext } from './types';

const SETTINGS_KEY = 'report.settings';

/** Report settings; unit and recipients default to the report's language until the user sets them. */
export function reportSettings(ctx: ServiceContext, locale: Locale = 'zh-CN'): ReportSettings {
  const saved = getSetting<Partial<ReportSettings>>(ctx.db, SETTINGS_KEY, {});
  const zh = locale === 'zh-CN';
  return {
    chromiumPath: saved.chromiumPath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    authorUnit: saved.authorUnit ?? (zh ? '沈阳市人力资源和社会保障局' : 'Shenyang Human Resources and Social Security Bureau'),
    distribution: saved.distribution ?? (zh ? '市委、市政府主要领导\n市委、市政府分管领导\n省人力资源和社会保障厅' : 'Principal leaders of the municipal Party committee and government\nLeaders in charge\nProvincial Department of Human Resources and Social Security'),
  };
}

function requireReport(ctx: ServiceContext, id: number): Report {
  const r = getReport(ctx.db, id);
  if (!r) throw new AppError('report.not_found', `No report ${id}`, { id });
  return r;
}

function checkRevision(r: Report, revision: number): void {
  if (r.revision !== revision) {
    throw new AppError('report.conflict', `Report ${r.id} was saved elsewhere (revision ${r.revision}, yours ${revision}); reload it first`, { id: r.id, revision: r.revision });
  }
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Creates the auto-draft for a month, pinned to the current state. */
export function draftReport(ctx: ServiceContext, period: string, locale: Locale, title?: string): Report {
  const pinned = currentSnapshot(ctx.db);
  if (!pinned) throw new AppError('report.no_data', 'The cache holds no data yet; import or generate data first');
  const reader = new PinnedReader(ctx, pinned);
  const indicators = new Map(DRAFT_INDICATORS.map((c) => [c, reader.indicator(c)] as const).filter((e): e is [string, NonNullable<(typeof e)[1]>] => e[1] !== null));
  const series = new Map([...indicators.keys()].map((c) => [c, reader.points(c)]));
  const hasMonth = [...series.entries()].some(([c, pts]) => indicators.get(c)!.frequency === 'M' && pts.some((p) => p.period === period && p.value != null));
  if (!hasMonth) throw new AppError('report.no_data_for_period', `No monthly data for ${period} in the cache`, { period });
  const enterpriseReports = !!ctx.db.prepare('SELECT 1 FROM enterprise_report WHERE period = ? AND snapshot_id <= ? LIMIT 1').get(period, pinned);
  const climateDefinition = (ctx.db.prepare('SELECT 1 FROM index_definition WHERE name = ? LIMIT 1').get(DEFAULT_DEFINITION_NAME) as unknown) ? DEFAULT_DEFINITION_NAME : null;
  const content = buildDraft({ period, locale, indicators, series, enterpriseReports, climateDefinition, riskSummary: true });
  const settings = reportSettings(ctx, locale);
  const date = today();
  const year = Number(date.slice(0, 4));
  const at = new Date().toISOString();
  return ctx.db.transaction(() => {
    const id = insertReport(ctx.db, {
      title: title ?? defaultReportTitle(period, locale),
      issueYear: year,
      issueNo: nextIssueNo(ctx.db, year),
      period,
      authorUnit: settings.authorUnit,
      reportDate: date,
      distribution: settings.distribution,
      locale,
      pinnedSnapshot: pinned,
      status: 'draft',
      content,
      createdAt: at,
      createdBy: ctx.actor,
    });
    writeAudit(ctx.db, { actor: ctx.actor, action: 'report.draft', entity: 'report', entityId: id, details: { period, locale, pinnedSnapshot: pinned, blocks: content.length } });
    return getReport(ctx.db, id)!;
  })();
}

function reportForExport(ctx: ServiceContext, id: number, version?: number): Report {
  const r = requireReport(ctx, id);
  if (version === undefined) return r;
  const v = getVersion(ctx.db, id, version);
  if (!v) throw new AppError('report.no_version', `Report ${id} has no version ${version}`, { id, version });
  return v;
}

/** Renders a report to a file in the given format. */
export async function exportReport(ctx: ServiceContext, id: number, format: 'pdf' | 'docx' | 'html', version?: number): Promise<ExportedFile> {
  const report = reportForExport(ctx, id, version);
  const { doc } = resolveReport(ctx, report);
  let bytes: Buffer;
  let mime: string;
  if (format === 'docx') {
    bytes = await printDocumentToDocx(doc);
    mime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  } else {
    const html = printPage(doc, fontFaceCss());
    if (format === 'html') {
      bytes = Buffer.from(html, 'utf8');
      mime = 'text/html';
    } else {
      const chromiumPath = reportSettings(ctx).chromiumPath;
      bytes = await printPageToPdf(html, ctx.host.printToPdf ?? ((file) => printHtmlFileWithChromium(file, chromiumPath)));
      mime = 'application/pdf';
    }
  }
  const fileName = reportFileName({ ...report, title: version ? `${report.title}_v${version}` : report.title }, format);
  writeAudit(ctx.db, { actor: ctx.actor, action: 'report.export', entity: 'report', entityId: id, details: { format, version: version ?? null, fileName, bytes: bytes.length, pinnedSnapshot: report.pinnedSnapshot } });
  return { fileName, mime, content: bytes.toString('base64'), encoding: 'base64' };
}

const MEASURE_LABELS: Record<Binding['measure'], [string, string]> = {
  value: ['数值', 'value'],
  periodValue: ['当期值', 'period value'],
  prev: ['比上期', 'on previous period'],
  yoy: ['同比', 'year on year'],
  progress: ['较时序进度', 'against time progress'],
  trend: ['连续变化', 'run of changes'],
};

export function repinPreview(ctx: ServiceContext, id: number): RepinPreview {
  const r = requireReport(ctx, id);
  const to = currentSnapshot(ctx.db);
  const bindings = collectBindings(r.content);
  const before = resolveBindings(ctx, new PinnedReader(ctx, r.pinnedSnapshot), bindings, r.locale);
  const after = resolveBindings(ctx, new PinnedReader(ctx, to), bindings, r.locale);
  const state = (snapshot: number) => ({ snapshot, importedAt: (ctx.db.prepare('SELECT imported_at FROM snapshot WHERE id = ?').get(snapshot) as { imported_at: string } | undefined)?.imported_at ?? null });
  const moved = movedKeys(bindings.map(bindingKey), before, after)
    .map((k) => {
      const b = before[k]!.binding;
      const ind = new PinnedReader(ctx, to).indicator(b.indicator);
      const name = ind ? (r.locale === 'zh-CN' ? ind.name.zh : ind.name.en) : b.indicator;
      const [zh, en] = MEASURE_LABELS[b.measure];
      return { key: k, binding: b, label: `${name} · ${b.period} · ${r.locale === 'zh-CN' ? zh : en}`, before: before[k]!, after: after[k]! };
    });
  return { from: state(r.pinnedSnapshot), to: state(to), moved, unchanged: bindings.length - moved.length };
}

export function reportsHandlers(
  ctx: ServiceContext,
): HandlersFor<
  | 'report.list'
  | 'report.get'
  | 'report.draft'
  | 'report.save'
  | 'report.delete'
  | 'report.bindings'
  | 'report.preview'
  | 'report.blockPreview'
  | 'report.repinPreview'
  | 'report.repin'
  | 'report.versions'
  | 'report.version'
  | 'report.export'
  | 'report.getSettings'
  | 'report.setSettings'
> {
  return {
    'report.list': (f) => listReports(ctx.db, f),
    'report.get': ({ id }) => requireReport(ctx, id),
    'report.draft': ({ period, locale, title }) => draftReport(ctx, period, locale ?? getSetting<Locale>(ctx.db, 'locale', 'zh-CN'), title),
    'report.save': (input) => {
      const before = requireReport(ctx, input.id);
      checkRevision(before, input.revision);
      const next: Report = {
        ...before,
        title: input.title ?? before.title,
        issueNo: input.issueNo ?? before.issueNo,
        issueYear: input.reportDate ? Number(input.reportDate.slice(0, 4)) : before.issueYear,
        authorUnit: input.authorUnit ?? before.authorUnit,
        reportDate: input.reportDate ?? before.reportDate,
        distribution: input.distribution ?? before.distribution,
        status: input.status ?? before.status,
        content: input.content ?? before.content,
      };
      if (issueTaken(ctx.db, next.issueYear, next.issueNo, next.id)) {
        throw new AppError('report.issue_taken', `Issue ${next.issueNo} of ${next.issueYear} is already used by another report`, { year: next.issueYear, issue: next.issueNo });
      }
      const at = new Date().toISOString();
      return ctx.db.transaction(() => {
        updateReport(ctx.db, next, ctx.actor, at);
        const saved = getReport(ctx.db, next.id)!;
        const version = saved.status === 'final' ? insertVersion(ctx.db, saved, ctx.actor, at) : null;
        writeAudit(ctx.db, {
          actor: ctx.actor,
          action: 'report.save',
          entity: 'report',
          entityId: next.id,
          details: { revision: saved.revision, status: saved.status, statusBefore: before.status, version, title: saved.title, issue: `${saved.issueYear}-${saved.issueNo}`, blocks: saved.content.length },
        });
        return getReport(ctx.db, next.id)!;
      })();
    },
    'report.delete': ({ id }) => {
      const r = requireReport(ctx, id);
      if (r.status === 'final') throw new AppError('report.final_locked', `Report ${id} is final and cannot be deleted`, { id });
      ctx.db.transaction(() => {
        deleteReport(ctx.db, id);
        writeAudit(ctx.db, { actor: ctx.actor, action: 'report.delete', entity: 'report', entityId: id, details: { title: r.title, period: r.period, issue: `${r.issueYear}-${r.issueNo}` } });
      })();
      return { id };
    },
    'report.bindings': ({ id, bindings }) => {
      const r = requireReport(ctx, id);
      const list = (bindings as Binding[] | undefined) ?? collectBindings(r.content);
      return resolveBindings(ctx, new PinnedReader(ctx, r.pinnedSnapshot), list, r.locale) as Record<string, BindingView>;
    },
    'report.preview': ({ id, content, version }) => {
      const r = reportForExport(ctx, id, version);
      const { doc, bindings } = resolveReport(ctx, r, content ?? r.content);
      return { html: printBody(doc), css: PRINT_CSS, bindings };
    },
    'report.blockPreview': ({ id, block }) => {
      const r = requireReport(ctx, id);
      const { doc } = resolveReport(ctx, r, [block]);
      return { html: `<div class="report snippet${r.locale === 'zh-CN' ? '' : ' en'}">${blocksHtml(doc.blocks)}</div>`, css: PRINT_CSS };
    },
    'report.repinPreview': ({ id }) => repinPreview(ctx, id),
    'report.repin': ({ id, snapshot, revision }) => {
      const r = requireReport(ctx, id);
      checkRevision(r, revision);
      if (snapshot > currentSnapshot(ctx.db) || !ctx.db.prepare('SELECT 1 FROM snapshot WHERE id = ?').get(snapshot)) {
        throw new AppError('report.bad_snapshot', `Snapshot ${snapshot} is not a state this cache has`, { snapshot });
      }
      const at = new Date().toISOString();
      return ctx.db.transaction(() => {
        updateReport(ctx.db, { ...r, pinnedSnapshot: snapshot }, ctx.actor, at);
        const saved = getReport(ctx.db, id)!;
        const version = saved.status === 'final' ? insertVersion(ctx.db, saved, ctx.actor, at) : null;
        writeAudit(ctx.db, { actor: ctx.actor, action: 'report.repin', entity: 'report', entityId: id, details: { from: r.pinnedSnapshot, to: snapshot, version } });
        return getReport(ctx.db, id)!;
      })();
    },
    'report.versions': ({ id }) => {
      requireReport(ctx, id);
      return listVersions(ctx.db, id);
    },
    'report.version': ({ id, version }) => reportForExport(ctx, id, version),
    'report.export': ({ id, format, version }) => exportReport(ctx, id, format, version),
    'report.getSettings': () => reportSettings(ctx, getSetting<Locale>(ctx.db, 'locale', 'zh-CN')),
    'report.setSettings': (input) => {
      const next = { ...reportSettings(ctx, getSetting<Locale>(ctx.db, 'locale', 'zh-CN')), ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
      ctx.db.transaction(() => {
        setSetting(ctx.db, SETTINGS_KEY, next);
        writeAudit(ctx.db, { actor: ctx.actor, action: 'settings.report', entity: 'setting', entityId: SETTINGS_KEY, details: next });
      })();
      return next;
    },
  };
}
