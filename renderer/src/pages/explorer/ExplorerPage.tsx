import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Empty, Row, Segmented, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeriesResult, SeriesView } from '../../../../shared/api/series';
import { categoryAxis, trendOption } from '../../../../shared/charts/trend';
import type { Indicator } from '../../../../shared/domain/types';
import { formatNumber } from '../../../../shared/format';
import { periodLabel } from '../../../../shared/period';
import { call, useApi } from '../../api/client';
import { transport } from '../../api/transport';
import { Chart } from '../../components/Chart';
import { ProvenancePopover } from '../../components/ProvenancePopover';
import { useChartAnnotations } from '../../components/annotations/useChartAnnotations';
import { QueryState } from '../../components/QueryState';
import { useErrorText, useLocale } from '../../hooks/useLocale';
import { CatalogTree } from './CatalogTree';
import { isSeasonalView, SeasonalFactorPanel, useSeasonalViewOptions } from './SeasonalPanel';

interface Row {
  period: string;
  [seriesKey: string]: number | null | string;
}

function tableRows(result: SeriesResult): Row[] {
  const rows = new Map<string, Row>();
  for (const s of result.series) {
    for (const p of s.points) {
      let row = rows.get(p.period);
      if (!row) rows.set(p.period, (row = { period: p.period }));
      row[`v:${s.key}`] = p.value;
    }
  }
  return [...rows.values()].sort((a, b) => b.period.localeCompare(a.period));
}

