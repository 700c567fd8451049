import { Alert, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Article41Row } from '../../../../shared/api/enterprises';
import { PRODUCTION_LABELS } from '../../../../shared/domain/labels';
import { formatNumber } from '../../../../shared/format';
import { call, useApi } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { useLocale } from '../../hooks/useLocale';
import { ExportButton } from './widgets';

export function Article41Tab({ period, openFirm }: { period: string | undefined; openFirm: (id: number) => void }) {
  const { t } = useTranslation('enterprises');
  const { locale, name } = useLocale();
  const q = useApi('enterprises.layoffFlags', { period });
  const clause = (c: 'people' | 'share' | null) => (c ? t(`clause.${c}`) : '—');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('article41Explain')} />
      <ExportButton testId="export-article41" make={(format) => call('enterprises.export', { table: 'article41', format, period, locale })} />
      <QueryState isLoading={q.isLoading} error={q.error} retry={() => void q.refetch()} />
      {q.data && (
        <Table<Article41Row>
          data-testid="article41-table"
          size="small"
          rowKey={(r) => r.firm.id}
          dataSource={q.data.rows}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: t('firm'), render: (_: unknown, r) => <a onClick={() => openFirm(r.firm.id)}>{r.firm.name}</a> },
            { title: t('opening'), align: 'right', render: (_: unknown, r) => formatNumber(r.report.opening, 0, locale) },
            { title: t('economicLayoffs'), align: 'right', render: (_: unknown, r) => formatNumber(r.report.sepEconomic, 0, locale) },
            { title: t('sharePct'), align: 'right', render: (_: unknown, r) => formatNumber(r.flag.sharePct, 1, locale) },
            {
              title: t('flag'),
              render: (_: unknown, r) => (
                <Space size={4}>
                  {r.flag.bigCut && <Tag color="#cf1322">{t('over200')}</Tag>}
                  {r.flag.article41 && <Tag color="#d46b08">{clause(r.flag.clause)}</Tag>}
                </Space>
              ),
            },
            { title: t('plannedCuts'), align: 'right', render: (_: unknown, r) => formatNumber(r.report.plannedCuts, 0, locale) },
            { title: t('plannedFlag'), render: (_: unknown, r) => (r.planned.article41 ? <Tag color="#1f5fa8">{clause(r.planned.clause)}</Tag> : '—') },
            { title: t('production'), render: (_: unknown, r) => name(PRODUCTION_LABELS[r.report.production]) },
          ]}
        />
      )}
    </Space>
  );
}
