import { Input, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator, Tier } from '../../../../shared/domain/types';
import { useLocale } from '../../hooks/useLocale';

const TIERS: Tier[] = ['core', 'related', 'macro', 'group'];

/** Matches code or Chinese/English name, case-insensitively. */
export function matchesIndicator(ind: Indicator, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return ind.code.toLowerCase().includes(q) || ind.name.zh.includes(q) || ind.name.en.toLowerCase().includes(q);
}

export function CatalogTree({ indicators, selected, onSelect }: { indicators: Indicator[]; selected: string | null; onSelect: (code: string) => void }) {
  const { t } = useTranslation('explorer');
  const { name } = useLocale();
  const [query, setQuery] = useState('');
  const treeData = useMemo(
    () =>
      TIERS.map((tier) => ({
        key: `tier:${tier}`,
        title: t(`common:tier.${tier}`),
        selectable: false,
        children: indicators
          .filter((i) => i.tier === tier && matchesIndicator(i, query))
          .map((i) => ({
            key: i.code,
            title: (
              <span data-testid={`tree-${i.code}`}>
                {name(i.name)} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.code}</Typography.Text>
              </span>
            ),
          })),
      })).filter((n) => n.children.length > 0),
    [indicators, query, t, name],
  );
  return (
    <div>
      <Input.Search placeholder={t('search')} allowClear value={query} onChange={(e) => setQuery(e.target.value)} data-testid="catalog-search" style={{ marginBottom: 8 }} />
      <Tree
        treeData={treeData}
        defaultExpandAll
        expandedKeys={treeData.map((n) => n.key)}
        selectedKeys={selected ? [selected] : []}
        onSelect={(keys) => keys[0] && onSelect(String(keys[0]))}
        blockNode
      />
    </div>
  );
}
