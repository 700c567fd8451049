/** Edits a rule's definition: kind, scope and parameters, with the bands of the four levels. */
import { App, Col, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTORS } from '../../../../shared/domain/enterprise';
import { LEVEL_LABELS, RULE_KIND_LABELS, SIGNAL_CATEGORY_LABELS, SIGNAL_CHANNEL_LABELS } from '../../../../shared/domain/labels';
import { WARNING_LEVELS, type Bands } from '../../../../shared/warnings/levels';
import {
  FIRM_METRICS,
  PANEL_METRICS,
  RULE_KINDS,
  SERIES_KINDS,
  SIGNAL_CATEGORIES,
  SIGNAL_CHANNELS,
  type RuleDefinitionInput,
  type RuleKind,
  type WarningRule,
} from '../../../../shared/warnings/rules';
import { useApi, useApiMutation } from '../../api/client';
import { useErrorText, useLocale } from '../../hooks/useLocale';

type Draft = {
  kind: RuleKind;
  name: { zh: string; en: string };
  scope: Record<string, unknown> & { type: 'indicator' | 'panel' | 'signals' };
  params: Record<string, unknown>;
};

const DEFAULT_PARAMS: Record<RuleKind, Record<string, unknown>> = {
  threshold: { bands: {} },
  change: { basis: 'mom', bands: {} },
  consecutive: { bands: { blue: 3 } },
  anomaly: { bands: { yellow: 3.5 }, window: 36, basis: 'yoy' },
  article41: { minPeople: 20, minSharePct: 10, bigCut: 200, level: 'orange', bigCutLevel: 'red', basis: 'economic' },
  firm_threshold: { metric: 'sep_economic', bands: {}, minOpening: 0 },
  crosscheck: { bands: { yellow: 10 }, direction: 'either', minReported: 20 },
  signal_count: { bands: {} },
};

function defaultScope(kind: RuleKind): Draft['scope'] {
  if (kind === 'signal_count') return { type: 'signals', categories: [], channels: [], by: 'district' };
  if (SERIES_KINDS.includes(kind)) return { type: 'indicator', indicator: 'UNE.SURVEY_RATE', members: {} };
  return { type: 'panel', sectors: [], districts: [] };
}

function toDraft(rule: WarningRule | null): Draft {
  if (!rule) return { kind: 'threshold', name: { zh: '', en: '' }, scope: defaultScope('threshold'), params: DEFAULT_PARAMS.threshold };
  return { kind: rule.kind, name: { ...rule.name }, scope: { ...(rule.scope as Draft['scope']) }, params: { ...(rule.params as Record<string, unknown>) } };
}

