import { DeleteOutlined, EditOutlined, HighlightOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Input, List, Popconfirm, Select, Space, Switch, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ANNOTATION_CATEGORIES, type Annotation, type AnnotationCategory } from '../../../../shared/api/annotations';
import { CATEGORY_COLORS } from '../../../../shared/charts/annotations';
import { periodLabel } from '../../../../shared/period';
import { useApi, useApiMutation } from '../../api/client';
import { useErrorText, useLocale } from '../../hooks/useLocale';
import { targetKey, type ChartSeriesTarget } from './useSeriesAnnotations';

/**
 * The side panel: annotations of the chart's series (or of the whole indicator), filtered by
 * category and text; edit opens the form, delete asks first. The switch turns on range brushing.
 */
export function AnnotationPanel({
  indicator,
  series,
  onEdit,
  brushing,
  onBrushing,
}: {
  /** The indicator whose other series the panel can also list; absent for the climate index. */
  indicator: string | null;
  series: readonly ChartSeriesTarget[];
  onEdit: (a: Annotation) => void;
  brushing: boolean;
  onBrushing: (on: boolean) => void;
}) {
  const { t } = useTranslation('annotations');
  const { locale } = useLocale();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [scope, setScope] = useState<'chart' | 'indicator'>('chart');
  const [categories, setCategories] = useState<AnnotationCategory[]>([]);
  const [search, setSearch] = useState('');
  const filters = { ...(categories.length ? { categories } : {}), ...(search.trim() ? { search: search.trim() } : {}) };
  const q = useApi('annotation.list', indicator ? { indicator, ...filters } : { targets: series.map((s) => s.target), ...filters });
  const remove = useApiMutation('annotation.delete');
  const names = useMemo(() => new Map(series.map((s) => [targetKey(s.target), s.name])), [series]);
  const rows = (q.data ?? []).filter((a) => scope === 'indicator' || names.has(targetKey(a.target)));

  const when = (a: Annotation) => (a.periodTo ? `${periodLabel(a.periodFrom, locale)} – ${periodLabel(a.periodTo, locale)}` : periodLabel(a.periodFrom, locale));
  return (
    <Card
      size="small"
      title={t('panelTitle')}
      data-testid="annotation-panel"
      extra={
        <Space size={4}>
          <HighlightOutlined />
          <Switch size="small" checked={brushing} onChange={onBrushing} data-testid="annotate-brush" />
          <Typography.Text type="secondary">{t('brush')}</Typography.Text>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="small">
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('howTo')}
        </Typography.Text>
        <Space wrap size="small">
          {indicator && (
            <Select
              size="small"
              value={scope}
              onChange={setScope}
              style={{ width: 130 }}
              options={[
                { value: 'chart', label: t('scopeChart') },
                { value: 'indicator', label: t('scopeIndicator') },
              ]}
              data-testid="annotation-scope"
            />
          )}
          <Select
            size="small"
            mode="multiple"
            allowClear
            placeholder={t('allCategories')}
            value={categories}
            onChange={setCategories}
            style={{ minWidth: 150 }}
            options={ANNOTATION_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
            data-testid="annotation-category-filter"
          />
          <Input.Search size="small" allowClear placeholder={t('search')} onSearch={setSearch} style={{ width: 160 }} data-testid="annotation-search" />
        </Space>
        {rows.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('none')} />
        ) : (
          <List
            size="small"
            dataSource={rows}
            data-testid="annotation-list"
            renderItem={(a) => (
              <List.Item data-testid={`annotation-${a.id}`} style={{ display: 'block' }}>
                <Space size={4} wrap style={{ width: '100%', justifyContent: 'space-between' }}>
                  <Space size={4} wrap>
                    <Tag color={CATEGORY_COLORS[a.category]}>{t(`categories.${a.category}`)}</Tag>
                    <span>{when(a)}</span>
                    {names.get(targetKey(a.target)) && <Typography.Text type="secondary">{names.get(targetKey(a.target))}</Typography.Text>}
                  </Space>
                  <Space size={0}>
                    <Button size="small" type="text" icon={<EditOutlined />} onClick={() => onEdit(a)} aria-label={t('edit')} data-testid={`annotation-edit-${a.id}`} />
                    <Popconfirm
                      title={t('confirmDelete')}
                      okText={t('delete')}
                      cancelText={t('cancel')}
                      onConfirm={() =>
                        remove.mutateAsync({ id: a.id }).then(
                          () => void message.success(t('deleted')),
                          (err: unknown) => void message.error(errorText(err)),
                        )
                      }
                    >
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('delete')} data-testid={`annotation-delete-${a.id}`} />
                    </Popconfirm>
                  </Space>
                </Space>
                <div data-testid="annotation-text-shown" style={{ margin: '4px 0 2px' }}>
                  {a.text}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {a.author} · {new Date(a.updatedAt).toLocaleString(locale)}
                </Typography.Text>
              </List.Item>
            )}
          />
        )}
      </Space>
    </Card>
  );
}
