import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Empty, List, Row, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FirmMonth } from '../../../../shared/api/enterprises';
import type { AlertView } from '../../../../shared/api/warnings';
import { trendOption } from '../../../../shared/charts/trend';
import { LEDGER_GROUP_LABELS, PRODUCTION_LABELS, SIGNAL_CATEGORY_LABELS, SIGNAL_CHANNEL_LABELS } from '../../../../shared/domain/labels';
import { formatNumber } from '../../../../shared/format';
import { periodLabel } from '../../../../shared/period';
import { call, useApi } from '../../api/client';
import { Chart } from '../../components/Chart';
import { useChartAnnotations } from '../../components/annotations/useChartAnnotations';
import { QueryState } from '../../components/QueryState';
import { useLocale } from '../../hooks/useLocale';
import { CreateItemModal } from '../ledger/CreateItemModal';
import { ExportButton, LevelTag, StatusTag, useMemberName } from './widgets';

export function FirmPage({ id, back, navigate }: { id: number; back: () => void; navigate: (page: string, params?: Record<string, string>) => void }) {
  const { t } = useTranslation('enterprises');
  const { locale, name } = useLocale();
  const member = useMemberName();
  const q = useApi('enterprises.detail', { id });
  const [creating, setCreating] = useState<{ alert: AlertView | null } | null>(null);
  const d = q.data;
  // Annotations attach to the firm and are drawn on its headcount line.
  const annotated = useMemo(() => [{ name: t('headcount'), target: { kind: 'firm' as const, enterpriseId: id } }], [t, id]);
  const periods = useMemo(() => d?.months.map((m) => m.period) ?? [], [d]);
  const annotations = useChartAnnotations(null, annotated, periods);
  const option = useMemo(
    () =>
      d
        ? annotations.decorate(trendOption({
            series: [
              { name: t('headcount'), points: d.months.map((m) => ({ period: m.period, value: m.closing })) },
              { name: t('contributors'), points: d.months.map((m) => ({ period: m.period, value: m.contributors })) },
              { name: t('economicLayoffs'), points: d.months.map((m) => ({ period: m.period, value: m.sepEconomic })), bar: true },
            ],
            unit: t('persons'),
            locale,
            decimals: 0,
            zoom: true,
            zoomStart: 70,
            annotations: annotations.marks,
          }))
        : null,
    [d, locale, t, annotations.marks, annotations.decorate],
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Button icon={<ArrowLeftOutlined />} onClick={back} data-testid="firm-back">
        {t('backToList')}
      </Button>
      <QueryState isLoading={q.isLoading} error={q.error} retry={() => void q.refetch()} />
      {d && (
        <>
          <Card
            title={<span data-testid="firm-name">{d.firm.name}</span>}
            extra={
              <Space>
                <ExportButton testId="export-firm" make={(format) => call('enterprises.export', { table: 'firm', id, format, locale })} />
                <Button icon={<PlusOutlined />} onClick={() => setCreating({ alert: null })} data-testid="firm-new-ledger">
                  {t('newLedgerItem')}
                </Button>
              </Space>
            }
          >
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3, xl: 4 }}
              items={[
                { key: 'code', label: t('creditCode'), children: <span data-testid="firm-code" style={{ fontFamily: 'monospace' }}>{d.firm.creditCode}</span> },
                { key: 'sector', label: t('grouping.sector'), children: member('sector', d.firm.sector) },
                { key: 'industry', label: t('industry'), children: member('industry', d.firm.industry) },
                { key: 'ownership', label: t('grouping.ownership'), children: member('ownership', d.firm.ownership) },
                { key: 'size', label: t('grouping.size'), children: member('size', d.firm.size) },
                { key: 'district', label: t('grouping.district'), children: member('district', d.firm.district) },
                { key: 'trade', label: t('tradeExposed'), children: d.firm.tradeExposed ? t('yes') : t('no') },
              ]}
            />
            {option && annotations.beside(<Chart option={option} height={300} testId="firm-chart" onReady={annotations.onReady} />)}
          </Card>
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('firmLedger')} data-testid="firm-ledger">
                {d.ledger.length ? (
                  <List
                    size="small"
                    dataSource={d.ledger}
                    renderItem={(item) => (
                      <List.Item data-testid={`firm-ledger-item-${item.id}`} actions={[<a key="open" onClick={() => navigate('ledger', { item: String(item.id) })}>{t('open')}</a>]}>
                        <Space wrap>
                          <LevelTag level={item.level} />
                          <StatusTag status={item.status} testId={`firm-ledger-status-${item.id}`} />
                          <Typography.Text>{item.title}</Typography.Text>
                          <Typography.Text type="secondary">{name(LEDGER_GROUP_LABELS[item.group])}</Typography.Text>
                          {item.overdue && <Tag color="red">{t('overdue')}</Tag>}
                        </Space>
                      </List.Item>
                    )}
                  />
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noLedger')} />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('firmAlerts')}>
                <Table<AlertView>
                  data-testid="firm-alerts"
                  size="small"
                  rowKey="id"
                  dataSource={d.alerts}
                  pagination={{ pageSize: 8, showSizeChanger: false }}
                  columns={[
                    { title: t('period'), render: (_: unknown, a) => periodLabel(a.period, locale) },
                    { title: t('level'), render: (_: unknown, a) => <LevelTag level={a.level} /> },
                    { title: t('rule'), render: (_: unknown, a) => name(a.ruleName) },
                    { title: t('status'), render: (_: unknown, a) => (a.status === 'active' ? t('alertActive') : t('alertCleared')) },
                    {
                      title: '',
                      render: (_: unknown, a) =>
                        a.ledgerItemIds.length ? (
                          <a onClick={() => navigate('ledger', { item: String(a.ledgerItemIds[0]) })}>{t('inLedger')}</a>
                        ) : (
                          <a onClick={() => setCreating({ alert: a })}>{t('toLedger')}</a>
                        ),
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('monthlyReports')}>
            <Table<FirmMonth>
              data-testid="firm-months"
              size="small"
              rowKey="period"
              dataSource={[...d.months].reverse()}
              pagination={{ pageSize: 12, showSizeChanger: false }}
              scroll={{ x: true }}
              columns={[
                { title: t('period'), render: (_: unknown, m) => periodLabel(m.period, locale) },
                { title: t('opening'), align: 'right', render: (_: unknown, m) => formatNumber(m.opening, 0, locale) },
                { title: t('hires'), align: 'right', render: (_: unknown, m) => formatNumber(m.hires, 0, locale) },
                { title: t('economicLayoffs'), align: 'right', render: (_: unknown, m) => formatNumber(m.sepEconomic, 0, locale) },
                { title: t('otherSeparations'), align: 'right', render: (_: unknown, m) => formatNumber(m.sepContractEnd + m.sepQuit + m.sepRetire + m.sepOther, 0, locale) },
                { title: t('closing'), align: 'right', render: (_: unknown, m) => formatNumber(m.closing, 0, locale) },
                { title: t('avgWage'), align: 'right', render: (_: unknown, m) => formatNumber(m.avgWage, 0, locale) },
                { title: t('production'), render: (_: unknown, m) => name(PRODUCTION_LABELS[m.production]) },
                { title: t('plannedCuts'), align: 'right', render: (_: unknown, m) => formatNumber(m.plannedCuts, 0, locale) },
                { title: t('contributors'), align: 'right', render: (_: unknown, m) => formatNumber(m.contributors, 0, locale) },
                { title: t('gapPct'), align: 'right', render: (_: unknown, m) => formatNumber(m.gapPct, 1, locale) },
                { title: t('flag'), render: (_: unknown, m) => (m.article41.bigCut ? <Tag color="#cf1322">{t('over200')}</Tag> : m.article41.article41 ? <Tag color="#d46b08">{t('article41Short')}</Tag> : null) },
              ]}
            />
          </Card>
          <Card size="small" title={t('firmSignals')}>
            <Table
              data-testid="firm-signals"
              size="small"
              rowKey="id"
              dataSource={d.signals}
              pagination={{ pageSize: 8, showSizeChanger: false }}
              columns={[
                { title: t('date'), dataIndex: 'date' },
                { title: t('channel'), render: (_: unknown, s: (typeof d.signals)[number]) => name(SIGNAL_CHANNEL_LABELS[s.channel]) },
                { title: t('category'), render: (_: unknown, s: (typeof d.signals)[number]) => name(SIGNAL_CATEGORY_LABELS[s.category]) },
                { title: t('count'), dataIndex: 'count', align: 'right' },
                { title: t('summary'), dataIndex: 'summary' },
              ]}
            />
          </Card>
        </>
      )}
      {d && (
        <CreateItemModal
          open={creating !== null}
          alert={creating?.alert ?? null}
          subject={creating && !creating.alert ? { type: 'firm', enterpriseId: d.firm.id, label: d.firm.name } : null}
          onClose={() => setCreating(null)}
        />
      )}
    </Space>
  );
}
