/**
 * Every import as a snapshot: filter by unit and date, open one to see the values it wrote with
 * what they replaced (revision diff) and its issues, and delete one as a recorded action that makes
 * the previous vintage current again.
 */
import { Alert, App, Button, Checkbox, DatePicker, Descriptions, Drawer, Form, Input, Modal, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiffRow, SnapshotInfo } from '../../../../shared/api/imports';
import { formatChange, formatNumber } from '../../../../shared/format';
import { periodLabel } from '../../../../shared/period';
import { useApi, useApiMutation } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { useErrorText, useLocale } from '../../hooks/useLocale';
import { localTime } from './format';
import { IssuesTable } from './PreviewPanel';

function SnapshotDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation('data');
  const { locale, name } = useLocale();
  const [kind, setKind] = useState<'all' | 'added' | 'revised'>('all');
  const [page, setPage] = useState(1);
  const pageSize = 50;
  const detail = useApi('snapshot.get', { id });
  const diff = useApi('snapshot.diff', { id, kind, limit: pageSize, offset: (page - 1) * pageSize });
  const catalog = useApi('catalog.get', {});
  const indicatorOf = (code: string) => catalog.data?.indicators.find((i) => i.code === code);
  const memberName = (dim: string, code: string) => name(catalog.data?.dimensions.find((d) => d.code === dim)?.members.find((m) => m.code === code)?.name ?? { zh: code, en: code });
  const s = detail.data;
  return (
    <Drawer open size={960} onClose={onClose} title={t('snapshots.detail', { id })} data-testid="snapshot-drawer">
      <QueryState isLoading={detail.isLoading} error={detail.error} />
      {s && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('snapshots.unit')}>{`${s.unit} ${name(s.unitName)}`}</Descriptions.Item>
            <Descriptions.Item label={t('snapshots.kindTitle')}>{t(`snapshots.kind.${s.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('snapshots.file')}>{s.fileName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('snapshots.sheets')}>{s.sheets.join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('snapshots.importedAt')}>{localTime(s.importedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('snapshots.importedBy')}>{s.importedBy}</Descriptions.Item>
            <Descriptions.Item label={t('snapshots.counts')}>{`${s.counts.stored} / ${s.counts.revised} / ${s.counts.unchanged} / ${s.counts.rejected}`}</Descriptions.Item>
            <Descriptions.Item label={t('snapshots.periods')}>{s.periodFrom ? `${s.periodFrom} – ${s.periodTo}` : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('snapshots.sha')} span={2}>
              {s.sha256 ? (
                <Typography.Text code copyable style={{ fontSize: 11 }}>
                  {s.sha256}
                </Typography.Text>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            {s.mappingName && <Descriptions.Item label={t('snapshots.mapping')}>{s.mappingName}</Descriptions.Item>}
            {s.note && <Descriptions.Item label={t('snapshots.note')}>{s.note}</Descriptions.Item>}
          </Descriptions>
          {s.origin && <Alert type="info" title={t('snapshots.origin', { at: localTime(s.origin.importedAt), by: s.origin.importedBy, pkg: s.origin.packageId })} />}
          {s.deleted && <Alert type="warning" title={t('snapshots.deletedInfo', { at: localTime(s.deleted.at), by: s.deleted.by, reason: s.deleted.reason })} />}
          <Space>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('snapshots.diffTitle')}
            </Typography.Title>
            <Segmented
              value={kind}
              onChange={(v) => {
                setKind(v as typeof kind);
                setPage(1);
              }}
              options={(['all', 'added', 'revised'] as const).map((k) => ({ value: k, label: t(`snapshots.diffKind.${k}`) }))}
              data-testid="diff-kind"
            />
          </Space>
          <Table<DiffRow & { key: string }>
            data-testid="diff-table"
            size="small"
            loading={diff.isLoading}
            dataSource={(diff.data?.rows ?? []).map((r) => ({ ...r, key: `${r.indicator}|${JSON.stringify(r.members)}|${r.period}` }))}
            pagination={{ current: page, pageSize, total: diff.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
            columns={[
              { title: '', dataIndex: 'kind', width: 64, render: (k: DiffRow['kind']) => <Tag color={k === 'added' ? 'green' : 'gold'}>{t(`changes.kind.${k}`)}</Tag> },
              {
                title: t('changes.subject'),
                key: 'subject',
                render: (_: unknown, r) => {
                  const ind = indicatorOf(r.indicator);
                  const members = Object.entries(r.members).map(([d, c]) => memberName(d, c));
                  return `${ind ? name(ind.name) : r.indicator}${members.length ? `（${members.join('·')}）` : ''}`;
                },
              },
              { title: t('changes.period'), key: 'period', width: 110, render: (_: unknown, r) => periodLabel(r.period, locale, indicatorOf(r.indicator)?.ytd ?? false) },
              { title: t('changes.old'), dataIndex: 'old', align: 'right' as const, render: (v: number | null, r) => formatNumber(v, indicatorOf(r.indicator)?.decimals ?? 2, locale) },
              { title: t('changes.value'), dataIndex: 'value', align: 'right' as const, render: (v: number | null, r) => formatNumber(v, indicatorOf(r.indicator)?.decimals ?? 2, locale) },
              { title: t('changes.change'), key: 'change', align: 'right' as const, render: (_: unknown, r) => formatChange(r.change, r.changeUnit, locale, r.changeUnit === 'percent' ? 1 : 2) },
              { title: t('changes.where'), key: 'where', render: (_: unknown, r) => (r.row ? `${r.sheet ? `${r.sheet}!` : ''}${r.col ?? ''}${r.row}` : '—') },
            ]}
          />
          {s.issues.length > 0 && (
            <>
              <Typography.Title level={5}>{t('snapshots.issues')}</Typography.Title>
              <IssuesTable issues={s.issues} testId="snapshot-issues" />
            </>
          )}
        </Space>
      )}
    </Drawer>
  );
}

function DeleteModal({ snapshot, onClose }: { snapshot: SnapshotInfo; onClose: () => void }) {
  const { t } = useTranslation('data');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [reason, setReason] = useState('');
  const detail = useApi('snapshot.get', { id: snapshot.id });
  const del = useApiMutation('snapshot.delete');
  return (
    <Modal
      open
      title={t('snapshots.deleteTitle', { id: snapshot.id })}
      okText={t('snapshots.delete')}
      okButtonProps={{ danger: true, disabled: !reason.trim(), loading: del.isPending, 'data-testid': 'delete-confirm' }}
      onCancel={onClose}
      onOk={async () => {
        try {
          await del.mutateAsync({ id: snapshot.id, reason: reason.trim() });
          void message.success(t('snapshots.deletedOk', { id: snapshot.id }));
          onClose();
        } catch (err) {
          void message.error(errorText(err));
        }
      }}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={t('snapshots.deleteWarn', { count: detail.data?.currentValues ?? '…' })} data-testid="delete-warning" />
        <Form layout="vertical">
          <Form.Item label={t('snapshots.reason')} required>
            <Input.TextArea data-testid="delete-reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={3} />
          </Form.Item>
        </Form>
      </Space>
    </Modal>
  );
}

export function SnapshotsPanel({ initial }: { initial?: number }) {
  const { t } = useTranslation('data');
  const { name } = useLocale();
  const [unit, setUnit] = useState<string | undefined>(undefined);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [includeDeleted, setIncludeDeleted] = useState(false);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(initial ?? null);
  const [deleting, setDeleting] = useState<SnapshotInfo | null>(null);
  const pageSize = 20;
  const catalog = useApi('catalog.get', {});
  const list = useApi('snapshot.list', {
    unit,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
    includeDeleted,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          data-testid="snapshots-unit"
          style={{ minWidth: 240 }}
          allowClear
          placeholder={t('snapshots.allUnits')}
          value={unit}
          onChange={(v?: string) => {
            setUnit(v);
            setPage(1);
          }}
          options={(catalog.data?.sourceUnits ?? []).map((u) => ({ value: u.code, label: `${u.code} ${name(u.name)}` }))}
        />
        <DatePicker.RangePicker
          data-testid="snapshots-dates"
          value={range}
          onChange={(v) => {
            setRange(v as [Dayjs | null, Dayjs | null] | null);
            setPage(1);
          }}
        />
        <Checkbox checked={includeDeleted} onChange={(e) => setIncludeDeleted(e.target.checked)} data-testid="snapshots-deleted">
          {t('snapshots.includeDeleted')}
        </Checkbox>
      </Space>
      <QueryState isLoading={list.isLoading} error={list.error} retry={() => void list.refetch()} />
      <Table<SnapshotInfo>
        data-testid="snapshots-table"
        size="small"
        rowKey="id"
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        onRow={(s) => ({ 'data-testid': `snapshot-row-${s.id}`, style: s.deleted ? { opacity: 0.55 } : {} }) as object}
        columns={[
          { title: t('snapshots.id'), dataIndex: 'id', width: 70, render: (id: number) => `#${id}` },
          { title: t('snapshots.importedAt'), dataIndex: 'importedAt', width: 150, render: localTime },
          { title: t('snapshots.unit'), key: 'unit', render: (_: unknown, s) => name(s.unitName) },
          { title: t('snapshots.kindTitle'), dataIndex: 'kind', width: 70, render: (k: SnapshotInfo['kind']) => t(`snapshots.kind.${k}`) },
          { title: t('snapshots.file'), dataIndex: 'fileName', ellipsis: true },
          { title: t('snapshots.importedBy'), dataIndex: 'importedBy', width: 100 },
          { title: t('snapshots.counts'), key: 'counts', width: 170, render: (_: unknown, s) => `${s.counts.stored} / ${s.counts.revised} / ${s.counts.unchanged} / ${s.counts.rejected}` },
          { title: t('snapshots.periods'), key: 'periods', width: 160, render: (_: unknown, s) => (s.periodFrom ? `${s.periodFrom} – ${s.periodTo}` : '—') },
          {
            title: t('snapshots.actions'),
            key: 'actions',
            width: 170,
            render: (_: unknown, s) => (
              <Space size="small">
                <Button size="small" onClick={() => setOpen(s.id)} data-testid={`snapshot-diff-${s.id}`}>
                  {t('snapshots.diff')}
                </Button>
                {s.deleted ? (
                  <Tag>{t('snapshots.deleted')}</Tag>
                ) : (
                  <Button size="small" danger onClick={() => setDeleting(s)} data-testid={`snapshot-delete-${s.id}`}>
                    {t('snapshots.delete')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {open !== null && <SnapshotDrawer id={open} onClose={() => setOpen(null)} />}
      {deleting && <DeleteModal snapshot={deleting} onClose={() => setDeleting(null)} />}
    </Space>
  );
}
