/**
 * A ledger item's annotations: each linked one with where it sits (indicator, climate index or
 * firm), its period and text, unlinkable; and a search over all annotations to link another. The
 * firm of a firm item comes first in the search.
 */
import { Button, List, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '../../../../shared/api/annotations';
import { periodLabel } from '../../../../shared/period';
import { useApi, useApiMutation } from '../../api/client';
import { useLocale } from '../../hooks/useLocale';

export function LinkedAnnotations({ itemId, annotationIds, enterpriseId, onError }: { itemId: number; annotationIds: number[]; enterpriseId: number | null; onError: (err: unknown) => void }) {
  const { t } = useTranslation('ledger');
  const { locale, name } = useLocale();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<number | null>(null);
  const link = useApiMutation('ledger.link');
  const linked = useApi('annotation.list', { ids: annotationIds }, { enabled: annotationIds.length > 0 });
  const found = useApi('annotation.list', search.trim() ? { search: search.trim() } : {});
  const catalog = useApi('catalog.get', {}, { staleTime: Infinity });
  const firms = useApi('enterprises.list', {}, { staleTime: 60_000 });

  const where = useMemo(() => {
    const indicators = new Map((catalog.data?.indicators ?? []).map((i) => [i.code, name(i.name)]));
    const firmNames = new Map((firms.data?.rows ?? []).map((r) => [r.firm.id, r.firm.name]));
    return (a: Annotation): string => {
      const tg = a.target;
      if (tg.kind === 'series') return indicators.get(tg.indicator) ?? tg.indicator;
      if (tg.kind === 'firm') return firmNames.get(tg.enterpriseId) ?? t('annotationFirm', { id: tg.enterpriseId });
      return t('annotationIndex');
    };
  }, [catalog.data, firms.data, name, t]);
  const when = (a: Annotation) => (a.periodTo ? `${periodLabel(a.periodFrom, locale)} – ${periodLabel(a.periodTo, locale)}` : periodLabel(a.periodFrom, locale));

  const options = useMemo(() => {
    const own = (a: Annotation) => (a.target.kind === 'firm' && a.target.enterpriseId === enterpriseId ? 0 : 1);
    return (found.data ?? [])
      .filter((a) => !annotationIds.includes(a.id))
      .sort((a, b) => own(a) - own(b) || b.periodFrom.localeCompare(a.periodFrom) || b.id - a.id)
      .slice(0, 200)
      .map((a) => ({ value: a.id, label: `${where(a)} · ${when(a)} · ${a.text.length > 40 ? `${a.text.slice(0, 40)}…` : a.text}` }));
  }, [found.data, annotationIds, enterpriseId, where, locale]);

  const add = () => {
    if (picked === null) return;
    link.mutate({ id: itemId, kind: 'annotation', targetId: picked }, { onSuccess: () => setPicked(null), onError });
  };

  return (
    <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }} size="small" data-testid="ledger-annotations">
      <Typography.Text type="secondary">{t('annotations')}</Typography.Text>
      {annotationIds.length > 0 && (
        <List
          size="small"
          dataSource={linked.data ?? []}
          loading={linked.isLoading}
          renderItem={(a) => (
            <List.Item
              data-testid={`ledger-annotation-${a.id}`}
              actions={[
                <a key="unlink" onClick={() => link.mutate({ id: itemId, kind: 'annotation', targetId: a.id, remove: true }, { onError })} data-testid={`ledger-unlink-annotation-${a.id}`}>
                  {t('unlink')}
                </a>,
              ]}
            >
              <Space wrap size={4}>
                <Tag>{where(a)}</Tag>
                <Typography.Text type="secondary">{when(a)}</Typography.Text>
                <span>{a.text}</span>
              </Space>
            </List.Item>
          )}
        />
      )}
      <Space.Compact style={{ width: '100%' }}>
        <Select
          showSearch={{ filterOption: false, onSearch: setSearch }}
          value={picked}
          onChange={(v: number) => setPicked(v)}
          options={options}
          loading={found.isFetching}
          placeholder={t('findAnnotation')}
          notFoundContent={t('noAnnotationFound')}
          style={{ flex: 1, minWidth: 0 }}
          data-testid="ledger-annotation-pick"
        />
        <Button disabled={picked === null} loading={link.isPending} onClick={add} data-testid="ledger-link-annotation">
          {t('linkAnnotation')}
        </Button>
      </Space.Compact>
    </Space>
  );
}
