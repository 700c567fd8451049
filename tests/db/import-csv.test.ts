import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/errors';
import { ObservationStore } from '../../main/db/observations';
import { exportSeriesCsv } from '../../main/services/series';
import { importBench, type Bench } from '../support/imports';

const benches: Bench[] = [];
function bench(o?: Parameters<typeof importBench>[0]): Bench {
  const b = importBench(o);
  benches.push(b);
  return b;
}
afterEach(() => {
  for (const b of benches.splice(0)) b.close();
});

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** One table of values new to the demo cache (it ends 2026-10), in five encodings. */
const NOVEMBER = '地区,2026年11月\n铁西区,"12,345"\n和平区,9000\n沈北新区,—\n全市,88100\n';

describe('CSV import: encodings and delimiters', () => {
  it.each(['utf-8', 'utf-8-bom', 'gbk', 'gb18030', 'utf-16le'] as const)('reads %s and imports the same values', async (encoding) => {
    const b = bench();
    const file = b.write('登记失业人数_2026年11月.csv', `城镇登记失业人数\n单位：人\n${NOVEMBER}`, encoding);
    const p = await b.preview(file);
    expect(p.file.encoding).toBe(encoding === 'gbk' || encoding === 'gb18030' ? 'gb18030' : encoding === 'utf-8-bom' ? 'utf-8' : encoding);
    expect(p.counts).toMatchObject({ read: 4, added: 3, revised: 0, unchanged: 0, rejected: 0, skipped: 1 });
    expect(p.ready).toBe(true);
    const c = await b.commit(file);
    const store = new ObservationStore(b.ws.ctx.db);
    expect(store.readSeries('UNE.REG_COUNT', { district: '210106' }).find((x) => x.period === '2026-11')?.value).toBe(12345);
    expect(store.readSeries('UNE.REG_COUNT', { district: '210102' }).find((x) => x.period === '2026-11')?.value).toBe(9000);
    expect(store.readSeries('UNE.REG_COUNT').find((x) => x.period === '2026-11')).toEqual({ period: '2026-11', value: 88100, snapshotId: c.snapshotId });
    expect(store.readSeries('UNE.REG_COUNT', { district: '210113' }).find((x) => x.period === '2026-11')).toBeUndefined();
  });

  it('reads a GB18030 file with characters outside GBK (in an ignored column)', async () => {
    const b = bench();
    const file = b.write('x.csv', 'indicator,period,value,note\nUNE.SURVEY_RATE,2026-11,5.1,𠀀𪚥\n', 'gb18030');
    const p = await b.preview(file, { mapping: { version: 1, target: 'observations', sheets: [{ columns: [{ header: 'indicator', field: 'indicator' }, { header: 'period', field: 'period' }, { header: 'value', field: 'value' }, { header: 'note', ignore: true }] }] } });
    expect(p.file.encoding).toBe('gb18030');
    expect(p.counts.added).toBe(1);
  });

  it('refuses GBK bytes read as UTF-8 when the user forces UTF-8, naming the byte', async () => {
    const b = bench();
    const file = b.write('x.csv', `城镇登记失业人数\n${NOVEMBER}`, 'gbk');
    const err = await refusal(b.preview(file, { encoding: 'utf-8' }));
    expect(err.code).toBe('import.bad_encoding');
    expect(err.params).toMatchObject({ file: 'x.csv', encoding: 'UTF-8' });
  });

  it.each([
    [',', 'indicator,period,value\nUNE.SURVEY_RATE,2026-11,5.1\n'],
    ['\t', 'indicator\tperiod\tvalue\nUNE.SURVEY_RATE\t2026-11\t5.1\n'],
    [';', 'indicator;period;value\nUNE.SURVEY_RATE;2026-11;5.1%\n'],
  ])('detects the delimiter %j', async (delimiter, text) => {
    const b = bench();
    const p = await b.preview(b.write('x.csv', text));
    expect(p.file.delimiter).toBe(delimiter);
    expect(p.changes[0]).toMatchObject({ indicator: 'UNE.SURVEY_RATE', period: '2026-11', kind: 'added' });
  });
});