function IndicatorInfo({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation('explorer');
  const { name } = useLocale();
  return (
    <Descriptions size="small" column={{ xs: 1, md: 3, xl: 6 }} data-testid="indicator-info">
      <Descriptions.Item label={t('code')}>{indicator.code}</Descriptions.Item>
      <Descriptions.Item label={t('unit')}>{name(indicator.unit) || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('frequency')}>{t(`common:frequency.${indicator.frequency}`)}</Descriptions.Item>
      <Descriptions.Item label={t('polarity')}>{t(`common:polarity.${indicator.polarity}`)}</Descriptions.Item>
      <Descriptions.Item label={t('ytd')}>{indicator.ytd ? t('yes') : t('no')}</Descriptions.Item>
      <Descriptions.Item label={t('source')}>{indicator.sourceUnit}</Descriptions.Item>
    </Descriptions>
  );
}

function SeriesPanel({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation('explorer');
  const { locale, name } = useLocale();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const catalog = useApi('catalog.get', {});
  const [breakdown, setBreakdown] = useState<string | undefined>(undefined);
  const [members, setMembers] = useState<string[] | undefined>(undefined);
  const [view, setView] = useState<SeriesView>('published');
  const query = { indicator: indicator.code, breakdown, members: breakdown ? members : undefined, view, includeTotal: true };
  const q = useApi('series.query', query);
  const seasonalViews = useSeasonalViewOptions(indicator);

  const dimension = catalog.data?.dimensions.find((d) => d.code === breakdown);
  const result = q.data;
  const chartSeries = useMemo(() => (result ? result.series.map((s) => ({ name: name(s.label), target: { kind: 'series' as const, indicator: indicator.code, members: s.members } })) : []), [result, locale]);
  const annotations = useChartAnnotations(indicator.code, chartSeries, useMemo(() => categoryAxis(result?.series.map((s) => ({ name: s.key, points: s.points })) ?? []), [result]));
  const option = useMemo(
    () =>
      result
        ? annotations.decorate(trendOption({
            series: result.series.map((s) => ({ name: name(s.label), points: s.points })),
            unit: name(result.valueUnit),
            locale,
            decimals: view === 'yoy' ? 1 : indicator.decimals,
            ytd: indicator.ytd && view === 'published',
            zoom: true,
            zoomStart: 50,
            annotations: annotations.marks,
          }))
        : null,
    [result, locale, view, indicator, annotations.marks, annotations.decorate],
  );
  const rows = useMemo(() => (result ? tableRows(result) : []), [result]);
  const decimals = view === 'yoy' ? 1 : indicator.decimals;

  const exportCsv = async () => {
    try {
      const file = await call('series.exportCsv', query);
      if (await transport.saveFile(file)) void message.success(t('common:saved', { name: file.fileName }));
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <span>{t('breakdown')}</span>
        <Select
          data-testid="breakdown-select"
          style={{ width: 160 }}
          value={breakdown ?? ''}
          onChange={(v: string) => {
            setBreakdown(v || undefined);
            setMembers(undefined);
          }}
          options={[{ value: '', label: t('noBreakdown') }, ...indicator.dimensions.map((d) => ({ value: d, label: name(catalog.data?.dimensions.find((x) => x.code === d)?.name ?? { zh: d, en: d }) }))]}
        />
        {dimension && (
          <Select
            data-testid="members-select"
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            style={{ minWidth: 260 }}
            placeholder={t('allMembers')}
            value={members ?? []}
            onChange={(v: string[]) => setMembers(v.length ? v : undefined)}
            options={dimension.members.map((m) => ({ value: m.code, label: name(m.name) }))}
            optionFilterProp="label"
          />
        )}
        <Segmented
          data-testid="view-switch"
          value={view}
          onChange={(v) => setView(v as SeriesView)}
          options={[
            { value: 'published', label: t('view.published') },
            { value: 'period', label: indicator.ytd ? t('view.periodYtd') : t('view.period') },
            { value: 'yoy', label: t('view.yoy') },
            ...seasonalViews,
          ]}
        />
        <Button icon={<DownloadOutlined />} onClick={() => void exportCsv()} data-testid="export-csv" disabled={!result}>
          {t('exportCsv')}
        </Button>
      </Space>
      <QueryState isLoading={q.isLoading} error={q.error} retry={() => void q.refetch()} />
      {option && annotations.beside(<Chart option={option} height={380} testId="explorer-chart" onReady={annotations.onReady} />)}
      {isSeasonalView(view) && <SeasonalFactorPanel query={query} indicator={indicator} />}
      {result && (
        <Table<Row>
          data-testid="series-table"
          size="small"
          rowKey="period"
          dataSource={rows}
          pagination={{ pageSize: 24, showSizeChanger: false }}
          scroll={{ x: true }}
          columns={[
            { title: t('period'), dataIndex: 'period', fixed: 'left', width: 130, render: (p: string) => periodLabel(p, locale, indicator.ytd && view === 'published') },
            ...result.series.map((s) => ({
              title: name(s.label),
              dataIndex: `v:${s.key}`,
              align: 'right' as const,
              render: (v: number | null | undefined, row: Row) =>
                view === 'published' && v != null ? (
                  <ProvenancePopover indicator={indicator.code} members={s.members} period={row.period} testId={`value-${row.period}-${s.key}`}>
                    {formatNumber(v, decimals, locale)}
                  </ProvenancePopover>
                ) : (
                  formatNumber(v ?? null, decimals, locale)
                ),
            })),
          ]}
        />
      )}
      {result && (
        <Typography.Text type="secondary" data-testid="value-unit">
          {t('valueUnit', { unit: name(result.valueUnit) || '—' })}
        </Typography.Text>
      )}
    </Space>
  );
}

export function ExplorerPage({ code, navigate }: { code: string | null; navigate: (page: string, params?: Record<string, string>) => void }) {
  const { t } = useTranslation('explorer');
  const { name } = useLocale();
  const catalog = useApi('catalog.get', {});
  const indicator = catalog.data?.indicators.find((i) => i.code === code) ?? null;
  return (
    <Row gutter={16} wrap={false}>
      <Col flex="320px" style={{ maxHeight: 'calc(100vh - 120px)', overflow: 'auto' }}>
        <QueryState isLoading={catalog.isLoading} error={catalog.error} />
        {catalog.data && <CatalogTree indicators={catalog.data.indicators} selected={code} onSelect={(c) => navigate('explorer', { code: c })} />}
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        {indicator ? (
          <Card title={<span data-testid="indicator-title">{name(indicator.name)}</span>}>
            <IndicatorInfo indicator={indicator} />
            <SeriesPanel key={indicator.code} indicator={indicator} />
          </Card>
        ) : (
          <Empty description={t('pick')} />
        )}
      </Col>
    </Row>
  );
}
