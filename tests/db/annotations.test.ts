import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/api/annotations';
import { rmSync } from 'node:fs';
import { exportAnnotations, importAnnotations } from '../../main/db/annotations';
import { openWorkstation } from '../../main/workstation';
import { demoDataDir } from '../support/demo-template';
import { useDemoWorkstation } from '../support/workstation';

const demo = useDemoWorkstation('ws-annotations-', 'analyst-a');
const { call: ok } = demo;
/** The code a refused call gives. */
const fails = async (method: string, input: unknown) => (await demo.refused(method, input)).code;
/** The demo cache carries its own annotations; the tests look at the ones they made. */
const mine = (list: Annotation[]) => list.filter((a) => a.author === 'analyst-a').map((a) => a.id);
const audits = (action: string) => demo.ws.ctx.db.prepare('SELECT entity_id, actor, details FROM audit_log WHERE action = ? ORDER BY id').all(action) as Array<{ entity_id: string; actor: string; details: string }>;

describe('annotations', () => {
  it('creates point and range annotations on a series, lists them by target, category, window and text', async () => {
    const point = await ok<Annotation>('annotation.create', { target: { kind: 'series', indicator: 'UNE.SURVEY_RATE' }, periodFrom: '2026-07', text: '高校毕业生集中离校', category: 'seasonal' });
    const range = await ok<Annotation>('annotation.create', { target: { kind: 'series', indicator: 'UNE.REG_COUNT', members: { district: '210106' } }, periodFrom: '2026-03', periodTo: '2026-05', text: '稳岗返还政策集中兑现', category: 'policy' });
    expect(point).toMatchObject({ periodTo: null, author: 'analyst-a', category: 'seasonal', target: { kind: 'series', indicator: 'UNE.SURVEY_RATE', members: {} } });
    expect(range).toMatchObject({ periodFrom: '2026-03', periodTo: '2026-05', target: { members: { district: '210106' } } });

    const onTotal = await ok<Annotation[]>('annotation.list', { targets: [{ kind: 'series', indicator: 'UNE.REG_COUNT', members: {} }] });
    expect(onTotal).toEqual([]);
    const onTiexi = await ok<Annotation[]>('annotation.list', { targets: [{ kind: 'series', indicator: 'UNE.REG_COUNT', members: { district: '210106' } }] });
    expect(onTiexi.map((a) => a.id)).toEqual([range.id]);
    expect(mine(await ok<Annotation[]>('annotation.list', { categories: ['policy'] }))).toEqual([range.id]);
    expect(mine(await ok<Annotation[]>('annotation.list', { from: '2026-05', to: '2026-06' }))).toEqual([range.id]);
    expect(mine(await ok<Annotation[]>('annotation.list', { search: '毕业' }))).toEqual([point.id]);
    expect(await ok<Annotation[]>('annotation.list', { search: '%' })).toEqual([]);
    // The demo's own: the 2020 shock on the surveyed rate, found by its window.
    expect((await ok<Annotation[]>('annotation.list', { targets: [{ kind: 'series', indicator: 'UNE.SURVEY_RATE', members: {} }], from: '2020-03', to: '2020-03' })).map((a) => a.uid)).toEqual(['demo-2020-shock']);
    expect(audits('annotation.create').map((a) => Number(a.entity_id))).toEqual([point.id, range.id]);
  });

  it('edits and deletes with the before and after state in the audit log', async () => {
    const a = await ok<Annotation>('annotation.create', { target: { kind: 'series', indicator: 'EMP.NEW_URBAN' }, periodFrom: '2026-02', text: 'draft', category: 'other' });
    const edited = await ok<Annotation>('annotation.update', { id: a.id, text: '春节因素，1-2月合并', category: 'seasonal', periodTo: '2026-03' });
    expect(edited).toMatchObject({ text: '春节因素，1-2月合并', category: 'seasonal', periodFrom: '2026-02', periodTo: '2026-03', createdAt: a.createdAt });
    const log = JSON.parse(audits('annotation.update').at(-1)!.details) as { before: Annotation; after: Annotation };
    expect(log.before.text).toBe('draft');
    expect(log.after.text).toBe('春节因素，1-2月合并');
    await ok('annotation.delete', { id: a.id });
    expect(await fails('annotation.update', { id: a.id, text: 'x' })).toBe('annotation.not_found');
    expect(JSON.parse(audits('annotation.delete').at(-1)!.details)).toMatchObject({ id: a.id, text: '春节因素，1-2月合并' });
  });

  it('refuses periods of the wrong frequency, backward ranges, unknown series and empty text, storing nothing', async () => {
    const before = (demo.ws.ctx.db.prepare('SELECT count(*) AS n FROM annotation').get() as { n: number }).n;
    expect(await fails('annotation.create', { target: { kind: 'series', indicator: 'LMK.RATIO' }, periodFrom: '2026-06', text: 'x' })).toBe('annotation.wrong_frequency');
    expect(await fails('annotation.create', { target: { kind: 'series', indicator: 'UNE.SURVEY_RATE' }, periodFrom: '2026-06', periodTo: '2026-01', text: 'x' })).toBe('annotation.bad_range');
    expect(await fails('annotation.create', { target: { kind: 'series', indicator: 'NOPE.X' }, periodFrom: '2026-06', text: 'x' })).toBe('series.unknown_indicator');
    expect(await fails('annotation.create', { target: { kind: 'series', indicator: 'UNE.SURVEY_RATE', members: { district: '210106' } }, periodFrom: '2026-06', text: 'x' })).toBe('series.unknown_dimension');
    expect(await fails('annotation.create', { target: { kind: 'series', indicator: 'UNE.SURVEY_RATE' }, periodFrom: '2026-06', text: '   ' })).toBe('common.invalid_input');
    expect((demo.ws.ctx.db.prepare('SELECT count(*) AS n FROM annotation').get() as { n: number }).n).toBe(before);
  });

  it('travels by uid: importing the same set twice adds it once', async () => {
    await ok('annotation.create', { target: { kind: 'index', index: 'default' }, periodFrom: '2026-04', text: '指数口径调整', category: 'data' });
    const exported = exportAnnotations(demo.ws.ctx.db);
    const other = demoDataDir();
    const ws2 = openWorkstation({ dataDir: other, demo: false, actor: 'b' });
    try {
      // The other cache is a demo copy too: it already holds the demo's annotations (same uids).
      const already = new Set(exportAnnotations(ws2.ctx.db).map((a) => a.uid));
      const fresh = exported.filter((a) => !already.has(a.uid)).length;
      expect(fresh).toBeGreaterThan(0);
      expect(importAnnotations(ws2.ctx.db, exported)).toEqual({ added: fresh, unchanged: exported.length - fresh });
      expect(importAnnotations(ws2.ctx.db, exported)).toEqual({ added: 0, unchanged: exported.length });
      expect(exportAnnotations(ws2.ctx.db)).toEqual(exported);
    } finally {
      ws2.close();
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('attach to a key enterprise, monthly, and never travel in packages (firm ids are local)', async () => {
    const firm = demo.ws.ctx.db.prepare('SELECT id FROM enterprise ORDER BY id LIMIT 1').get() as { id: number };
    const a = await ok<Annotation>('annotation.create', { target: { kind: 'firm', enterpriseId: firm.id }, periodFrom: '2026-05', periodTo: '2026-06', text: '生产线搬迁，分批减员', category: 'event' });
    expect(a).toMatchObject({ target: { kind: 'firm', enterpriseId: firm.id }, periodFrom: '2026-05', periodTo: '2026-06', ledgerItemIds: [] });
    expect(mine(await ok<Annotation[]>('annotation.list', { targets: [{ kind: 'firm', enterpriseId: firm.id }] }))).toEqual([a.id]);
    expect(mine(await ok<Annotation[]>('annotation.list', { targets: [{ kind: 'firm', enterpriseId: firm.id + 1 }] }))).toEqual([]);
    expect(await fails('annotation.create', { target: { kind: 'firm', enterpriseId: 99999999 }, periodFrom: '2026-05', text: 'x' })).toBe('annotation.unknown_firm');
    expect(await fails('annotation.create', { target: { kind: 'firm', enterpriseId: firm.id }, periodFrom: '2026-Q2', text: 'x' })).toBe('annotation.firm_monthly');
    expect(exportAnnotations(demo.ws.ctx.db).map((x) => x.target.kind as string)).not.toContain('firm');
  });

  it('link to risk-ledger items through the ledger: on create, in both views, and unlinked in its history when deleted', async () => {
    const db = demo.ws.ctx.db;
    const item = db.prepare('SELECT id, enterprise_id AS firm, period FROM ledger_item WHERE enterprise_id IS NOT NULL ORDER BY id LIMIT 1').get() as { id: number; firm: number; period: string };
    const a = await ok<Annotation>('annotation.create', { target: { kind: 'firm', enterpriseId: item.firm }, periodFrom: item.period, text: '已纳入台账', ledgerItem: item.id });
    expect(a.ledgerItemIds).toEqual([item.id]);
    const detail = await ok<{ annotationIds: number[]; actions: Array<{ action: string; details: unknown }> }>('ledger.get', { id: item.id });
    expect(detail.annotationIds).toContain(a.id);
    expect(detail.actions.at(-1)).toMatchObject({ action: 'link', details: { kind: 'annotation', targetId: a.id } });
    expect((await ok<Annotation[]>('annotation.list', { ids: [a.id] })).map((x) => x.id)).toEqual([a.id]);

    // An unknown ledger item refuses the whole create.
    const count = () => (db.prepare('SELECT count(*) AS n FROM annotation').get() as { n: number }).n;
    const before = count();
    expect(await fails('annotation.create', { target: { kind: 'firm', enterpriseId: item.firm }, periodFrom: item.period, text: 'x', ledgerItem: 99999999 })).toBe('ledger.not_found');
    expect(count()).toBe(before);

    await ok('annotation.delete', { id: a.id });
    const after = await ok<{ annotationIds: number[]; actions: Array<{ action: string; details: unknown }> }>('ledger.get', { id: item.id });
    expect(after.annotationIds).not.toContain(a.id);
    expect(after.actions.at(-1)).toMatchObject({ action: 'unlink', details: { kind: 'annotation', targetId: a.id } });
  });

  it('the demo notes the first firm ledger item on its firm, with the cut its report states', async () => {
    const db = demo.ws.ctx.db;
    const demoNote = (await ok<Annotation[]>('annotation.list', { search: '风险台账' })).find((a) => a.uid.startsWith('demo-firm-'))!;
    expect(demoNote.target.kind).toBe('firm');
    const firm = (demoNote.target as { enterpriseId: number }).enterpriseId;
    const r = db.prepare('SELECT opening - closing AS cut, sep_economic AS economic FROM enterprise_report WHERE enterprise_id = ? AND period = ? ORDER BY snapshot_id DESC LIMIT 1').get(firm, demoNote.periodFrom) as { cut: number; economic: number };
    expect(demoNote.text).toBe(`当月经济性裁员${r.economic}人${r.cut > 0 ? `，在岗职工净减少${r.cut}人` : ''}，已纳入风险台账跟踪处置`);
    expect(demoNote.ledgerItemIds).toHaveLength(1);
  });
});
