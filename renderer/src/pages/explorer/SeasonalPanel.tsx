/**
 * The explorer's seasonal-adjustment additions: the 季节调整 and 趋势 view options, and the
 * seasonal-factor chart (STL) shown under the main chart in those views.
 */
import { Alert, Card, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeriesQuery, SeriesView } from '../../../../shared/api/series';
import { trendOption } from '../../../../shared/charts/trend';
import type { Indicator } from '../../../../shared/domain/types';
import { periodsPerYear } from '../../../../shared/period';
import { useApi } from '../../api/client';
import { Chart } from '../../components/Chart';
import { QueryState } from '../../components/QueryState';
import { useLocale } from '../../hooks/useLocale';

/** The extra view options for a monthly or quarterly indicator. */
export function useSeasonalViewOptions(indicator: Indicator): Array<{ value: SeriesView; label: string }> {
  const { t } = useTranslation('analytics');
  if (indicator.frequency === 'A') return [];
  return [
    { value: 'sa', label: t('view.sa') },
    { value: 'trend', label: t('view.trend') },
  ];
}

/** True for the views that show the seasonal-factor chart. */
export function isSeasonalView(view: SeriesView): boolean {
  return view === 'sa' || view === 'trend';
}

export function SeasonalFactorPanel({ query, indicator }: { query: SeriesQuery; indicator: Indicator }) {
  const { t } = useTranslation('analytics');
  const { locale, name } = useLocale();
  const q = useApi('series.query', { ...query, view: 'seasonal' });
  const option = useMemo(
    () =>
      q.data
        ? trendOption({
            series: q.data.series.map((s) => ({ name: name(s.label), points: s.points, bar: q.data.series.length === 1 })),
            unit: name(q.data.valueUnit),
            locale,
            decimals: indicator.decimals,
            zoom: true,
            zoomStart: 50,
          })
        : null,
    [q.data, locale, indicator],
  );
  const notes = [...new Set((q.data?.series ?? []).flatMap((s) => s.notes ?? []))];
  return (
    <Card size="small" title={t('view.seasonalChart')} data-testid="seasonal-panel">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <QueryState isLoading={q.isLoading} error={q.error} />
        {notes.map((n) => (
          <Alert key={n} type={n.startsWith('not_adjusted') ? 'warning' : 'info'} showIcon title={t(`prep.${n}`)} data-testid={`seasonal-note-${n}`} />
        ))}
        {option && <Chart option={option} height={260} testId="seasonal-chart" />}
        <Typography.Text type="secondary">{t('view.seasonalNote', { period: periodsPerYear(indicator.frequency) })}</Typography.Text>
      </Space>
    </Card>
  );
}
