import { Card, Col, Empty, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Breakdown } from '../../../../shared/api/groups';
import { barOption } from '../../../../shared/charts/bars';
import { trendOption } from '../../../../shared/charts/trend';
import { formatChange, formatNumber } from '../../../../shared/format';
import { periodLabel, periodRange } from '../../../../shared/period';
import { useApi } from '../../api/client';
import { Chart } from '../../components/Chart';
import { QueryState } from '../../components/QueryState';
import { useLocale } from '../../hooks/useLocale';
import { MonthSelect } from '../enterprises/widgets';
import type { PageProps } from '../registry';

function BreakdownBars({ title, parts, unit, decimals, testId }: { title: string; parts: Breakdown[]; unit: string; decimals: number; testId: string }) {
  const { locale, name } = useLocale();
  const option = useMemo(() => barOption({ categories: parts.map((p) => name(p.label)), series: [{ name: title, values: parts.map((p) => p.value) }], unit, locale, decimals, horizontal: true }), [parts, locale]);
  return (
    <div>
      <Typography.Text strong>{title}</Typography.Text>
      <Chart option={option} height={Math.max(140, parts.length * 26 + 40)} testId={testId} />
    </div>
  );
}

/** Bars read from zero: a trend chart's fitted axis would exaggerate them. */
function fromZero(option: Record<string, unknown>): Record<string, unknown> {
  return { ...option, yAxis: { ...(option.yAxis as Record<string, unknown>), scale: false, min: 0 } };
}

