/**
 * 就业景气指数: the index of a saved definition (any version) on the current data, its chart with
 * stacked contributions, the generated sentences, the components and weights, CSV/XLSX export.
 */
import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Row, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClimateComponent, ClimateIndexResult } from '../../../../shared/api/analytics';
import { climateSentence } from '../../../../shared/analytics/climate-summary';
import { DEFAULT_DEFINITION_NAME } from '../../../../shared/analytics/default-definition';
import { climateIndexOption } from '../../../../shared/charts/climate';
import { formatChange, formatNumber } from '../../../../shared/format';
import { periodLabel } from '../../../../shared/period';
import { call, useApi } from '../../api/client';
import { transport } from '../../api/transport';
import { Chart } from '../../components/Chart';
import { useChartAnnotations } from '../../components/annotations/useChartAnnotations';
import { QueryState } from '../../components/QueryState';
import { useErrorText, useLocale } from '../../hooks/useLocale';
import { DefinitionEditor } from './DefinitionEditor';

function lastWithChange(r: ClimateIndexResult): number {
  for (let t = r.periods.length - 1; t >= 0; t--) if (r.change[t] != null) return t;
  return -1;
}

function Provenance({ result }: { result: ClimateIndexResult }) {
  const { t } = useTranslation('climate');
  const { locale } = useLocale();
  const s = result.state;
  return (
    <Typography.Text type="secondary" data-testid="climate-provenance">
      {t('provenance', {
        name: result.definition.name,
        version: result.definition.version,
        snapshot: s.maxSnapshot,
        deleted: s.deletedSnapshots.length ? s.deletedSnapshots.join(', ') : t('none'),
        at: new Date(s.computedAt).toLocaleString(locale),
      })}
      {s.cached ? ` · ${t('cached')}` : ''}
    </Typography.Text>
  );
}

