import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { ObservationStore } from '../../main/db/observations';
import { provenanceOf } from '../../main/db/snapshots';
import { importBench, type Bench } from '../support/imports';

const benches: Bench[] = [];
afterEach(() => {
  for (const b of benches.splice(0)) b.close();
});

/** A workbook as an agency sends it: title, unit row, district merged over 男/女, text numbers, footnotes, helper sheets. */
async function agencyWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const s1 = wb.addWorksheet('新增就业');
  s1.addRow(['沈阳市2026年城镇新增就业人数（分区、分性别）']);
  s1.mergeCells('A1:E1');
  s1.addRow(['填报单位：市人社局就业处', null, null, '单位：人']);
  s1.addRow(['时期', '铁西区', null, '和平区', null]);
  s1.addRow([null, '男', '女', '男', '女']);
  s1.mergeCells('A3:A4');
  s1.mergeCells('B3:C3');
  s1.mergeCells('D3:E3');
  s1.addRow(['1-10月累计', 5200, '4,800', { richText: [{ text: '36' }, { text: '00' }] }, { formula: 'D5-200', result: 3400 }]);
  s1.addRow(['1-11月累计', '5,610', 5150, '3 900', '—']);
  s1.addRow([]);
  s1.addRow(['注：1. 数据来源于就业实名制系统。']);
  s1.addRow(['    2. 本表为初步统计数。']);

  const s2 = wb.addWorksheet('登记失业');
  s2.addRow(['指标名称', '统计期', '区县', '数值']);
  s2.addRow(['城镇登记失业人数', new Date(Date.UTC(2026, 10, 1)), '铁西区', 19001]);
  s2.addRow(['城镇登记失业人数', '2026年11月', '全市', '1.2万人']);
  s2.getCell('B2').numFmt = 'yyyy-mm';

  const s3 = wb.addWorksheet('辅助');
  s3.state = 'hidden';
  s3.addRow(['indicator', 'period', 'value']);
  s3.addRow(['UNE.SURVEY_RATE', '2026-11', 99]);

  const s4 = wb.addWorksheet('说明');
  s4.addRow(['本工作簿由市人社局就业处报送。']);
  await wb.xlsx.writeFile(path);
}

