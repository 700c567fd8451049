import { Button, Drawer, Empty, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/client';
import { useLocale } from '../../hooks/useLocale';
import { PreviewPane } from './PreviewPane';

/** Saved versions of a final report: view any, export any. */
export function VersionsDrawer({ id, open, onClose, onExport }: { id: number; open: boolean; onClose: () => void; onExport: (version: number) => void }) {
  const { t } = useTranslation('reports');
  const { locale } = useLocale();
  const q = useApi('report.versions', { id }, { enabled: open });
  const [viewing, setViewing] = useState<number | null>(null);
  return (
    <Drawer open={open} onClose={onClose} title={t('versions.title')} size="large">
      {!q.data?.length ? (
        <Empty description={t('versions.none')} />
      ) : (
        <List
          dataSource={q.data}
          data-testid="versions-list"
          renderItem={(v) => (
            <List.Item
              actions={[
                <Button key="v" size="small" onClick={() => setViewing(viewing === v.version ? null : v.version)}>
                  {t('versions.view')}
                </Button>,
                <Button key="e" size="small" onClick={() => onExport(v.version)}>
                  {t('export.pdf')}
                </Button>,
              ]}
            >
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{t('versions.label', { n: v.version })}</Typography.Text>
                <Typography.Text type="secondary">
                  {v.title} · {new Date(v.savedAt).toLocaleString(locale)} · {v.savedBy} · #{v.pinnedSnapshot}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      {viewing && <PreviewPane id={id} version={viewing} />}
    </Drawer>
  );
}
