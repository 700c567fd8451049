import { describe, expect, it } from 'vitest';
import { contract, isMethodName, METHOD_NAMES } from '../../shared/api/contract';
import { errorI18nKey } from '../../shared/api/errors';
import { createDispatch } from '../../main/transport/dispatch';
import type { Handlers } from '../../main/services/types';

describe('the contract', () => {
  it('names every method domain.verb', () => {
    for (const m of METHOD_NAMES) expect(m).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    expect(isMethodName('series.query')).toBe(true);
    expect(isMethodName('toString')).toBe(false);
    expect(isMethodName('__proto__')).toBe(false);
  });

  it('validates inputs at run time and fills defaults', () => {
    const q = contract['series.query'].input.parse({ indicator: 'UNE.SURVEY_RATE' });
    expect(q).toMatchObject({ view: 'published', filter: {}, includeTotal: true });
    expect(contract['series.query'].input.safeParse({ indicator: 'UNE.SURVEY_RATE', view: 'weekly' }).success).toBe(false);
    expect(contract['series.query'].input.safeParse({ indicator: 'une survey' }).success).toBe(false);
    expect(contract['series.query'].input.safeParse({ indicator: 'UNE.SURVEY_RATE', from: '2024/06' }).success).toBe(false);
    expect(contract['series.query'].input.safeParse({ indicator: 'UNE.SURVEY_RATE', extra: 1 }).success).toBe(false);
    expect(contract['app.setLocale'].input.safeParse({ locale: 'de-DE' }).success).toBe(false);
  });

  it('maps error codes to i18n keys by namespace', () => {
    expect(errorI18nKey('series.unknown_indicator')).toBe('series:errors.unknown_indicator');
    expect(errorI18nKey('weird')).toBe('common:errors.weird');
  });
});

describe('dispatch', () => {
  const calls: unknown[] = [];
  const handlers = new Proxy({} as Handlers, {
    get: (_t, name: string) => (input: unknown) => {
      calls.push([name, input]);
      if (name === 'catalog.get') throw new Error('boom');
      return { echoed: input };
    },
  });
  const dispatch = createDispatch(handlers, () => undefined);

  it('refuses unknown methods and invalid input before any handler runs', async () => {
    calls.length = 0;
    expect(await dispatch('nope.nope', {})).toMatchObject({ ok: false, error: { code: 'common.unknown_method' } });
    const bad = await dispatch('app.setLocale', { locale: 'xx' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'common.invalid_input', details: [{ path: 'locale' }] } });
    expect(calls).toEqual([]);
  });

  it('passes validated input and wraps results and errors as data', async () => {
    expect(await dispatch('overview.get', {})).toEqual({ ok: true, value: { echoed: { months: 60 } } });
    expect(await dispatch('catalog.get', {})).toMatchObject({ ok: false, error: { code: 'common.internal', message: 'boom' } });
  });

  it('fails loudly at start-up when a handler is missing', () => {
    expect(() => createDispatch({} as Handlers)).toThrow(/No handler for contract method/);
  });
});
