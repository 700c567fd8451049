import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChangeValue, Kpi } from '../../../../shared/api/overview';
import { assessChange, formatChange, formatNumber, type Assessment } from '../../../../shared/format';
import { periodLabel } from '../../../../shared/period';
import { useLocale } from '../../hooks/useLocale';

const COLORS: Record<Assessment, string> = { better: '#2f8f4e', worse: '#c23b22', flat: '#595959', neutral: '#595959' };

function ChangeLine({ label, change, kpi, testId }: { label: string; change: ChangeValue | null; kpi: Kpi; testId: string }) {
  const { locale } = useLocale();
  if (!change) return null;
  const decimals = change.unit === 'percent' ? 1 : Math.max(kpi.indicator.decimals, 1);
  const assessment = assessChange(change.value, kpi.indicator.polarity);
  return (
    <div data-testid={testId}>
      <Typography.Text type="secondary">{label} </Typography.Text>
      <Typography.Text style={{ color: COLORS[assessment] }} data-assessment={assessment}>
        {formatChange(change.value, change.unit, locale, decimals)}
      </Typography.Text>
    </div>
  );
}

export function KpiCard({ kpi, onOpen }: { kpi: Kpi; onOpen: () => void }) {
  const { t } = useTranslation('overview');
  const { locale, name } = useLocale();
  const ind = kpi.indicator;
  const progressGap = kpi.timeProgress != null && kpi.value != null ? kpi.value - kpi.timeProgress : null;
  return (
    <Card size="small" hoverable onClick={onOpen} data-testid={`kpi-${ind.code}`} styles={{ body: { minHeight: 150 } }}>
      <Typography.Text strong>{name(ind.name)}</Typography.Text>
      <div style={{ margin: '6px 0' }}>
        <Typography.Text style={{ fontSize: 26, fontWeight: 600 }} data-testid={`kpi-value-${ind.code}`}>
          {formatNumber(kpi.value, ind.decimals, locale)}
        </Typography.Text>
        <Typography.Text type="secondary"> {name(ind.unit)}</Typography.Text>
      </div>
      <Space orientation="vertical" size={0}>
        <Typography.Text type="secondary" data-testid={`kpi-period-${ind.code}`}>
          {kpi.period ? periodLabel(kpi.period, locale, ind.ytd) : '—'}
        </Typography.Text>
        {kpi.periodValue != null && (
          <Typography.Text type="secondary">
            {t('periodValue')} {formatNumber(kpi.periodValue, ind.decimals, locale)}
            {name(ind.unit)}
          </Typography.Text>
        )}
        {progressGap != null && (
          <ChangeLine label={t('vsTimeProgress', { progress: formatNumber(kpi.timeProgress, 1, locale) })} change={{ value: progressGap, unit: 'points' }} kpi={kpi} testId={`kpi-progress-${ind.code}`} />
        )}
        <ChangeLine label={ind.frequency === 'Q' ? t('vsPrevQuarter') : t('vsPrevMonth')} change={kpi.vsPrevious} kpi={kpi} testId={`kpi-prev-${ind.code}`} />
        <ChangeLine label={t('vsLastYear')} change={kpi.vsLastYear} kpi={kpi} testId={`kpi-yoy-${ind.code}`} />
      </Space>
    </Card>
  );
}
