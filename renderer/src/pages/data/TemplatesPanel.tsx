/** Saved mapping templates: which unit and file pattern each is for, when last used; delete (audited). */
import { App, Button, Empty, Popconfirm, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MappingTemplate } from '../../../../shared/api/imports';
import { useApi, useApiMutation } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { useErrorText } from '../../hooks/useLocale';
import { localTime } from './format';

export function TemplatesPanel() {
  const { t } = useTranslation('data');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const list = useApi('import.templates', {});
  const del = useApiMutation('import.deleteTemplate');
  if (list.data && !list.data.length) return <Empty description={t('template.none')} />;
  return (
    <>
      <QueryState isLoading={list.isLoading} error={list.error} />
      <Table<MappingTemplate>
        data-testid="templates-table"
        size="small"
        rowKey="id"
        dataSource={list.data ?? []}
        pagination={false}
        columns={[
          { title: t('template.name'), dataIndex: 'name' },
          { title: t('template.unit'), dataIndex: 'unit', render: (u: string | null) => u ?? t('template.anyUnit') },
          { title: t('template.pattern'), dataIndex: 'filePattern', render: (p: string) => <Typography.Text code>{p}</Typography.Text> },
          { title: t('file.layout'), key: 'layout', render: (_: unknown, x) => (x.mapping.layout ? <Tag>{t(`file.${x.mapping.layout}`)}</Tag> : '—') },
          { title: t('template.updated'), key: 'updated', render: (_: unknown, x) => `${localTime(x.updatedAt)} · ${x.updatedBy}` },
          { title: t('template.lastUsed'), dataIndex: 'lastUsedAt', render: (v: string | null) => (v ? localTime(v) : '—') },
          {
            title: '',
            key: 'del',
            render: (_: unknown, x) => (
              <Popconfirm
                title={t('template.deleteConfirm', { name: x.name })}
                onConfirm={async () => {
                  try {
                    await del.mutateAsync({ name: x.name });
                    void message.success(t('template.deleted', { name: x.name }));
                  } catch (err) {
                    void message.error(errorText(err));
                  }
                }}
              >
                <Button size="small" danger data-testid={`template-delete-${x.id}`}>
                  {t('template.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </>
  );
}
