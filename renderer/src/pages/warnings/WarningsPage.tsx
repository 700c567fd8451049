import { Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PageProps } from '../registry';
import { AlertsTab } from './AlertsTab';
import { RulesTab } from './RulesTab';
import { SignalsTab } from './SignalsTab';

/** 预警: the month's alerts, the rules (edited, audited), and the public-opinion signals. */
export function WarningsPage({ params, navigate }: PageProps) {
  const { t } = useTranslation('warnings');
  const tab = params.get('tab') ?? 'alerts';
  const period = params.get('period') ?? undefined;
  const go = (next: Record<string, string | undefined>) => {
    const merged: Record<string, string> = {};
    for (const [k, v] of Object.entries({ tab, period, ...next })) if (v) merged[k] = v;
    navigate('warnings', merged);
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => go({ tab: k })}
        destroyOnHidden
        items={[
          { key: 'alerts', label: <span data-testid="tab-alerts">{t('tabs.alerts')}</span>, children: <AlertsTab period={period} setPeriod={(m) => go({ period: m })} navigate={navigate} /> },
          { key: 'rules', label: <span data-testid="tab-rules">{t('tabs.rules')}</span>, children: <RulesTab /> },
          { key: 'signals', label: <span data-testid="tab-signals">{t('tabs.signals')}</span>, children: <SignalsTab navigate={navigate} /> },
        ]}
      />
    </Space>
  );
}
