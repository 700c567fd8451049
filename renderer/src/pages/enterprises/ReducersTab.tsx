import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TopCut } from '../../../../shared/api/enterprises';
import { PRODUCTION_LABELS, SEPARATION_REASON_LABELS } from '../../../../shared/domain/labels';
import { SEPARATION_REASONS } from '../../../../shared/domain/enterprise';
import { formatNumber } from '../../../../shared/format';
import { call, useApi } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { useLocale } from '../../hooks/useLocale';
import { ExportButton, useMemberName } from './widgets';

export function ReducersTab({ period, openFirm }: { period: string; openFirm: (id: number) => void }) {
  const { t } = useTranslation('enterprises');
  const { locale, name } = useLocale();
  const q = useApi('enterprises.topCuts', { period, limit: 20 });
  const member = useMemberName();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        {q.data && (
          <Typography.Text data-testid="reducers-summary">
            {t('reducersSummary', { firms: q.data.reducingFirms, total: formatNumber(q.data.totalReduction, 0, locale) })}
          </Typography.Text>
        )}
        <ExportButton testId="export-reducers" make={(format) => call('enterprises.export', { table: 'topCuts', format, period, limit: 50, locale })} />
      </Space>
      <QueryState isLoading={q.isLoading} error={q.error} retry={() => void q.refetch()} />
      {q.data && (
        <Table<TopCut>
          data-testid="reducers-table"
          size="small"
          rowKey={(r) => r.firm.id}
          dataSource={q.data.items}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t('rank'), dataIndex: 'rank', width: 56 },
            {
              title: t('firm'),
              render: (_: unknown, r) => (
                <a onClick={() => openFirm(r.firm.id)} data-testid={`reducer-firm-${r.firm.id}`}>
                  {r.firm.name}
                </a>
              ),
            },
            { title: t('grouping.sector'), render: (_: unknown, r) => member('sector', r.firm.sector) },
            { title: t('grouping.district'), render: (_: unknown, r) => member('district', r.firm.district) },
            { title: t('opening'), align: 'right', render: (_: unknown, r) => formatNumber(r.report.opening, 0, locale) },
            { title: t('closing'), align: 'right', render: (_: unknown, r) => formatNumber(r.report.closing, 0, locale) },
            { title: t('reduction'), align: 'right', render: (_: unknown, r) => <Typography.Text strong>{formatNumber(r.reduction, 0, locale)}</Typography.Text> },
            {
              title: t('reasons'),
              render: (_: unknown, r) => (
                <Space size={4} wrap>
                  {SEPARATION_REASONS.filter((k) => r.reasons[k] > 0).map((k) => (
                    <Tag key={k} color={k === r.mainReason ? (k === 'economic' ? 'red' : 'blue') : undefined}>
                      {name(SEPARATION_REASON_LABELS[k])} {r.reasons[k]}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            { title: t('production'), render: (_: unknown, r) => name(PRODUCTION_LABELS[r.report.production]) },
            { title: t('plannedCuts'), align: 'right', render: (_: unknown, r) => (r.report.plannedCuts ? formatNumber(r.report.plannedCuts, 0, locale) : '—') },
            {
              title: t('article41Short'),
              render: (_: unknown, r) => (r.article41.bigCut ? <Tag color="#cf1322">{t('over200')}</Tag> : r.article41.article41 ? <Tag color="#d46b08">{t('article41Short')}</Tag> : null),
            },
          ]}
        />
      )}
    </Space>
  );
}
