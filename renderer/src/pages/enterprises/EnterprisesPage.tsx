import { ImportOutlined } from '@ant-design/icons';
import { Button, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/client';
import type { PageProps } from '../registry';
import { Article41Tab } from './Article41Tab';
import { CrossCheckTab } from './CrossCheckTab';
import { FirmListTab } from './FirmListTab';
import { FirmPage } from './FirmPage';
import { OverviewTab } from './OverviewTab';
import { ReducersTab } from './ReducersTab';
import { MonthSelect } from './widgets';

/** 重点企业用工监测: overview, largest reducers, the firms, cross-check, Article 41; a firm's page. */
export function EnterprisesPage({ params, navigate }: PageProps) {
  const { t } = useTranslation('enterprises');
  const tab = params.get('tab') ?? 'overview';
  const firm = params.get('firm');
  const periods = useApi('enterprises.overview', { groupBy: 'sector', months: 6 }, { staleTime: 60_000 });
  const months = periods.data?.periods ?? [];
  const period = params.get('period') ?? periods.data?.period ?? undefined;
  const go = (next: Record<string, string | undefined>) => {
    const merged: Record<string, string> = {};
    for (const [k, v] of Object.entries({ tab, period: params.get('period') ?? undefined, ...next })) if (v) merged[k] = v;
    navigate('enterprises', merged);
  };
  const openFirm = (id: number) => go({ firm: String(id) });

  if (firm) return <FirmPage id={Number(firm)} back={() => go({ firm: undefined })} navigate={navigate} />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space align="center" wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        {months.length > 0 && <MonthSelect testId="ent-period" months={months} value={period ?? null} onChange={(m) => go({ period: m })} />}
        <Button icon={<ImportOutlined />} onClick={() => navigate('data', { tab: 'import', target: 'enterprise_reports' })} data-testid="ent-import-reports">
          {t('importReports')}
        </Button>
        <Button icon={<ImportOutlined />} onClick={() => navigate('data', { tab: 'import', target: 'si_contributions' })} data-testid="ent-import-si">
          {t('importContributions')}
        </Button>
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(k) => go({ tab: k })}
        destroyOnHidden
        items={[
          { key: 'overview', label: <span data-testid="tab-overview">{t('tabs.overview')}</span>, children: <OverviewTab period={period} onTab={(k) => go({ tab: k })} /> },
          { key: 'reducers', label: <span data-testid="tab-reducers">{t('tabs.reducers')}</span>, children: period ? <ReducersTab period={period} openFirm={openFirm} /> : null },
          { key: 'firms', label: <span data-testid="tab-firms">{t('tabs.firms')}</span>, children: <FirmListTab period={period} openFirm={openFirm} /> },
          { key: 'crosscheck', label: <span data-testid="tab-crosscheck">{t('tabs.crosscheck')}</span>, children: <CrossCheckTab period={period} openFirm={openFirm} /> },
          { key: 'article41', label: <span data-testid="tab-article41">{t('tabs.article41')}</span>, children: <Article41Tab period={period} openFirm={openFirm} /> },
        ]}
      />
    </Space>
  );
}
