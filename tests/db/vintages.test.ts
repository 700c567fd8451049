import { afterEach, describe, expect, it } from 'vitest';
import { ObservationStore } from '../../main/db/observations';
import { deleteSnapshot, provenanceOf, snapshotDetail, snapshotDiff } from '../../main/db/snapshots';
import { writeExchangeCsv, type ExchangeRow } from '../../shared/exchange';
import { AppError } from '../../shared/api/errors';
import { importBench, type Bench } from '../support/imports';

const benches: Bench[] = [];
afterEach(() => {
  for (const b of benches.splice(0)) b.close();
});

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const DISTRICTS = ['', '210102', '210103', '210106', '210112'];
const MONTHS = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];

/** A random set of UNE.REG_COUNT values keyed "district|period". */
function randomValues(r: () => number, count: number): Map<string, number> {
  const out = new Map<string, number>();
  while (out.size < count) out.set(`${DISTRICTS[Math.floor(r() * DISTRICTS.length)]}|${MONTHS[Math.floor(r() * MONTHS.length)]}`, Math.round(r() * 100000) / 10);
  return out;
}

function csvOf(values: Map<string, number>): string {
  const rows: ExchangeRow[] = [...values].map(([k, value]) => {
    const [district, period] = k.split('|') as [string, string];
    const members: Record<string, string> = district ? { district } : {};
    return { indicator: 'UNE.REG_COUNT', period, value, members };
  });
  return writeExchangeCsv(rows, ['district']);
}

/** Every latest (or as-of) value of UNE.REG_COUNT in the cache, keyed like the generator. */
function state(b: Bench, asOf?: { snapshot: number } | { date: string }): Map<string, number> {
  const store = new ObservationStore(b.ws.ctx.db);
  const out = new Map<string, number>();
  for (const s of store.listSeries('UNE.REG_COUNT')) {
    for (const p of store.read(s.id, asOf)) if (p.value !== null) out.set(`${s.members.district ?? ''}|${p.period}`, p.value);
  }
  return out;
}

describe('vintages (property tests on random revisions)', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`seed ${seed}: re-import changes nothing; a revision counts exactly; deleting it restores the earlier state; as-of sees the past`, async () => {
      const b = importBench({ demo: false });
      benches.push(b);
      const r = rng(seed);
      const first = randomValues(r, 20);
      const fileA = b.write('a.csv', csvOf(first));
      const a = await b.commit(fileA);
      expect(a.counts).toMatchObject({ added: first.size, revised: 0, unchanged: 0 });
      const s1 = state(b);
      expect(s1).toEqual(first);

      // The identical file again: no snapshot, no value, nothing.
      const fp = b.fingerprint();
      const again = await b.commit(fileA);
      expect(again).toMatchObject({ noop: true, snapshotId: a.snapshotId });
      expect(b.fingerprint()).toEqual(fp);

      // A revision: some values changed, some repeated, some new. Expected counts from the generator.
      const second = new Map<string, number>();
      for (const [k, v] of first) if (r() < 0.6) second.set(k, r() < 0.5 ? v : Math.round((v + 1 + r() * 50) * 10) / 10);
      for (const [k, v] of randomValues(r, 8)) if (!second.has(k)) second.set(k, v);
      let added = 0;
      let revised = 0;
      let unchanged = 0;
      for (const [k, v] of second) {
        if (!first.has(k)) added++;
        else if (first.get(k) === v) unchanged++;
        else revised++;
      }
      await new Promise((res) => setTimeout(res, 5));
      const between = new Date().toISOString();
      await new Promise((res) => setTimeout(res, 5));
      const c = await b.commit(b.write('b.csv', csvOf(second)));
      expect(c.counts).toMatchObject({ read: second.size, added, revised, unchanged });

      const s2 = state(b);
      expect(s2).toEqual(new Map([...first, ...second]));
      // As of the first snapshot, and as of a time between the two imports: the first state.
      expect(state(b, { snapshot: a.snapshotId })).toEqual(s1);
      expect(state(b, { date: between })).toEqual(s1);

      // The diff lists exactly the added and revised values with old, new and change.
      const diff = snapshotDiff(b.ws.ctx.db, c.snapshotId, 'all', 1000);
      expect(diff.total).toBe(added + revised);
      for (const row of diff.rows) {
        const k = `${row.members.district ?? ''}|${row.period}`;
        expect(row.value).toBe(second.get(k));
        if (row.kind === 'revised') {
          expect(row.old).toBe(first.get(k));
          expect(row.change).toBeCloseTo((second.get(k)! / first.get(k)! - 1) * 100, 9);
        } else {
          expect(first.has(k)).toBe(false);
          expect(row.old).toBeNull();
        }
      }

      // Deleting the revision is recorded and restores the first state exactly.
      const detail = snapshotDetail(b.ws.ctx.db, c.snapshotId);
      expect(detail.currentValues).toBe(added + revised);
      const afterDelete = new Date(Date.now() + 1000);
      deleteSnapshot(b.ws.ctx.db, c.snapshotId, 'tester', '来源单位撤回', afterDelete);
      expect(state(b)).toEqual(s1);
      // As of before the deletion, the revision is still what was known then.
      expect(state(b, { date: new Date(afterDelete.getTime() - 1).toISOString() })).toEqual(s2);
      const audit = b.ws.ctx.db.prepare("SELECT actor, details FROM audit_log WHERE action = 'snapshot.delete'").get() as { actor: string; details: string };
      expect(audit.actor).toBe('tester');
      expect(JSON.parse(audit.details)).toMatchObject({ reason: '来源单位撤回', reverted: added + revised });
      expect(() => deleteSnapshot(b.ws.ctx.db, c.snapshotId, 'tester', 'again')).toThrowError(AppError);

      // After deleting, the same revision file can be imported again (a new snapshot).
      const re = await b.commit(b.write('b.csv', csvOf(second)));
      expect(re.noop).toBe(false);
      expect(state(b)).toEqual(s2);
    });
  }
});

describe('provenance', () => {
  it('names the snapshot, unit, file, sheet, row and column of a value, and its history', async () => {
    const b = importBench();
    benches.push(b);
    const c = await b.commit(b.write('2026年11月登记失业.csv', 'indicator,period,value,district\nUNE.REG_COUNT,2026-10,777,铁西区\n'), { importedBy: '李四' });
    const p = provenanceOf(b.ws.ctx.db, 'UNE.REG_COUNT', { district: '210106' }, '2026-10');
    expect(p).toMatchObject({ value: 777, sheet: null, row: 2, col: 'C' });
    expect(p.snapshot).toMatchObject({ id: c.snapshotId, unit: 'RSJ', unitName: { zh: '市人社局就业处' }, fileName: '2026年11月登记失业.csv', importedBy: '李四', kind: 'file' });
    expect(p.history.map((h) => [h.snapshotId === c.snapshotId, h.current])).toEqual([
      [true, true],
      [false, false],
    ]);
    // The demo value it revised is still there, as of the snapshot before.
    const earlier = provenanceOf(b.ws.ctx.db, 'UNE.REG_COUNT', { district: '210106' }, '2026-10', { snapshot: c.snapshotId - 1 });
    expect(earlier.snapshot.kind).toBe('demo');
    expect(earlier.value).toBe(p.history[1]!.value);
    expect(() => provenanceOf(b.ws.ctx.db, 'UNE.REG_COUNT', { district: '210106' }, '2030-01')).toThrowError(/no value/);
  });
});