describe('the exchange format', () => {
  it('re-imports an explorer export unchanged, in UTF-8 and in GBK', async () => {
    const b = bench();
    const ctx = b.ws.ctx;
    const q = { indicator: 'UNE.REG_COUNT', filter: {}, breakdown: 'district', includeTotal: true, view: 'published' as const };
    const exported = exportSeriesCsv(ctx, q);
    const values = exported.content.trim().split('\n').length - 1;
    const before = b.fingerprint();
    for (const encoding of ['utf-8', 'gbk'] as const) {
      const file = b.write(`export-${encoding}.csv`, exported.content, encoding);
      const p = await b.preview(file);
      expect(p.mappingSource).toBe('exchange');
      expect(p.counts).toEqual({ read: values, added: 0, revised: 0, unchanged: values, rejected: 0, skipped: 0, warnings: 0 });
    }
    // Committing records that the file was received; no value is stored again.
    const c = await b.commit(b.write('export.csv', exported.content));
    expect(c.counts.unchanged).toBe(values);
    const after = b.fingerprint();
    expect(after.observation).toBe(before.observation);
    expect(after.snapshot).toBe(before.snapshot! + 1);
  });

  it('refuses the rows of a derived view with a clear message', async () => {
    const b = bench();
    const exported = exportSeriesCsv(b.ws.ctx, { indicator: 'UNE.REG_COUNT', filter: {}, includeTotal: true, view: 'yoy' });
    const p = await b.preview(b.write('yoy.csv', exported.content));
    expect(p.counts.added + p.counts.revised + p.counts.unchanged).toBe(0);
    expect(p.issues[0]).toMatchObject({ severity: 'error', code: 'import.derived_view', params: { view: 'yoy' }, row: 2, col: 'D' });
    expect(p.blockers.map((x) => x.code)).toContain('import.nothing_to_import');
    expect(p.ready).toBe(false);
    const before = b.fingerprint();
    expect((await refusal(b.commit(b.write('yoy2.csv', exported.content)))).code).toBe('import.nothing_to_import');
    expect(b.fingerprint()).toEqual(before);
  });

  it('takes members by Chinese name, periods in any form, a unit column, and refuses an unknown dimension column', async () => {
    const b = bench();
    const text = 'indicator,period,value,district,unit\nEMP.NEW_URBAN,2026年1-11月,"123,456",铁西区,人\nEMP.NEW_URBAN,202611,13.1,,\n';
    const p = await b.preview(b.write('x.csv', text));
    expect(p.counts.rejected).toBe(0);
    expect(p.changes.map((c) => [c.members, c.period, c.value])).toEqual([
      [{ district: '210106' }, '2026-11', 12.3456],
      [{}, '2026-11', 13.1],
    ]);
    const bad = await b.preview(b.write('y.csv', 'indicator,period,value,distrct\nUNE.REG_COUNT,2026-11,5,铁西区\n'));
    expect(bad.issues.find((i) => i.severity === 'error')).toMatchObject({ code: 'import.unknown_dimension', params: { dimension: 'distrct' } });
  });
});

describe('hints from the title and the file name', () => {
  it('reads "1-11月累计" with the year of the file name, the indicator and unit of the title', async () => {
    const b = bench();
    const p = await b.preview(b.write('城镇新增就业_2026年11月.csv', '城镇新增就业人数\n单位：人\n地区,1-11月累计\n铁西区,5000\n', 'gbk'));
    expect(p.counts).toMatchObject({ added: 1, rejected: 0 });
    // 5,000 人 is 0.5 万人, the indicator's unit.
    expect(p.changes[0]).toMatchObject({ indicator: 'EMP.NEW_URBAN', members: { district: '210106' }, period: '2026-11', value: 0.5 });
  });
});

