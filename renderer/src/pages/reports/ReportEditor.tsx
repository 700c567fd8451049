/**
 * The report editor: header fields, the block list (add, move, delete, edit inline), bound numbers
 * with their provenance, re-pinning with the moved numbers highlighted, the live preview, versions
 * and export. Drafts autosave; Ctrl+S saves, Ctrl+P toggles the preview.
 */
import { CloudSyncOutlined, DownloadOutlined, EyeOutlined, HistoryOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Col, Collapse, Dropdown, Input, InputNumber, Modal, Progress, Row, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MovedBinding, RepinPreview } from '../../../../shared/api/reports';
import { DEFAULT_DEFINITION_NAME } from '../../../../shared/analytics/default-definition';
import { KPI_TABLE_INDICATORS } from '../../../../shared/reports/draft';
import { collectBindings, type Block, type BlockType, type Report } from '../../../../shared/reports/model';
import { periodLabel } from '../../../../shared/period';
import { call, useApi } from '../../api/client';
import { transport } from '../../api/transport';
import { QueryState } from '../../components/QueryState';
import { useErrorText, useLocale } from '../../hooks/useLocale';
import { BlockCard } from './BlockCard';
import { EditorContext } from './context';
import { PreviewPane } from './PreviewPane';
import { RepinDrawer } from './RepinDrawer';
import { VersionsDrawer } from './VersionsDrawer';

const BLOCK_TYPES: BlockType[] = ['heading', 'paragraph', 'kpiTable', 'chart', 'dataTable', 'enterpriseRanking', 'keyGroups', 'climateIndex', 'riskSummary', 'pageBreak'];

