/** Public-opinion signal case lists: filtered lists, counts by district and category, export. */
import type { SignalCount, SignalList } from '../../shared/api/signals';
import { countSignals, type SignalCase } from '../../shared/domain/signals';
import { SIGNAL_CATEGORY_LABELS, SIGNAL_CHANNEL_LABELS } from '../../shared/domain/labels';
import type { Locale } from '../../shared/domain/types';
import { listDimensions } from '../db/catalog';
import { SignalStore } from '../db/signals';
import { exportTable } from '../export/tables';
import type { HandlersFor, ServiceContext } from './types';

interface SignalQuery {
  period?: string;
  districts: string[];
  categories: string[];
  channels: string[];
  linkedOnly: boolean;
  search?: string;
}

export function listSignals(ctx: ServiceContext, q: SignalQuery): SignalList {
  const store = new SignalStore(ctx.db);
  const periods = store.periods();
  const period = q.period ?? periods[periods.length - 1] ?? null;
  const text = q.search?.trim();
  const cases = (period ? store.forPeriod(period) : []).filter(
    (c) =>
      (!q.districts.length || (c.district !== null && q.districts.includes(c.district))) &&
      (!q.categories.length || q.categories.includes(c.category)) &&
      (!q.channels.length || q.channels.includes(c.channel)) &&
      (!q.linkedOnly || c.enterpriseId !== null) &&
      (!text || c.summary.includes(text) || (c.firmName ?? '').includes(text) || c.creditCode === text.toUpperCase()),
  );
  const districtNames = new Map((listDimensions(ctx.db).find((d) => d.code === 'district')?.members ?? []).map((m) => [m.code, m.name]));
  const byDistrict: SignalCount[] = countSignals(cases, (c) => c.district).map((r) => ({ code: r.key, label: districtNames.get(r.key) ?? { zh: r.key, en: r.key }, count: r.count, cases: r.cases, byCategory: r.byCategory }));
  const byCategory: Record<string, number> = {};
  const byChannel: Record<string, number> = {};
  for (const c of cases) {
    byCategory[c.category] = (byCategory[c.category] ?? 0) + c.count;
    byChannel[c.channel] = (byChannel[c.channel] ?? 0) + c.count;
  }
  return { period, periods, cases: [...cases].reverse(), byDistrict, byCategory, byChannel, linked: cases.filter((c) => c.enterpriseId !== null).length };
}

export function signalsHandlers(ctx: ServiceContext): HandlersFor<'signals.list' | 'signals.export'> {
  return {
    'signals.list': (q) => listSignals(ctx, q),
    'signals.export': ({ filter, format, locale }) => {
      const list = listSignals(ctx, filter);
      const districtNames = new Map((listDimensions(ctx.db).find((d) => d.code === 'district')?.members ?? []).map((m) => [m.code, m.name]));
      const pick = (n: { zh: string; en: string }, l: Locale) => (l === 'zh-CN' ? n.zh : n.en);
      return exportTable<SignalCase>(
        `${locale === 'zh-CN' ? '舆情线索' : 'signals'}_${list.period ?? ''}`,
        [
          { header: { zh: '日期', en: 'Date' }, value: (c) => c.date },
          { header: { zh: '渠道', en: 'Channel' }, value: (c) => pick(SIGNAL_CHANNEL_LABELS[c.channel], locale) },
          { header: { zh: '区县', en: 'District' }, value: (c) => (c.district ? pick(districtNames.get(c.district) ?? { zh: c.district, en: c.district }, locale) : '') },
          { header: { zh: '企业名称', en: 'Firm' }, value: (c) => c.firmName ?? '', width: 32 },
          { header: { zh: '统一社会信用代码', en: 'Credit code' }, value: (c) => c.creditCode ?? '', width: 22 },
          { header: { zh: '类别', en: 'Category' }, value: (c) => pick(SIGNAL_CATEGORY_LABELS[c.category], locale) },
          { header: { zh: '数量', en: 'Count' }, value: (c) => c.count },
          { header: { zh: '关联监测企业', en: 'Monitored firm' }, value: (c) => (c.enterpriseId !== null ? c.enterpriseId : '') },
          { header: { zh: '摘要', en: 'Summary' }, value: (c) => c.summary, width: 60 },
        ],
        list.cases,
        format,
        locale,
      );
    },
  };
}
