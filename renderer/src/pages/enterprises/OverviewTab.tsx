import { Card, Col, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupTotals } from '../../../../shared/api/enterprises';
import { barOption, diffusionOption } from '../../../../shared/charts/bars';
import { trendOption } from '../../../../shared/charts/trend';
import type { PanelGrouping } from '../../../../shared/domain/enterprise';
import { PRODUCTION_LABELS } from '../../../../shared/domain/labels';
import { assessChange, formatChange, formatNumber } from '../../../../shared/format';
import { useApi } from '../../api/client';
import { Chart } from '../../components/Chart';
import { QueryState } from '../../components/QueryState';
import { useLocale } from '../../hooks/useLocale';

const ASSESS_COLORS = { better: '#2f8f4e', worse: '#c23b22', flat: '#595959', neutral: '#595959' };

function Delta({ label, value, unit, polarity, testId }: { label: string; value: number | null; unit: 'percent' | 'points'; polarity: 'up_good' | 'up_bad'; testId: string }) {
  const { locale } = useLocale();
  return (
    <div data-testid={testId}>
      <Typography.Text type="secondary">{label} </Typography.Text>
      <Typography.Text style={{ color: ASSESS_COLORS[assessChange(value, polarity)] }}>{formatChange(value, unit, locale, unit === 'percent' ? 1 : 2)}</Typography.Text>
    </div>
  );
}

