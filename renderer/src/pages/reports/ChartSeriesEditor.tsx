import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SeriesRef } from '../../../../shared/reports/model';
import { useApi } from '../../api/client';
import { useLocale } from '../../hooks/useLocale';
import { useReportEditor } from './context';

/** The series of a chart block: an indicator each, the total or one member of a breakdown. */
export function ChartSeriesEditor({ value, onChange, testId }: { value: SeriesRef[]; onChange: (v: SeriesRef[]) => void; testId?: string }) {
  const { t } = useTranslation('reports');
  const { name } = useLocale();
  const { indicators } = useReportEditor();
  const catalog = useApi('catalog.get', {});
  const set = (i: number, ref: SeriesRef) => onChange(value.map((x, j) => (j === i ? ref : x)));
  return (
    <Space orientation="vertical" size={4} data-testid={testId}>
      {value.map((ref, i) => {
        const ind = indicators.get(ref.indicator);
        const dims = catalog.data?.dimensions.filter((d) => ind?.dimensions.includes(d.code)) ?? [];
        const member = Object.entries(ref.members)[0];
        return (
          <Space key={i} size={4} wrap>
            <Select
              size="small"
              showSearch
              optionFilterProp="label"
              style={{ width: 280 }}
              value={ref.indicator}
              onChange={(indicator: string) => set(i, { indicator, members: {} })}
              options={[...indicators.values()].map((x) => ({ value: x.code, label: name(x.name) }))}
            />
            {dims.length > 0 && (
              <Select
                size="small"
                allowClear
                style={{ width: 160 }}
                placeholder={t('picker.total')}
                value={member ? `${member[0]}=${member[1]}` : undefined}
                onChange={(v?: string) => {
                  const [d, m] = v ? v.split('=') : [];
                  set(i, { indicator: ref.indicator, members: d && m ? { [d]: m } : {} });
                }}
                options={dims.map((d) => ({ label: name(d.name), options: d.members.map((m) => ({ value: `${d.code}=${m.code}`, label: name(m.name) })) }))}
              />
            )}
            <Button size="small" type="text" icon={<MinusCircleOutlined />} disabled={value.length < 2} onClick={() => onChange(value.filter((_, j) => j !== i))} aria-label={t('delete')} />
          </Space>
        );
      })}
      <Button size="small" type="dashed" icon={<PlusOutlined />} disabled={value.length >= 8} onClick={() => onChange([...value, { indicator: value[value.length - 1]?.indicator ?? 'UNE.SURVEY_RATE', members: {} }])}>
        {t('block.addSeries')}
      </Button>
    </Space>
  );
}