function ComponentsTable({ components }: { components: ClimateComponent[] }) {
  const { t } = useTranslation('climate');
  const { locale, name } = useLocale();
  return (
    <Table<ClimateComponent>
      data-testid="climate-components"
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={components}
      columns={[
        { title: t('col.component'), render: (_, c) => name(c.label) },
        { title: t('col.frequency'), dataIndex: 'frequency', render: (f: string) => t(`common:frequency.${f}`) },
        { title: t('col.direction'), render: (_, c) => (c.inverted ? <Tag color="orange">{t('inverted')}</Tag> : <Tag>{t('normal')}</Tag>) },
        { title: t('col.transform'), render: (_, c) => t(`transform.${c.transform}`) },
        { title: t('col.weight'), align: 'right', render: (_, c) => formatNumber(c.weight, 3, locale) },
        { title: t('col.sd'), align: 'right', render: (_, c) => formatNumber(c.sd, 3, locale) },
        {
          title: t('col.preparation'),
          render: (_, c) => (
            <Space size={4} wrap>
              {c.preparation.decumulated && <Tag>{t('decumulated')}</Tag>}
              {c.preparation.seasonallyAdjusted ? <Tag color="blue">{t('adjusted')}</Tag> : <Tag>{t('notAdjusted')}</Tag>}
              {c.preparation.notes.map((n) => (
                <Tooltip key={n} title={t(`analytics:prep.${n}`)}>
                  <Tag color="gold">{t(`note.${n}`)}</Tag>
                </Tooltip>
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
}

interface MonthRow {
  period: string;
  index: number | null;
  change: number | null;
  sentence: string | null;
  flags: string[];
}

export function ClimatePage() {
  const { t } = useTranslation('climate');
  const { locale, name } = useLocale();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [defName, setDefName] = useState(DEFAULT_DEFINITION_NAME);
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [editing, setEditing] = useState(false);
  const definitions = useApi('climate.definitions', {});
  const versions = useApi('climate.versions', { name: defName });
  const ref = { name: defName, ...(version ? { version } : {}) };
  const q = useApi('climate.compute', ref);
  const result = q.data;

  const indexSeries = useMemo(() => [{ name: t('chart.index'), target: { kind: 'index' as const, index: defName } }], [defName, t]);
  const annotations = useChartAnnotations(null, indexSeries, useMemo(() => result?.periods ?? [], [result]));
  const option = useMemo(
    () =>
      result
        ? annotations.decorate(
            climateIndexOption(result, {
              locale,
              zoom: true,
              zoomStart: 40,
              labels: { index: t('chart.index'), change: t('chart.contributions') },
              annotations: annotations.marks.map((m) => ({ from: m.periodFrom, ...(m.periodTo ? { to: m.periodTo } : {}), text: m.text })),
            }),
          )
        : null,
    [result, locale, t, annotations.marks, annotations.decorate],
  );
  const latest = result ? lastWithChange(result) : -1;
  const months: MonthRow[] = useMemo(() => {
    if (!result) return [];
    const rows: MonthRow[] = [];
    for (let i = result.periods.length - 1; i >= 0 && rows.length < 24; i--) {
      if (result.index[i] == null) continue;
      rows.push({
        period: result.periods[i]!,
        index: result.index[i]!,
        change: result.change[i] ?? null,
        sentence: climateSentence(result, i, locale, 'period'),
        flags: result.absent[i]!.filter((a) => a.reason === 'missing').map((a) => a.id),
      });
    }
    return rows;
  }, [result, locale]);

  const exportAs = async (format: 'csv' | 'xlsx') => {
    try {
      const file = await call('climate.export', { ...ref, format, locale });
      if (await transport.saveFile(file)) void message.success(t('common:saved', { name: file.fileName }));
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  const labelOf = (key: string) => {
    const c = result?.components.find((x) => x.key === key);
    return c ? name(c.label) : key;
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap align="center">
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="climate-title">
          {result ? name(result.definition.title) : t('title')}
        </Typography.Title>
        <Select
          data-testid="climate-definition"
          style={{ minWidth: 220 }}
          value={defName}
          onChange={(v: string) => {
            setDefName(v);
            setVersion(undefined);
          }}
          options={(definitions.data ?? []).map((d) => ({ value: d.name, label: `${name(d.title)} (${d.name})` }))}
        />
        <Select
          data-testid="climate-version"
          style={{ width: 140 }}
          value={version ?? 0}
          onChange={(v: number) => setVersion(v || undefined)}
          options={[{ value: 0, label: t('latestVersion') }, ...(versions.data ?? []).map((v) => ({ value: v.version, label: `v${v.version}` }))]}
        />
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="climate-edit">
          {t('edit')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void exportAs('csv')} disabled={!result} data-testid="climate-export-csv">
          {t('exportCsv')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void exportAs('xlsx')} disabled={!result} data-testid="climate-export-xlsx">
          {t('exportXlsx')}
        </Button>
      </Space>
      <QueryState isLoading={q.isLoading} error={q.error} retry={() => void q.refetch()} />
      {result && (
        <>
          <Card size="small">
            <Row gutter={24} align="middle">
              <Col flex="none">
                <Statistic
                  title={latest >= 0 ? periodLabel(result.periods[latest]!, locale) : t('chart.index')}
                  value={latest >= 0 ? formatNumber(result.index[latest], 1, locale) : '—'}
                  suffix={latest >= 0 ? <span style={{ fontSize: 14 }}>{formatChange(result.change[latest], 'diff', locale, 1)}</span> : undefined}
                  data-testid="climate-latest"
                />
              </Col>
              <Col flex="auto">
                <Typography.Paragraph style={{ fontSize: 16, marginBottom: 4 }} data-testid="climate-sentence">
                  {latest >= 0 ? climateSentence(result, latest, locale) : t('noChange')}
                </Typography.Paragraph>
                <Provenance result={result} />
              </Col>
            </Row>
          </Card>
          {option && annotations.beside(<Chart option={option} height={480} testId="climate-chart" onReady={annotations.onReady} />)}
          <Card size="small" title={t('monthsTitle')}>
            <Table<MonthRow>
              data-testid="climate-months"
              size="small"
              rowKey="period"
              dataSource={months}
              pagination={{ pageSize: 12, showSizeChanger: false }}
              columns={[
                { title: t('col.period'), dataIndex: 'period', width: 120, render: (p: string) => periodLabel(p, locale) },
                { title: t('col.index'), dataIndex: 'index', width: 90, align: 'right', render: (v: number | null) => formatNumber(v, 1, locale) },
                { title: t('col.change'), dataIndex: 'change', width: 90, align: 'right', render: (v: number | null) => formatChange(v, 'diff', locale, 1) },
                {
                  title: t('col.sentence'),
                  render: (_, row) => (
                    <Space size={4} wrap>
                      <span>{row.sentence ?? '—'}</span>
                      {row.flags.length > 0 && (
                        <Tooltip title={t('missingFlag', { list: row.flags.map(labelOf).join('、') })}>
                          <Tag color="gold">{t('partial')}</Tag>
                        </Tooltip>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
          <Card size="small" title={t('componentsTitle')}>
            <ComponentsTable components={result.components} />
          </Card>
          <Card size="small" title={t('methodTitle')}>
            <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
              <Descriptions.Item label={t('baseYear')}>{result.baseYear}</Descriptions.Item>
              <Descriptions.Item label={t('window')}>
                {`${result.definition.spec.window.from ?? '…'} – ${result.definition.spec.window.to ?? '…'}`}
              </Descriptions.Item>
              <Descriptions.Item label={t('weighting')}>{t(`weightingMode.${result.definition.spec.weighting}`)}</Descriptions.Item>
              <Descriptions.Item label={t('start')}>{result.start ? periodLabel(result.start, locale) : '—'}</Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph type="secondary">{name(result.definition.spec.description)}</Typography.Paragraph>
            <Typography.Paragraph type="secondary" data-testid="climate-rules">
              {t('rules', { coverage: formatNumber(result.definition.spec.minCoverage * 100, 0, locale) })}
            </Typography.Paragraph>
          </Card>
        </>
      )}
      {editing && (
        <DefinitionEditor
          name={defName}
          version={version}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            setDefName(saved.name);
            setVersion(undefined);
          }}
        />
      )}
    </Space>
  );
}
