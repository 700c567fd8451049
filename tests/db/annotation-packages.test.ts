/**
 * Annotations travel with snapshot packages: those on the packaged indicators (and on the index
 * over the packaged periods) go along, are signed with the rest, and a second import adds nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../shared/api/annotations';
import { exportPackage, importPackage } from '../../main/packages/package';
import { importBench, type Bench as ImportBench } from '../support/imports';
import { readZip } from '../support/zip';

const benches: ImportBench[] = [];
afterEach(() => {
  for (const b of benches.splice(0)) b.close();
});
function bench(o?: Parameters<typeof importBench>[0]): ImportBench {
  const b = importBench(o);
  benches.push(b);
  return b;
}
async function ok<T>(b: ImportBench, method: string, input: unknown): Promise<T> {
  const env = await b.ws.dispatch(method, input);
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return env.value as T;
}

describe('annotations in snapshot packages', () => {
  it('go with the snapshots of their indicators and arrive once', async () => {
    const a = bench({ actor: '甲', demo: false });
    const snap = await a.commit(a.write('11月.csv', 'indicator,period,value\nUNE.REG_COUNT,2026-10,880\nUNE.REG_COUNT,2026-11,900\n'));
    const onSeries = await ok<Annotation>(a, 'annotation.create', { target: { kind: 'series', indicator: 'UNE.REG_COUNT', members: { district: '210106' } }, periodFrom: '2026-11', text: '铁西区集中登记', category: 'data' });
    const onIndex = await ok<Annotation>(a, 'annotation.create', { target: { kind: 'index', index: 'employment-climate' }, periodFrom: '2026-10', periodTo: '2026-12', text: '口径调整', category: 'data' });
    await ok(a, 'annotation.create', { target: { kind: 'series', indicator: 'UNE.SURVEY_RATE' }, periodFrom: '2026-11', text: '不在包里', category: 'other' });
    await ok(a, 'annotation.create', { target: { kind: 'index', index: 'employment-climate' }, periodFrom: '2020-02', text: '时期不重叠', category: 'event' });

    const pkg = exportPackage(a.ws.ctx.db, { snapshotIds: [snap.snapshotId], sign: false, actor: '甲', dataDir: a.dir, appVersion: 'test' });
    expect(pkg.manifest.sections).toContain('annotations');
    const section = JSON.parse(readZip(pkg.bytes).find((e) => e.name === 'sections/annotations.json')!.data.toString()) as Annotation[];
    expect(section.map((x) => x.uid).sort()).toEqual([onSeries.uid, onIndex.uid].sort());

    const b = bench({ actor: '乙', demo: false });
    const file = b.write('p.wspkg', pkg.bytes);
    const r = await importPackage(b.ws.ctx.db, file, 'p.wspkg', { actor: '乙', allowUnsigned: true });
    expect(r.sections).toEqual({ annotations: { added: 2, unchanged: 0, skipped: 0 } });
    const arrived = await ok<Annotation[]>(b, 'annotation.list', {});
    expect(arrived.map((x) => [x.uid, x.text, x.author])).toEqual(
      [
        [onIndex.uid, '口径调整', '甲'],
        [onSeries.uid, '铁西区集中登记', '甲'],
      ],
    );
    const again = await importPackage(b.ws.ctx.db, file, 'p.wspkg', { actor: '乙', allowUnsigned: true });
    expect(again.noop).toBe(true);
    expect(await ok<Annotation[]>(b, 'annotation.list', {})).toHaveLength(2);
  });
});
