import { Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FirmFilter, FirmRow } from '../../../../shared/api/enterprises';
import { OWNERSHIPS, SECTORS, SIZES } from '../../../../shared/domain/enterprise';
import { formatNumber } from '../../../../shared/format';
import { levelRank } from '../../../../shared/warnings/levels';
import { call, useApi } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { useLocale } from '../../hooks/useLocale';
import { ExportButton, LevelTag, useMemberName } from './widgets';

export function FirmListTab({ period, openFirm }: { period: string | undefined; openFirm: (id: number) => void }) {
  const { t } = useTranslation('enterprises');
  const { locale } = useLocale();
  const catalog = useApi('catalog.get', {}, { staleTime: Infinity });
  const [filter, setFilter] = useState<FirmFilter>({ sectors: [], ownerships: [], districts: [], sizes: [] });
  const q = useApi('enterprises.list', { period, filter });
  const member = useMemberName();
  const districts = catalog.data?.dimensions.find((d) => d.code === 'district')?.members.map((m) => m.code) ?? [];
  const multi = (key: 'sectors' | 'ownerships' | 'districts' | 'sizes', dim: string, codes: readonly string[]) => (
    <Select
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      style={{ minWidth: 180 }}
      placeholder={t(`grouping.${dim}`)}
      data-testid={`filter-${dim}`}
      value={filter[key]}
      onChange={(v: string[]) => setFilter({ ...filter, [key]: v })}
      options={codes.map((c) => ({ value: c, label: member(dim, c) }))}
    />
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        {multi('sectors', 'sector', SECTORS)}
        {multi('ownerships', 'ownership', OWNERSHIPS)}
        {multi('districts', 'district', districts)}
        {multi('sizes', 'size', SIZES)}
        <span>
          {t('tradeExposedOnly')} <Switch size="small" checked={filter.tradeExposed === true} onChange={(v) => setFilter({ ...filter, tradeExposed: v ? true : undefined })} />
        </span>
        <Input.Search allowClear placeholder={t('searchFirm')} style={{ width: 220 }} onSearch={(v) => setFilter({ ...filter, search: v || undefined })} data-testid="firm-search" />
        <ExportButton testId="export-firms" make={(format) => call('enterprises.export', { table: 'list', format, period, filter, locale })} />
      </Space>
      <QueryState isLoading={q.isLoading} error={q.error} retry={() => void q.refetch()} />
      {q.data && (
        <>
          <Typography.Text type="secondary" data-testid="firm-count">
            {t('firmCount', { n: q.data.rows.length })}
          </Typography.Text>
          <Table<FirmRow>
            data-testid="firm-table"
            size="small"
            rowKey={(r) => r.firm.id}
            dataSource={q.data.rows}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            scroll={{ x: true }}
            columns={[
              {
                title: t('firm'),
                sorter: (a, b) => a.firm.name.localeCompare(b.firm.name, 'zh-CN'),
                render: (_: unknown, r) => (
                  <a onClick={() => openFirm(r.firm.id)} data-testid={`firm-link-${r.firm.id}`}>
                    {r.firm.name}
                  </a>
                ),
              },
              { title: t('creditCode'), render: (_: unknown, r) => <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 12 }}>{r.firm.creditCode}</Typography.Text> },
              { title: t('grouping.sector'), render: (_: unknown, r) => member('sector', r.firm.sector) },
              { title: t('grouping.ownership'), render: (_: unknown, r) => member('ownership', r.firm.ownership) },
              { title: t('grouping.district'), render: (_: unknown, r) => member('district', r.firm.district) },
              { title: t('headcount'), align: 'right', sorter: (a, b) => (a.report?.closing ?? -1) - (b.report?.closing ?? -1), render: (_: unknown, r) => formatNumber(r.report?.closing, 0, locale) },
              { title: t('netChange'), align: 'right', sorter: (a, b) => (a.netChange ?? 0) - (b.netChange ?? 0), render: (_: unknown, r) => formatNumber(r.netChange, 0, locale) },
              { title: t('jobLossRate'), align: 'right', sorter: (a, b) => (a.jobLossRate ?? -1) - (b.jobLossRate ?? -1), render: (_: unknown, r) => formatNumber(r.jobLossRate, 2, locale) },
              { title: t('contributors'), align: 'right', render: (_: unknown, r) => formatNumber(r.contributors, 0, locale) },
              { title: t('gapPct'), align: 'right', sorter: (a, b) => Math.abs(a.gapPct ?? 0) - Math.abs(b.gapPct ?? 0), render: (_: unknown, r) => formatNumber(r.gapPct, 1, locale) },
              {
                title: t('warning'),
                sorter: (a, b) => (a.alertLevel ? levelRank(a.alertLevel) : 0) - (b.alertLevel ? levelRank(b.alertLevel) : 0),
                render: (_: unknown, r) => (
                  <Space size={4}>
                    {r.alertLevel && <LevelTag level={r.alertLevel} />}
                    {r.bigCut ? <Tag color="#cf1322">{t('over200')}</Tag> : r.article41 ? <Tag color="#d46b08">{t('article41Short')}</Tag> : null}
                    {r.openLedgerItems > 0 && <Tag>{t('openItems', { n: r.openLedgerItems })}</Tag>}
                  </Space>
                ),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
