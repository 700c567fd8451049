/**
 * Picks one series: an indicator (searchable by code or name) and optionally one member of one of
 * its dimensions (e.g. 铁西区); no member means the total.
 */
import { Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dimension, Indicator, MemberSelection } from '../../../shared/domain/types';
import { useLocale } from '../hooks/useLocale';

export interface SeriesRefValue {
  indicator: string;
  members: MemberSelection;
}

export function SeriesPicker({
  value,
  onChange,
  indicators,
  dimensions,
  testId,
  width = 300,
}: {
  value: SeriesRefValue;
  onChange: (v: SeriesRefValue) => void;
  indicators: readonly Indicator[];
  dimensions: readonly Dimension[];
  testId?: string;
  width?: number;
}) {
  const { t } = useTranslation('climate');
  const { name } = useLocale();
  const indicator = indicators.find((i) => i.code === value.indicator);
  const memberKey = Object.entries(value.members)[0];
  const memberOptions = (indicator?.dimensions ?? []).map((d) => {
    const dim = dimensions.find((x) => x.code === d);
    return {
      label: dim ? name(dim.name) : d,
      options: (dim?.members ?? []).map((m) => ({ value: `${d}=${m.code}`, label: `${dim ? name(dim.name) : d}：${name(m.name)}` })),
    };
  });
  return (
    <Space.Compact data-testid={testId}>
      <Select
        showSearch
        style={{ width }}
        value={value.indicator}
        optionFilterProp="label"
        onChange={(code: string) => onChange({ indicator: code, members: {} })}
        options={indicators.map((i) => ({ value: i.code, label: `${name(i.name)} (${i.code})` }))}
        data-testid={testId ? `${testId}-indicator` : undefined}
      />
      {indicator && indicator.dimensions.length > 0 && (
        <Select
          style={{ width: 180 }}
          value={memberKey ? `${memberKey[0]}=${memberKey[1]}` : ''}
          onChange={(v: string) => {
            if (!v) return onChange({ indicator: value.indicator, members: {} });
            const eq = v.indexOf('=');
            onChange({ indicator: value.indicator, members: { [v.slice(0, eq)]: v.slice(eq + 1) } });
          }}
          options={[{ value: '', label: t('total') }, ...memberOptions]}
          data-testid={testId ? `${testId}-member` : undefined}
        />
      )}
    </Space.Compact>
  );
}
