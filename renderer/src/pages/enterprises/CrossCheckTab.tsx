import { App, Button, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrossCheckRow } from '../../../../shared/api/enterprises';
import { formatNumber } from '../../../../shared/format';
import { call, useApi, useApiMutation } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { useErrorText, useLocale } from '../../hooks/useLocale';
import { ExportButton } from './widgets';

const KIND_COLORS: Record<CrossCheckRow['kind'], string> = { gap: 'red', no_si_record: 'orange', no_report: 'gold', not_monitored: 'default' };

export function CrossCheckTab({ period, openFirm }: { period: string | undefined; openFirm: (id: number) => void }) {
  const { t } = useTranslation('enterprises');
  const { locale } = useLocale();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const settings = useApi('enterprises.settings', {});
  const [threshold, setThreshold] = useState<number | null>(null);
  useEffect(() => {
    if (settings.data && threshold === null) setThreshold(settings.data.crossCheckThresholdPct);
  }, [settings.data]);
  const q = useApi('enterprises.crossCheck', { period, thresholdPct: threshold ?? undefined }, { enabled: threshold !== null });
  const save = useApiMutation('enterprises.saveSettings');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <span>{t('thresholdPct')}</span>
        <InputNumber data-testid="crosscheck-threshold" min={0.1} max={1000} step={1} value={threshold ?? undefined} onChange={(v) => v != null && setThreshold(Number(v))} suffix="%" />
        <Button
          data-testid="crosscheck-save-threshold"
          disabled={threshold === null || threshold === settings.data?.crossCheckThresholdPct}
          onClick={() =>
            save.mutate(
              { crossCheckThresholdPct: threshold! },
              { onSuccess: () => void message.success(t('thresholdSaved')), onError: (err) => void message.error(errorText(err)) },
            )
          }
        >
          {t('saveAsDefault')}
        </Button>
        <ExportButton testId="export-crosscheck" make={(format) => call('enterprises.export', { table: 'crossCheck', format, period, thresholdPct: threshold ?? undefined, locale })} />
      </Space>
      <QueryState isLoading={q.isLoading} error={q.error} retry={() => void q.refetch()} />
      {q.data && (
        <>
          <Typography.Text type="secondary" data-testid="crosscheck-summary">
            {t('crossCheckSummary', { checked: q.data.checked, gaps: q.data.rows.filter((r) => r.kind === 'gap').length, threshold: q.data.thresholdPct })}
          </Typography.Text>
          <Table<CrossCheckRow>
            data-testid="crosscheck-table"
            size="small"
            rowKey={(r) => `${r.kind}:${r.creditCode}`}
            dataSource={q.data.rows}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            columns={[
              { title: t('kind'), render: (_: unknown, r) => <Tag color={KIND_COLORS[r.kind]}>{t(`crossKind.${r.kind}`)}</Tag> },
              { title: t('firm'), render: (_: unknown, r) => (r.firm ? <a onClick={() => openFirm(r.firm!.id)}>{r.name}</a> : r.name) },
              { title: t('creditCode'), render: (_: unknown, r) => <span style={{ fontFamily: 'monospace', fontSize: 12 }}>{r.creditCode}</span> },
              { title: t('reportedStaff'), align: 'right', render: (_: unknown, r) => formatNumber(r.reported, 0, locale) },
              { title: t('contributors'), align: 'right', render: (_: unknown, r) => formatNumber(r.contributors, 0, locale) },
              { title: t('difference'), align: 'right', render: (_: unknown, r) => formatNumber(r.difference, 0, locale) },
              { title: t('gapPct'), align: 'right', sorter: (a, b) => Math.abs(a.gapPct ?? 0) - Math.abs(b.gapPct ?? 0), render: (_: unknown, r) => formatNumber(r.gapPct, 1, locale) },
              { title: t('direction'), render: (_: unknown, r) => (r.direction ? <span data-direction={r.direction}>{t(`directions.${r.direction}`)}</span> : '—') },
            ]}
          />
        </>
      )}
    </Space>
  );
}
