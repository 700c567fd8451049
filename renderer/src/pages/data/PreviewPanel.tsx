/** What an import would do: counts, why it cannot go ahead yet, the issues by location, the values to be written. */
import { Alert, Card, Col, Descriptions, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportChange, ImportIssue, ImportPreview } from '../../../../shared/api/imports';
import { errorI18nKey } from '../../../../shared/api/errors';
import { dataMessage } from '../../../../shared/import/messages';
import { formatNumber } from '../../../../shared/format';
import { useLocale } from '../../hooks/useLocale';
import { fileSize, issueWhere } from './format';

const SEVERITY_COLOR = { error: 'red', warning: 'orange', info: 'blue' } as const;

/** An issue or blocker in the UI language, from the same table the CLI uses. */
export function useIssueText() {
  const { t } = useTranslation('data');
  const { locale } = useLocale();
  return (i: { code: string; params: Record<string, string | number>; message?: string }) =>
    dataMessage(i.code, i.params, locale) ?? t(errorI18nKey(i.code), { ...i.params, defaultValue: i.message ?? i.code });
}

export function IssuesTable({ issues, notListed, testId = 'issues-table' }: { issues: ImportIssue[]; notListed?: number; testId?: string }) {
  const { t } = useTranslation('data');
  const text = useIssueText();
  const rowCol = (row: number, col: string) => t('provenance.rowCol', { row, col });
  const rowOnly = (row: number) => t('provenance.row', { row });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table<ImportIssue & { key: number }>
        data-testid={testId}
        size="small"
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        dataSource={issues.map((i, key) => ({ ...i, key }))}
        locale={{ emptyText: t('issues.none') }}
        columns={[
          { title: '', dataIndex: 'severity', width: 70, render: (s: ImportIssue['severity']) => <Tag color={SEVERITY_COLOR[s]}>{t(`issues.severity.${s}`)}</Tag> },
          { title: t('issues.where'), key: 'where', width: 160, render: (_: unknown, i) => <span data-testid="issue-where">{issueWhere(i, rowCol, rowOnly)}</span> },
          { title: t('issues.message'), key: 'message', render: (_: unknown, i) => <span data-testid="issue-message">{text(i)}</span> },
        ]}
      />
      {!!notListed && <Typography.Text type="secondary">{t('issues.more', { count: notListed })}</Typography.Text>}
    </Space>
  );
}

export function PreviewPanel({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation('data');
  const { locale } = useLocale();
  const text = useIssueText();
  const c = preview.counts;
  const memberText = (m: Record<string, string>) => Object.entries(m).map(([k, v]) => `${k}=${v}`).join('; ');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="import-preview">
      <Descriptions size="small" column={{ xs: 1, md: 3, xl: 6 }}>
        <Descriptions.Item label={t('file.format')}>
          {preview.file.format.toUpperCase()} · {fileSize(preview.file.size)}
        </Descriptions.Item>
        {preview.file.encoding && (
          <Descriptions.Item label={t('file.encoding')}>
            <span data-testid="file-encoding">{preview.file.encoding === 'gb18030' ? 'GBK/GB18030' : preview.file.encoding.toUpperCase()}</span>
          </Descriptions.Item>
        )}
        {preview.file.delimiter && <Descriptions.Item label={t('file.delimiter')}>{preview.file.delimiter === '\t' ? t('file.tab') : preview.file.delimiter}</Descriptions.Item>}
        <Descriptions.Item label={t('file.mapping')}>
          <span data-testid="mapping-source">{t(`file.source.${preview.mappingSource}`, { name: preview.templateName ?? '' })}</span>
        </Descriptions.Item>
        {preview.mapping.layout && <Descriptions.Item label={t('file.layout')}>{t(`file.${preview.mapping.layout}`)}</Descriptions.Item>}
        <Descriptions.Item label={t('file.unit')}>{preview.unit ?? '—'}</Descriptions.Item>
      </Descriptions>
      {preview.alreadyImported && <Alert type="info" showIcon title={t('summary.noop', { id: preview.alreadyImported.snapshotId })} data-testid="already-imported" />}
      <Row gutter={12}>
        {(['read', 'added', 'revised', 'unchanged', 'rejected', 'skipped', 'warnings'] as const).map((k) => (
          <Col key={k} flex="1">
            <Card size="small">
              <Statistic title={t(`counts.${k}`)} value={c[k]} styles={{ content: { color: k === 'rejected' && c[k] ? '#cf1322' : k === 'warnings' && c[k] ? '#d48806' : undefined } }} />
              <span data-testid={`count-${k}`} hidden>
                {c[k]}
              </span>
            </Card>
          </Col>
        ))}
      </Row>
      {preview.blockers.length > 0 && (
        <Alert
          type={preview.blockers.every((b) => b.soft) ? 'warning' : 'error'}
          showIcon
          data-testid="import-blockers"
          title={t('wizard.blocked')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {preview.blockers.map((b) => (
                <li key={b.code}>{text(b)}</li>
              ))}
            </ul>
          }
        />
      )}
      <Card size="small" title={t('issues.title')}>
        <IssuesTable issues={preview.issues} notListed={preview.issuesNotListed} />
      </Card>
      {preview.changes.length > 0 && (
        <Card size="small" title={t('changes.title', { count: preview.changes.length })}>
          <Table<ImportChange & { key: number }>
            data-testid="changes-table"
            size="small"
            pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
            dataSource={preview.changes.map((x, key) => ({ ...x, key }))}
            columns={[
              { title: '', dataIndex: 'kind', width: 70, render: (k: ImportChange['kind']) => <Tag color={k === 'added' ? 'green' : 'gold'}>{t(`changes.kind.${k}`)}</Tag> },
              { title: t('changes.subject'), key: 'subject', render: (_: unknown, x) => `${x.indicator}${Object.keys(x.members).length ? ` (${memberText(x.members)})` : ''}` },
              { title: t('changes.period'), dataIndex: 'period', width: 100 },
              { title: t('changes.old'), dataIndex: 'old', align: 'right' as const, render: (v: number | null) => (v === null ? '—' : formatNumber(v, 4, locale).replace(/\.?0+$/, '')) },
              { title: t('changes.value'), dataIndex: 'value', align: 'right' as const, render: (v: number) => formatNumber(v, 4, locale).replace(/\.?0+$/, '') },
              { title: t('changes.where'), key: 'where', width: 140, render: (_: unknown, x) => issueWhere(x, (row, col) => t('provenance.rowCol', { row, col }), (row) => t('provenance.row', { row })) },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