describe('validation', () => {
  const header = 'indicator,period,value,district\n';
  const cases: Array<[string, string, string, Record<string, string | number>, string]> = [
    ['unknown indicator', 'NO.SUCH,2026-11,5,', 'import.unknown_indicator', { text: 'NO.SUCH' }, 'A'],
    ['unknown member', 'UNE.REG_COUNT,2026-11,5,火星区', 'import.unknown_member', { dimension: 'district', text: '火星区' }, 'D'],
    ['dimension not used', 'UNE.SURVEY_RATE,2026-11,5,铁西区', 'import.dimension_not_used', { indicator: 'UNE.SURVEY_RATE', dimension: 'district' }, 'D'],
    ['unreadable period', 'UNE.REG_COUNT,下个月,5,', 'import.bad_period', { text: '下个月' }, 'B'],
    ['month for a quarterly indicator', 'UNE.REG_RATE,2026-11,3.1,', 'import.period_frequency', { text: '2026-11', indicator: 'UNE.REG_RATE', frequency: 'Q' }, 'B'],
    ['YTD span for a stock', 'UNE.REG_COUNT,2026年1-11月,5,', 'import.period_ytd_form', { text: '2026年1-11月', indicator: 'UNE.REG_COUNT' }, 'B'],
    ['single quarter for a cumulative one', 'MAC.GDP,2026年三季度,5,', 'import.period_single_form', { text: '2026年三季度', indicator: 'MAC.GDP' }, 'B'],
    ['unreadable value', 'UNE.REG_COUNT,2026-11,abc,', 'import.bad_value', { text: 'abc' }, 'C'],
    ['rate over 100', 'UNE.SURVEY_RATE,2026-11,105,', 'import.rate_out_of_range', { value: 105 }, 'C'],
    ['negative count', 'UNE.REG_COUNT,2026-11,(5),', 'import.negative_count', { value: -5 }, 'C'],
    ['percent for a count', 'UNE.REG_COUNT,2026-11,5%,', 'import.unit_mismatch', { unit: '%', indicatorUnit: '人' }, 'C'],
  ];

  it.each(cases)('%s: refused with its code, sheet, row and column', async (_name, line, code, params, col) => {
    const b = bench();
    const p = await b.preview(b.write('v.csv', `${header}UNE.SURVEY_RATE,2026-11,5.1,\n${line}\n`));
    expect(p.counts).toMatchObject({ read: 2, added: 1, rejected: 1 });
    expect(p.issues.filter((i) => i.severity === 'error')).toEqual([{ severity: 'error', code, params, sheet: null, row: 3, col }]);
    expect(p.blockers).toEqual([{ code: 'import.has_rejections', params: { rejected: 1 }, soft: true }]);
  });

  it('refuses both rows of a duplicate key with different values, keeps one of identical repeats', async () => {
    const b = bench();
    const p = await b.preview(b.write('d.csv', `${header}UNE.REG_COUNT,2026-11,5,铁西区\nUNE.REG_COUNT,2026年11月,6,210106\nUNE.SURVEY_RATE,2026-11,5.1,\nUNE.SURVEY_RATE,202611,5.1,\n`));
    expect(p.counts).toMatchObject({ read: 4, added: 1, rejected: 2, skipped: 1 });
    expect(p.issues.filter((i) => i.code === 'import.duplicate_key').map((i) => i.row).sort()).toEqual([2, 3]);
    expect(p.issues.find((i) => i.code === 'import.duplicate_same')).toMatchObject({ severity: 'warning', row: 5, params: { first: 'C4' } });
  });

  it('commits nothing while values are rejected, unless told to store the valid ones', async () => {
    const b = bench();
    const file = b.write('r.csv', `${header}UNE.SURVEY_RATE,2026-11,5.1,\nUNE.SURVEY_RATE,2026-12,250,\n`);
    const before = b.fingerprint();
    const err = await refusal(b.commit(file));
    expect(err.code).toBe('import.has_rejections');
    expect(b.fingerprint()).toEqual(before);
    const c = await b.commit(file, { acceptRejected: true });
    expect(c.counts).toMatchObject({ added: 1, rejected: 1 });
    const snap = b.ws.ctx.db.prepare('SELECT rows_read, rows_stored, rows_rejected FROM snapshot WHERE id = ?').get(c.snapshotId);
    expect(snap).toEqual({ rows_read: 2, rows_stored: 1, rows_rejected: 1 });
    const issue = b.ws.ctx.db.prepare('SELECT code, row, col FROM import_issue WHERE snapshot_id = ?').all(c.snapshotId);
    expect(issue).toEqual([{ code: 'import.rate_out_of_range', row: 3, col: 'C' }]);
  });

  it('warns about tenfold jumps against the current vintage and the previous period', async () => {
    const b = bench();
    const store = new ObservationStore(b.ws.ctx.db);
    const oct = store.readSeries('UNE.REG_COUNT', { district: '210106' }).find((x) => x.period === '2026-10')!.value!;
    const p = await b.preview(b.write('j.csv', `${header}UNE.REG_COUNT,2026-10,${oct * 10000},铁西区\nUNE.REG_COUNT,2026-11,${oct * 10000},铁西区\n`));
    expect(p.counts).toMatchObject({ revised: 1, added: 1, rejected: 0 });
    expect(p.issues.filter((i) => i.severity === 'warning').map((i) => [i.code, i.row])).toEqual([
      ['import.jump_revision', 2],
      ['import.jump_period', 2],
    ]);
    expect(p.ready).toBe(true);
  });

  it('needs a source unit when the indicators come from several', async () => {
    const b = bench();
    const file = b.write('u.csv', `${header}UNE.SURVEY_RATE,2026-11,5.1,\nUNE.REG_COUNT,2026-11,100,\n`);
    const p = await b.preview(file);
    expect(p.unitCandidates).toEqual(['DCD', 'RSJ']);
    expect(p.blockers[0]).toMatchObject({ code: 'import.unit_required', params: { candidates: 'DCD, RSJ' } });
    const before = b.fingerprint();
    expect((await refusal(b.commit(file))).code).toBe('import.unit_required');
    expect(b.fingerprint()).toEqual(before);
    const c = await b.commit(file, { unit: 'TJJ', importedBy: '张三', note: '补报' });
    const row = b.ws.ctx.db.prepare('SELECT source_unit, imported_by, note, file_name, kind FROM snapshot WHERE id = ?').get(c.snapshotId);
    expect(row).toEqual({ source_unit: 'TJJ', imported_by: '张三', note: '补报', file_name: 'u.csv', kind: 'file' });
  });
});
