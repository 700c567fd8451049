import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BindingView } from '../../../../shared/api/reports';
import { periodLabel } from '../../../../shared/period';
import { bindingKey, type Binding } from '../../../../shared/reports/model';
import { useLocale } from '../../hooks/useLocale';
import { useReportEditor } from './context';

/** Hover text: what the number is, its value and base, and where it came from. */
export function BindingDetails({ view, binding }: { view: BindingView | undefined; binding: Binding }) {
  const { t } = useTranslation('reports');
  const { locale, name } = useLocale();
  const { indicators } = useReportEditor();
  const ind = indicators.get(binding.indicator);
  const p = view?.provenance;
  return (
    <div style={{ fontSize: 12, lineHeight: 1.6 }} data-testid="binding-details">
      <div>
        <b>{ind ? name(ind.name) : binding.indicator}</b> · {periodLabel(binding.period, locale, !!ind?.ytd)} · {t(`measures.${binding.measure}`)}
      </div>
      <div>
        {t('hover.value')}: {view?.currentText ?? '—'}
        {view?.baseText && (
          <>
            {' '}
            · {t('hover.base', { period: view.basePeriod ? periodLabel(view.basePeriod, locale, !!ind?.ytd) : t('hover.timeProgress') })}: {view.baseText}
          </>
        )}
      </div>
      {p ? (
        <div>
          {t('hover.source')}: {p.sourceName} / {p.fileName ?? '—'}
          {p.sheet ? ` / ${p.sheet}${p.row ? `!${p.col ?? ''}${p.row}` : ''}` : ''} · {t('hover.imported', { at: new Date(p.importedAt).toLocaleString(locale), by: p.importedBy, id: p.snapshotId })}
        </div>
      ) : (
        <div>{t('hover.noSource')}</div>
      )}
    </div>
  );
}

/** A bound number inside a paragraph: shows the resolved text; highlighted when a re-pin moves it. */
export function BindingChip({ node, selected }: ReactNodeViewProps) {
  const { t } = useTranslation('reports');
  const { bindings, moved } = useReportEditor();
  const binding = node.attrs.binding as Binding;
  const key = bindingKey(binding);
  const view = bindings[key];
  const move = moved[key];
  return (
    <NodeViewWrapper as="span" style={{ display: 'inline' }}>
      <Tooltip
        title={
          <>
            <BindingDetails view={view} binding={binding} />
            {move && (
              <div style={{ marginTop: 4 }}>
                {t('repin.moved')}: {move.before.text} → {move.after.text}
              </div>
            )}
          </>
        }
      >
        <span
          data-testid="binding-chip"
          data-binding={key}
          data-moved={move ? 'true' : undefined}
          contentEditable={false}
          style={{
            background: move ? '#fff1b8' : '#e6f0fb',
            color: move ? '#ad4e00' : '#1f5fa8',
            borderRadius: 3,
            padding: '0 2px',
            outline: selected ? '2px solid #1f5fa8' : undefined,
            cursor: 'default',
          }}
        >
          {move ? (
            <>
              <s style={{ opacity: 0.7 }}>{move.before.text}</s> {move.after.text}
            </>
          ) : (
            (view?.text ?? '…')
          )}
        </span>
      </Tooltip>
    </NodeViewWrapper>
  );
}
