import '@fontsource/noto-serif-sc/400.css';
import '@fontsource/noto-serif-sc/700.css';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { periodLabel } from '../../../../shared/period';
import { useLocale } from '../../hooks/useLocale';
import type { Block } from '../../../../shared/reports/model';
import { useApi } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { renderIntoShadow, useSettled } from './print-view';

/**
 * The live preview: the print page's own body and stylesheet from main, in a shadow root so the
 * app's styles do not leak in. Only the pagination is the printer's.
 */
export function PreviewPane({ id, content, version }: { id: number; content?: Block[]; version?: number }) {
  // Typing changes the content on every key; the page is rebuilt (charts included) once typing pauses.
  const shown = useSettled(content, 600);
  const q = useApi('report.preview', { id, ...(shown ? { content: shown } : {}), ...(version ? { version } : {}) }, { placeholderData: (prev) => prev });
  const host = useRef<HTMLDivElement>(null);
  const { t } = useTranslation('reports');
  const { locale, name } = useLocale();
  const catalog = useApi('catalog.get', {});
  const indicators = new Map((catalog.data?.indicators ?? []).map((i) => [i.code, i]));
  useEffect(() => {
    const el = host.current;
    if (!el || !q.data) return;
    const root = renderIntoShadow(el, q.data.css, q.data.html);
    // Bound numbers say on hover what they are and where they come from, as in the editor.
    for (const span of root.querySelectorAll<HTMLElement>('span.b[data-binding]')) {
      const view = q.data.bindings[span.dataset.binding ?? ''];
      if (!view) continue;
      const p = view.provenance;
      span.title = [
        `${name(indicators.get(view.binding.indicator)?.name ?? { zh: view.binding.indicator, en: view.binding.indicator })} · ${periodLabel(view.binding.period, locale)} · ${t(`measures.${view.binding.measure}`)}`,
        `${t('hover.value')}: ${view.currentText}${view.baseText ? ` · ${t('hover.base', { period: view.basePeriod ? periodLabel(view.basePeriod, locale) : t('hover.timeProgress') })}: ${view.baseText}` : ''}`,
        p ? `${t('hover.source')}: ${p.sourceName} / ${p.fileName ?? '—'} · ${t('hover.imported', { at: new Date(p.importedAt).toLocaleString(locale), by: p.importedBy, id: p.snapshotId })}` : t('hover.noSource'),
      ].join('\n');
      span.style.cursor = 'help';
    }
  }, [q.data, locale, t, catalog.data]);
  return (
    <div style={{ background: '#e9ebee', padding: 16, overflow: 'auto' }}>
      <QueryState isLoading={q.isLoading} error={q.error} retry={() => void q.refetch()} />
      <div ref={host} data-testid="report-preview" />
    </div>
  );
}
