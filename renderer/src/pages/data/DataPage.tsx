/** 数据管理: the import wizard, the snapshots, mapping templates, the catalogue editor and snapshot packages. */
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import '../../i18n/data-messages';
import { CatalogEditor } from './CatalogEditor';
import { ImportWizard } from './ImportWizard';
import { PackagesPanel } from './PackagesPanel';
import { SnapshotsPanel } from './SnapshotsPanel';
import { TemplatesPanel } from './TemplatesPanel';

export function DataPage({ params, navigate }: { params: URLSearchParams; navigate: (page: string, params?: Record<string, string>) => void }) {
  const { t } = useTranslation('data');
  const tab = params.get('tab') ?? 'import';
  const snapshot = Number(params.get('snapshot'));
  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => navigate('data', { tab: key })}
      destroyOnHidden
      items={[
        { key: 'import', label: <span data-testid="data-tab-import">{t('tabs.import')}</span>, children: <ImportWizard navigate={navigate} target={params.get('target') ?? undefined} /> },
        { key: 'snapshots', label: <span data-testid="data-tab-snapshots">{t('tabs.snapshots')}</span>, children: <SnapshotsPanel initial={Number.isInteger(snapshot) && snapshot > 0 ? snapshot : undefined} /> },
        { key: 'templates', label: <span data-testid="data-tab-templates">{t('tabs.templates')}</span>, children: <TemplatesPanel /> },
        { key: 'catalog', label: <span data-testid="data-tab-catalog">{t('tabs.catalog')}</span>, children: <CatalogEditor /> },
        { key: 'packages', label: <span data-testid="data-tab-packages">{t('tabs.packages')}</span>, children: <PackagesPanel /> },
      ]}
    />
  );
}
