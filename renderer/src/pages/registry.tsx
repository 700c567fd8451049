/**
 * The pages of the workstation, in menu order. A feature adds one entry here and its own folder
 * under pages/ and its own i18n namespace.
 */
import { AlertOutlined, BankOutlined, DashboardOutlined, DatabaseOutlined, FileTextOutlined, FundOutlined, LineChartOutlined, ProfileOutlined, SwapOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { ClimatePage } from './climate/ClimatePage';
import { DataPage } from './data/DataPage';
import { ExplorerPage } from './explorer/ExplorerPage';
import { LeadLagPage } from './leadlag/LeadLagPage';
import { OverviewPage } from './overview/OverviewPage';
import { EnterprisesPage } from './enterprises/EnterprisesPage';
import { GroupsPage } from './groups/GroupsPage';
import { LedgerPage } from './ledger/LedgerPage';
import { WarningsPage } from './warnings/WarningsPage';
import { ReportsPage } from './reports/ReportsPage';

export interface PageProps {
  params: URLSearchParams;
  navigate: (page: string, params?: Record<string, string>) => void;
}

export interface PageEntry {
  key: string;
  /** i18n key of the menu label. */
  label: string;
  icon: ReactNode;
  render: (props: PageProps) => ReactNode;
}

export const PAGES: PageEntry[] = [
  { key: 'overview', label: 'common:nav.overview', icon: <DashboardOutlined />, render: ({ navigate }) => <OverviewPage navigate={navigate} /> },
  { key: 'explorer', label: 'common:nav.explorer', icon: <LineChartOutlined />, render: ({ params, navigate }) => <ExplorerPage code={params.get('code')} navigate={navigate} /> },
  { key: 'climate', label: 'climate:nav', icon: <FundOutlined />, render: () => <ClimatePage /> },
  { key: 'leadlag', label: 'leadlag:nav', icon: <SwapOutlined />, render: () => <LeadLagPage /> },
  { key: 'data', label: 'common:nav.data', icon: <DatabaseOutlined />, render: ({ params, navigate }) => <DataPage params={params} navigate={navigate} /> },
  { key: 'enterprises', label: 'enterprises:nav', icon: <BankOutlined />, render: (props) => <EnterprisesPage {...props} /> },
  { key: 'groups', label: 'groups:nav', icon: <TeamOutlined />, render: (props) => <GroupsPage {...props} /> },
  { key: 'warnings', label: 'warnings:nav', icon: <AlertOutlined />, render: (props) => <WarningsPage {...props} /> },
  { key: 'ledger', label: 'ledger:nav', icon: <ProfileOutlined />, render: (props) => <LedgerPage {...props} /> },
  { key: 'reports', label: 'reports:nav', icon: <FileTextOutlined />, render: ({ params, navigate }) => <ReportsPage id={params.get('id') ? Number(params.get('id')) : null} navigate={navigate} /> },
];
