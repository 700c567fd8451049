import { afterEach, describe, expect, it } from 'vitest';
import { importBench, type Bench } from '../support/imports';

const benches: Bench[] = [];
afterEach(() => {
  for (const b of benches.splice(0)) b.close();
});

const NEW = {
  code: 'GRP.VETERAN_PLACED',
  name: { zh: '退役军人就业安置', en: 'Veterans placed in jobs' },
  unit: { zh: '人', en: 'persons' },
  frequency: 'M' as const,
  polarity: 'up_good' as const,
  kind: 'count' as const,
  ytd: true,
  janFebCombined: false,
  tier: 'group' as const,
  sourceUnit: 'RSJ',
  dimensions: ['district'],
  decimals: 0,
  description: { zh: '', en: '' },
};

describe('catalogue editor', () => {
  it('adds an indicator that imports at once, edits it, refuses changes that would re-mean stored values, and audits all', async () => {
    const b = importBench();
    benches.push(b);
    const call = async (method: string, input: unknown) => {
      const env = await b.ws.dispatch(method, input);
      if (!env.ok) throw Object.assign(new Error(env.error.message), { code: env.error.code });
      return env.value;
    };
    await call('catalog.saveIndicator', { indicator: NEW, create: true });
    await expect(call('catalog.saveIndicator', { indicator: NEW, create: true })).rejects.toMatchObject({ code: 'catalog.duplicate_code' });
    await expect(call('catalog.saveIndicator', { indicator: { ...NEW, code: 'X.Y', sourceUnit: 'NOPE' }, create: true })).rejects.toMatchObject({ code: 'catalog.unknown_source_unit' });
    await expect(call('catalog.saveIndicator', { indicator: { ...NEW, code: 'X.Z', dimensions: ['planet'] }, create: true })).rejects.toMatchObject({ code: 'catalog.unknown_dimension' });

    const c = await b.commit(b.write('v.csv', '退役军人就业安置\n地区,2026年1-10月\n铁西区,120\n全市,900\n'));
    expect(c.counts).toMatchObject({ added: 2, rejected: 0 });

    const renamed = (await call('catalog.saveIndicator', { indicator: { ...NEW, name: { zh: '退役军人就业安置人数', en: 'Veterans placed' }, polarity: 'neutral' }, create: false })) as { name: { zh: string }; polarity: string };
    expect(renamed).toMatchObject({ name: { zh: '退役军人就业安置人数' }, polarity: 'neutral' });
    await expect(call('catalog.saveIndicator', { indicator: { ...NEW, ytd: false }, create: false })).rejects.toMatchObject({ code: 'catalog.frequency_in_use' });
    await expect(call('catalog.saveIndicator', { indicator: { ...NEW, dimensions: [] }, create: false })).rejects.toMatchObject({ code: 'catalog.dimension_in_use' });

    await call('catalog.saveSourceUnit', { unit: { code: 'TYJR', name: { zh: '市退役军人事务局', en: 'Veterans Affairs Bureau' }, contact: '024-12345678' }, create: true });
    await expect(call('catalog.saveSourceUnit', { unit: { code: 'TYJR', name: { zh: 'x', en: '' }, contact: null }, create: true })).rejects.toMatchObject({ code: 'catalog.unit_code_taken' });

    const audit = b.ws.ctx.db.prepare("SELECT action, entity_id, details FROM audit_log WHERE action LIKE 'catalog.%' ORDER BY id").all() as Array<{ action: string; entity_id: string; details: string }>;
    expect(audit.map((a) => [a.action, a.entity_id])).toEqual([
      ['catalog.indicator.create', 'GRP.VETERAN_PLACED'],
      ['catalog.indicator.update', 'GRP.VETERAN_PLACED'],
      ['catalog.unit.create', 'TYJR'],
    ]);
    expect(JSON.parse(audit[1]!.details)).toMatchObject({ before: { polarity: 'up_good' }, after: { polarity: 'neutral' } });
  });
});
