import { ImportOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Select, Space, Switch, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignalCount } from '../../../../shared/api/signals';
import { barOption } from '../../../../shared/charts/bars';
import type { SignalCase } from '../../../../shared/domain/signals';
import { SIGNAL_CATEGORY_LABELS, SIGNAL_CHANNEL_LABELS } from '../../../../shared/domain/labels';
import { SIGNAL_CATEGORIES, SIGNAL_CHANNELS, type SignalCategory, type SignalChannel } from '../../../../shared/warnings/rules';
import { call, useApi } from '../../api/client';
import { Chart } from '../../components/Chart';
import { QueryState } from '../../components/QueryState';
import { useLocale } from '../../hooks/useLocale';
import { ExportButton, MonthSelect, useMemberName } from '../enterprises/widgets';

export function SignalsTab({ navigate }: { navigate: (page: string, params?: Record<string, string>) => void }) {
  const { t } = useTranslation('warnings');
  const { locale, name } = useLocale();
  const member = useMemberName();
  const catalog = useApi('catalog.get', {}, { staleTime: Infinity });
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [districts, setDistricts] = useState<string[]>([]);
  const [categories, setCategories] = useState<SignalCategory[]>([]);
  const [channels, setChannels] = useState<SignalChannel[]>([]);
  const [linkedOnly, setLinkedOnly] = useState(false);
  const filter = { period, districts, categories, channels, linkedOnly };
  const q = useApi('signals.list', filter);
  const s = q.data;
  const option = useMemo(
    () =>
      s
        ? barOption({
            categories: s.byDistrict.map((d) => name(d.label)),
            series: SIGNAL_CATEGORIES.map((c) => ({ name: name(SIGNAL_CATEGORY_LABELS[c]), values: s.byDistrict.map((d) => d.byCategory[c] ?? 0) })),
            locale,
            decimals: 0,
            stacked: true,
            horizontal: true,
          })
        : null,
    [s, locale],
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        {s && <MonthSelect testId="signals-period" months={s.periods} value={s.period} onChange={setPeriod} />}
        <Select mode="multiple" allowClear maxTagCount="responsive" style={{ minWidth: 160 }} placeholder={t('allDistricts')} value={districts} onChange={setDistricts} options={(catalog.data?.dimensions.find((d) => d.code === 'district')?.members ?? []).map((m) => ({ value: m.code, label: name(m.name) }))} />
        <Select mode="multiple" allowClear style={{ minWidth: 160 }} placeholder={t('allCategories')} value={categories} onChange={setCategories} data-testid="signals-categories" options={SIGNAL_CATEGORIES.map((c) => ({ value: c, label: name(SIGNAL_CATEGORY_LABELS[c]) }))} />
        <Select mode="multiple" allowClear style={{ minWidth: 160 }} placeholder={t('allChannels')} value={channels} onChange={setChannels} options={SIGNAL_CHANNELS.map((c) => ({ value: c, label: name(SIGNAL_CHANNEL_LABELS[c]) }))} />
        <span>
          {t('linkedOnly')} <Switch size="small" checked={linkedOnly} onChange={setLinkedOnly} />
        </span>
        <ExportButton testId="export-signals" make={(format) => call('signals.export', { filter, format, locale })} />
        <Button icon={<ImportOutlined />} onClick={() => navigate('data', { tab: 'import', target: 'signals' })} data-testid="signals-import">
          {t('importSignals')}
        </Button>
      </Space>
      <QueryState isLoading={q.isLoading} error={q.error} retry={() => void q.refetch()} />
      {s && option && (
        <>
          <Space wrap data-testid="signals-categories-count">
            {SIGNAL_CATEGORIES.map((c) => (
              <Tag key={c}>
                {name(SIGNAL_CATEGORY_LABELS[c])} {s.byCategory[c] ?? 0}
              </Tag>
            ))}
            <Tag color="blue">{t('linkedCases', { n: s.linked, total: s.cases.length })}</Tag>
          </Space>
          <Row gutter={12}>
            <Col xs={24} xl={10}>
              <Card size="small" title={t('byDistrict')}>
                <Chart option={option} height={Math.max(240, s.byDistrict.length * 24 + 60)} testId="signals-chart" />
                <Table<SignalCount>
                  size="small"
                  rowKey="code"
                  pagination={false}
                  dataSource={s.byDistrict}
                  columns={[
                    { title: t('district'), render: (_: unknown, r) => name(r.label) },
                    { title: t('count'), dataIndex: 'count', align: 'right' },
                    { title: t('cases'), dataIndex: 'cases', align: 'right' },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Table<SignalCase>
                data-testid="signals-table"
                size="small"
                rowKey="id"
                dataSource={s.cases}
                pagination={{ pageSize: 15, showSizeChanger: false }}
                columns={[
                  { title: t('date'), dataIndex: 'date', width: 100 },
                  { title: t('channel'), render: (_: unknown, c) => name(SIGNAL_CHANNEL_LABELS[c.channel]) },
                  { title: t('district'), render: (_: unknown, c) => (c.district ? member('district', c.district) : '—') },
                  { title: t('firm'), render: (_: unknown, c) => (c.enterpriseId ? <a onClick={() => navigate('enterprises', { firm: String(c.enterpriseId) })}>{c.firmName ?? c.creditCode}</a> : (c.firmName ?? c.creditCode ?? '—')) },
                  { title: t('category'), render: (_: unknown, c) => name(SIGNAL_CATEGORY_LABELS[c.category]) },
                  { title: t('count'), dataIndex: 'count', align: 'right', width: 60 },
                  { title: t('summary'), dataIndex: 'summary' },
                ]}
              />
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}
