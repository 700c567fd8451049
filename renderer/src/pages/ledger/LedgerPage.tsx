import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Col, Empty, Input, Modal, Row, Segmented, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerFilter, LedgerItem } from '../../../../shared/api/ledger';
import { LEDGER_GROUP_LABELS, LEDGER_STATUS_LABELS, LEVEL_LABELS } from '../../../../shared/domain/labels';
import { LEDGER_GROUPS, LEDGER_STATUSES, type LedgerGroup, type LedgerStatus } from '../../../../shared/domain/ledger';
import { WARNING_LEVELS, type WarningLevel } from '../../../../shared/warnings/levels';
import { call, useApi } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { useLocale } from '../../hooks/useLocale';
import { ExportButton, LevelTag, StatusTag } from '../enterprises/widgets';
import type { PageProps } from '../registry';
import { CreateItemModal, type HandSubject } from './CreateItemModal';
import { ItemDrawer } from './ItemDrawer';

function SubjectPicker({ open, onCancel, onPick }: { open: boolean; onCancel: () => void; onPick: (s: HandSubject) => void }) {
  const { t } = useTranslation('ledger');
  const { name } = useLocale();
  const catalog = useApi('catalog.get', {}, { staleTime: Infinity });
  const firms = useApi('enterprises.list', {}, { enabled: open, staleTime: 60_000 });
  const [type, setType] = useState<HandSubject['type']>('firm');
  const [value, setValue] = useState<string | undefined>(undefined);
  const options =
    type === 'firm'
      ? (firms.data?.rows ?? []).map((r) => ({ value: String(r.firm.id), label: r.firm.name }))
      : type === 'indicator'
        ? (catalog.data?.indicators ?? []).map((i) => ({ value: i.code, label: name(i.name) }))
        : (catalog.data?.dimensions.find((d) => d.code === type)?.members ?? []).map((m) => ({ value: m.code, label: name(m.name) }));
  const pick = () => {
    if (!value) return;
    const label = options.find((o) => o.value === value)?.label ?? value;
    onPick(type === 'firm' ? { type, enterpriseId: Number(value), label } : { type, code: value, label });
  };
  return (
    <Modal open={open} title={t('pickSubject')} onCancel={onCancel} onOk={pick} okText={t('next')} cancelText={t('cancel')} okButtonProps={{ disabled: !value }} destroyOnHidden>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Segmented
          value={type}
          onChange={(v) => {
            setType(v as HandSubject['type']);
            setValue(undefined);
          }}
          options={(['firm', 'district', 'sector', 'indicator'] as const).map((k) => ({ value: k, label: t(`subjectType.${k}`) }))}
        />
        <Select showSearch={{ optionFilterProp: 'label' }} style={{ width: '100%' }} value={value} onChange={setValue} options={options} placeholder={t('search')} data-testid="ledger-subject-select" />
      </Space>
    </Modal>
  );
}

function ItemCard({ item, onOpen }: { item: LedgerItem; onOpen: () => void }) {
  const { t } = useTranslation('ledger');
  const { name } = useLocale();
  return (
    <Card
      size="small"
      hoverable
      onClick={onOpen}
      data-testid={`ledger-card-${item.id}`}
      data-overdue={item.overdue ? 'true' : 'false'}
      style={{ marginBottom: 8, borderColor: item.overdue ? '#cf1322' : undefined, borderWidth: item.overdue ? 2 : 1 }}
    >
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Space size={4} wrap>
          <LevelTag level={item.level} />
          {item.overdue && <Tag color="red">{t('overdue')}</Tag>}
        </Space>
        <Typography.Text strong>{item.title}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {name(LEDGER_GROUP_LABELS[item.group])}
          {item.owner ? ` · ${item.owner}` : ''}
          {item.dueDate ? ` · ${t('due', { date: item.dueDate })}` : ''}
        </Typography.Text>
      </Space>
    </Card>
  );
}