export function OverviewTab({ period, onTab }: { period: string | undefined; onTab: (tab: string) => void }) {
  const { t } = useTranslation('enterprises');
  const { locale, name } = useLocale();
  const [groupBy, setGroupBy] = useState<PanelGrouping>('sector');
  const q = useApi('enterprises.overview', { period, groupBy, months: 36 });
  const o = q.data;

  const charts = useMemo(() => {
    if (!o) return null;
    return {
      headcount: trendOption({ series: [{ name: t('headcount'), points: o.trend.map((p) => ({ period: p.period, value: p.headcount })) }], unit: t('persons'), locale, decimals: 0 }),
      rate: trendOption({ series: [{ name: t('jobLossRate'), points: o.trend.map((p) => ({ period: p.period, value: p.jobLossRate })) }], unit: '%', locale, decimals: 2 }),
      diffusion: diffusionOption({
        locale,
        neutralLabel: t('neutral'),
        series: (['hiring', 'headcount', 'wages', 'production'] as const).map((k) => ({ name: t(`diffusion.${k}`), points: o.diffusion.map((p) => ({ period: p.period, value: p[k] })) })),
      }),
      groups: barOption({
        categories: o.groups.map((g) => name(g.label)),
        series: [{ name: t('netChange'), values: o.groups.map((g) => g.totals.netChange) }],
        unit: t('persons'),
        locale,
        decimals: 0,
        horizontal: true,
        signed: true,
      }),
    };
  }, [o, locale, t]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <QueryState isLoading={q.isLoading} error={q.error} retry={() => void q.refetch()} />
      {o?.totals && charts && (
        <>
          <Row gutter={[12, 12]}>
            <Col xs={24} md={12} xl={6}>
              <Card size="small" data-testid="ent-kpi-headcount">
                <Statistic title={t('headcount')} value={formatNumber(o.totals.closing, 0, locale)} suffix={t('persons')} />
                <Delta label={t('vsPrevMonth')} value={o.vsPrevious.headcountPct} unit="percent" polarity="up_good" testId="ent-kpi-headcount-mom" />
                <Delta label={t('vsLastYear')} value={o.vsLastYear.headcountPct} unit="percent" polarity="up_good" testId="ent-kpi-headcount-yoy" />
              </Card>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Card size="small" data-testid="ent-kpi-net">
                <Statistic title={t('netChange')} value={formatNumber(o.totals.netChange, 0, locale)} suffix={t('persons')} styles={{ content: { color: o.totals.netChange < 0 ? '#c23b22' : '#2f8f4e' } }} />
                <Typography.Text type="secondary">
                  {t('hiresAndSeparations', { hires: formatNumber(o.totals.hires, 0, locale), separations: formatNumber(o.totals.separations, 0, locale), economic: formatNumber(o.totals.sepEconomic, 0, locale) })}
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Card size="small" data-testid="ent-kpi-rate">
                <Statistic title={t('jobLossRate')} value={formatNumber(o.totals.jobLossRate, 2, locale)} suffix="%" />
                <Delta label={t('vsPrevMonth')} value={o.vsPrevious.jobLossRatePts} unit="points" polarity="up_bad" testId="ent-kpi-rate-mom" />
                <Delta label={t('vsLastYear')} value={o.vsLastYear.jobLossRatePts} unit="points" polarity="up_bad" testId="ent-kpi-rate-yoy" />
              </Card>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Card size="small" title={t('flagsTitle')}>
                <Space wrap>
                  <Tag color="#d46b08" style={{ cursor: 'pointer' }} onClick={() => onTab('article41')} data-testid="flag-article41">
                    {t('flags.article41', { n: o.flags.article41 })}
                  </Tag>
                  <Tag color="#cf1322" style={{ cursor: 'pointer' }} onClick={() => onTab('article41')} data-testid="flag-bigcut">
                    {t('flags.bigCut', { n: o.flags.bigCut })}
                  </Tag>
                  <Tag color="#1f5fa8" style={{ cursor: 'pointer' }} onClick={() => onTab('article41')} data-testid="flag-planned">
                    {t('flags.planned', { n: o.flags.plannedArticle41 })}
                  </Tag>
                  <Tag color="#b59a00" style={{ cursor: 'pointer' }} onClick={() => onTab('crosscheck')} data-testid="flag-crosscheck">
                    {t('flags.crossCheck', { n: o.flags.crossCheck })}
                  </Tag>
                </Space>
                <div style={{ marginTop: 8 }}>
                  <Typography.Text type="secondary">{t('production')}：</Typography.Text>
                  {(['expanded', 'normal', 'reduced', 'halted'] as const).map((s) => (
                    <Typography.Text key={s} style={{ marginInlineEnd: 8 }} data-testid={`production-${s}`}>
                      {name(PRODUCTION_LABELS[s])} {o.production[s]}
                    </Typography.Text>
                  ))}
                </div>
              </Card>
            </Col>
          </Row>
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={8}>
              <Card size="small" title={t('headcountTrend')}>
                <Chart option={charts.headcount} height={240} testId="chart-ent-headcount" />
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card size="small" title={t('jobLossTrend')}>
                <Chart option={charts.rate} height={240} testId="chart-ent-rate" />
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card size="small" title={t('diffusionTitle')} extra={<Typography.Text type="secondary">{t('diffusionNote')}</Typography.Text>}>
                <Chart option={charts.diffusion} height={240} testId="chart-ent-diffusion" />
              </Card>
            </Col>
          </Row>
          <Card
            size="small"
            title={t('byGroup')}
            extra={
              <Segmented
                data-testid="group-by"
                value={groupBy}
                onChange={(v) => setGroupBy(v as PanelGrouping)}
                options={(['sector', 'ownership', 'district', 'size'] as const).map((g) => ({ value: g, label: t(`grouping.${g}`) }))}
              />
            }
          >
            <Row gutter={16}>
              <Col xs={24} xl={10}>
                <Chart option={charts.groups} height={Math.max(220, o.groups.length * 26 + 40)} testId="chart-ent-groups" />
              </Col>
              <Col xs={24} xl={14}>
                <Table<GroupTotals>
                  data-testid="group-table"
                  size="small"
                  rowKey="code"
                  pagination={false}
                  dataSource={o.groups}
                  columns={[
                    { title: t(`grouping.${groupBy}`), dataIndex: 'code', render: (_: string, g) => name(g.label) },
                    { title: t('firms'), align: 'right', sorter: (a, b) => a.totals.firms - b.totals.firms, render: (_: unknown, g) => g.totals.firms },
                    { title: t('headcount'), align: 'right', sorter: (a, b) => a.totals.closing - b.totals.closing, render: (_: unknown, g) => formatNumber(g.totals.closing, 0, locale) },
                    { title: t('netChange'), align: 'right', sorter: (a, b) => a.totals.netChange - b.totals.netChange, render: (_: unknown, g) => formatNumber(g.totals.netChange, 0, locale) },
                    { title: t('jobLossRate'), align: 'right', sorter: (a, b) => (a.totals.jobLossRate ?? -1) - (b.totals.jobLossRate ?? -1), render: (_: unknown, g) => formatNumber(g.totals.jobLossRate, 2, locale) },
                    { title: t('headcountYoy'), align: 'right', sorter: (a, b) => (a.headcountYoy ?? -1e9) - (b.headcountYoy ?? -1e9), render: (_: unknown, g) => formatChange(g.headcountYoy, 'percent', locale) },
                  ]}
                />
              </Col>
            </Row>
          </Card>
        </>
      )}
    </Space>
  );
}
