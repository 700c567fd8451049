import { describe, expect, it } from 'vitest';
import type { BindingView, RepinPreview, ReportSummary, ReportVersionInfo } from '../../shared/api/reports';
import { climateSentence } from '../../shared/analytics/climate-summary';
import { DEFAULT_DEFINITION_NAME } from '../../shared/analytics/default-definition';
import type { ClimateIndexResult } from '../../shared/api/analytics';
import type { TopCuts } from '../../shared/api/enterprises';
import { bindingKey, collectBindings, type Block, type Report } from '../../shared/reports/model';
import { TEST_DEMO_END } from '../support/demo-template';
import { useDemoWorkstation } from '../support/workstation';

const demo = useDemoWorkstation('ws-reports-', 'test');
const { call: ok } = demo;
/** The code a refused call gives. */
const fails = async (method: string, input: unknown) => (await demo.refused(method, input)).code;

/** The latest vintage of a total straight from SQL, independent of the store and the report code. */
function dbValue(code: string, period: string, maxSnapshot = Number.MAX_SAFE_INTEGER): number {
  const row = demo.ws.ctx.db
    .prepare(
      `SELECT o.value FROM observation o JOIN series s ON s.id = o.series_id
       WHERE s.indicator = ? AND s.members = '' AND o.period = ? AND o.snapshot_id <= ? ORDER BY o.snapshot_id DESC LIMIT 1`,
    )
    .get(code, period, maxSnapshot) as { value: number };
  return row.value;
}
const text = (b: Block) => (b.type === 'paragraph' ? b.content.map((i) => (i.type === 'text' ? i.text : `{${i.binding.indicator}:${i.binding.measure}}`)).join('') : '');

