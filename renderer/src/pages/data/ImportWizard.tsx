/**
 * The import wizard: choose a file (dialog in Electron, upload in browser mode), read and preview
 * it with the detected encoding, layout and mapping (editable, savable as a template), then commit
 * with a progress bar and a summary. Nothing is written before "确认导入".
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, Progress, Result, Row, Select, Space, Steps, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChosenFile } from '../../../../shared/api/files';
import type { ImportPreview, ImportRequestInput } from '../../../../shared/api/imports';
import type { Mapping, SheetMapping } from '../../../../shared/import/mapping';
import { call, useApi, useApiMutation } from '../../api/client';
import { transport } from '../../api/transport';
import { useErrorText, useLocale } from '../../hooks/useLocale';
import { fileSize } from './format';
import { MappingEditor } from './MappingEditor';
import { RECORD_TARGETS, recordTarget } from '../../../../shared/import/record-targets';
import { PreviewPanel, useIssueText } from './PreviewPanel';
import { useImportJob } from './useImportJob';

type Encoding = NonNullable<ImportRequestInput['encoding']>;

/** A file-name pattern for next month's file: digit runs become wildcards. */
export function patternOf(fileName: string): string {
  return fileName.replace(/\d+/g, '*').replace(/\*+/g, '*');
}

function JobProgress({ jobId, testId }: { jobId: string; testId: string }) {
  const { t } = useTranslation('data');
  const job = useImportJob(jobId).data;
  if (!job || job.state !== 'running') return null;
  const percent = job.bytesTotal ? Math.min(100, Math.round((job.bytesRead / job.bytesTotal) * 100)) : 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={testId}>
      <Typography.Text>
        {t(`phase.${job.phase}`)}
        {job.values ? ` · ${job.values.toLocaleString()}` : ''}
      </Typography.Text>
      <Progress percent={job.phase === 'writing' || job.phase === 'classifying' ? 100 : percent} status="active" />
    </Space>
  );
}

