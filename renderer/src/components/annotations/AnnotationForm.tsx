import { App, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { ANNOTATION_CATEGORIES, type Annotation, type AnnotationTarget } from '../../../../shared/api/annotations';
import { periodLabel } from '../../../../shared/period';
import { useApiMutation } from '../../api/client';
import { useErrorText, useLocale } from '../../hooks/useLocale';
import type { AnnotationIntent, ChartSeriesTarget } from './useSeriesAnnotations';

interface Values {
  series?: string;
  periodFrom: string;
  periodTo: string | null;
  category: Annotation['category'];
  text: string;
}

/** Create or edit one annotation; periods are picked from the chart's axis. */
export function AnnotationForm({ intent, periods, series, onClose }: { intent: AnnotationIntent | null; periods: readonly string[]; series: readonly ChartSeriesTarget[]; onClose: () => void }) {
  const { t } = useTranslation('annotations');
  const { locale } = useLocale();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useApiMutation('annotation.create');
  const update = useApiMutation('annotation.update');

  // The intent's values are the form's initial values, read when the form mounts for that intent
  // (the dialog is destroyed when hidden), so nothing arriving later overwrites what the user picks.
  const intentKey = !intent ? '' : intent.kind === 'new' ? `new:${intent.seriesName}:${intent.periodFrom}:${intent.periodTo ?? ''}` : `edit:${intent.annotation.id}:${intent.annotation.updatedAt}`;
  const initial: Partial<Values> = !intent
    ? {}
    : intent.kind === 'new'
      ? { series: intent.seriesName, periodFrom: intent.periodFrom, periodTo: intent.periodTo, category: 'event', text: '' }
      : { periodFrom: intent.annotation.periodFrom, periodTo: intent.annotation.periodTo, category: intent.annotation.category, text: intent.annotation.text };

  const options = periods.map((p) => ({ value: p, label: periodLabel(p, locale) }));
  const submit = async () => {
    const v = await form.validateFields();
    try {
      if (intent?.kind === 'new') {
        const target = series.find((x) => x.name === v.series)?.target ?? intent.target;
        await create.mutateAsync({ target: target as AnnotationTarget, periodFrom: v.periodFrom, periodTo: v.periodTo ?? null, category: v.category, text: v.text });
        void message.success(t('created'));
      } else if (intent?.kind === 'edit') {
        await update.mutateAsync({ id: intent.annotation.id, periodFrom: v.periodFrom, periodTo: v.periodTo ?? null, category: v.category, text: v.text });
        void message.success(t('updated'));
      }
      onClose();
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  return (
    <Modal
      open={!!intent}
      title={intent?.kind === 'edit' ? t('editTitle') : t('newTitle')}
      okText={t('save')}
      cancelText={t('cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'annotation-save' } as ButtonProps}
    >
      <Form key={intentKey} form={form} layout="vertical" initialValues={initial} data-testid="annotation-form">
        {intent?.kind === 'new' && (
          <Form.Item name="series" label={t('series')}>
            <Select options={series.map((x) => ({ value: x.name, label: x.name }))} disabled={series.length < 2} data-testid="annotation-series" />
          </Form.Item>
        )}
        <Form.Item name="periodFrom" label={t('from')} rules={[{ required: true }]}>
          <Select options={options} showSearch optionFilterProp="label" data-testid="annotation-from" />
        </Form.Item>
        <Form.Item name="periodTo" label={t('to')}>
          <Select options={options} allowClear showSearch optionFilterProp="label" placeholder={t('pointHint')} data-testid="annotation-to" />
        </Form.Item>
        <Form.Item name="category" label={t('category')} rules={[{ required: true }]}>
          <Select options={ANNOTATION_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))} data-testid="annotation-category" />
        </Form.Item>
        <Form.Item name="text" label={t('text')} rules={[{ required: true, whitespace: true, message: t('textRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="annotation-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