describe('reports: auto-draft, bindings and pinning', () => {
  let report: Report;

  it('drafts the seven sections for the month, pinned to the current state, numbered per year', async () => {
    report = await ok<Report>('report.draft', { period: TEST_DEMO_END, locale: 'zh-CN' });
    const headings = report.content.filter((b) => b.type === 'heading').map((b) => (b.type === 'heading' ? b.text : ''));
    expect(headings).toEqual(['一、总体判断', '二、主要指标', '三、重点企业', '四、重点群体', '五、风险隐患', '六、趋势研判', '七、下步措施']);
    expect(report).toMatchObject({ title: '沈阳市2026年10月就业形势分析', status: 'draft', period: '2026-10', issueNo: 1, revision: 1 });
    const maxSnap = (demo.ws.ctx.db.prepare('SELECT max(id) AS id FROM snapshot').get() as { id: number }).id;
    expect(report.pinnedSnapshot).toBe(maxSnap);
    const types = new Set(report.content.map((b) => b.type));
    for (const t of ['kpiTable', 'chart', 'enterpriseRanking', 'keyGroups', 'climateIndex', 'riskSummary', 'paragraph']) expect(types.has(t as Block['type'])).toBe(true);
    // The standard sentence, with the numbers as bindings, not text.
    expect(report.content.map(text)).toContain('2026年1-10月，全市城镇新增就业{EMP.NEW_URBAN:value}，完成年度目标的{EMP.NEW_URBAN_PCT:value}，{EMP.NEW_URBAN_PCT:progress}，同比{EMP.NEW_URBAN:yoy}。');
    for (const b of report.content) if (b.type === 'paragraph') for (const i of b.content) if (i.type === 'text') expect(i.text).not.toMatch(/\d+\.\d/);
    const second = await ok<Report>('report.draft', { period: '2026-09' });
    expect(second.issueNo).toBe(2);
  });

  it('resolves bindings to the database values with the standard phrasing and provenance', async () => {
    const views = await ok<Record<string, BindingView>>('report.bindings', { id: report.id });
    const find = (code: string, measure: string) => Object.values(views).find((v) => v.binding.indicator === code && v.binding.measure === measure)!;
    const jobs = dbValue('EMP.NEW_URBAN', '2026-10');
    expect(find('EMP.NEW_URBAN', 'value').text).toBe(`${jobs.toFixed(2)}万人`);
    const rateNow = dbValue('UNE.SURVEY_RATE', '2026-10');
    const ratePrev = dbValue('UNE.SURVEY_RATE', '2026-09');
    const delta = Math.round((rateNow - ratePrev) * 10) / 10;
    const expected = delta === 0 ? '持平' : `${delta > 0 ? '上升' : '下降'}${Math.abs(delta).toFixed(1)}个百分点`;
    expect(find('UNE.SURVEY_RATE', 'prev').text).toBe(expected);
    const yoy = (jobs / dbValue('EMP.NEW_URBAN', '2025-10') - 1) * 100;
    expect(find('EMP.NEW_URBAN', 'yoy').text).toBe(`${yoy >= 0 ? '增长' : '下降'}${Math.abs(yoy).toFixed(1)}%`);
    const pct = dbValue('EMP.NEW_URBAN_PCT', '2026-10');
    const gap = pct - 83.3; // time progress of 1-10月: 10/12 = 83.3%
    expect(find('EMP.NEW_URBAN_PCT', 'progress').text).toBe(`${gap >= 0 ? '快于' : '慢于'}时序进度${Math.abs(gap).toFixed(1)}个百分点`);
    const prov = find('UNE.SURVEY_RATE', 'value').provenance!;
    expect(prov.sourceUnit).toBe('DCD');
    expect(prov.fileName).toBe('演示数据_DCD.csv');
  });

  it('ranks the month\'s largest reducers as the key-enterprise feature does, on the pinned state', async () => {
    const block = report.content.find((b) => b.type === 'enterpriseRanking')!;
    const html = (await ok<{ html: string }>('report.blockPreview', { id: report.id, block })).html;
    const names = [...html.matchAll(/<tr><td>\d+<\/td><td>([^<]+)<\/td>/g)].map((m) => m[1]);
    const top = await ok<TopCuts>('enterprises.topCuts', { period: TEST_DEMO_END, limit: 10 });
    expect(names).toEqual(top.items.map((i) => i.firm.name));
    expect(names.length).toBe(10);
  });

  it('keeps the pinned numbers when a revision arrives, lists what moved, and moves only on acceptance', async () => {
    const climate = report.content.find((b) => b.type === 'climateIndex')!;
    const climateBefore = (await ok<{ html: string }>('report.blockPreview', { id: report.id, block: climate })).html;
    const indexBefore = await ok<ClimateIndexResult>('climate.compute', { name: DEFAULT_DEFINITION_NAME });
    // An agency re-sends October's surveyed rate, 0.3 points higher.
    const old = dbValue('UNE.SURVEY_RATE', '2026-10');
    const snap = Number(
      demo.ws.ctx.db
        .prepare(`INSERT INTO snapshot (source_unit, kind, file_name, imported_at, imported_by, rows_read, rows_stored, period_from, period_to) VALUES ('DCD', 'file', 'revision.csv', ?, 'test', 1, 1, '2026-10', '2026-10')`)
        .run(new Date().toISOString()).lastInsertRowid,
    );
    const seriesId = demo.ws.ctx.store.seriesId('UNE.SURVEY_RATE', {})!;
    demo.ws.ctx.db.prepare('INSERT INTO observation (series_id, period, snapshot_id, value) VALUES (?, ?, ?, ?)').run(seriesId, '2026-10', snap, Math.round((old + 0.3) * 10) / 10);

    const pinned = await ok<Record<string, BindingView>>('report.bindings', { id: report.id });
    const key = Object.keys(pinned).find((k) => pinned[k]!.binding.indicator === 'UNE.SURVEY_RATE' && pinned[k]!.binding.measure === 'value')!;
    expect(pinned[key]!.text).toBe(`${old.toFixed(1)}%`);

    const preview = await ok<RepinPreview>('report.repinPreview', { id: report.id });
    expect(preview.from.snapshot).toBe(report.pinnedSnapshot);
    expect(preview.to.snapshot).toBe(snap);
    const movedCodes = new Set(preview.moved.map((m) => m.binding.indicator));
    expect([...movedCodes]).toEqual(['UNE.SURVEY_RATE']);
    const movedValue = preview.moved.find((m) => m.key === key)!;
    expect(movedValue.before.text).toBe(`${old.toFixed(1)}%`);
    expect(movedValue.after.text).toBe(`${(Math.round((old + 0.3) * 10) / 10).toFixed(1)}%`);
    expect(preview.unchanged + preview.moved.length).toBe(collectBindings(report.content).length);

    // The climate index (the surveyed rate is one of its components) moves on the current state,
    // not in the pinned report.
    const indexAfter = await ok<ClimateIndexResult>('climate.compute', { name: DEFAULT_DEFINITION_NAME });
    const oct = (r: ClimateIndexResult) => r.index[r.periods.indexOf('2026-10')];
    expect(oct(indexAfter)).not.toBe(oct(indexBefore));
    expect((await ok<{ html: string }>('report.blockPreview', { id: report.id, block: climate })).html).toBe(climateBefore);

    expect(await fails('report.repin', { id: report.id, snapshot: snap, revision: report.revision + 5 })).toBe('report.conflict');
    report = await ok<Report>('report.repin', { id: report.id, snapshot: snap, revision: report.revision });
    expect(report.pinnedSnapshot).toBe(snap);
    const after = await ok<Record<string, BindingView>>('report.bindings', { id: report.id });
    expect(after[key]!.text).toBe(movedValue.after.text);
    expect((await ok<RepinPreview>('report.repinPreview', { id: report.id })).moved).toEqual([]);
    const climateAfter = (await ok<{ html: string }>('report.blockPreview', { id: report.id, block: climate })).html;
    expect(climateAfter).not.toBe(climateBefore);
    expect(climateAfter).toContain(climateSentence(indexAfter, indexAfter.periods.indexOf('2026-10'), 'zh-CN', 'period')!);
  });

  it('saves edits with optimistic revisions, keeps every final as a version, and refuses a taken issue number', async () => {
    const edited = report.content.map((b) => (b.id === report.content[1]!.id && b.type === 'paragraph' ? { ...b, content: [{ type: 'text' as const, text: '总体判断由作者改写。' }] } : b));
    const saved = await ok<Report>('report.save', { id: report.id, revision: report.revision, content: edited });
    expect(saved.revision).toBe(report.revision + 1);
    expect(await fails('report.save', { id: report.id, revision: report.revision, title: 'stale' })).toBe('report.conflict');
    expect(await fails('report.save', { id: report.id, revision: saved.revision, issueNo: 2 })).toBe('report.issue_taken');

    const final1 = await ok<Report>('report.save', { id: report.id, revision: saved.revision, status: 'final' });
    const final2 = await ok<Report>('report.save', { id: report.id, revision: final1.revision, title: '沈阳市2026年10月就业形势分析（修订）' });
    const versions = await ok<ReportVersionInfo[]>('report.versions', { id: report.id });
    expect(versions.map((v) => [v.version, v.title])).toEqual([
      [2, '沈阳市2026年10月就业形势分析（修订）'],
      [1, '沈阳市2026年10月就业形势分析'],
    ]);
    const v1 = await ok<Report>('report.version', { id: report.id, version: 1 });
    expect(v1.title).toBe('沈阳市2026年10月就业形势分析');
    expect(text(v1.content[1]!)).toBe('总体判断由作者改写。');
    expect(final2.versions).toBe(2);
    expect(await fails('report.delete', { id: report.id })).toBe('report.final_locked');

    const list = await ok<ReportSummary[]>('report.list', { status: 'final' });
    expect(list.map((r) => r.id)).toEqual([report.id]);
    expect((await ok<ReportSummary[]>('report.list', { search: '修订' })).map((r) => r.id)).toEqual([report.id]);
    const actions = (demo.ws.ctx.db.prepare("SELECT action FROM audit_log WHERE entity = 'report' AND entity_id = ? ORDER BY id").all(String(report.id)) as Array<{ action: string }>).map((a) => a.action);
    expect(actions).toEqual(['report.draft', 'report.repin', 'report.save', 'report.save', 'report.save']);
  });

  it('drafts in English for the en-US UI, with the same bindings', async () => {
    const en = await ok<Report>('report.draft', { period: TEST_DEMO_END, locale: 'en-US' });
    expect(en.title).toBe('Shenyang Employment Situation, October 2026');
    expect(en.content[0]).toMatchObject({ type: 'heading', text: 'I. Overall assessment' });
    const views = await ok<Record<string, BindingView>>('report.bindings', { id: en.id });
    const rate = Object.values(views).find((v) => v.binding.indicator === 'UNE.SURVEY_RATE' && v.binding.measure === 'prev')!;
    expect(rate.text).toMatch(/^(up|down) \d\.\d points?$|^unchanged$/);
    expect(collectBindings(en.content).map(bindingKey).sort()).toEqual(collectBindings(report.content).map(bindingKey).sort());
  });

  it('refuses a month without data', async () => {
    expect(await fails('report.draft', { period: '2030-01' })).toBe('report.no_data_for_period');
    expect(await fails('report.draft', { period: '2026-Q3' })).toBe('common.invalid_input');
  });
});
