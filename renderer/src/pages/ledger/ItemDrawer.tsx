/** One ledger item: fields, status moves (refused moves explained), comments, history, links. */
import { App, Button, Card, Descriptions, Drawer, Input, List, Modal, Select, Space, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerAction } from '../../../../shared/api/ledger';
import { LEDGER_GROUP_LABELS, LEDGER_STATUS_LABELS, LEVEL_LABELS, SIGNAL_CATEGORY_LABELS } from '../../../../shared/domain/labels';
import { LEDGER_GROUPS, type LedgerStatus } from '../../../../shared/domain/ledger';
import { periodLabel } from '../../../../shared/period';
import { WARNING_LEVELS } from '../../../../shared/warnings/levels';
import { useApi, useApiMutation } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { useErrorText, useLocale } from '../../hooks/useLocale';
import { LevelTag, StatusTag } from '../enterprises/widgets';
import { LinkedAnnotations } from './LinkedAnnotations';

function actionText(a: LedgerAction, t: TFunction, name: (n: { zh: string; en: string }) => string): string {
  switch (a.action) {
    case 'create':
      return t('history.create');
    case 'status':
      return t('history.status', { from: a.fromStatus ? name(LEDGER_STATUS_LABELS[a.fromStatus]) : '', to: a.toStatus ? name(LEDGER_STATUS_LABELS[a.toStatus]) : '' });
    case 'assign': {
      const d = a.details as { group?: { to: keyof typeof LEDGER_GROUP_LABELS }; owner?: { to: string } };
      return [d.group ? t('history.group', { to: name(LEDGER_GROUP_LABELS[d.group.to]) }) : '', d.owner ? t('history.owner', { to: d.owner.to || '—' }) : ''].filter(Boolean).join('；');
    }
    case 'edit':
      return t('history.edit', { fields: Object.keys(a.details).map((k) => t(`field.${k}`)).join('、') });
    case 'comment':
      return t('history.comment');
    case 'link':
    case 'unlink':
      return t(`history.${a.action}`, { kind: t(`linkKind.${(a.details as { kind: string }).kind}`), id: (a.details as { targetId: number }).targetId });
  }
}