/** 风险隐患清单台账: a board by status and a table by group, filters, export, and the item drawer. */
export function LedgerPage({ params, navigate }: PageProps) {
  const { t } = useTranslation('ledger');
  const { name, locale } = useLocale();
  const [view, setView] = useState<'board' | 'table'>((params.get('view') as 'board' | 'table') ?? 'board');
  const [statuses, setStatuses] = useState<LedgerStatus[]>([]);
  const [groups, setGroups] = useState<LedgerGroup[]>([]);
  const [levels, setLevels] = useState<WarningLevel[]>([]);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [search, setSearch] = useState<string | undefined>(undefined);
  const [picking, setPicking] = useState(false);
  const [subject, setSubject] = useState<HandSubject | null>(null);
  const filter: LedgerFilter = { statuses: statuses.length ? statuses : undefined, groups: groups.length ? groups : undefined, levels: levels.length ? levels : undefined, overdueOnly, search };
  const q = useApi('ledger.list', filter);
  const itemId = params.get('item');
  const open = (id: number | null) => {
    const next: Record<string, string> = { view };
    if (id !== null) next.item = String(id);
    navigate('ledger', next);
  };
  const byStatus = useMemo(() => Object.fromEntries(LEDGER_STATUSES.map((s) => [s, (q.data ?? []).filter((i) => i.status === s)])) as Record<LedgerStatus, LedgerItem[]>, [q.data]);
  const byGroup = useMemo(() => LEDGER_GROUPS.map((g) => ({ group: g, items: (q.data ?? []).filter((i) => i.group === g) })).filter((g) => g.items.length > 0), [q.data]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space align="center" wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('pageTitle')}
        </Typography.Title>
        <Segmented
          data-testid="ledger-view"
          value={view}
          onChange={(v) => setView(v as 'board' | 'table')}
          options={[
            { value: 'board', label: <span data-testid="ledger-view-board">{t('board')}</span> },
            { value: 'table', label: <span data-testid="ledger-view-table">{t('tableByGroup')}</span> },
          ]}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setPicking(true)} data-testid="ledger-new">
          {t('newItem')}
        </Button>
        <ExportButton testId="export-ledger" make={(format) => call('ledger.export', { filter, format, locale })} />
      </Space>
      <Space wrap>
        <Select mode="multiple" allowClear placeholder={t('allStatuses')} style={{ minWidth: 160 }} value={statuses} onChange={setStatuses} data-testid="ledger-filter-status" options={LEDGER_STATUSES.map((s) => ({ value: s, label: name(LEDGER_STATUS_LABELS[s]) }))} />
        <Select mode="multiple" allowClear maxTagCount="responsive" placeholder={t('allGroups')} style={{ minWidth: 200 }} value={groups} onChange={setGroups} data-testid="ledger-filter-group" options={LEDGER_GROUPS.map((g) => ({ value: g, label: name(LEDGER_GROUP_LABELS[g]) }))} />
        <Select mode="multiple" allowClear placeholder={t('allLevels')} style={{ minWidth: 140 }} value={levels} onChange={setLevels} options={WARNING_LEVELS.map((l) => ({ value: l, label: name(LEVEL_LABELS[l]) }))} />
        <span>
          {t('overdueOnly')} <Switch size="small" checked={overdueOnly} onChange={setOverdueOnly} data-testid="ledger-filter-overdue" />
        </span>
        <Input.Search allowClear placeholder={t('search')} style={{ width: 220 }} onSearch={(v) => setSearch(v || undefined)} data-testid="ledger-search" />
      </Space>
      <QueryState isLoading={q.isLoading} error={q.error} retry={() => void q.refetch()} />
      {q.data && view === 'board' && (
        <Row gutter={12} data-testid="ledger-board">
          {LEDGER_STATUSES.map((s) => (
            <Col key={s} xs={24} md={12} xl={6}>
              <Card
                size="small"
                title={
                  <Space>
                    <StatusTag status={s} />
                    <Badge count={byStatus[s].length} showZero color="#8c8c8c" />
                  </Space>
                }
                styles={{ body: { background: '#fafafa', minHeight: 200 } }}
                data-testid={`ledger-column-${s}`}
              >
                {byStatus[s].length ? byStatus[s].map((i) => <ItemCard key={i.id} item={i} onOpen={() => open(i.id)} />) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('none')} />}
              </Card>
            </Col>
          ))}
        </Row>
      )}
      {q.data && view === 'table' && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="ledger-table">
          {byGroup.length === 0 && <Empty />}
          {byGroup.map(({ group, items }) => (
            <Card key={group} size="small" title={`${name(LEDGER_GROUP_LABELS[group])}（${items.length}）`} data-testid={`ledger-group-${group}`}>
              <Table<LedgerItem>
                size="small"
                rowKey="id"
                dataSource={items}
                pagination={false}
                onRow={(i) => ({ onClick: () => open(i.id), style: { cursor: 'pointer', background: i.overdue ? '#fff1f0' : undefined }, 'data-testid': `ledger-row-${i.id}`, 'data-overdue': i.overdue ? 'true' : 'false' }) as Record<string, unknown>}
                columns={[
                  { title: t('level'), width: 70, render: (_: unknown, i) => <LevelTag level={i.level} /> },
                  { title: t('title'), dataIndex: 'title' },
                  { title: t('subject'), render: (_: unknown, i) => name(i.subject.label) },
                  { title: t('owner'), dataIndex: 'owner', width: 140 },
                  { title: t('dueDate'), width: 130, render: (_: unknown, i) => (i.overdue ? <Typography.Text type="danger">{i.dueDate}（{t('overdue')}）</Typography.Text> : (i.dueDate ?? '—')) },
                  { title: t('status'), width: 90, render: (_: unknown, i) => <StatusTag status={i.status} /> },
                ]}
              />
            </Card>
          ))}
        </Space>
      )}
      <ItemDrawer id={itemId ? Number(itemId) : null} onClose={() => open(null)} navigate={navigate} />
      <SubjectPicker
        open={picking}
        onCancel={() => setPicking(false)}
        onPick={(s) => {
          setPicking(false);
          setSubject(s);
        }}
      />
      <CreateItemModal open={subject !== null} subject={subject} onClose={() => setSubject(null)} onCreated={(item) => open(item.id)} />
    </Space>
  );
}
