/**
 * "Where from" for a value in a table: click it to see the unit, file, sheet, row and column it
 * came from, when and by whom it was imported, and its earlier vintages.
 */
import { Popover, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Provenance } from '../../../shared/api/imports';
import type { MemberSelection } from '../../../shared/domain/types';
import { useApi } from '../api/client';
import { useErrorText, useLocale } from '../hooks/useLocale';
import '../i18n/data-messages';

function time(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return Number.isNaN(d.getTime()) ? iso : `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function Content({ indicator, members, period }: { indicator: string; members: MemberSelection; period: string }) {
  const { t } = useTranslation('data');
  const { name } = useLocale();
  const errorText = useErrorText();
  const q = useApi('provenance.get', { indicator, members, period });
  if (q.isLoading) return <Spin size="small" />;
  if (q.error) return <Typography.Text type="danger">{errorText(q.error)}</Typography.Text>;
  const p = q.data as Provenance;
  const s = p.snapshot;
  const where = p.row !== null ? ` / ${p.sheet ? `${p.sheet}!${p.col ?? ''}${p.row}` : t('provenance.rowCol', { row: p.row, col: p.col ?? '' })}` : '';
  return (
    <Space orientation="vertical" size={4} style={{ maxWidth: 420 }} data-testid="provenance-content">
      <Typography.Text data-testid="provenance-from">{t('provenance.from', { unit: name(s.unitName), file: s.fileName ?? '—', where })}</Typography.Text>
      <Typography.Text type="secondary" data-testid="provenance-imported">
        {t('provenance.importedAt', { at: time(s.importedAt), by: s.importedBy })} · {t('provenance.snapshot', { id: s.id })}
      </Typography.Text>
      {s.origin && <Typography.Text type="secondary">{t('provenance.originally', { at: time(s.origin.importedAt), by: s.origin.importedBy })}</Typography.Text>}
      {p.history.length > 1 && (
        <>
          <Typography.Text strong>{t('provenance.history')}</Typography.Text>
          {p.history.map((h) => (
            <Typography.Text key={h.snapshotId} delete={h.deleted} style={{ fontSize: 12 }}>
              #{h.snapshotId} · {time(h.importedAt)} · {h.value ?? '—'} · {h.fileName ?? ''} {h.current && <Tag color="green">{t('provenance.current')}</Tag>}
              {h.deleted && <Tag>{t('provenance.deleted')}</Tag>}
            </Typography.Text>
          ))}
        </>
      )}
    </Space>
  );
}

export function ProvenancePopover({ indicator, members, period, children, testId }: { indicator: string; members: MemberSelection; period: string; children: React.ReactNode; testId?: string }) {
  const { t } = useTranslation('data');
  const [open, setOpen] = useState(false);
  return (
    <Popover trigger="click" placement="left" open={open} onOpenChange={setOpen} title={t('provenance.title')} content={open ? <Content indicator={indicator} members={members} period={period} /> : null}>
      <span role="button" tabIndex={0} style={{ cursor: 'pointer', borderBottom: '1px dotted #8c8c8c' }} title={t('provenance.open')} data-testid={testId}>
        {children}
      </span>
    </Popover>
  );
}
