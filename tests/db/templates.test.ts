import { afterEach, describe, expect, it } from 'vitest';
import { deleteTemplate, findTemplateFor, globToRegExp, listTemplates, saveTemplate } from '../../main/import/templates';
import { AppError } from '../../shared/api/errors';
import { importBench, type Bench } from '../support/imports';

const benches: Bench[] = [];
afterEach(() => {
  for (const b of benches.splice(0)) b.close();
});

describe('mapping templates', () => {
  it('are saved per unit and file pattern and reused next month without questions', async () => {
    const b = importBench();
    benches.push(b);
    const db = b.ws.ctx.db;
    // November: no indicator anywhere in the file; the analyst sets it once.
    const nov = b.write('各区登记失业_202611.csv', '地区,2026年11月\n铁西区,100\n和平区,200\n', 'gbk');
    const first = await b.preview(nov);
    expect(first.sheets[0]!.missing).toEqual(['indicator']);
    const mapping = structuredClone(first.mapping);
    mapping.sheets[0]!.constants = { ...mapping.sheets[0]!.constants, indicator: 'UNE.REG_COUNT' };
    const fixed = await b.preview(nov, { mapping });
    expect(fixed.ready).toBe(true);
    saveTemplate(db, 'tester', { name: '人社局-各区登记失业', unit: 'RSJ', filePattern: '各区登记失业_*.csv', mapping: fixed.mapping, replace: false });
    await b.commit(nov, { template: '人社局-各区登记失业' });

    // December: one more period column, a new file name; found by unit and pattern, no mapping given.
    const dec = b.write('各区登记失业_202612.csv', '地区,2026年11月,2026年12月\n铁西区,100,110\n和平区,200,190\n', 'gbk');
    const p = await b.preview(dec, { unit: 'RSJ' });
    expect(p).toMatchObject({ mappingSource: 'template', templateName: '人社局-各区登记失业', ready: true });
    expect(p.counts).toMatchObject({ read: 4, added: 2, unchanged: 2, rejected: 0 });
    const c = await b.commit(dec, { unit: 'RSJ' });
    const snap = db.prepare('SELECT mapping_name FROM snapshot WHERE id = ?').get(c.snapshotId);
    expect(snap).toEqual({ mapping_name: '人社局-各区登记失业' });
    expect(listTemplates(db)[0]!.lastUsedAt).not.toBeNull();

    // Another unit's files are not matched; a taken name is refused unless replacing; deleting is audited.
    expect(findTemplateFor(db, '各区登记失业_202612.csv', 'observations', 'SBZX')).toBeNull();
    expect(() => saveTemplate(db, 'tester', { name: '人社局-各区登记失业', unit: 'RSJ', filePattern: '*', mapping: fixed.mapping, replace: false })).toThrowError(AppError);
    deleteTemplate(db, 'tester', '人社局-各区登记失业');
    const audit = db.prepare("SELECT action FROM audit_log WHERE entity = 'mapping_template' ORDER BY id").all();
    expect(audit).toEqual([{ action: 'mapping.create' }, { action: 'mapping.delete' }]);
  });

  it('matches file names with globs, case-insensitively', () => {
    expect(globToRegExp('*就业*.xlsx').test('2024年6月城镇新增就业.XLSX')).toBe(true);
    expect(globToRegExp('report_??.csv').test('report_06.csv')).toBe(true);
    expect(globToRegExp('report_??.csv').test('report_006.csv')).toBe(false);
    expect(globToRegExp('a.b(1).csv').test('a.b(1).csv')).toBe(true);
    expect(globToRegExp('a.b(1).csv').test('axb(1).csv')).toBe(false);
  });
});
