import { SettingOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportSettings } from '../../../../shared/api/reports';
import { call } from '../../api/client';
import { useErrorText } from '../../hooks/useLocale';

/** Report defaults and the Chromium used for PDF outside the desktop app. */
export function ReportSettingsButton() {
  const { t } = useTranslation('reports');
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ReportSettings>();
  const show = async () => {
    try {
      form.setFieldsValue(await call('report.getSettings', {}));
      setOpen(true);
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  const save = async () => {
    const v = await form.validateFields();
    try {
      await call('report.setSettings', v);
      setOpen(false);
      void message.success(t('saved'));
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  return (
    <>
      <Button icon={<SettingOutlined />} onClick={() => void show()} data-testid="report-settings">
        {t('settings.title')}
      </Button>
      <Modal open={open} title={t('settings.title')} onOk={() => void save()} onCancel={() => setOpen(false)} okText={t('save')} cancelText={t('cancel')} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="authorUnit" label={t('settings.authorUnit')}>
            <Input />
          </Form.Item>
          <Form.Item name="distribution" label={t('settings.distribution')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
          <Form.Item name="chromiumPath" label={t('settings.chromiumPath')} extra={t('settings.chromiumHint')} rules={[{ required: true, whitespace: true }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
