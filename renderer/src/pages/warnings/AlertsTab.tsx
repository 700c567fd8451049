import { SyncOutlined } from '@ant-design/icons';
import { App, Button, Select, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertView } from '../../../../shared/api/warnings';
import { LEVEL_LABELS, RULE_KIND_LABELS } from '../../../../shared/domain/labels';
import { periodLabel, periodRange } from '../../../../shared/period';
import { WARNING_LEVELS, type WarningLevel } from '../../../../shared/warnings/levels';
import { RULE_KINDS, type RuleKind } from '../../../../shared/warnings/rules';
import { useApi, useApiMutation } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { useErrorText, useLocale } from '../../hooks/useLocale';
import { LevelTag, MonthSelect } from '../enterprises/widgets';
import { CreateItemModal } from '../ledger/CreateItemModal';
import { evidenceText } from './evidence';

export function AlertsTab({ period, setPeriod, navigate }: { period: string | undefined; setPeriod: (m: string) => void; navigate: (page: string, params?: Record<string, string>) => void }) {
  const { t } = useTranslation('warnings');
  const { locale, name } = useLocale();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const info = useApi('app.info', {}, { staleTime: Infinity });
  const [levels, setLevels] = useState<WarningLevel[]>([]);
  const [kinds, setKinds] = useState<RuleKind[]>([]);
  const [status, setStatus] = useState<'active' | 'cleared' | 'all'>('active');
  const q = useApi('warnings.alerts', { period, levels: levels.length ? levels : undefined, kinds: kinds.length ? kinds : undefined, status });
  const evaluate = useApiMutation('warnings.evaluate');
  const [creating, setCreating] = useState<AlertView | null>(null);
  const months = useMemo(() => (info.data?.latestPeriod ? periodRange('2015-01', info.data.latestPeriod) : []), [info.data?.latestPeriod]);
  const shown = period ?? q.data?.period ?? null;

  const run = () =>
    evaluate.mutate(shown ? { period: shown } : {}, {
      onSuccess: (r) => void message.success(t('evaluated', { period: r.periods.map((p) => periodLabel(p, locale)).join('、'), n: r.alerts.length, raised: r.raised, cleared: r.cleared })),
      onError: (err) => void message.error(errorText(err)),
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <MonthSelect testId="alerts-period" months={months} value={shown} onChange={setPeriod} />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('allLevels')}
          style={{ minWidth: 160 }}
          value={levels}
          onChange={setLevels}
          data-testid="alerts-levels"
          options={WARNING_LEVELS.map((l) => ({ value: l, label: name(LEVEL_LABELS[l]) }))}
        />
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('allKinds')}
          style={{ minWidth: 200 }}
          value={kinds}
          onChange={setKinds}
          data-testid="alerts-kinds"
          options={RULE_KINDS.map((k) => ({ value: k, label: name(RULE_KIND_LABELS[k]) }))}
        />
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as typeof status)}
          options={[
            { value: 'active', label: t('status.active') },
            { value: 'cleared', label: t('status.cleared') },
            { value: 'all', label: t('status.all') },
          ]}
        />
        <Button icon={<SyncOutlined />} loading={evaluate.isPending} onClick={run} data-testid="alerts-evaluate">
          {t('evaluate')}
        </Button>
      </Space>
      <QueryState isLoading={q.isLoading} error={q.error} retry={() => void q.refetch()} />
      {q.data && (
        <>
          <Space wrap data-testid="alerts-counts">
            {WARNING_LEVELS.slice()
              .reverse()
              .map((l) => (
                <span key={l} data-testid={`alerts-count-${l}`}>
                  <LevelTag level={l} /> {q.data.counts[l]}
                </span>
              ))}
            {q.data.lastRun && (
              <Typography.Text type="secondary">
                {t('lastRun', { at: new Date(q.data.lastRun.at).toLocaleString(locale) })}
              </Typography.Text>
            )}
          </Space>
          <Table<AlertView>
            data-testid="alerts-table"
            size="small"
            rowKey="id"
            dataSource={q.data.alerts}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            onRow={(a) => ({ 'data-testid': `alert-row-${a.id}`, 'data-rule': a.ruleCode }) as Record<string, string>}
            columns={[
              { title: t('level'), width: 70, render: (_: unknown, a) => <LevelTag level={a.level} testId={`alert-level-${a.id}`} /> },
              { title: t('period'), width: 110, render: (_: unknown, a) => periodLabel(a.period, locale) },
              { title: t('rule'), render: (_: unknown, a) => name(a.ruleName) },
              {
                title: t('subject'),
                render: (_: unknown, a) =>
                  a.subject.enterpriseId ? (
                    <a onClick={() => navigate('enterprises', { firm: String(a.subject.enterpriseId) })} data-testid={`alert-firm-${a.id}`}>
                      {name(a.subject.label)}
                    </a>
                  ) : (
                    name(a.subject.label)
                  ),
              },
              { title: t('evidenceTitle'), render: (_: unknown, a) => <span data-testid={`alert-evidence-${a.id}`}>{evidenceText(a, t, locale)}</span> },
              { title: t('statusTitle'), width: 80, render: (_: unknown, a) => (a.status === 'active' ? <Tag color="red">{t('status.active')}</Tag> : <Tag>{t('status.cleared')}</Tag>) },
              {
                title: t('ledger'),
                width: 110,
                render: (_: unknown, a) =>
                  a.ledgerItemIds.length ? (
                    <a onClick={() => navigate('ledger', { item: String(a.ledgerItemIds[0]) })} data-testid={`alert-ledger-${a.id}`}>
                      {t('inLedger', { id: a.ledgerItemIds[0] })}
                    </a>
                  ) : (
                    <Button size="small" onClick={() => setCreating(a)} data-testid={`alert-to-ledger-${a.id}`}>
                      {t('toLedger')}
                    </Button>
                  ),
              },
            ]}
          />
        </>
      )}
      <CreateItemModal open={creating !== null} alert={creating} onClose={() => setCreating(null)} onCreated={(item) => navigate('ledger', { item: String(item.id) })} />
    </Space>
  );
}