/** 重点群体: aggregate indicators only, no personal records. */
export function GroupsPage({ params, navigate }: PageProps) {
  const { t } = useTranslation('groups');
  const { locale, name } = useLocale();
  const info = useApi('app.info', {}, { staleTime: Infinity });
  const period = params.get('period') ?? undefined;
  const q = useApi('groups.dashboard', { period });
  const g = q.data;
  const months = useMemo(() => (info.data?.latestPeriod ? periodRange('2015-01', info.data.latestPeriod) : []), [info.data?.latestPeriod]);

  const charts = useMemo(() => {
    if (!g) return null;
    return {
      graduates: fromZero(trendOption({
        series: [
          { name: t('thisCycle'), points: g.graduates.months.map((m) => ({ period: m.period, value: m.total })), bar: true },
          { name: t('lastCycle'), points: g.graduates.months.map((m) => ({ period: m.period, value: m.lastYear })) },
        ],
        unit: t('persons'),
        locale,
        decimals: 0,
      })),
      rural: trendOption({ series: [{ name: t('ruralTotal'), points: g.rural.trend }], unit: t('tenThousand'), locale, decimals: 2, ytd: true }),
      hard: fromZero(trendOption({ series: [{ name: t('hardMonthly'), points: g.hardToEmploy.monthly, bar: true }], unit: t('persons'), locale, decimals: 0 })),
      zero: fromZero(trendOption({ series: [{ name: t('zeroHouseholds'), points: g.zeroEmployment.trend, bar: true }], unit: t('households'), locale, decimals: 0 })),
      hardDistricts: barOption({ categories: g.hardToEmploy.byDistrict.map((b) => name(b.label)), series: [{ name: t('hardPlaced'), values: g.hardToEmploy.byDistrict.map((b) => b.value) }], locale, decimals: 0, horizontal: true }),
    };
  }, [g, locale, t]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space align="center" wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        {months.length > 0 && <MonthSelect testId="groups-period" months={months} value={g?.period ?? null} onChange={(m) => navigate('groups', { period: m })} />}
        <Typography.Text type="secondary">{t('aggregateOnly')}</Typography.Text>
      </Space>
      <QueryState isLoading={q.isLoading} error={q.error} retry={() => void q.refetch()} />
      {g && charts && (
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('graduates', { year: g.graduates.cycle ?? '' })} data-testid="groups-graduates">
              {g.graduates.latest ? (
                <>
                  <Space size="large" wrap>
                    <Statistic title={t('notEmployed', { period: periodLabel(g.graduates.latest.period, locale) })} value={formatNumber(g.graduates.latest.total, 0, locale)} suffix={t('persons')} />
                    <Statistic title={t('remainingOfJuly')} value={formatNumber(g.graduates.remainingPct, 1, locale)} suffix="%" />
                    <Statistic title={t('vsLastCycle')} value={formatChange(g.graduates.latest.total != null && g.graduates.latest.lastYear ? (g.graduates.latest.total / g.graduates.latest.lastYear - 1) * 100 : null, 'percent', locale)} />
                  </Space>
                  <Chart option={charts.graduates} height={220} testId="chart-graduates" />
                  <Table<Breakdown>
                    size="small"
                    rowKey="code"
                    pagination={false}
                    dataSource={g.graduates.latest.byDegree}
                    data-testid="graduates-degree"
                    columns={[
                      { title: t('degree'), render: (_: unknown, b) => name(b.label) },
                      { title: t('count'), align: 'right', render: (_: unknown, b) => formatNumber(b.value, 0, locale) },
                    ]}
                  />
                </>
              ) : (
                <Empty description={t('noCycle')} />
              )}
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('rural', { period: g.rural.period ? periodLabel(g.rural.period, locale, true) : '—' })} data-testid="groups-rural">
              <Space size="large" wrap>
                <Statistic title={t('ruralTotal')} value={formatNumber(g.rural.total, 2, locale)} suffix={t('tenThousand')} />
                <Statistic title={t('vsLastYear')} value={formatChange(g.rural.vsLastYearPct, 'percent', locale)} />
              </Space>
              <Chart option={charts.rural} height={180} testId="chart-rural" />
              <Row gutter={8}>
                <Col span={12}>
                  <BreakdownBars title={t('byCounty')} parts={g.rural.byDistrict} unit={t('tenThousand')} decimals={2} testId="chart-rural-county" />
                </Col>
                <Col span={12}>
                  <BreakdownBars title={t('byDestination')} parts={g.rural.byDestination} unit={t('tenThousand')} decimals={2} testId="chart-rural-destination" />
                  <BreakdownBars title={t('byIndustry')} parts={g.rural.byIndustry} unit={t('tenThousand')} decimals={2} testId="chart-rural-industry" />
                  <BreakdownBars title={t('byWage')} parts={g.rural.byWage} unit={t('tenThousand')} decimals={2} testId="chart-rural-wage" />
                </Col>
              </Row>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('hardToEmploy')} data-testid="groups-hard">
              <Space size="large" wrap>
                <Statistic title={g.hardToEmploy.period ? periodLabel(g.hardToEmploy.period, locale, true) : '—'} value={formatNumber(g.hardToEmploy.total, 0, locale)} suffix={t('persons')} />
                <Statistic title={t('vsLastYear')} value={formatChange(g.hardToEmploy.vsLastYearPct, 'percent', locale)} />
              </Space>
              <Chart option={charts.hard} height={200} testId="chart-hard" />
              <Chart option={charts.hardDistricts} height={380} testId="chart-hard-districts" />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('zeroEmployment')} data-testid="groups-zero">
              <Space size="large" wrap>
                <Statistic title={t('zeroNow')} value={formatNumber(g.zeroEmployment.total, 0, locale)} suffix={t('households')} styles={{ content: { color: g.zeroEmployment.total === 0 ? '#2f8f4e' : '#c23b22' } }} />
                <Statistic title={t('target')} value={0} suffix={t('households')} />
                <Statistic title={t('monthsAtZero')} value={g.zeroEmployment.monthsAtZero} suffix={t('months')} />
              </Space>
              <div style={{ margin: '8px 0' }} data-testid="zero-districts">
                {g.zeroEmployment.districts.length ? (
                  g.zeroEmployment.districts.map((d) => (
                    <Tag key={d.code} color="red">
                      {name(d.label)} {d.value}
                    </Tag>
                  ))
                ) : (
                  <Tag color="green">{t('allCleared')}</Tag>
                )}
              </div>
              <Chart option={charts.zero} height={200} testId="chart-zero" />
            </Card>
          </Col>
        </Row>
      )}
    </Space>
  );
}
