/**
 * Edits an index definition and saves it as the next version of its name (or as a new name).
 * Saving never overwrites: every earlier version stays computable.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndexComponentSpec, IndexDefinition, IndexDefinitionSpec } from '../../../../shared/api/analytics';
import { parsePeriod } from '../../../../shared/period';
import { useApi, useApiMutation } from '../../api/client';
import { SeriesPicker } from '../../components/SeriesPicker';
import { useErrorText } from '../../hooks/useLocale';

type Row = IndexComponentSpec & { id: number };

export function DefinitionEditor({ name, version, onClose, onSaved }: { name: string; version: number | undefined; onClose: () => void; onSaved: (d: IndexDefinition) => void }) {
  const { t } = useTranslation('climate');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const catalog = useApi('catalog.get', {});
  const current = useApi('climate.definition', { name, ...(version ? { version } : {}) });
  const save = useApiMutation('climate.saveDefinition');
  const [saveAs, setSaveAs] = useState(name);
  const [spec, setSpec] = useState<IndexDefinitionSpec | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (current.data && !spec) {
      setSpec(current.data.spec);
      setRows(current.data.spec.components.map((c, id) => ({ ...c, id })));
    }
  }, [current.data, spec]);

  const fixed = spec?.weighting === 'fixed';
  const patch = (p: Partial<IndexDefinitionSpec>) => setSpec((s) => (s ? { ...s, ...p } : s));
  const patchRow = (id: number, p: Partial<IndexComponentSpec>) => setRows((rs) => rs.map((r) => (r.id === id ? { ...r, ...p } : r)));
  const periodOk = (p: string | undefined) => !p || parsePeriod(p)?.frequency === 'M';

  const submit = async () => {
    if (!spec) return;
    setError(null);
    if (!periodOk(spec.window.from) || !periodOk(spec.window.to)) {
      setError(t('editor.badWindow'));
      return;
    }
    const components = rows.map(({ id: _id, ...c }) => {
      const out: IndexComponentSpec = { indicator: c.indicator, members: c.members, direction: c.direction };
      if (c.transform) out.transform = c.transform;
      if (fixed && c.weight !== undefined) out.weight = c.weight;
      return out;
    });
    try {
      const saved = await save.mutateAsync({ name: saveAs, spec: { ...spec, components }, note });
      void message.success(t('editor.saved', { name: saved.name, version: saved.version }));
      onSaved(saved);
    } catch (err) {
      setError(errorText(err));
    }
  };

  const indicators = catalog.data?.indicators ?? [];
  return (
    <Modal
      open
      width={1100}
      title={t('editor.title')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('editor.save')}
      okButtonProps={{ loading: save.isPending, ...({ 'data-testid': 'editor-save' } as Record<string, string>) }}
      destroyOnHidden
    >
      {spec && catalog.data && (
        <Form layout="vertical" data-testid="definition-editor">
          <Space wrap size="large">
            <Form.Item label={t('editor.name')} help={t('editor.nameHelp')}>
              <Input value={saveAs} onChange={(e) => setSaveAs(e.target.value.trim())} style={{ width: 240 }} data-testid="editor-name" />
            </Form.Item>
            <Form.Item label={t('editor.titleZh')}>
              <Input value={spec.title.zh} onChange={(e) => patch({ title: { ...spec.title, zh: e.target.value } })} style={{ width: 240 }} />
            </Form.Item>
            <Form.Item label={t('editor.titleEn')}>
              <Input value={spec.title.en} onChange={(e) => patch({ title: { ...spec.title, en: e.target.value } })} style={{ width: 240 }} />
            </Form.Item>
          </Space>
          <Space wrap size="large">
            <Form.Item label={t('weighting')}>
              <Radio.Group value={spec.weighting} onChange={(e) => patch({ weighting: e.target.value as IndexDefinitionSpec['weighting'] })} data-testid="editor-weighting">
                <Radio.Button value="standardized">{t('weightingMode.standardized')}</Radio.Button>
                <Radio.Button value="fixed">{t('weightingMode.fixed')}</Radio.Button>
              </Radio.Group>
            </Form.Item>
            <Form.Item label={t('window')}>
              <Space>
                <Input placeholder="2016-01" value={spec.window.from ?? ''} onChange={(e) => patch({ window: { ...spec.window, from: e.target.value || undefined } })} style={{ width: 110 }} data-testid="editor-window-from" />
                <span>–</span>
                <Input placeholder="2024-12" value={spec.window.to ?? ''} onChange={(e) => patch({ window: { ...spec.window, to: e.target.value || undefined } })} style={{ width: 110 }} data-testid="editor-window-to" />
              </Space>
            </Form.Item>
            <Form.Item label={t('baseYear')}>
              <InputNumber min={1990} max={2100} value={spec.baseYear} onChange={(v) => v && patch({ baseYear: v })} data-testid="editor-base-year" />
            </Form.Item>
            <Form.Item label={t('editor.seasonal')}>
              <Switch checked={spec.seasonalAdjustment === 'stl'} onChange={(on) => patch({ seasonalAdjustment: on ? 'stl' : 'none' })} />
            </Form.Item>
            <Form.Item label={t('editor.minCoverage')}>
              <InputNumber min={0.05} max={1} step={0.05} value={spec.minCoverage} onChange={(v) => v && patch({ minCoverage: v })} />
            </Form.Item>
          </Space>
          <Typography.Text strong>{t('componentsTitle')}</Typography.Text>
          <Table<Row>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={rows}
            data-testid="editor-components"
            columns={[
              {
                title: t('col.component'),
                render: (_, r) => (
                  <SeriesPicker
                    value={{ indicator: r.indicator, members: r.members }}
                    onChange={(v) => patchRow(r.id, { indicator: v.indicator, members: v.members })}
                    indicators={indicators}
                    dimensions={catalog.data!.dimensions}
                    width={280}
                  />
                ),
              },
              {
                title: t('col.direction'),
                width: 120,
                render: (_, r) => (
                  <Select
                    value={r.direction}
                    style={{ width: 110 }}
                    onChange={(v: IndexComponentSpec['direction']) => patchRow(r.id, { direction: v })}
                    options={[
                      { value: 'normal', label: t('normal') },
                      { value: 'inverted', label: t('inverted') },
                    ]}
                  />
                ),
              },
              {
                title: t('col.transform'),
                width: 150,
                render: (_, r) => (
                  <Select
                    value={r.transform ?? ''}
                    style={{ width: 140 }}
                    onChange={(v: string) => patchRow(r.id, { transform: v ? (v as 'level' | 'difference') : undefined })}
                    options={[
                      { value: '', label: t('transform.auto') },
                      { value: 'level', label: t('transform.level') },
                      { value: 'difference', label: t('transform.difference') },
                    ]}
                  />
                ),
              },
              ...(fixed
                ? [
                    {
                      title: t('col.weight'),
                      width: 110,
                      render: (_: unknown, r: Row) => <InputNumber min={0} max={1} step={0.05} value={r.weight} onChange={(v) => patchRow(r.id, { weight: v ?? undefined })} />,
                    },
                  ]
                : []),
              {
                width: 48,
                render: (_, r) => <Button type="text" icon={<DeleteOutlined />} onClick={() => setRows((rs) => rs.filter((x) => x.id !== r.id))} aria-label={t('editor.remove')} />,
              },
            ]}
          />
          <Button
            icon={<PlusOutlined />}
            style={{ marginTop: 8 }}
            onClick={() => setRows((rs) => [...rs, { id: Math.max(-1, ...rs.map((r) => r.id)) + 1, indicator: indicators[0]!.code, members: {}, direction: 'normal' }])}
            data-testid="editor-add"
          >
            {t('editor.add')}
          </Button>
          <Form.Item label={t('editor.note')} style={{ marginTop: 12 }}>
            <Input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} data-testid="editor-note" />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} data-testid="editor-error" />}
        </Form>
      )}
    </Modal>
  );
}
