import { App, Button, Drawer, Empty, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MovedBinding, RepinPreview } from '../../../../shared/api/reports';
import { useErrorText, useLocale } from '../../hooks/useLocale';

/** The bindings that move when the report is re-pinned to the current data, old and new side by side. */
export function RepinDrawer({ preview, open, onClose, onAccept, busy }: { preview: RepinPreview | undefined; open: boolean; onClose: () => void; onAccept: () => Promise<void>; busy: boolean }) {
  const { t } = useTranslation('reports');
  const { locale } = useLocale();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const at = (iso: string | null) => (iso ? new Date(iso).toLocaleString(locale) : '—');
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('repin.title')}
      size="large"
      extra={
        <Space>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button
            type="primary"
            loading={busy}
            disabled={!preview || preview.from.snapshot === preview.to.snapshot}
            onClick={() => onAccept().catch((err: unknown) => void message.error(errorText(err)))}
            data-testid="repin-accept"
          >
            {t('repin.accept')}
          </Button>
        </Space>
      }
    >
      {preview && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text data-testid="repin-summary">
            {t('repin.summary', { from: preview.from.snapshot, fromAt: at(preview.from.importedAt), to: preview.to.snapshot, toAt: at(preview.to.importedAt), moved: preview.moved.length, unchanged: preview.unchanged })}
          </Typography.Text>
          {preview.moved.length === 0 ? (
            <Empty description={t('repin.nothingMoved')} />
          ) : (
            <Table<MovedBinding>
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={preview.moved}
              data-testid="repin-moved"
              columns={[
                { title: t('repin.number'), dataIndex: 'label' },
                { title: t('repin.before'), render: (_, m) => <Typography.Text delete>{m.before.text}</Typography.Text> },
                { title: t('repin.after'), render: (_, m) => <Typography.Text mark>{m.after.text}</Typography.Text> },
              ]}
            />
          )}
        </Space>
      )}
    </Drawer>
  );
}
