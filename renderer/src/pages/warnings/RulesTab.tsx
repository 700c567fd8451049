import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RULE_KIND_LABELS } from '../../../../shared/domain/labels';
import { WARNING_LEVELS } from '../../../../shared/warnings/levels';
import type { WarningRule } from '../../../../shared/warnings/rules';
import { useApi, useApiMutation } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { useErrorText, useLocale } from '../../hooks/useLocale';
import { LevelTag, useMemberName } from '../enterprises/widgets';
import { RuleEditor } from './RuleEditor';

export function RulesTab() {
  const { t } = useTranslation('warnings');
  const { locale, name } = useLocale();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const member = useMemberName();
  const catalog = useApi('catalog.get', {}, { staleTime: Infinity });
  const q = useApi('warnings.rules', {});
  const toggle = useApiMutation('warnings.setRuleEnabled');
  const [editing, setEditing] = useState<{ rule: WarningRule | null } | null>(null);

  const scopeText = (r: WarningRule): string => {
    const s = r.scope;
    if (s.type === 'indicator') {
      const ind = catalog.data?.indicators.find((i) => i.code === s.indicator);
      const members = Object.entries(s.members).map(([d, c]) => member(d, c));
      return [ind ? name(ind.name) : s.indicator, ...members, s.breakdown ? t('byDimension', { dimension: t(`enterprises:grouping.${s.breakdown}`, { defaultValue: s.breakdown }) }) : ''].filter(Boolean).join(' · ');
    }
    if (s.type === 'panel') {
      const filter = [...s.sectors.map((c) => member('sector', c)), ...s.districts.map((c) => member('district', c))];
      return [t('panel'), s.metric ? t(`panelMetricName.${s.metric}`) : '', filter.length ? filter.join('、') : t('allFirms'), s.breakdown ? t('byDimension', { dimension: t(`enterprises:grouping.${s.breakdown}`) }) : ''].filter(Boolean).join(' · ');
    }
    return [t('signalsScope'), t(`countByName.${s.by}`)].join(' · ');
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ rule: null })} data-testid="rule-new">
          {t('newRule')}
        </Button>
        <Typography.Text type="secondary">{t('rulesNote')}</Typography.Text>
      </Space>
      <QueryState isLoading={q.isLoading} error={q.error} retry={() => void q.refetch()} />
      {q.data && (
        <Table<WarningRule>
          data-testid="rules-table"
          size="small"
          rowKey="id"
          dataSource={q.data}
          pagination={false}
          onRow={(r) => ({ 'data-testid': `rule-row-${r.code}` }) as Record<string, string>}
          columns={[
            { title: t('code'), dataIndex: 'code', render: (c: string, r) => <Space size={4} style={{ whiteSpace: 'nowrap' }}><Typography.Text code style={{ fontSize: 11 }}>{c}</Typography.Text>{r.builtin && <Tag>{t('builtin')}</Tag>}</Space> },
            { title: t('name'), render: (_: unknown, r) => name(r.name) },
            { title: t('kind'), width: 140, render: (_: unknown, r) => name(RULE_KIND_LABELS[r.kind]) },
            { title: t('scope'), render: (_: unknown, r) => scopeText(r) },
            {
              title: t('bandsTitle'),
              render: (_: unknown, r) => {
                if (r.kind === 'article41') return <Space size={4}><LevelTag level={r.params.level} /> {t('over', { n: r.params.bigCut })} <LevelTag level={r.params.bigCutLevel} /></Space>;
                const bands = r.params.bands;
                return (
                  <Space size={4} wrap>
                    {WARNING_LEVELS.filter((l) => bands[l] != null).map((l) => (
                      <span key={l}>
                        <LevelTag level={l} /> {bands[l]!.toLocaleString(locale)}
                      </span>
                    ))}
                  </Space>
                );
              },
            },
            {
              title: t('enabled'),
              width: 80,
              render: (_: unknown, r) => (
                <Switch
                  size="small"
                  checked={r.enabled}
                  data-testid={`rule-enabled-${r.code}`}
                  onChange={(enabled) => toggle.mutate({ id: r.id, enabled }, { onError: (err) => void message.error(errorText(err)) })}
                />
              ),
            },
            { title: t('updated'), width: 170, render: (_: unknown, r) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>v{r.version} · {r.updatedBy} · {new Date(r.updatedAt).toLocaleDateString(locale)}</Typography.Text> },
            { title: '', width: 70, render: (_: unknown, r) => <a onClick={() => setEditing({ rule: r })} data-testid={`rule-edit-${r.code}`}>{t('edit')}</a> },
          ]}
        />
      )}
      <RuleEditor open={editing !== null} rule={editing?.rule ?? null} onClose={() => setEditing(null)} />
    </Space>
  );
}
