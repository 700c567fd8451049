/** One line saying why an alert fired, from its stored evidence. */
import type { TFunction } from 'i18next';
import type { AlertView } from '../../../../shared/api/warnings';
import { SIGNAL_CATEGORY_LABELS } from '../../../../shared/domain/labels';
import type { Locale } from '../../../../shared/domain/types';
import { formatChange, formatNumber } from '../../../../shared/format';
import { periodLabel } from '../../../../shared/period';
import type { SignalCategory } from '../../../../shared/warnings/rules';

export function evidenceText(a: AlertView, t: TFunction, locale: Locale): string {
  const e = a.evidence;
  const n = (v: number | null | undefined, d = 0) => formatNumber(v, d, locale);
  const pick = (x: { zh: string; en: string }) => (locale === 'zh-CN' ? x.zh : x.en);
  switch (e.kind) {
    case 'threshold':
      return t('evidence.threshold', { value: n(e.value, 2), unit: pick(e.unit), op: e.direction === 'above' ? '≥' : '≤' });
    case 'change':
      return t(`evidence.change_${e.basis}`, { change: formatChange(e.change, e.changeUnit, locale, 2), base: n(e.base, 2), value: n(e.value, 2), basePeriod: periodLabel(e.basePeriod, locale) });
    case 'consecutive':
      return t(`evidence.consecutive_${e.direction}`, { run: e.run });
    case 'anomaly':
      return t('evidence.anomaly', { change: n(e.change, 2), score: n(e.score, 1), median: n(e.median, 2) });
    case 'article41':
      return t(`evidence.article41_${e.basis}`, { cut: n(e.cut), share: n(e.sharePct, 1), opening: n(e.opening) }) + (e.bigCut ? t('evidence.over200') : '');
    case 'firm_threshold':
      return t('evidence.firm', { metric: t(`firmMetric.${e.metric}`), value: n(e.value, e.metric === 'job_loss_rate' ? 2 : 0) });
    case 'crosscheck':
      return t('evidence.crosscheck', { reported: n(e.reported), contributors: n(e.contributors), gap: n(e.gapPct, 1), direction: e.direction ? t(`enterprises:directions.${e.direction}`) : '' });
    case 'signal_count':
      return t('evidence.signals', {
        count: n(e.count),
        cases: n(e.cases),
        categories: Object.entries(e.byCategory)
          .map(([k, v]) => `${pick(SIGNAL_CATEGORY_LABELS[k as SignalCategory] ?? { zh: k, en: k })}${v}`)
          .join('、'),
      });
  }
}
