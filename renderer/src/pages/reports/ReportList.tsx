import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Popconfirm, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportSummary } from '../../../../shared/api/reports';
import type { Locale } from '../../../../shared/domain/types';
import { periodLabel, shiftPeriod } from '../../../../shared/period';
import type { ReportStatus } from '../../../../shared/reports/model';
import { useApi, useApiMutation } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { useErrorText, useLocale } from '../../hooks/useLocale';
import { ReportSettingsButton } from './ReportSettingsButton';

/** Reports with search and a status filter; 新建月报 drafts a month and opens it. */
export function ReportList({ navigate }: { navigate: (page: string, params?: Record<string, string>) => void }) {
  const { t } = useTranslation('reports');
  const { locale } = useLocale();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<ReportStatus | 'all'>('all');
  const q = useApi('report.list', { ...(search ? { search } : {}), ...(status !== 'all' ? { status } : {}) });
  const info = useApi('app.info', {});
  const draft = useApiMutation('report.draft');
  const remove = useApiMutation('report.delete');
  const [creating, setCreating] = useState(false);
  const [period, setPeriod] = useState<string | undefined>();
  const [draftLocale, setDraftLocale] = useState<Locale>(locale);
  const months = useMemo(() => {
    const latest = info.data?.latestPeriod;
    return latest ? Array.from({ length: 36 }, (_, i) => shiftPeriod(latest, -i)) : [];
  }, [info.data]);

  const create = async () => {
    const p = period ?? months[0];
    if (!p) return;
    try {
      const r = await draft.mutateAsync({ period: p, locale: draftLocale });
      setCreating(false);
      navigate('reports', { id: String(r.id) });
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Space wrap>
          <Input.Search allowClear placeholder={t('search')} onSearch={setSearch} style={{ width: 240 }} data-testid="report-search" />
          <Segmented
            value={status}
            onChange={(v) => setStatus(v as ReportStatus | 'all')}
            options={[
              { value: 'all', label: t('status.all') },
              { value: 'draft', label: t('status.draft') },
              { value: 'final', label: t('status.final') },
            ]}
            data-testid="report-status-filter"
          />
          <ReportSettingsButton />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="report-new">
            {t('new')}
          </Button>
        </Space>
      </Space>
      <QueryState isLoading={q.isLoading} error={q.error} retry={() => void q.refetch()} />
      <Table<ReportSummary>
        rowKey="id"
        size="middle"
        dataSource={q.data ?? []}
        data-testid="report-list"
        onRow={(r) => ({ onClick: () => navigate('reports', { id: String(r.id) }), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('col.issue'), width: 140, render: (_, r) => t('issueLabel', { year: r.issueYear, n: r.issueNo }) },
          { title: t('col.title'), dataIndex: 'title', render: (v: string, r) => <span data-testid={`report-row-${r.id}`}>{v}</span> },
          { title: t('col.period'), dataIndex: 'period', width: 120, render: (p: string) => periodLabel(p, locale) },
          { title: t('col.status'), dataIndex: 'status', width: 90, render: (s: ReportStatus) => <Tag color={s === 'final' ? 'green' : 'blue'}>{t(`status.${s}`)}</Tag> },
          { title: t('col.versions'), dataIndex: 'versions', width: 80, align: 'right' },
          { title: t('col.updated'), dataIndex: 'updatedAt', width: 180, render: (at: string, r) => `${new Date(at).toLocaleString(locale)} · ${r.updatedBy}` },
          {
            title: '',
            width: 48,
            render: (_, r) =>
              r.status === 'draft' ? (
                <span onClick={(e) => e.stopPropagation()}>
                  <Popconfirm
                    title={t('confirmDeleteReport')}
                    okText={t('delete')}
                    cancelText={t('cancel')}
                    onConfirm={() => remove.mutateAsync({ id: r.id }).catch((err: unknown) => void message.error(errorText(err)))}
                  >
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('delete')} data-testid={`report-delete-${r.id}`} />
                  </Popconfirm>
                </span>
              ) : null,
          },
        ]}
      />
      <Modal open={creating} title={t('new')} onCancel={() => setCreating(false)} onOk={() => void create()} okText={t('create')} cancelText={t('cancel')} confirmLoading={draft.isPending} okButtonProps={{ 'data-testid': 'report-create' } as never}>
        <Form layout="vertical">
          <Form.Item label={t('newPeriod')}>
            <Select value={period ?? months[0]} onChange={setPeriod} options={months.map((m) => ({ value: m, label: periodLabel(m, locale) }))} data-testid="report-new-period" />
          </Form.Item>
          <Form.Item label={t('newLocale')}>
            <Segmented value={draftLocale} onChange={(v) => setDraftLocale(v as Locale)} options={[{ value: 'zh-CN', label: '中文' }, { value: 'en-US', label: 'English' }]} />
          </Form.Item>
          <Typography.Text type="secondary">{t('newHint')}</Typography.Text>
        </Form>
      </Modal>
    </Space>
  );
}
