import { Form, Modal, Segmented, Select, Typography, type ButtonProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { periodLabel } from '../../../../shared/period';
import { latestPeriodFor } from '../../../../shared/reports/draft';
import { BINDING_MEASURES, bindingKey, type Binding } from '../../../../shared/reports/model';
import { useApi } from '../../api/client';
import { useLocale } from '../../hooks/useLocale';
import { useReportEditor } from './context';

/** Picks a number to bind: indicator, optional member, period, measure and form. */
export function BindingPicker({ reportId, open, period, onClose, onPick }: { reportId: number; open: boolean; period: string; onClose: () => void; onPick: (b: Binding) => void }) {
  const { t } = useTranslation('reports');
  const { locale, name } = useLocale();
  const { indicators } = useReportEditor();
  const catalog = useApi('catalog.get', {});
  const [code, setCode] = useState<string>('UNE.SURVEY_RATE');
  const [dimension, setDimension] = useState<string | undefined>();
  const [member, setMember] = useState<string | undefined>();
  const [at, setAt] = useState<string | undefined>();
  const [measure, setMeasure] = useState<Binding['measure']>('value');
  const [format, setFormat] = useState<Binding['format']>('phrase');
  const indicator = indicators.get(code);
  const members = dimension && member ? { [dimension]: member } : {};
  const series = useApi('series.query', { indicator: code, filter: members }, { enabled: open && !!indicator });
  const periods = useMemo(() => (series.data?.series[0]?.points ?? []).filter((p) => p.value != null).map((p) => p.period).reverse(), [series.data]);
  useEffect(() => {
    if (indicator && series.data) setAt(latestPeriodFor(indicator, series.data.series[0]?.points ?? [], period) ?? periods[0]);
  }, [indicator, series.data, period]);
  const binding: Binding | null = at ? { indicator: code, members, period: at, measure, format } : null;
  const preview = useApi('report.bindings', { id: reportId, bindings: binding ? [binding] : [] }, { enabled: open && !!binding && reportId > 0 });
  const dims = catalog.data?.dimensions.filter((d) => indicator?.dimensions.includes(d.code)) ?? [];

  return (
    <Modal open={open} title={t('picker.title')} onCancel={onClose} onOk={() => binding && onPick(binding)} okText={t('picker.insert')} cancelText={t('cancel')} okButtonProps={{ disabled: !binding, 'data-testid': 'binding-insert' } as ButtonProps} destroyOnHidden>
      <Form layout="vertical">
        <Form.Item label={t('picker.indicator')}>
          <Select
            showSearch
            optionFilterProp="label"
            value={code}
            onChange={(v: string) => {
              setCode(v);
              setDimension(undefined);
              setMember(undefined);
            }}
            options={[...indicators.values()].map((i) => ({ value: i.code, label: `${name(i.name)} (${i.code})` }))}
            data-testid="picker-indicator"
          />
        </Form.Item>
        {dims.length > 0 && (
          <Form.Item label={t('picker.member')}>
            <Select
              allowClear
              placeholder={t('picker.total')}
              value={dimension && member ? `${dimension}=${member}` : undefined}
              onChange={(v?: string) => {
                const [d, m] = v ? v.split('=') : [];
                setDimension(d);
                setMember(m);
              }}
              options={dims.map((d) => ({ label: name(d.name), options: d.members.map((m) => ({ value: `${d.code}=${m.code}`, label: name(m.name) })) }))}
            />
          </Form.Item>
        )}
        <Form.Item label={t('picker.period')}>
          <Select value={at} onChange={setAt} options={periods.map((p) => ({ value: p, label: periodLabel(p, locale, !!indicator?.ytd) }))} showSearch optionFilterProp="label" data-testid="picker-period" />
        </Form.Item>
        <Form.Item label={t('picker.measure')}>
          <Select value={measure} onChange={setMeasure} options={BINDING_MEASURES.map((m) => ({ value: m, label: t(`measures.${m}`) }))} data-testid="picker-measure" />
        </Form.Item>
        <Form.Item label={t('picker.format')}>
          <Segmented value={format} onChange={(v) => setFormat(v as Binding['format'])} options={[{ value: 'phrase', label: t('picker.phrase') }, { value: 'number', label: t('picker.number') }]} />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">{t('picker.preview')}: </Typography.Text>
      <Typography.Text strong data-testid="picker-preview">
        {binding ? (preview.data?.[bindingKey(binding)]?.text ?? '…') : '—'}
      </Typography.Text>
    </Modal>
  );
}
