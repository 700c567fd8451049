/** Creates a ledger item from an alert, or by hand for a firm, district, sector or indicator. */
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LedgerItemDetail } from '../../../../shared/api/ledger';
import type { AlertView } from '../../../../shared/api/warnings';
import { LEDGER_GROUP_LABELS, LEVEL_LABELS } from '../../../../shared/domain/labels';
import { LEDGER_GROUPS, localDate, suggestGroup, type LedgerGroup } from '../../../../shared/domain/ledger';
import { WARNING_LEVELS, type WarningLevel } from '../../../../shared/warnings/levels';
import { useApiMutation } from '../../api/client';
import { useErrorText, useLocale } from '../../hooks/useLocale';

export type HandSubject = { type: 'firm'; enterpriseId: number; label: string } | { type: 'district' | 'sector' | 'indicator'; code: string; label: string };

interface Values {
  title?: string;
  level: WarningLevel;
  group: LedgerGroup;
  owner: string;
  dueDate: string;
  comment?: string;
}

function ledgerSubjectOfAlert(alert: AlertView): 'firm' | 'district' | 'sector' | 'indicator' {
  const s = alert.subject;
  if (s.type === 'firm') return 'firm';
  if (s.type === 'district' || s.district) return 'district';
  if (s.sector) return 'sector';
  return 'indicator';
}

export function CreateItemModal({ open, alert, subject, onClose, onCreated }: { open: boolean; alert?: AlertView | null; subject?: HandSubject | null; onClose: () => void; onCreated?: (item: LedgerItemDetail) => void }) {
  const { t } = useTranslation('ledger');
  const { name } = useLocale();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const create = useApiMutation('ledger.create');

  // The defaults are the form's initial values: read once when the form mounts for a subject (the
  // dialog is destroyed when hidden), so nothing resets what the user has chosen since.
  const subjectKey = alert ? `alert:${alert.id}` : subject ? `${subject.type}:${subject.type === 'firm' ? subject.enterpriseId : subject.code}` : '';
  const level = alert?.level ?? 'yellow';
  const defaults: Values = {
    level,
    group: suggestGroup(alert ? ledgerSubjectOfAlert(alert) : (subject?.type ?? 'firm'), level),
    owner: '',
    dueDate: localDate(new Date(Date.now() + 30 * 86400_000)),
  };

  const submit = async () => {
    const v = await form.validateFields();
    const base = { group: v.group, owner: v.owner ?? '', dueDate: v.dueDate || null, comment: v.comment || undefined, level: v.level, title: v.title?.trim() || undefined };
    const input = alert
      ? { ...base, fromAlertId: alert.id }
      : subject?.type === 'firm'
        ? { ...base, subject: { type: 'firm' as const, enterpriseId: subject.enterpriseId } }
        : subject
          ? { ...base, subject: { type: subject.type, code: subject.code } }
          : base;
    create.mutate(input, {
      onSuccess: (item) => {
        void message.success(t('created', { id: item.id }));
        onCreated?.(item);
        onClose();
      },
      onError: (err) => void message.error(errorText(err)),
    });
  };

  return (
    <Modal
      open={open}
      title={t('createTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('create')}
      cancelText={t('cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'ledger-create-ok' } as Record<string, string>}
      width={560}
    >
      <div style={{ marginBottom: 12 }} data-testid="ledger-create-subject">
        {alert ? `${name(alert.subject.label)} · ${name(alert.ruleName)}` : subject?.label}
      </div>
      <Form key={subjectKey} form={form} layout="vertical" initialValues={defaults} data-testid="ledger-create-form">
        <Form.Item name="title" label={t('title')} rules={alert ? [] : [{ required: true, message: t('titleRequired') }]}>
          <Input placeholder={alert ? t('titleFromAlert') : ''} maxLength={200} data-testid="ledger-create-title" />
        </Form.Item>
        <Form.Item name="level" label={t('level')} rules={[{ required: true }]}>
          <Select data-testid="ledger-create-level" options={WARNING_LEVELS.map((l) => ({ value: l, label: name(LEVEL_LABELS[l]) }))} />
        </Form.Item>
        <Form.Item name="group" label={t('group')} rules={[{ required: true }]}>
          <Select data-testid="ledger-create-group" options={LEDGER_GROUPS.map((g) => ({ value: g, label: <span data-testid={`group-option-${g}`}>{name(LEDGER_GROUP_LABELS[g])}</span> }))} />
        </Form.Item>
        <Form.Item name="owner" label={t('owner')}>
          <Input maxLength={100} data-testid="ledger-create-owner" />
        </Form.Item>
        <Form.Item name="dueDate" label={t('dueDate')} rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('dateFormat') }]}>
          <Input type="date" data-testid="ledger-create-due" />
        </Form.Item>
        <Form.Item name="comment" label={t('comment')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="ledger-create-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
