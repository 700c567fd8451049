import { App as AntApp, ConfigProvider, Layout, Menu, Segmented, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/domain/types';
import { CHART_FONT_FAMILY } from '../../shared/charts/theme';
import { call, useApi } from './api/client';
import { useHashRoute } from './hooks/useHashRoute';
import { useLocale } from './hooks/useLocale';
import { PAGES } from './pages/registry';

export function App() {
  const { t, i18n } = useTranslation();
  const { locale } = useLocale();
  const [route, navigate] = useHashRoute();
  const info = useApi('app.info', {}, { staleTime: Infinity });

  useEffect(() => {
    if (info.data && info.data.locale !== i18n.language) void i18n.changeLanguage(info.data.locale);
  }, [info.data?.locale]);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('appName');
  }, [locale, t]);

  const switchLocale = (next: Locale) => {
    void i18n.changeLanguage(next);
    void call('app.setLocale', { locale: next });
  };

  const page = PAGES.find((p) => p.key === route.page) ?? PAGES[0]!;
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={{ token: { fontFamily: CHART_FONT_FAMILY, colorPrimary: '#1f5fa8', borderRadius: 4 } }}>
      <AntApp>
        <Layout style={{ minHeight: '100vh' }}>
          <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={56} style={{ borderRight: '1px solid #f0f0f0' }}>
            <div style={{ padding: '16px 12px', fontWeight: 700, fontSize: 15, color: '#1f5fa8' }} data-testid="app-title">
              {t('appName')}
            </div>
            <Menu
              mode="inline"
              selectedKeys={[page.key]}
              items={PAGES.map((p) => ({ key: p.key, icon: p.icon, label: <span data-testid={`nav-${p.key}`}>{t(p.label)}</span> }))}
              onClick={({ key }) => navigate(key)}
            />
          </Layout.Sider>
          <Layout>
            <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 12, borderBottom: '1px solid #f0f0f0' }}>
              <Typography.Text type="secondary">{t('language')}</Typography.Text>
              <Segmented
                data-testid="locale-switch"
                value={locale}
                onChange={(v) => switchLocale(v as Locale)}
                options={[
                  { value: 'zh-CN', label: '中文' },
                  { value: 'en-US', label: 'English' },
                ]}
              />
            </Layout.Header>
            <Layout.Content style={{ padding: 20 }}>{page.render({ params: route.params, navigate })}</Layout.Content>
          </Layout>
        </Layout>
      </AntApp>
    </ConfigProvider>
  );
}
