/**
 * Lead/lag analysis (领先滞后分析): an employment series against one or more economic series,
 * cross-correlation of their changes by lead with the significance band, a sentence naming the
 * leading series and its lead, and the two series overlaid with the best lead applied.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, InputNumber, Row, Space, Switch, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadLagCandidate, LeadLagResult } from '../../../../shared/api/analytics';
import { errorI18nKey } from '../../../../shared/api/errors';
import { leadingCandidate, leadLagSentence } from '../../../../shared/analytics/leadlag-summary';
import { overlayOption, xcorrBarsOption } from '../../../../shared/charts/leadlag';
import { useApi } from '../../api/client';
import { Chart } from '../../components/Chart';
import { QueryState } from '../../components/QueryState';
import { SeriesPicker, type SeriesRefValue } from '../../components/SeriesPicker';
import { useLocale } from '../../hooks/useLocale';

const DEFAULT_TARGET: SeriesRefValue = { indicator: 'ENT.SI_CONTRIB', members: {} };
const DEFAULT_CANDIDATES: SeriesRefValue[] = [
  { indicator: 'MAC.PMI_EMP', members: {} },
  { indicator: 'MAC.IVA_G', members: {} },
];

function CandidateCard({ c, result, index }: { c: LeadLagCandidate; result: LeadLagResult; index: number }) {
  const { t } = useTranslation('leadlag');
  const { locale, name } = useLocale();
  const bars = useMemo(() => (c.error ? null : xcorrBarsOption(c, { locale, axisName: t('axis') })), [c, locale, t]);
  const lead = c.best?.lead ?? 0;
  const overlay = useMemo(
    () =>
      c.error
        ? null
        : overlayOption({ name: name(result.target.label), points: result.target.points }, { name: name(c.label), points: c.points }, lead, {
            locale,
            shiftedLabel: (n, k) => (k === 0 ? n : t('shifted', { name: n, k })),
          }),
    [c, result, lead, locale, name, t],
  );
  return (
    <Card size="small" title={name(c.label)} data-testid={`leadlag-candidate-${index}`} extra={c.preparation.seasonallyAdjusted ? <Tag color="blue">{t('adjusted')}</Tag> : <Tag>{t('notAdjusted')}</Tag>}>
      {c.error ? (
        <Alert type="warning" showIcon title={t(errorI18nKey(c.error.code), { ...c.error.params, defaultValue: c.error.message })} />
      ) : (
        <>
          <Typography.Paragraph data-testid={`leadlag-sentence-${index}`}>{leadLagSentence(c, result.target.label, locale)}</Typography.Paragraph>
          <Typography.Text type="secondary">{t('span', { from: c.from, to: c.to, n: c.n })}</Typography.Text>
          <Row gutter={12}>
            <Col xs={24} xl={10}>
              {bars && <Chart option={bars} height={260} testId={`leadlag-bars-${index}`} />}
            </Col>
            <Col xs={24} xl={14}>
              {overlay && <Chart option={overlay} height={260} testId={`leadlag-overlay-${index}`} />}
            </Col>
          </Row>
        </>
      )}
    </Card>
  );
}

export function LeadLagPage() {
  const { t } = useTranslation('leadlag');
  const { name } = useLocale();
  const catalog = useApi('catalog.get', {});
  const [target, setTarget] = useState<SeriesRefValue>(DEFAULT_TARGET);
  const [candidates, setCandidates] = useState<SeriesRefValue[]>(DEFAULT_CANDIDATES);
  const [maxLag, setMaxLag] = useState(12);
  const [adjust, setAdjust] = useState(true);
  const [robust, setRobust] = useState(true);
  const q = useApi('leadlag.analyze', { target, candidates, maxLag, adjust, robust }, { enabled: candidates.length > 0 });
  const result = q.data;
  const leader = result ? leadingCandidate(result.candidates) : null;

  if (!catalog.data) return <QueryState isLoading={catalog.isLoading} error={catalog.error} />;
  const { indicators, dimensions } = catalog.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Card size="small">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text strong>{t('target')}</Typography.Text>
            <SeriesPicker value={target} onChange={setTarget} indicators={indicators} dimensions={dimensions} testId="leadlag-target" />
          </Space>
          {candidates.map((c, i) => (
            <Space wrap key={i}>
              <Typography.Text strong>{t('candidate', { n: i + 1 })}</Typography.Text>
              <SeriesPicker value={c} onChange={(v) => setCandidates((cs) => cs.map((x, k) => (k === i ? v : x)))} indicators={indicators} dimensions={dimensions} testId={`leadlag-pick-${i}`} />
              <Button type="text" icon={<DeleteOutlined />} aria-label={t('remove')} onClick={() => setCandidates((cs) => cs.filter((_, k) => k !== i))} />
            </Space>
          ))}
          <Space wrap size="large">
            <Button icon={<PlusOutlined />} disabled={candidates.length >= 12} onClick={() => setCandidates((cs) => [...cs, { indicator: 'MAC.PMI_EMP', members: {} }])} data-testid="leadlag-add">
              {t('add')}
            </Button>
            <Space>
              {t('maxLag')}
              <InputNumber min={1} max={24} value={maxLag} onChange={(v) => v && setMaxLag(v)} data-testid="leadlag-maxlag" />
            </Space>
            <Space>
              {t('adjust')}
              <Switch checked={adjust} onChange={setAdjust} data-testid="leadlag-adjust" />
            </Space>
            <Space>
              {t('robust')}
              <Switch checked={robust} onChange={setRobust} data-testid="leadlag-robust" />
            </Space>
          </Space>
          <Typography.Text type="secondary">{t('method')}</Typography.Text>
        </Space>
      </Card>
      <QueryState isLoading={q.isLoading} error={q.error} retry={() => void q.refetch()} />
      {result && (
        <>
          <Alert
            type={leader ? 'success' : 'info'}
            showIcon
            data-testid="leadlag-summary"
            title={
              leader
                ? t('leader', { name: name(leader.label), target: name(result.target.label), k: leader.best!.lead, r: leader.best!.r.toFixed(2) })
                : t('noLeader', { target: name(result.target.label) })
            }
          />
          {result.candidates.map((c, i) => (
            <CandidateCard key={`${c.ref.indicator}-${i}`} c={c} result={result} index={i} />
          ))}
        </>
      )}
    </Space>
  );
}