export function ImportWizard({ navigate, target: initialTarget }: { navigate: (page: string, params?: Record<string, string>) => void; target?: string }) {
  const { t } = useTranslation('data');
  const { name } = useLocale();
  const errorText = useErrorText();
  const issueText = useIssueText();
  const { message } = App.useApp();
  const catalog = useApi('catalog.get', {});
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [unit, setUnit] = useState<string | undefined>(undefined);
  const [target, setTarget] = useState(initialTarget && recordTarget(initialTarget) ? initialTarget : 'observations');
  const [encoding, setEncoding] = useState<Encoding>('auto');
  const [importedBy, setImportedBy] = useState('');
  const [note, setNote] = useState('');
  const [edited, setEdited] = useState<Mapping | null>(null);
  /** The mapping changed since the last preview: preview again before committing. */
  const [dirty, setDirty] = useState(false);
  const [previewJob, setPreviewJob] = useState<string | null>(null);
  const [commitJob, setCommitJob] = useState<string | null>(null);
  const [acceptRejected, setAcceptRejected] = useState(false);
  const [templateName, setTemplateName] = useState('');
  const [templatePattern, setTemplatePattern] = useState('');
  const [picking, setPicking] = useState(false);
  const saveTemplate = useApiMutation('import.saveTemplate');

  const previewQ = useImportJob(previewJob);
  const commitQ = useImportJob(commitJob);
  const preview: ImportPreview | null = previewQ.data?.state === 'done' ? previewQ.data.preview : null;
  const previewError = previewQ.data?.state === 'failed' ? previewQ.data.error : null;
  const commit = commitQ.data;
  const step = commitJob ? 2 : previewJob ? 1 : 0;

  useEffect(() => {
    if (!preview) return;
    setTemplatePattern((p) => p || patternOf(preview.file.name));
    setTemplateName((n) => n || preview.file.name.replace(/\.[^.]+$/, ''));
  }, [preview?.file.sha256]);

  const start = async (mode: 'preview' | 'commit', mapping: Mapping | null) => {
    if (!file) return;
    const base = { fileId: file.id, unit, encoding, importedBy: importedBy.trim() || undefined, note, target };
    try {
      if (mode === 'preview') {
        const { jobId } = await call('import.start', { ...base, mode, ...(mapping ? { mapping } : {}) });
        setPreviewJob(jobId);
        setDirty(false);
      } else {
        // Commit exactly what was previewed: the edited mapping, the template by name (recorded with
        // the snapshot), or the mapping the preview suggested.
        const how = mapping ? { mapping } : preview?.templateName ? { template: preview.templateName } : preview ? { mapping: preview.mapping } : {};
        const { jobId } = await call('import.start', { ...base, mode, ...how, unit: unit ?? preview?.unit ?? undefined, acceptRejected, expectSha256: preview?.file.sha256 });
        setCommitJob(jobId);
      }
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  const choose = async () => {
    setPicking(true);
    try {
      const chosen = await transport.pickFile({ accept: ['.csv', '.xlsx', '.txt', '.tsv'], label: t('wizard.chooseLabel') });
      if (chosen) {
        setFile(chosen);
        setEdited(null);
        setDirty(false);
        setPreviewJob(null);
        setCommitJob(null);
        setTemplateName('');
        setTemplatePattern('');
      }
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setPicking(false);
    }
  };

  const reset = () => {
    setFile(null);
    setEdited(null);
    setDirty(false);
    setPreviewJob(null);
    setCommitJob(null);
    setAcceptRejected(false);
    setTemplateName('');
    setTemplatePattern('');
  };

  const onSheetChange = (index: number, sheetMapping: SheetMapping) => {
    if (!preview) return;
    const base = edited ?? preview.mapping;
    const sheets = preview.sheets.filter((s) => s.mapping).map((s) => s);
    const next: SheetMapping[] = sheets.map((s) => (s.index === index ? sheetMapping : (base.sheets.find((m) => (m.sheet ?? null) === (s.name ?? null)) ?? s.mapping!)));
    setEdited({ ...base, sheets: next });
    setDirty(true);
  };

  const onlySoft = preview ? preview.blockers.length > 0 && preview.blockers.every((b) => b.soft) : false;
  const canCommit = !!preview && !dirty && !preview.alreadyImported && (preview.ready || (onlySoft && acceptRejected));
  const unitOptions = useMemo(() => (catalog.data?.sourceUnits ?? []).map((u) => ({ value: u.code, label: `${u.code} ${name(u.name)}` })), [catalog.data, name]);

  const doSaveTemplate = async () => {
    const mapping = edited ?? preview?.mapping;
    if (!mapping || !templateName.trim()) return;
    try {
      await saveTemplate.mutateAsync({ name: templateName.trim(), unit: unit ?? preview?.unit ?? null, filePattern: templatePattern.trim() || '*', mapping, replace: true });
      void message.success(t('template.saved', { name: templateName.trim() }));
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Steps current={step} items={[{ title: t('wizard.steps.file') }, { title: t('wizard.steps.mapping') }, { title: t('wizard.steps.commit') }]} />
      {step === 0 && (
        <Card>
          <Form layout="vertical" style={{ maxWidth: 720 }}>
            <Form.Item label={t('wizard.chooseLabel')}>
              <Space>
                <Button icon={<UploadOutlined />} onClick={() => void choose()} loading={picking} data-testid="import-choose">
                  {t('wizard.choose')}
                </Button>
                {file && <Typography.Text data-testid="import-file">{t('wizard.chosen', { name: file.name, size: fileSize(file.size) })}</Typography.Text>}
              </Space>
            </Form.Item>
            <Form.Item label={t('enterprises:importTarget.label')}>
              <Select
                data-testid="import-target"
                value={target}
                onChange={(v: string) => {
                  setTarget(v);
                  setEdited(null);
                  setPreviewJob(null);
                }}
                options={[{ value: 'observations', label: t('enterprises:importTarget.observations') }, ...RECORD_TARGETS.map((r) => ({ value: r.name, label: name(r.label) }))]}
              />
            </Form.Item>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item label={t('wizard.unit')}>
                  <Select data-testid="import-unit" allowClear placeholder={t('wizard.unitAuto')} value={unit} onChange={setUnit} options={unitOptions} showSearch={{ optionFilterProp: 'label' }} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label={t('wizard.encoding')}>
                  <Select
                    data-testid="import-encoding"
                    value={encoding}
                    onChange={setEncoding}
                    options={[
                      { value: 'auto', label: t('wizard.encodingAuto') },
                      { value: 'utf-8', label: 'UTF-8' },
                      { value: 'gb18030', label: 'GBK / GB18030' },
                      { value: 'utf-16le', label: 'UTF-16LE' },
                      { value: 'utf-16be', label: 'UTF-16BE' },
                    ]}
                  />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label={t('wizard.importedBy')}>
                  <Input data-testid="import-by" placeholder={t('wizard.importedByPlaceholder')} value={importedBy} onChange={(e) => setImportedBy(e.target.value)} maxLength={64} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label={t('wizard.note')}>
                  <Input data-testid="import-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
                </Form.Item>
              </Col>
            </Row>
            <Button type="primary" disabled={!file} onClick={() => void start('preview', null)} data-testid="import-analyze">
              {t('wizard.analyze')}
            </Button>
          </Form>
        </Card>
      )}

      {step === 1 && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            <Button onClick={reset} data-testid="import-back">
              {t('wizard.back')}
            </Button>
            {file && <Typography.Text>{t('wizard.chosen', { name: file.name, size: fileSize(file.size) })}</Typography.Text>}
            <Select
              style={{ minWidth: 260 }}
              data-testid="import-unit-2"
              allowClear
              placeholder={t('wizard.unitAuto')}
              value={unit ?? preview?.unit ?? undefined}
              onChange={(v?: string) => setUnit(v)}
              options={unitOptions}
              showSearch={{ optionFilterProp: 'label' }}
            />
            <Button type={dirty ? 'primary' : 'default'} onClick={() => void start('preview', edited)} data-testid="import-repreview">
              {t('wizard.repreview')}
            </Button>
          </Space>
          {previewJob && <JobProgress jobId={previewJob} testId="preview-progress" />}
          {previewError && <Alert type="error" showIcon title={issueText({ code: previewError.code, params: previewError.params ?? {}, message: previewError.message })} data-testid="preview-error" />}
          {preview && catalog.data && (
            <>
              {preview.sheets
                .filter((s) => s.layout && s.mapping)
                .map((s) => (
                  <MappingEditor key={`${previewJob}-${s.index}`} sheet={s} catalog={catalog.data!} target={target} onChange={(m) => onSheetChange(s.index, m)} />
                ))}
              {dirty && <Alert type="warning" showIcon title={t('wizard.mappingEdited')} data-testid="mapping-edited" />}
              <PreviewPanel preview={preview} />
              <Card size="small" title={t('template.save')}>
                <Space wrap>
                  <Input style={{ width: 240 }} addonBefore={t('template.name')} value={templateName} onChange={(e) => setTemplateName(e.target.value)} data-testid="template-name" />
                  <Input style={{ width: 320 }} addonBefore={t('template.pattern')} value={templatePattern} onChange={(e) => setTemplatePattern(e.target.value)} data-testid="template-pattern" />
                  <Button onClick={() => void doSaveTemplate()} loading={saveTemplate.isPending} disabled={!templateName.trim()} data-testid="template-save">
                    {t('template.save')}
                  </Button>
                </Space>
                <div>
                  <Typography.Text type="secondary">{t('template.patternHelp')}</Typography.Text>
                </div>
              </Card>
              <Space>
                {onlySoft && (
                  <Checkbox checked={acceptRejected} onChange={(e) => setAcceptRejected(e.target.checked)} data-testid="accept-rejected">
                    {t('wizard.acceptRejected', { count: preview.counts.rejected })}
                  </Checkbox>
                )}
                <Button type="primary" disabled={!canCommit} onClick={() => void start('commit', edited)} data-testid="import-commit">
                  {t('wizard.commit')}
                </Button>
              </Space>
            </>
          )}
        </Space>
      )}

      {step === 2 && commitJob && (
        <Card>
          <JobProgress jobId={commitJob} testId="import-progress" />
          {commit?.state === 'failed' && (
            <Result
              status="error"
              title={t('wizard.failed')}
              subTitle={<span data-testid="import-failed">{commit.error ? issueText({ code: commit.error.code, params: commit.error.params ?? {} }) : ''}</span>}
              extra={<Button onClick={() => setCommitJob(null)}>{t('wizard.back')}</Button>}
            />
          )}
          {commit?.state === 'done' && commit.result && (
            <Result
              status="success"
              data-testid="import-summary"
              title={commit.result.noop ? t('summary.noop', { id: commit.result.snapshotId }) : t('summary.done', { id: commit.result.snapshotId })}
              subTitle={
                <span data-testid="import-summary-counts">
                  {(['read', 'added', 'revised', 'unchanged', 'rejected', 'skipped'] as const).map((k) => `${t(`counts.${k}`)} ${commit.result!.counts[k]}`).join(' · ')}
                  {commit.result.preview.periodFrom ? ` · ${t('summary.periods', { from: commit.result.preview.periodFrom, to: commit.result.preview.periodTo })}` : ''}
                </span>
              }
              extra={[
                <Button key="again" type="primary" onClick={reset} data-testid="import-restart">
                  {t('wizard.restart')}
                </Button>,
                <Button key="snap" onClick={() => navigate('data', { tab: 'snapshots', snapshot: String(commit.result!.snapshotId) })} data-testid="view-snapshot">
                  {t('wizard.viewSnapshot')}
                </Button>,
                commit.result.preview.changes[0] ? (
                  <Button key="exp" onClick={() => navigate('explorer', { code: commit.result!.preview.changes[0]!.indicator })} data-testid="view-explorer">
                    {t('wizard.viewExplorer')}
                  </Button>
                ) : null,
              ]}
            />
          )}
        </Card>
      )}
    </Space>
  );
}