export function ItemDrawer({ id, onClose, navigate }: { id: number | null; onClose: () => void; navigate: (page: string, params?: Record<string, string>) => void }) {
  const { t } = useTranslation('ledger');
  const { locale, name } = useLocale();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const q = useApi('ledger.get', { id: id ?? 0 }, { enabled: id !== null });
  const update = useApiMutation('ledger.update');
  const transition = useApiMutation('ledger.transition');
  const comment = useApiMutation('ledger.comment');
  const [moving, setMoving] = useState<{ to: LedgerStatus; needsComment: boolean } | null>(null);
  const [moveComment, setMoveComment] = useState('');
  const [note, setNote] = useState('');
  const [owner, setOwner] = useState<string | null>(null);
  const item = q.data;
  const fail = (err: unknown) => void message.error(errorText(err));

  const move = () => {
    if (!item || !moving) return;
    transition.mutate(
      { id: item.id, to: moving.to, comment: moveComment },
      {
        onSuccess: () => {
          setMoving(null);
          setMoveComment('');
        },
        onError: fail,
      },
    );
  };

  return (
    <Drawer open={id !== null} onClose={onClose} size={640} title={item ? <span data-testid="ledger-drawer-title">{item.title}</span> : t('item')} destroyOnHidden>
      <QueryState isLoading={q.isLoading} error={q.error} retry={() => void q.refetch()} />
      {item && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="ledger-drawer">
          <Space wrap>
            <LevelTag level={item.level} />
            <StatusTag status={item.status} testId="ledger-drawer-status" />
            {item.overdue && <Tag color="red" data-testid="ledger-drawer-overdue">{t('overdue')}</Tag>}
          </Space>
          <Space wrap>
            {item.next.map((n) => (
              <Button key={n.status} type={n.status === 'resolved' ? 'primary' : 'default'} onClick={() => setMoving({ to: n.status, needsComment: n.needsComment })} data-testid={`ledger-move-${n.status}`}>
                {t(`move.${n.status}`)}
              </Button>
            ))}
          </Space>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              {
                key: 'subject',
                label: t('subject'),
                children: item.subject.enterpriseId ? (
                  <a onClick={() => navigate('enterprises', { firm: String(item.subject.enterpriseId) })} data-testid="ledger-drawer-firm">
                    {name(item.subject.label)}
                  </a>
                ) : (
                  name(item.subject.label)
                ),
              },
              {
                key: 'group',
                label: t('group'),
                children: (
                  <Select
                    data-testid="ledger-drawer-group"
                    style={{ width: 220 }}
                    value={item.group}
                    onChange={(group) => update.mutate({ id: item.id, group }, { onError: fail })}
                    options={LEDGER_GROUPS.map((g) => ({ value: g, label: <span data-testid={`drawer-group-option-${g}`}>{name(LEDGER_GROUP_LABELS[g])}</span> }))}
                  />
                ),
              },
              {
                key: 'owner',
                label: t('owner'),
                children: (
                  <Space.Compact>
                    <Input value={owner ?? item.owner} onChange={(e) => setOwner(e.target.value)} style={{ width: 200 }} data-testid="ledger-drawer-owner" maxLength={100} />
                    <Button disabled={owner === null || owner === item.owner} onClick={() => update.mutate({ id: item.id, owner: owner ?? '' }, { onSuccess: () => setOwner(null), onError: fail })} data-testid="ledger-drawer-owner-save">
                      {t('save')}
                    </Button>
                  </Space.Compact>
                ),
              },
              {
                key: 'level',
                label: t('level'),
                children: <Select style={{ width: 120 }} value={item.level} onChange={(level) => update.mutate({ id: item.id, level }, { onError: fail })} options={WARNING_LEVELS.map((l) => ({ value: l, label: name(LEVEL_LABELS[l]) }))} />,
              },
              {
                key: 'due',
                label: t('dueDate'),
                children: <Input type="date" style={{ width: 180 }} value={item.dueDate ?? ''} onChange={(e) => update.mutate({ id: item.id, dueDate: e.target.value || null }, { onError: fail })} data-testid="ledger-drawer-due" />,
              },
              { key: 'period', label: t('period'), children: item.period ? periodLabel(item.period, locale) : '—' },
              { key: 'created', label: t('createdBy'), children: `${item.createdBy} · ${new Date(item.createdAt).toLocaleString(locale)}` },
            ]}
          />
          <Card size="small" title={t('addComment')}>
            <Space.Compact style={{ width: '100%' }}>
              <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} data-testid="ledger-comment-input" />
              <Button
                disabled={!note.trim()}
                loading={comment.isPending}
                onClick={() => comment.mutate({ id: item.id, comment: note }, { onSuccess: () => setNote(''), onError: fail })}
                data-testid="ledger-comment-submit"
              >
                {t('submit')}
              </Button>
            </Space.Compact>
          </Card>
          <Card size="small" title={t('history.title')}>
            <Timeline
              data-testid="ledger-history"
              items={[...item.actions].reverse().map((a) => ({
                key: a.id,
                color: a.action === 'status' ? 'blue' : 'gray',
                title: <Typography.Text type="secondary" style={{ fontSize: 12 }}>{new Date(a.at).toLocaleString(locale)} · {a.actor}</Typography.Text>,
                content: (
                  <div data-testid={`ledger-action-${a.action}`}>
                    <div>{actionText(a, t, name)}</div>
                    {a.comment && <Typography.Paragraph style={{ margin: 0 }} data-testid="ledger-action-comment">“{a.comment}”</Typography.Paragraph>}
                  </div>
                ),
              }))}
            />
          </Card>
          <Card size="small" title={t('links')}>
            <List
              size="small"
              dataSource={item.alerts}
              locale={{ emptyText: t('noAlerts') }}
              renderItem={(a) => (
                <List.Item>
                  <Space wrap>
                    <LevelTag level={a.level} />
                    <span>{name(a.ruleName)}</span>
                    <Typography.Text type="secondary">{periodLabel(a.period, locale)}</Typography.Text>
                    {a.status === 'cleared' && <Tag>{t('alertCleared')}</Tag>}
                  </Space>
                </List.Item>
              )}
            />
            {item.signals.length > 0 && (
              <List
                size="small"
                header={t('linkedSignals')}
                dataSource={item.signals}
                renderItem={(s) => (
                  <List.Item>
                    {s.date} · {name(SIGNAL_CATEGORY_LABELS[s.category])} · {s.summary}
                  </List.Item>
                )}
              />
            )}
            <LinkedAnnotations itemId={item.id} annotationIds={item.annotationIds} enterpriseId={item.subject.enterpriseId} onError={fail} />
          </Card>
        </Space>
      )}
      <Modal
        open={moving !== null}
        title={moving ? t(`move.${moving.to}`) : ''}
        onCancel={() => setMoving(null)}
        onOk={move}
        okText={t('confirm')}
        cancelText={t('cancel')}
        confirmLoading={transition.isPending}
        okButtonProps={{ disabled: !!moving?.needsComment && !moveComment.trim(), 'data-testid': 'ledger-move-ok' } as { disabled: boolean }}
      >
        <Typography.Paragraph type="secondary">{moving?.needsComment ? t('commentRequired') : t('commentOptional')}</Typography.Paragraph>
        <Input.TextArea rows={3} value={moveComment} onChange={(e) => setMoveComment(e.target.value)} maxLength={2000} data-testid="ledger-move-comment" />
      </Modal>
    </Drawer>
  );
}