describe('XLSX import (exceljs-written fixtures)', () => {
  it('reads several sheets, title rows, a merged two-row header, text numbers, rich text, formulas, dates and footnotes', async () => {
    const b = importBench();
    benches.push(b);
    const file = join(b.files, '2026年11月就业数据.xlsx');
    await agencyWorkbook(file);
    const p = await b.preview(file, { unit: 'RSJ' });
    expect(p.file.format).toBe('xlsx');
    expect(p.sheets.map((s) => [s.name, s.status])).toEqual([
      ['新增就业', 'imported'],
      ['登记失业', 'imported'],
      ['辅助', 'skipped'],
      ['说明', 'empty'],
    ]);
    // The title names the indicator and the unit; the period column and the two header rows are found.
    const s1 = p.sheets[0]!;
    expect(s1.mapping).toMatchObject({ columns: [{ header: '时期', field: 'period' }], otherColumns: { headerFields: ['dim:district', 'dim:gender'] }, constants: { indicator: 'EMP.NEW_URBAN', unit: '人' } });
    expect(s1.layout).toMatchObject({ headerRow: 3, headerRows: 2, dataStart: 5, unitHint: '人', yearHint: 2026 });
    expect(s1.layout!.columns.map((c) => c.label)).toEqual(['时期', '铁西区/男', '铁西区/女', '和平区/男', '和平区/女']);

    // The effective mapping, given back as the wizard does, reads the same (published in 人, stored in 万人).
    const mapping = structuredClone(p.mapping);
    const q = await b.preview(file, { unit: 'RSJ', mapping });
    expect(q.sheets.map((s) => s.status)).toEqual(['imported', 'imported', 'skipped', 'skipped']);
    expect(q.counts).toMatchObject({ read: 10, rejected: 0, skipped: 1 });
    const c = await b.commit(file, { unit: 'RSJ', mapping });
    const store = new ObservationStore(b.ws.ctx.db);
    const v = (members: Record<string, string>, period: string) => store.readSeries('EMP.NEW_URBAN', members).find((x) => x.period === period)?.value;
    // Values by hand: 人 -> 万人 divides by 10,000.
    expect(v({ district: '210106', gender: 'M' }, '2026-10')).toBe(0.52);
    expect(v({ district: '210106', gender: 'F' }, '2026-10')).toBe(0.48);
    expect(v({ district: '210102', gender: 'M' }, '2026-10')).toBe(0.36);
    expect(v({ district: '210102', gender: 'F' }, '2026-10')).toBe(0.34);
    expect(v({ district: '210106', gender: 'M' }, '2026-11')).toBe(0.561);
    expect(v({ district: '210102', gender: 'M' }, '2026-11')).toBe(0.39);
    expect(v({ district: '210102', gender: 'F' }, '2026-11')).toBeUndefined();
    expect(store.readSeries('UNE.REG_COUNT', { district: '210106' }).find((x) => x.period === '2026-11')?.value).toBe(19001);
    expect(store.readSeries('UNE.REG_COUNT').find((x) => x.period === '2026-11')?.value).toBe(12000);
    // The hidden helper sheet was not read.
    expect(store.readSeries('UNE.SURVEY_RATE').find((x) => x.period === '2026-11')).toBeUndefined();

    const prov = provenanceOf(b.ws.ctx.db, 'EMP.NEW_URBAN', { district: '210102', gender: 'F' }, '2026-10');
    expect(prov).toMatchObject({ sheet: '新增就业', row: 5, col: 'E', value: 0.34 });
    expect(prov.snapshot).toMatchObject({ id: c.snapshotId, fileName: '2026年11月就业数据.xlsx', sheets: ['新增就业', '登记失业'] });
  });

  it('reads numbers stored as text with full-width digits, and refuses a bad cell by sheet, row and column', async () => {
    const b = importBench();
    benches.push(b);
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('Sheet1');
    s.addRow(['indicator', 'period', 'value']);
    s.addRow(['UNE.SURVEY_RATE', '2026-11', '５．２']);
    s.addRow(['UNE.SURVEY_YOUTH', '2026-11', '#DIV/0!']);
    const file = join(b.files, 'rates.xlsx');
    await wb.xlsx.writeFile(file);
    const p = await b.preview(file);
    expect(p.changes.map((x) => [x.indicator, x.value])).toEqual([['UNE.SURVEY_RATE', 5.2]]);
    expect(p.issues.filter((i) => i.severity === 'error')).toEqual([{ severity: 'error', code: 'import.bad_value', params: { text: '#DIV/0!' }, sheet: 'Sheet1', row: 3, col: 'C' }]);
  });
});

const hasSoffice = existsSync('/usr/bin/soffice');

describe.skipIf(!hasSoffice)('a workbook written by LibreOffice', () => {
  it('imports the same values as the CSV it was converted from', async () => {
    const b = importBench();
    benches.push(b);
    const csv = '地区,2026年11月,2026年12月\n铁西区,"12,345",12400\n和平区,9000.5,9100\n全市,88100,88200\n';
    const csvFile = b.write('lo.csv', `城镇登记失业人数\n单位：人\n${csv}`);
    const out = mkdtempSync(join(tmpdir(), 'ws-lo-'));
    const profile = mkdtempSync(join(tmpdir(), 'ws-lo-profile-'));
    try {
      execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', out, csvFile], { stdio: 'ignore', timeout: 120_000 });
      const xlsx = join(out, 'lo.xlsx');
      expect(existsSync(xlsx)).toBe(true);
      const fromCsv = await b.preview(csvFile);
      const fromXlsx = await b.preview(xlsx);
      expect(fromXlsx.file.format).toBe('xlsx');
      expect(fromXlsx.counts).toEqual(fromCsv.counts);
      const key = (c: { indicator: string; members: object; period: string; value: number; kind: string }) => [c.indicator, JSON.stringify(c.members), c.period, c.value, c.kind];
      expect(fromXlsx.changes.map(key)).toEqual(fromCsv.changes.map(key));
      expect(fromCsv.changes.find((c) => c.members.district === '210102' && c.period === '2026-11')?.value).toBe(9000.5);
    } finally {
      rmSync(out, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
