/** Small pieces the key-enterprise, warning and ledger pages share. */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExportedFile } from '../../../../shared/api/series';
import { LEDGER_STATUS_LABELS, LEVEL_LABELS } from '../../../../shared/domain/labels';
import type { LedgerStatus } from '../../../../shared/domain/ledger';
import { periodLabel } from '../../../../shared/period';
import { LEVEL_COLORS, type WarningLevel } from '../../../../shared/warnings/levels';
import { useApi } from '../../api/client';
import { transport } from '../../api/transport';
import { useErrorText, useLocale } from '../../hooks/useLocale';

export function LevelTag({ level, testId }: { level: WarningLevel; testId?: string }) {
  const { name } = useLocale();
  return (
    <Tag color={LEVEL_COLORS[level]} data-testid={testId} data-level={level} style={{ marginInlineEnd: 0 }}>
      {name(LEVEL_LABELS[level])}
    </Tag>
  );
}

const STATUS_COLORS: Record<LedgerStatus, string> = { pending: 'default', in_progress: 'processing', resolved: 'success', closed: 'default' };

export function StatusTag({ status, testId }: { status: LedgerStatus; testId?: string }) {
  const { name } = useLocale();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {name(LEDGER_STATUS_LABELS[status])}
    </Tag>
  );
}

/** A month picker over the months given (newest first). */
export function MonthSelect({ months, value, onChange, testId }: { months: readonly string[]; value: string | null; onChange: (m: string) => void; testId?: string }) {
  const { locale } = useLocale();
  return (
    <Select
      data-testid={testId}
      style={{ width: 150 }}
      value={value ?? undefined}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'label' }}
      options={[...months].reverse().map((m) => ({ value: m, label: periodLabel(m, locale) }))}
    />
  );
}

/** "Export" with CSV and XLSX; `make` asks main for the file. */
export function ExportButton({ make, testId, disabled }: { make: (format: 'csv' | 'xlsx') => Promise<ExportedFile>; testId: string; disabled?: boolean }) {
  const { t } = useTranslation('enterprises');
  const { message } = App.useApp();
  const errorText = useErrorText();
  const run = async (format: 'csv' | 'xlsx') => {
    try {
      const file = await make(format);
      if (await transport.saveFile(file)) void message.success(t('common:saved', { name: file.fileName }));
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  return (
    <Dropdown
      disabled={disabled}
      trigger={['click']}
      menu={{
        items: [
          { key: 'csv', label: <span data-testid={`${testId}-csv`}>CSV</span> },
          { key: 'xlsx', label: <span data-testid={`${testId}-xlsx`}>Excel (XLSX)</span> },
        ],
        onClick: ({ key }) => void run(key as 'csv' | 'xlsx'),
      }}
    >
      <Button icon={<DownloadOutlined />} data-testid={testId}>
        {t('export')}
      </Button>
    </Dropdown>
  );
}

/** Names of dimension members (sector, district ...) from the catalogue, in the UI language. */
export function useMemberName(): (dimension: string, code: string) => string {
  const { name } = useLocale();
  const catalog = useApi('catalog.get', {}, { staleTime: Infinity });
  return (dimension, code) => {
    const m = catalog.data?.dimensions.find((d) => d.code === dimension)?.members.find((x) => x.code === code);
    return m ? name(m.name) : code;
  };
}
