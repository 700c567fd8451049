import { Card, Col, Row, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { trendOption } from '../../../../shared/charts/trend';
import type { Annotation } from '../../../../shared/api/annotations';
import type { OverviewTrend } from '../../../../shared/api/overview';
import { periodLabel } from '../../../../shared/period';
import { useApi } from '../../api/client';
import { Chart } from '../../components/Chart';
import { QueryState } from '../../components/QueryState';
import { useLocale } from '../../hooks/useLocale';
import { KpiCard } from './KpiCard';

function TrendCard({ trend, annotations }: { trend: OverviewTrend; annotations: Annotation[] }) {
  const { locale, name } = useLocale();
  const ind = trend.indicator;
  const option = useMemo(() => {
    const marks = annotations
      .filter((a) => a.target.kind === 'series' && a.target.indicator === ind.code && !Object.keys(a.target.members).length)
      .map((a) => ({ series: name(ind.name), periodFrom: a.periodFrom, periodTo: a.periodTo, text: a.text, category: a.category, id: a.id }));
    return trendOption({ series: [{ name: name(ind.name), points: trend.points }], unit: name(ind.unit), locale, decimals: ind.decimals, ytd: ind.ytd, annotations: marks });
  }, [trend, locale, annotations]);
  return (
    <Card size="small" title={name(ind.name)} data-testid={`trend-${ind.code}`}>
      <Chart option={option} height={240} />
    </Card>
  );
}

export function OverviewPage({ navigate }: { navigate: (page: string, params?: Record<string, string>) => void }) {
  const { t } = useTranslation('overview');
  const { locale } = useLocale();
  const q = useApi('overview.get', { months: 60 });
  const annotations = useApi('annotation.list', { targets: (q.data?.trends ?? []).map((tr) => ({ kind: 'series' as const, indicator: tr.indicator.code, members: {} })) }, { enabled: !!q.data });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space align="baseline">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        {q.data?.latestPeriod && (
          <Typography.Text type="secondary" data-testid="overview-latest">
            {t('common:latestPeriod', { period: periodLabel(q.data.latestPeriod, locale) })}
          </Typography.Text>
        )}
      </Space>
      <QueryState isLoading={q.isLoading} error={q.error} retry={() => void q.refetch()} />
      {q.data && (
        <>
          <Row gutter={[12, 12]}>
            {q.data.kpis.map((kpi) => (
              <Col key={kpi.indicator.code} xs={24} sm={12} lg={8} xl={6} xxl={4}>
                <KpiCard kpi={kpi} onOpen={() => navigate('explorer', { code: kpi.indicator.code })} />
              </Col>
            ))}
          </Row>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('trends')}
          </Typography.Title>
          <Row gutter={[12, 12]}>
            {q.data.trends.map((trend) => (
              <Col key={trend.indicator.code} xs={24} lg={12} xxl={8}>
                <TrendCard trend={trend} annotations={annotations.data ?? []} />
              </Col>
            ))}
          </Row>
        </>
      )}
    </Space>
  );
}
