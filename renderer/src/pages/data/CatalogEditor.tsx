/** The catalogue editor: add or edit indicators and source units. The service audits every change. */
import { App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator, SourceUnit } from '../../../../shared/domain/types';
import { useApi, useApiMutation } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { useErrorText, useLocale } from '../../hooks/useLocale';

const BLANK: Indicator = {
  code: '',
  name: { zh: '', en: '' },
  unit: { zh: '人', en: 'persons' },
  frequency: 'M',
  polarity: 'up_good',
  kind: 'count',
  ytd: false,
  janFebCombined: false,
  tier: 'related',
  sourceUnit: 'RSJ',
  dimensions: [],
  decimals: 0,
  description: { zh: '', en: '' },
};

function IndicatorForm({ initial, create, onClose }: { initial: Indicator; create: boolean; onClose: () => void }) {
  const { t } = useTranslation('data');
  const { name } = useLocale();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const catalog = useApi('catalog.get', {});
  const save = useApiMutation('catalog.saveIndicator');
  const [v, setV] = useState<Indicator>(initial);
  const set = <K extends keyof Indicator>(k: K, value: Indicator[K]) => setV((x) => ({ ...x, [k]: value }));
  return (
    <Modal
      open
      width={760}
      title={create ? t('catalog.add') : `${t('catalog.edit')} ${initial.code}`}
      onCancel={onClose}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'indicator-save' }}
      onOk={async () => {
        try {
          await save.mutateAsync({ indicator: v, create });
          void message.success(t('catalog.saved', { code: v.code }));
          onClose();
        } catch (err) {
          void message.error(errorText(err));
        }
      }}
    >
      <Form layout="vertical" size="small">
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item label={t('catalog.code')} required>
              <Input data-testid="indicator-code" disabled={!create} value={v.code} onChange={(e) => set('code', e.target.value.toUpperCase())} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('catalog.nameZh')} required>
              <Input data-testid="indicator-name-zh" value={v.name.zh} onChange={(e) => set('name', { ...v.name, zh: e.target.value })} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('catalog.nameEn')}>
              <Input value={v.name.en} onChange={(e) => set('name', { ...v.name, en: e.target.value })} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label={t('catalog.unitZh')}>
              <Input data-testid="indicator-unit" value={v.unit.zh} onChange={(e) => set('unit', { ...v.unit, zh: e.target.value })} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label={t('catalog.unitEn')}>
              <Input value={v.unit.en} onChange={(e) => set('unit', { ...v.unit, en: e.target.value })} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label={t('catalog.frequency')}>
              <Select value={v.frequency} onChange={(x) => set('frequency', x)} options={(['M', 'Q', 'A'] as const).map((f) => ({ value: f, label: t(`common:frequency.${f}`) }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label={t('catalog.polarity')}>
              <Select value={v.polarity} onChange={(x) => set('polarity', x)} options={(['up_good', 'up_bad', 'neutral'] as const).map((p) => ({ value: p, label: t(`common:polarity.${p}`) }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label={t('catalog.kind')}>
              <Select value={v.kind} onChange={(x) => set('kind', x)} options={(['count', 'amount', 'rate', 'growth', 'ratio', 'index'] as const).map((k) => ({ value: k, label: t(`catalog.kinds.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label={t('catalog.tier')}>
              <Select value={v.tier} onChange={(x) => set('tier', x)} options={(['core', 'related', 'macro', 'group'] as const).map((k) => ({ value: k, label: t(`common:tier.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label={t('catalog.source')}>
              <Select value={v.sourceUnit} onChange={(x) => set('sourceUnit', x)} options={(catalog.data?.sourceUnits ?? []).map((u) => ({ value: u.code, label: `${u.code} ${name(u.name)}` }))} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label={t('catalog.decimals')}>
              <InputNumber min={0} max={6} value={v.decimals} onChange={(x) => set('decimals', typeof x === 'number' ? x : 0)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('catalog.dimensions')}>
              <Select mode="multiple" value={v.dimensions} onChange={(x) => set('dimensions', x)} options={(catalog.data?.dimensions ?? []).map((d) => ({ value: d.code, label: name(d.name) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Space orientation="vertical">
              <Checkbox checked={v.ytd} onChange={(e) => set('ytd', e.target.checked)}>
                {t('catalog.ytd')}
              </Checkbox>
              <Checkbox checked={v.janFebCombined} onChange={(e) => set('janFebCombined', e.target.checked)} disabled={!v.ytd}>
                {t('catalog.janFeb')}
              </Checkbox>
            </Space>
          </Col>
          <Col span={24}>
            <Form.Item label={t('catalog.descriptionZh')}>
              <Input.TextArea rows={2} value={v.description.zh} onChange={(e) => set('description', { ...v.description, zh: e.target.value })} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

function UnitForm({ initial, create, onClose }: { initial: SourceUnit; create: boolean; onClose: () => void }) {
  const { t } = useTranslation('data');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const save = useApiMutation('catalog.saveSourceUnit');
  const [v, setV] = useState<SourceUnit>(initial);
  return (
    <Modal
      open
      title={create ? t('catalog.addUnit') : `${t('catalog.edit')} ${initial.code}`}
      onCancel={onClose}
      okButtonProps={{ loading: save.isPending }}
      onOk={async () => {
        try {
          await save.mutateAsync({ unit: { ...v, contact: v.contact?.trim() ? v.contact.trim() : null }, create });
          void message.success(t('catalog.unitSaved', { code: v.code }));
          onClose();
        } catch (err) {
          void message.error(errorText(err));
        }
      }}
    >
      <Form layout="vertical" size="small">
        <Form.Item label={t('catalog.unitCode')} required>
          <Input disabled={!create} value={v.code} onChange={(e) => setV({ ...v, code: e.target.value.toUpperCase() })} />
        </Form.Item>
        <Form.Item label={t('catalog.unitNameZh')} required>
          <Input value={v.name.zh} onChange={(e) => setV({ ...v, name: { ...v.name, zh: e.target.value } })} />
        </Form.Item>
        <Form.Item label={t('catalog.unitNameEn')}>
          <Input value={v.name.en} onChange={(e) => setV({ ...v, name: { ...v.name, en: e.target.value } })} />
        </Form.Item>
        <Form.Item label={t('catalog.contact')}>
          <Input value={v.contact ?? ''} onChange={(e) => setV({ ...v, contact: e.target.value })} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function CatalogEditor() {
  const { t } = useTranslation('data');
  const { name } = useLocale();
  const catalog = useApi('catalog.get', {});
  const [editing, setEditing] = useState<{ indicator: Indicator; create: boolean } | null>(null);
  const [unit, setUnit] = useState<{ unit: SourceUnit; create: boolean } | null>(null);
  const [search, setSearch] = useState('');
  const q = search.trim().toLowerCase();
  const shown = (catalog.data?.indicators ?? []).filter((i) => !q || i.code.toLowerCase().includes(q) || i.name.zh.includes(search.trim()) || i.name.en.toLowerCase().includes(q));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <QueryState isLoading={catalog.isLoading} error={catalog.error} />
      <Typography.Text type="secondary">{t('catalog.audited')}</Typography.Text>
      <Card
        size="small"
        title={t('tabs.catalog')}
        extra={
          <Space>
            <Input.Search size="small" allowClear placeholder={t('explorer:search')} value={search} onChange={(e) => setSearch(e.target.value)} data-testid="catalog-search" />
            <Button type="primary" size="small" onClick={() => setEditing({ indicator: BLANK, create: true })} data-testid="indicator-add">
              {t('catalog.add')}
            </Button>
          </Space>
        }
      >
        <Table<Indicator>
          data-testid="catalog-table"
          size="small"
          rowKey="code"
          dataSource={shown}
          pagination={{ pageSize: 15, showSizeChanger: false }}
          columns={[
            { title: t('catalog.code'), dataIndex: 'code', width: 170 },
            { title: t('catalog.nameZh'), key: 'name', render: (_: unknown, i) => name(i.name) },
            { title: t('catalog.unitZh'), key: 'unit', width: 70, render: (_: unknown, i) => name(i.unit) || '—' },
            { title: t('catalog.frequency'), dataIndex: 'frequency', width: 70, render: (f: string) => t(`common:frequency.${f}`) },
            { title: t('catalog.ytd'), dataIndex: 'ytd', width: 90, render: (y: boolean) => (y ? <Tag color="blue">{t('common:ytd')}</Tag> : '') },
            { title: t('catalog.source'), dataIndex: 'sourceUnit', width: 80 },
            { title: t('catalog.dimensions'), key: 'dims', render: (_: unknown, i) => i.dimensions.map((d) => name(catalog.data?.dimensions.find((x) => x.code === d)?.name ?? { zh: d, en: d })).join('、') },
            {
              title: '',
              key: 'edit',
              width: 70,
              render: (_: unknown, i) => (
                <Button size="small" onClick={() => setEditing({ indicator: i, create: false })} data-testid={`indicator-edit-${i.code}`}>
                  {t('catalog.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('catalog.units')}
        extra={
          <Button size="small" onClick={() => setUnit({ unit: { code: '', name: { zh: '', en: '' }, contact: null }, create: true })}>
            {t('catalog.addUnit')}
          </Button>
        }
      >
        <Table<SourceUnit>
          size="small"
          rowKey="code"
          dataSource={catalog.data?.sourceUnits ?? []}
          pagination={false}
          columns={[
            { title: t('catalog.unitCode'), dataIndex: 'code', width: 100 },
            { title: t('catalog.unitNameZh'), key: 'name', render: (_: unknown, u) => name(u.name) },
            { title: t('catalog.contact'), dataIndex: 'contact', render: (c: string | null) => c ?? '—' },
            { title: '', key: 'edit', width: 70, render: (_: unknown, u) => <Button size="small" onClick={() => setUnit({ unit: u, create: false })}>{t('catalog.edit')}</Button> },
          ]}
        />
      </Card>
      {editing && <IndicatorForm initial={editing.indicator} create={editing.create} onClose={() => setEditing(null)} />}
      {unit && <UnitForm initial={unit.unit} create={unit.create} onClose={() => setUnit(null)} />}
    </Space>
  );
}
