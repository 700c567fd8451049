import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Input, InputNumber, Popconfirm, Segmented, Select, Space, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeriesView } from '../../../../shared/api/series';
import type { Block } from '../../../../shared/reports/model';
import { useApi } from '../../api/client';
import { useLocale } from '../../hooks/useLocale';
import { BlockPreview } from './BlockPreview';
import { ChartBlockView } from './ChartBlockView';
import { ChartSeriesEditor } from './ChartSeriesEditor';
import { useReportEditor } from './context';
import { ParagraphEditor } from './ParagraphEditor';
import { useSeriesViews } from './views';

export interface BlockCardProps {
  block: Block;
  reportId: number;
  period: string;
  snapshot: number;
  index: number;
  count: number;
  onChange: (b: Block) => void;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
  insertMenu: ReactNode;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one select for both single and multiple mode
function IndicatorSelect({ value, onChange, multiple, testId }: { value: string | string[]; onChange: (v: any) => void; multiple?: boolean; testId?: string }) {
  const { indicators } = useReportEditor();
  const { name } = useLocale();
  return (
    <Select<string | string[]>
      mode={multiple ? 'multiple' : undefined}
      showSearch
      optionFilterProp="label"
      style={{ minWidth: 280, maxWidth: 640 }}
      value={value}
      onChange={onChange}
      options={[...indicators.values()].map((i) => ({ value: i.code, label: name(i.name) }))}
      data-testid={testId}
    />
  );
}

/** One block of the report with its own editor and the move/delete controls. */
export function BlockCard({ block, reportId, period, snapshot, index, count, onChange, onMove, onDelete, insertMenu }: BlockCardProps) {
  const { t } = useTranslation('reports');
  const { name } = useLocale();
  const { indicators } = useReportEditor();
  const catalog = useApi('catalog.get', {});
  const views = useSeriesViews();
  const definitions = useApi('climate.definitions', {}, { enabled: block.type === 'climateIndex' });
  const caption = (b: Extract<Block, { caption: string }>) => (
    <Input size="small" addonBefore={t('block.caption')} value={b.caption} onChange={(e) => onChange({ ...b, caption: e.target.value } as Block)} style={{ maxWidth: 520 }} />
  );
  let body: ReactNode;
  switch (block.type) {
    case 'heading':
      body = (
        <Space.Compact style={{ width: '100%' }}>
          <Select size="small" value={block.level} onChange={(level) => onChange({ ...block, level })} options={[{ value: 1, label: t('block.level1') }, { value: 2, label: t('block.level2') }]} style={{ width: 110 }} />
          <Input size="small" value={block.text} onChange={(e) => onChange({ ...block, text: e.target.value })} style={{ fontWeight: 700 }} data-testid={`heading-input-${block.id}`} />
        </Space.Compact>
      );
      break;
    case 'paragraph':
      body = <ParagraphEditor reportId={reportId} content={block.content} period={period} onChange={(content) => onChange({ ...block, content })} testId={`paragraph-${block.id}`} />;
      break;
    case 'kpiTable':
      body = (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {caption(block)}
          <IndicatorSelect multiple value={block.indicators} onChange={(v: string[]) => v.length && onChange({ ...block, indicators: v })} />
          <BlockPreview id={reportId} block={block} />
        </Space>
      );
      break;
    case 'chart':
      body = (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {caption(block)}
          <ChartSeriesEditor value={block.series} onChange={(series) => onChange({ ...block, series })} testId={`chart-series-${block.id}`} />
          <Space wrap>
            <Segmented size="small" value={block.view} onChange={(v) => onChange({ ...block, view: v as SeriesView })} options={views.map((v) => ({ value: v, label: t(`views.${v}`) }))} />
            <Segmented size="small" value={block.kind} onChange={(v) => onChange({ ...block, kind: v as 'line' | 'bar' })} options={[{ value: 'line', label: t('block.line') }, { value: 'bar', label: t('block.bar') }]} />
            <InputNumber size="small" min={3} max={240} value={block.span} onChange={(v) => v && onChange({ ...block, span: v })} addonAfter={t('block.periods')} style={{ width: 130 }} />
            <Checkbox checked={block.annotations} onChange={(e) => onChange({ ...block, annotations: e.target.checked })}>
              {t('block.showAnnotations')}
            </Checkbox>
          </Space>
          <ChartBlockView block={block} period={period} snapshot={snapshot} />
        </Space>
      );
      break;
    case 'dataTable': {
      const ind = indicators.get(block.indicator);
      body = (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {caption(block)}
          <Space wrap>
            <IndicatorSelect value={block.indicator} onChange={(indicator: string) => onChange({ ...block, indicator, breakdown: undefined })} />
            <Segmented size="small" value={block.layout} onChange={(v) => onChange({ ...block, layout: v as 'members' | 'periods' })} options={[{ value: 'members', label: t('block.byMember') }, { value: 'periods', label: t('block.byPeriod') }]} />
            {block.layout === 'members' ? (
              <Select
                size="small"
                allowClear
                placeholder={t('block.noBreakdown')}
                value={block.breakdown}
                onChange={(breakdown?: string) => onChange({ ...block, breakdown })}
                options={(ind?.dimensions ?? []).map((d) => ({ value: d, label: name(catalog.data?.dimensions.find((x) => x.code === d)?.name ?? { zh: d, en: d }) }))}
                style={{ width: 140 }}
              />
            ) : (
              <>
                <Segmented size="small" value={block.view} onChange={(v) => onChange({ ...block, view: v as SeriesView })} options={views.map((v) => ({ value: v, label: t(`views.${v}`) }))} />
                <InputNumber size="small" min={1} max={240} value={block.span} onChange={(v) => v && onChange({ ...block, span: v })} addonAfter={t('block.periods')} style={{ width: 130 }} />
              </>
            )}
          </Space>
          <BlockPreview id={reportId} block={block} />
        </Space>
      );
      break;
    }
    case 'enterpriseRanking':
      body = (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            {caption(block)}
            <InputNumber size="small" min={1} max={50} value={block.limit} onChange={(v) => v && onChange({ ...block, limit: v })} addonBefore={t('block.top')} style={{ width: 140 }} />
          </Space>
          <BlockPreview id={reportId} block={block} />
        </Space>
      );
      break;
    case 'keyGroups':
      body = (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {caption(block)}
          <BlockPreview id={reportId} block={block} />
        </Space>
      );
      break;
    case 'climateIndex':
      body = (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {caption(block)}
          <Space wrap>
            <Select
              size="small"
              style={{ minWidth: 260 }}
              value={block.definition}
              onChange={(definition: string) => onChange({ ...block, definition })}
              options={(definitions.data ?? []).map((d) => ({ value: d.name, label: name(d.title) }))}
            />
            <InputNumber size="small" min={3} max={240} value={block.span} onChange={(v) => v && onChange({ ...block, span: v })} addonAfter={t('block.periods')} style={{ width: 130 }} />
          </Space>
          <BlockPreview id={reportId} block={block} />
        </Space>
      );
      break;
    case 'riskSummary':
      body = (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            {caption(block)}
            <InputNumber size="small" min={0} max={20} value={block.limit} onChange={(v) => v !== null && onChange({ ...block, limit: v })} addonBefore={t('block.top')} style={{ width: 140 }} />
          </Space>
          <BlockPreview id={reportId} block={block} />
        </Space>
      );
      break;
    case 'pageBreak':
      body = <Typography.Text type="secondary">{t('block.pageBreakHint')}</Typography.Text>;
      break;
  }
  return (
    <Card
      size="small"
      data-testid={`block-${block.id}`}
      data-block-type={block.type}
      title={<Typography.Text type="secondary">{t(`blocks.${block.type}`)}</Typography.Text>}
      extra={
        <Space size={0}>
          {insertMenu}
          <Tooltip title={t('block.up')}>
            <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onMove(-1)} />
          </Tooltip>
          <Tooltip title={t('block.down')}>
            <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => onMove(1)} />
          </Tooltip>
          <Popconfirm title={t('block.confirmDelete')} okText={t('delete')} cancelText={t('cancel')} onConfirm={onDelete}>
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('delete')} />
          </Popconfirm>
        </Space>
      }
    >
      {body}
    </Card>
  );
}