function newBlock(type: BlockType, indicators: Set<string>): Block {
  const id = `n${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  switch (type) {
    case 'heading':
      return { id, type, level: 1, text: '' };
    case 'paragraph':
      return { id, type, content: [] };
    case 'kpiTable':
      return { id, type, caption: '', indicators: KPI_TABLE_INDICATORS.filter((c) => indicators.has(c)) };
    case 'chart':
      return { id, type, caption: '', series: [{ indicator: 'UNE.SURVEY_RATE', members: {} }], view: 'published', span: 25, kind: 'line', annotations: true };
    case 'dataTable':
      return { id, type, caption: '', indicator: 'UNE.REG_COUNT', layout: 'members', breakdown: 'district', view: 'published', span: 13 };
    case 'enterpriseRanking':
      return { id, type, caption: '', limit: 10 };
    case 'keyGroups':
      return { id, type, caption: '' };
    case 'climateIndex':
      return { id, type, caption: '', definition: DEFAULT_DEFINITION_NAME, span: 25 };
    case 'riskSummary':
      return { id, type, caption: '', limit: 5 };
    case 'pageBreak':
      return { id, type };
  }
}

type Meta = Pick<Report, 'title' | 'issueNo' | 'authorUnit' | 'reportDate' | 'distribution' | 'status'>;

export function ReportEditor({ id, navigate }: { id: number; navigate: (page: string, params?: Record<string, string>) => void }) {
  const { t } = useTranslation('reports');
  const { locale } = useLocale();
  const errorText = useErrorText();
  const { message, modal } = App.useApp();
  const q = useApi('report.get', { id }, { staleTime: Infinity, refetchOnMount: 'always' });
  const catalog = useApi('catalog.get', {});
  const [base, setBase] = useState<Report | null>(null);
  const [meta, setMeta] = useState<Meta | null>(null);
  const [content, setContent] = useState<Block[]>([]);
  const [generation, setGeneration] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [preview, setPreview] = useState(false);
  const [repinOpen, setRepinOpen] = useState(false);
  const [repin, setRepin] = useState<RepinPreview | undefined>();
  const [repinBusy, setRepinBusy] = useState(false);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [exporting, setExporting] = useState<{ format: string; step: number } | null>(null);

  const load = useCallback((r: Report) => {
    setBase(r);
    setMeta({ title: r.title, issueNo: r.issueNo, authorUnit: r.authorUnit, reportDate: r.reportDate, distribution: r.distribution, status: r.status });
    setContent(r.content);
    setDirty(false);
    setGeneration((g) => g + 1);
  }, []);
  useEffect(() => {
    if (q.data && q.data.id !== base?.id) load(q.data);
  }, [q.data]);

  const bindingList = useMemo(() => collectBindings(content), [content]);
  const bindings = useApi('report.bindings', { id, bindings: bindingList }, { enabled: !!base, placeholderData: (prev) => prev });
  const indicators = useMemo(() => new Map((catalog.data?.indicators ?? []).map((i) => [i.code, i])), [catalog.data]);
  const moved = useMemo(() => (repinOpen && repin ? Object.fromEntries(repin.moved.map((m) => [m.key, m])) : ({} as Record<string, MovedBinding>)), [repin, repinOpen]);

  // Saves run one at a time; edits made while a save is in flight stay dirty and save next.
  const latest = useRef({ base, meta, content, dirty });
  latest.current = { base, meta, content, dirty };
  const editCount = useRef(0);
  const save = useCallback(
    async (extra: Partial<Meta> = {}): Promise<Report | null> => {
      const { base: b, meta: m, content: c } = latest.current;
      if (!b || !m) return null;
      const startedAt = editCount.current;
      setSaving(true);
      try {
        const saved = await call('report.save', { id: b.id, revision: b.revision, ...m, ...extra, content: c });
        setBase(saved);
        setMeta((prev) => (prev ? { ...prev, ...extra, status: saved.status, issueNo: saved.issueNo } : prev));
        if (editCount.current === startedAt) setDirty(false);
        return saved;
      } catch (err) {
        void message.error(errorText(err));
        return null;
      } finally {
        setSaving(false);
      }
    },
    [message, errorText],
  );
  const touch = () => {
    editCount.current++;
    setDirty(true);
  };
  const updateMeta = (patch: Partial<Meta>) => {
    setMeta((m) => (m ? { ...m, ...patch } : m));
    touch();
  };
  const updateContent = (fn: (c: Block[]) => Block[]) => {
    setContent(fn);
    touch();
  };

  // Autosave of drafts, two seconds after the last edit. A final is saved only on purpose (each save is a version).
  useEffect(() => {
    if (!dirty || saving || meta?.status !== 'draft') return;
    const timer = setTimeout(() => void save(), 2000);
    return () => clearTimeout(timer);
  }, [dirty, saving, content, meta]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === 's') {
        e.preventDefault();
        void save().then((r) => r && void message.success(t('saved')));
      } else if (key === 'p') {
        e.preventDefault();
        setPreview((p) => !p);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save, message, t]);

  const openRepin = async () => {
    try {
      setRepin(await call('report.repinPreview', { id }));
      setRepinOpen(true);
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  const acceptRepin = async () => {
    if (!repin) return;
    setRepinBusy(true);
    try {
      if (latest.current.dirty) await save();
      const b = latest.current.base!;
      const r = await call('report.repin', { id, snapshot: repin.to.snapshot, revision: b.revision });
      setBase(r);
      setRepinOpen(false);
      setRepin(undefined);
      void bindings.refetch();
      void message.success(t('repin.done', { n: repin.moved.length }));
    } finally {
      setRepinBusy(false);
    }
  };

  const doExport = async (format: 'pdf' | 'docx', version?: number) => {
    try {
      setExporting({ format, step: 0 });
      if (latest.current.dirty && !version) await save();
      setExporting({ format, step: 1 });
      const file = await call('report.export', { id, format, ...(version ? { version } : {}) });
      setExporting({ format, step: 2 });
      if (await transport.saveFile(file)) void message.success(t('common:saved', { name: file.fileName }));
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setExporting(null);
    }
  };

  const setStatus = (status: Report['status']) => {
    if (status === 'final') {
      modal.confirm({
        title: t('finalize.title'),
        content: t('finalize.body'),
        okText: t('finalize.ok'),
        cancelText: t('cancel'),
        onOk: async () => {
          const r = await save({ status: 'final' });
          if (r) void message.success(t('finalize.done', { n: r.versions }));
        },
      });
    } else updateMeta({ status });
  };

  if (!base || !meta) return <QueryState isLoading={q.isLoading} error={q.error} retry={() => void q.refetch()} />;
  const typeSet = new Set(indicators.keys());
  const insertMenu = (at: number) => (
    <Dropdown
      menu={{
        items: BLOCK_TYPES.map((type) => ({ key: type, label: t(`blocks.${type}`) })),
        onClick: ({ key }) => updateContent((c) => [...c.slice(0, at), newBlock(key as BlockType, typeSet), ...c.slice(at)]),
      }}
    >
      <Button size="small" type="text" icon={<PlusOutlined />} data-testid={`insert-after-${at}`} aria-label={t('addBlock')} />
    </Dropdown>
  );

  const editor = (
    <Space orientation="vertical" style={{ width: '100%' }} size="small" data-testid="report-editor">
      {content.map((b, i) => (
        <BlockCard
          key={`${generation}-${b.id}`}
          block={b}
          reportId={id}
          period={base.period}
          snapshot={base.pinnedSnapshot}
          index={i}
          count={content.length}
          insertMenu={insertMenu(i + 1)}
          onChange={(nb) => updateContent((c) => c.map((x) => (x.id === b.id ? nb : x)))}
          onMove={(d) =>
            updateContent((c) => {
              const next = [...c];
              const [x] = next.splice(i, 1);
              next.splice(i + d, 0, x!);
              return next;
            })
          }
          onDelete={() => updateContent((c) => c.filter((x) => x.id !== b.id))}
        />
      ))}
      <Dropdown
        menu={{ items: BLOCK_TYPES.map((type) => ({ key: type, label: t(`blocks.${type}`) })), onClick: ({ key }) => updateContent((c) => [...c, newBlock(key as BlockType, typeSet)]) }}
      >
        <Button icon={<PlusOutlined />} block data-testid="add-block">
          {t('addBlock')}
        </Button>
      </Dropdown>
    </Space>
  );

  return (
    <EditorContext.Provider value={{ bindings: bindings.data ?? {}, moved, indicators }}>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Space wrap>
            <Button onClick={() => navigate('reports')}>{t('backToList')}</Button>
            <Input value={meta.title} onChange={(e) => updateMeta({ title: e.target.value })} style={{ width: 380, fontWeight: 700 }} data-testid="report-title" />
            <Tag color={meta.status === 'final' ? 'green' : 'blue'} data-testid="report-status">
              {t(`status.${meta.status}`)}
            </Tag>
            <Typography.Text type="secondary" data-testid="save-state">
              {saving ? t('saving') : dirty ? t('unsaved') : t('savedState')}
            </Typography.Text>
          </Space>
          <Space wrap>
            <Tooltip title="Ctrl+S">
              <Button icon={<SaveOutlined />} onClick={() => void save().then((r) => r && void message.success(t('saved')))} loading={saving} data-testid="report-save">
                {t('save')}
              </Button>
            </Tooltip>
            <Tooltip title="Ctrl+P">
              <Button icon={<EyeOutlined />} type={preview ? 'primary' : 'default'} onClick={() => setPreview((p) => !p)} data-testid="toggle-preview">
                {t('preview')}
              </Button>
            </Tooltip>
            <Button icon={<CloudSyncOutlined />} onClick={() => void openRepin()} data-testid="repin-open">
              {t('repin.open')}
            </Button>
            <Button icon={<HistoryOutlined />} onClick={() => setVersionsOpen(true)} data-testid="versions-open">
              {t('versions.title')} ({base.versions})
            </Button>
            <Dropdown
              menu={{
                items: [
                  { key: 'pdf', label: <span data-testid="export-pdf">{t('export.pdf')}</span> },
                  { key: 'docx', label: <span data-testid="export-docx">{t('export.docx')}</span> },
                ],
                onClick: ({ key }) => void doExport(key as 'pdf' | 'docx'),
              }}
            >
              <Button type="primary" icon={<DownloadOutlined />} data-testid="export-menu">
                {t('export.title')}
              </Button>
            </Dropdown>
          </Space>
        </Space>
        <Collapse
          size="small"
          items={[
            {
              key: 'meta',
              label: t('meta.title', { period: periodLabel(base.period, locale), snapshot: base.pinnedSnapshot }),
              children: (
                <Row gutter={[12, 8]}>
                  <Col span={6}>
                    <Typography.Text type="secondary">{t('meta.issue', { year: base.issueYear })}</Typography.Text>
                    <InputNumber min={1} max={9999} value={meta.issueNo} onChange={(v) => v && updateMeta({ issueNo: v })} style={{ width: '100%' }} data-testid="report-issue" />
                  </Col>
                  <Col span={6}>
                    <Typography.Text type="secondary">{t('meta.date')}</Typography.Text>
                    <Input type="date" value={meta.reportDate} onChange={(e) => /^\d{4}-\d{2}-\d{2}$/.test(e.target.value) && updateMeta({ reportDate: e.target.value })} />
                  </Col>
                  <Col span={6}>
                    <Typography.Text type="secondary">{t('meta.status')}</Typography.Text>
                    <Select value={meta.status} onChange={setStatus} options={(['draft', 'final'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))} style={{ width: '100%' }} data-testid="report-status-select" />
                  </Col>
                  <Col span={6}>
                    <Typography.Text type="secondary">{t('meta.author')}</Typography.Text>
                    <Input value={meta.authorUnit} onChange={(e) => updateMeta({ authorUnit: e.target.value })} />
                  </Col>
                  <Col span={24}>
                    <Typography.Text type="secondary">{t('meta.distribution')}</Typography.Text>
                    <Input.TextArea value={meta.distribution} onChange={(e) => updateMeta({ distribution: e.target.value })} autoSize={{ minRows: 2, maxRows: 5 }} />
                  </Col>
                </Row>
              ),
            },
          ]}
        />
        {preview ? (
          <Row gutter={12} wrap={false}>
            <Col flex="auto" style={{ minWidth: 0, maxHeight: 'calc(100vh - 230px)', overflow: 'auto' }}>
              {editor}
            </Col>
            <Col flex="640px" style={{ maxHeight: 'calc(100vh - 230px)', overflow: 'auto' }}>
              {/* The A4 sheet at three quarters of its size; the layout inside is the print page's own. */}
              <div style={{ width: 850, transform: 'scale(0.74)', transformOrigin: '0 0' }}>
                <PreviewPane id={id} content={content} />
              </div>
            </Col>
          </Row>
        ) : (
          editor
        )}
      </Space>
      <RepinDrawer preview={repin} open={repinOpen} onClose={() => setRepinOpen(false)} onAccept={acceptRepin} busy={repinBusy} />
      <VersionsDrawer id={id} open={versionsOpen} onClose={() => setVersionsOpen(false)} onExport={(v) => void doExport('pdf', v)} />
      <Modal open={!!exporting} footer={null} closable={false} title={t('export.progressTitle')}>
        <Progress percent={exporting ? [15, 60, 95][exporting.step] : 0} status="active" data-testid="export-progress" />
        <Typography.Text type="secondary">{exporting ? t(`export.step${exporting.step}`, { format: exporting.format.toUpperCase() }) : ''}</Typography.Text>
      </Modal>
    </EditorContext.Provider>
  );
}