/** Drops empty optional values so the definition validates as the user meant it. */
function toDefinition(d: Draft): RuleDefinitionInput {
  const params = Object.fromEntries(Object.entries(d.params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  const scope = Object.fromEntries(Object.entries(d.scope).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  if ('bands' in params) params.bands = Object.fromEntries(Object.entries(params.bands as Bands).filter(([, v]) => v != null));
  return { kind: d.kind, name: d.name, scope, params } as unknown as RuleDefinitionInput;
}

export function RuleEditor({ open, rule, onClose }: { open: boolean; rule: WarningRule | null; onClose: () => void }) {
  const { t } = useTranslation('warnings');
  const { name } = useLocale();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const catalog = useApi('catalog.get', {}, { staleTime: Infinity });
  const create = useApiMutation('warnings.createRule');
  const update = useApiMutation('warnings.updateRule');
  const [d, setD] = useState<Draft>(toDraft(rule));
  useEffect(() => {
    if (open) setD(toDraft(rule));
  }, [open, rule]);

  const setParams = (p: Record<string, unknown>) => setD({ ...d, params: { ...d.params, ...p } });
  const setScope = (s: Record<string, unknown>) => setD({ ...d, scope: { ...d.scope, ...s } as Draft['scope'] });
  const bands = (d.params.bands ?? {}) as Bands;
  const indicator = catalog.data?.indicators.find((i) => i.code === d.scope.indicator);
  const dims = catalog.data?.dimensions ?? [];
  const members = (dim: string) => dims.find((x) => x.code === dim)?.members ?? [];
  const memberFilter = Object.entries((d.scope.members ?? {}) as Record<string, string>)[0];

  const save = () => {
    const definition = toDefinition(d);
    const done = { onSuccess: () => (void message.success(t('ruleSaved')), onClose()), onError: (err: unknown) => void message.error(errorText(err)) };
    if (rule) update.mutate({ id: rule.id, definition }, done);
    else create.mutate({ definition }, done);
  };

  const levelSelect = (key: string) => (
    <Select value={d.params[key] as string} onChange={(v) => setParams({ [key]: v })} options={WARNING_LEVELS.map((l) => ({ value: l, label: name(LEVEL_LABELS[l]) }))} />
  );

  return (
    <Modal open={open} title={rule ? t('editRule', { code: rule.code }) : t('newRule')} onCancel={onClose} onOk={save} okText={t('save')} cancelText={t('cancel')} width={760} destroyOnHidden okButtonProps={{ 'data-testid': 'rule-save' } as Record<string, string>} confirmLoading={create.isPending || update.isPending}>
      <Form layout="vertical" data-testid="rule-editor">
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label={t('nameZh')} required>
              <Input value={d.name.zh} onChange={(e) => setD({ ...d, name: { ...d.name, zh: e.target.value } })} data-testid="rule-name-zh" maxLength={80} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('nameEn')}>
              <Input value={d.name.en} onChange={(e) => setD({ ...d, name: { ...d.name, en: e.target.value } })} maxLength={120} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('kind')}>
          <Select
            data-testid="rule-kind"
            value={d.kind}
            onChange={(kind: RuleKind) => setD({ ...d, kind, params: DEFAULT_PARAMS[kind], scope: SERIES_KINDS.includes(kind) === SERIES_KINDS.includes(d.kind) && kind !== 'signal_count' && d.kind !== 'signal_count' ? d.scope : defaultScope(kind) })}
            options={RULE_KINDS.map((k) => ({ value: k, label: name(RULE_KIND_LABELS[k]) }))}
          />
        </Form.Item>

        {SERIES_KINDS.includes(d.kind) && (
          <Form.Item label={t('scope')}>
            <Radio.Group
              value={d.scope.type}
              onChange={(e) => setD({ ...d, scope: e.target.value === 'indicator' ? defaultScope(d.kind) : { type: 'panel', sectors: [], districts: [], metric: 'job_loss_rate' } })}
              options={[
                { value: 'indicator', label: t('scopeIndicator') },
                { value: 'panel', label: t('scopePanel') },
              ]}
            />
          </Form.Item>
        )}
        {d.scope.type === 'indicator' && (
          <Row gutter={12}>
            <Col span={10}>
              <Form.Item label={t('indicator')}>
                <Select
                  data-testid="rule-indicator"
                  showSearch={{ optionFilterProp: 'label' }}
                  value={d.scope.indicator as string}
                  onChange={(v) => setScope({ indicator: v, members: {}, breakdown: undefined })}
                  options={(catalog.data?.indicators ?? []).map((i) => ({ value: i.code, label: `${name(i.name)} ${i.code}` }))}
                />
              </Form.Item>
            </Col>
            <Col span={7}>
              <Form.Item label={t('memberFilter')}>
                <Select
                  allowClear
                  placeholder={t('cityTotal')}
                  value={memberFilter ? `${memberFilter[0]}=${memberFilter[1]}` : undefined}
                  onChange={(v?: string) => setScope({ members: v ? { [v.split('=')[0]!]: v.split('=')[1]! } : {} })}
                  options={(indicator?.dimensions ?? []).flatMap((dim) => members(dim).map((m) => ({ value: `${dim}=${m.code}`, label: name(m.name) })))}
                />
              </Form.Item>
            </Col>
            <Col span={7}>
              <Form.Item label={t('breakdown')}>
                <Select allowClear placeholder={t('noBreakdown')} value={d.scope.breakdown as string | undefined} onChange={(v?: string) => setScope({ breakdown: v })} options={(indicator?.dimensions ?? []).map((dim) => ({ value: dim, label: name(dims.find((x) => x.code === dim)?.name ?? { zh: dim, en: dim }) }))} />
              </Form.Item>
            </Col>
          </Row>
        )}
        {d.scope.type === 'panel' && (
          <Row gutter={12}>
            <Col span={SERIES_KINDS.includes(d.kind) ? 6 : 12}>
              <Form.Item label={t('sectors')}>
                <Select mode="multiple" allowClear placeholder={t('all')} value={d.scope.sectors as string[]} onChange={(v) => setScope({ sectors: v })} options={SECTORS.map((s) => ({ value: s, label: name(members('sector').find((m) => m.code === s)?.name ?? { zh: s, en: s }) }))} />
              </Form.Item>
            </Col>
            <Col span={SERIES_KINDS.includes(d.kind) ? 6 : 12}>
              <Form.Item label={t('districts')}>
                <Select mode="multiple" allowClear placeholder={t('all')} value={d.scope.districts as string[]} onChange={(v) => setScope({ districts: v })} options={members('district').map((m) => ({ value: m.code, label: name(m.name) }))} />
              </Form.Item>
            </Col>
            {SERIES_KINDS.includes(d.kind) && (
              <>
                <Col span={6}>
                  <Form.Item label={t('panelMetric')}>
                    <Select value={d.scope.metric as string} onChange={(v) => setScope({ metric: v })} options={PANEL_METRICS.map((m) => ({ value: m, label: t(`panelMetricName.${m}`) }))} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item label={t('breakdown')}>
                    <Select allowClear placeholder={t('noBreakdown')} value={d.scope.breakdown as string | undefined} onChange={(v?: string) => setScope({ breakdown: v })} options={['sector', 'district', 'ownership', 'size'].map((g) => ({ value: g, label: t(`enterprises:grouping.${g}`) }))} />
                  </Form.Item>
                </Col>
              </>
            )}
          </Row>
        )}
        {d.scope.type === 'signals' && (
          <Row gutter={12}>
            <Col span={9}>
              <Form.Item label={t('categories')}>
                <Select mode="multiple" allowClear placeholder={t('all')} value={d.scope.categories as string[]} onChange={(v) => setScope({ categories: v })} options={SIGNAL_CATEGORIES.map((c) => ({ value: c, label: name(SIGNAL_CATEGORY_LABELS[c]) }))} />
              </Form.Item>
            </Col>
            <Col span={9}>
              <Form.Item label={t('channels')}>
                <Select mode="multiple" allowClear placeholder={t('all')} value={d.scope.channels as string[]} onChange={(v) => setScope({ channels: v })} options={SIGNAL_CHANNELS.map((c) => ({ value: c, label: name(SIGNAL_CHANNEL_LABELS[c]) }))} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label={t('countBy')}>
                <Select value={d.scope.by as string} onChange={(v) => setScope({ by: v })} options={['district', 'firm', 'city'].map((b) => ({ value: b, label: t(`countByName.${b}`) }))} />
              </Form.Item>
            </Col>
          </Row>
        )}

        {d.kind !== 'article41' && (
          <Form.Item label={t(`bandsLabel.${d.kind}`)}>
            <Row gutter={8}>
              {WARNING_LEVELS.map((l) => (
                <Col span={6} key={l}>
                  <InputNumber
                    data-testid={`rule-band-${l}`}
                    style={{ width: '100%' }}
                    prefix={name(LEVEL_LABELS[l])}
                    value={bands[l] ?? null}
                    onChange={(v) => setParams({ bands: { ...bands, [l]: v == null ? undefined : Number(v) } })}
                  />
                </Col>
              ))}
            </Row>
          </Form.Item>
        )}
        <Row gutter={12}>
          {d.kind === 'threshold' && (
            <Col span={8}>
              <Form.Item label={t('direction')}>
                <Select value={(d.params.direction as string) ?? ''} onChange={(v) => setParams({ direction: v || undefined })} options={[{ value: '', label: t('byPolarity') }, { value: 'above', label: t('above') }, { value: 'below', label: t('below') }]} />
              </Form.Item>
            </Col>
          )}
          {(d.kind === 'change' || d.kind === 'anomaly') && (
            <Col span={8}>
              <Form.Item label={t('basis')}>
                <Select value={d.params.basis as string} onChange={(v) => setParams({ basis: v })} options={[{ value: 'mom', label: t('mom') }, { value: 'yoy', label: t('yoy') }]} />
              </Form.Item>
            </Col>
          )}
          {(d.kind === 'change' || d.kind === 'anomaly' || d.kind === 'consecutive') && (
            <Col span={8}>
              <Form.Item label={t('badDirection')}>
                <Select
                  value={(d.params.direction as string) ?? ''}
                  onChange={(v) => setParams({ direction: v || undefined })}
                  options={[{ value: '', label: t('byPolarity') }, { value: 'up', label: t('up') }, { value: 'down', label: t('down') }, ...(d.kind === 'consecutive' ? [] : [{ value: 'either', label: t('either') }])]}
                />
              </Form.Item>
            </Col>
          )}
          {d.kind === 'anomaly' && (
            <Col span={8}>
              <Form.Item label={t('window')}>
                <InputNumber min={12} max={240} value={d.params.window as number} onChange={(v) => setParams({ window: v ?? 36 })} />
              </Form.Item>
            </Col>
          )}
          {d.kind === 'firm_threshold' && (
            <>
              <Col span={12}>
                <Form.Item label={t('firmMetricLabel')}>
                  <Select value={d.params.metric as string} onChange={(v) => setParams({ metric: v })} options={FIRM_METRICS.map((m) => ({ value: m, label: t(`firmMetric.${m}`) }))} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label={t('minOpening')}>
                  <InputNumber min={0} value={d.params.minOpening as number} onChange={(v) => setParams({ minOpening: v ?? 0 })} />
                </Form.Item>
              </Col>
            </>
          )}
          {d.kind === 'crosscheck' && (
            <>
              <Col span={12}>
                <Form.Item label={t('direction')}>
                  <Select value={d.params.direction as string} onChange={(v) => setParams({ direction: v })} options={['either', 'more_contributors', 'fewer_contributors'].map((v) => ({ value: v, label: v === 'either' ? t('either') : t(`enterprises:directions.${v}`) }))} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label={t('minReported')}>
                  <InputNumber min={0} value={d.params.minReported as number} onChange={(v) => setParams({ minReported: v ?? 0 })} />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
        {d.kind === 'article41' && (
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item label={t('minPeople')}>
                <InputNumber min={1} value={d.params.minPeople as number} onChange={(v) => setParams({ minPeople: v ?? 20 })} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t('minSharePct')}>
                <InputNumber min={0.1} max={100} value={d.params.minSharePct as number} onChange={(v) => setParams({ minSharePct: v ?? 10 })} suffix="%" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t('bigCut')}>
                <InputNumber min={1} value={d.params.bigCut as number} onChange={(v) => setParams({ bigCut: v ?? 200 })} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t('article41Level')}>{levelSelect('level')}</Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t('bigCutLevel')}>{levelSelect('bigCutLevel')}</Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label={t('cutBasis')}>
                <Select value={d.params.basis as string} onChange={(v) => setParams({ basis: v })} options={[{ value: 'economic', label: t('cutEconomic') }, { value: 'planned', label: t('cutPlanned') }]} />
              </Form.Item>
            </Col>
          </Row>
        )}
      </Form>
    </Modal>
  );
}
