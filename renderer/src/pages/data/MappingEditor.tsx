/**
 * Edits how one sheet is read: what each column is (a row field such as the indicator, the period
 * or a district; a value column whose header gives members or the period; or ignored), where the
 * header is, and values fixed for the whole sheet. The result is a header-based mapping
 * (shared/import/mapping.ts) that a template can reuse next month.
 */
import { Card, Col, Form, Input, InputNumber, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../../../shared/api/catalog';
import type { ImportSheetPreview } from '../../../../shared/api/imports';
import { choicesFromPlan, rulesFromChoices, type ColumnChoice, type SheetMapping } from '../../../../shared/import/mapping';
import { useLocale } from '../../hooks/useLocale';
import { recordTarget } from '../../../../shared/import/record-targets';

interface Props {
  sheet: ImportSheetPreview;
  catalog: Catalog;
  onChange: (mapping: SheetMapping) => void;
  /** The import target; a record target (enterprise reports, signals ...) offers its own fields. */
  target?: string;
}

function roleValue(c: ColumnChoice): string {
  if (c.role === 'field') return `field:${c.field}`;
  return c.role;
}

export function MappingEditor({ sheet, catalog, onChange, target }: Props) {
  const { t } = useTranslation('data');
  const { name } = useLocale();
  const layout = sheet.layout!;
  const [choices, setChoices] = useState<ColumnChoice[]>(() => (sheet.plan ? choicesFromPlan(sheet.plan, layout.headerRows) : layout.columns.map(() => ({ role: 'ignore' }))));
  const [constants, setConstants] = useState<Record<string, string>>(() => ({ ...(sheet.mapping?.constants ?? {}) }));
  const [headerRow, setHeaderRow] = useState<number | null>(layout.headerRow);
  const [headerRows, setHeaderRows] = useState<0 | 1 | 2>(layout.headerRows);
  const headerChanged = headerRow !== layout.headerRow || headerRows !== layout.headerRows;

  const emit = (next: { choices?: ColumnChoice[]; constants?: Record<string, string>; headerRow?: number | null; headerRows?: 0 | 1 | 2 }) => {
    const c = next.choices ?? choices;
    const k = next.constants ?? constants;
    const hr = next.headerRow !== undefined ? next.headerRow : headerRow;
    const hrs = next.headerRows ?? headerRows;
    const header = hr !== layout.headerRow || hrs !== layout.headerRows ? { headerRow: hr, headerRows: hrs } : {};
    onChange({ ...rulesFromChoices(layout, c, k, header), ...(sheet.name ? { sheet: sheet.name } : {}) });
  };

  const dimensionName = (code: string) => name(catalog.dimensions.find((d) => d.code === code)?.name ?? { zh: code, en: code });
  const record = target ? recordTarget(target) : undefined;
  const fieldLabel = (field: string) => {
    const own = record?.fields.find((x) => x.name === field);
    return own ? name(own.label) : t(`fields.${field}`);
  };
  const fieldOptions = useMemo(
    () => record ? [{ value: 'ignore', label: t('roles.ignore') }, ...record.fields.map((x) => ({ value: `field:${x.name}`, label: name(x.label) }))] : [
      { value: 'ignore', label: t('roles.ignore') },
      { value: 'field:indicator', label: t('fields.indicator') },
      { value: 'field:period', label: t('fields.period') },
      { value: 'field:value', label: t('fields.value') },
      { value: 'field:unit', label: t('fields.unit') },
      ...catalog.dimensions.map((d) => ({ value: `field:dim:${d.code}`, label: t('fields.dim', { name: name(d.name) }) })),
      { value: 'value', label: t('roles.value') },
    ],
    [catalog, t, name, record],
  );
  const headerOptions = useMemo(
    () => [
      { value: '', label: t('roles.nothing') },
      { value: 'period', label: t('fields.period') },
      { value: 'indicator', label: t('fields.indicator') },
      ...catalog.dimensions.map((d) => ({ value: `dim:${d.code}`, label: name(d.name) })),
    ],
    [catalog, t, name],
  );

  const setChoice = (i: number, c: ColumnChoice) => {
    const next = choices.map((x, j) => (j === i ? c : x));
    setChoices(next);
    emit({ choices: next });
  };
  const setConstant = (field: string, value: string | undefined) => {
    const next = { ...constants };
    if (value) next[field] = value;
    else delete next[field];
    setConstants(next);
    emit({ constants: next });
  };

  const indicator = catalog.indicators.find((i) => i.code === constants.indicator);
  const prefix = `sheet-${sheet.index}`;
  const columns = layout.columns.map((col, i) => {
    const c = choices[i] ?? { role: 'ignore' as const };
    return {
      key: col.letter,
      dataIndex: String(i),
      width: 170,
      title: (
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Typography.Text strong>
            {col.letter}
            {col.label !== col.letter ? ` · ${col.label}` : ''}
          </Typography.Text>
          <Select
            size="small"
            data-testid={`role-${prefix}-${col.letter}`}
            aria-label={t('sheet.roleOf', { column: col.letter })}
            style={{ width: '100%' }}
            value={roleValue(c)}
            options={fieldOptions}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(v: string) => {
              if (v === 'ignore') setChoice(i, { role: 'ignore' });
              else if (v === 'value') setChoice(i, { role: 'value', headerFields: headerRows === 2 ? [null, 'period'] : ['period'] });
              else setChoice(i, { role: 'field', field: v.slice('field:'.length) });
            }}
          />
          {c.role === 'value' &&
            (headerRows === 2 ? [0, 1] : [0]).map((slot) => (
              <Select
                key={slot}
                size="small"
                data-testid={`header-field-${prefix}-${col.letter}-${slot}`}
                style={{ width: '100%' }}
                prefix={headerRows === 2 && slot === 0 ? t('roles.headerTop') : t('roles.headerBottom')}
                value={c.headerFields?.[slot] ?? ''}
                options={headerOptions}
                onChange={(v: string) => {
                  const fields = [...(c.headerFields ?? [])];
                  while (fields.length < (headerRows === 2 ? 2 : 1)) fields.push(null);
                  fields[slot] = v || null;
                  setChoice(i, { role: 'value', headerFields: fields });
                }}
              />
            ))}
        </Space>
      ),
      render: (text: string) => <span style={{ whiteSpace: 'nowrap' }}>{text}</span>,
    };
  });
  const headerSet = new Set<number>();
  if (layout.headerRow !== null) for (let r = 0; r < Math.max(1, layout.headerRows); r++) headerSet.add(layout.headerRow + r);
  const data = sheet.sample.map((r) => ({ key: r.row, row: r.row, ...Object.fromEntries(r.cells.map((v, i) => [String(i), v])) }));

  return (
    <Card
      size="small"
      data-testid={prefix}
      title={
        <Space>
          <span>{sheet.name ?? t('sheet.csv')}</span>
          <Tag color={sheet.status === 'imported' ? 'green' : sheet.status === 'incomplete' ? 'orange' : 'default'} data-testid={`${prefix}-status`}>
            {t(`sheet.status.${sheet.status}`)}
          </Tag>
          {sheet.hidden && <Tag>{t('sheet.hidden')}</Tag>}
          {sheet.missing.length > 0 && (
            <Typography.Text type="warning" data-testid={`${prefix}-missing`}>
              {t('sheet.missing', { fields: sheet.missing.map(fieldLabel).join('、') })}
            </Typography.Text>
          )}
        </Space>
      }
    >
      <Form layout="vertical" size="small">
        <Row gutter={12}>
          {!record && (
          <Col span={6}>
            <Form.Item label={t('constants.indicator')} help={headerChanged ? t('wizard.mappingEdited') : undefined}>
              <Select
                data-testid={`const-indicator-${prefix}`}
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                value={constants.indicator}
                onChange={(v: string | undefined) => setConstant('indicator', v)}
                options={catalog.indicators.map((i) => ({ value: i.code, label: `${i.code} ${name(i.name)}` }))}
              />
            </Form.Item>
          </Col>
          )}
          <Col span={4}>
            <Form.Item label={t('constants.period')}>
              <Input data-testid={`const-period-${prefix}`} placeholder={t('constants.periodPlaceholder')} value={constants.period ?? ''} onChange={(e) => setConstant('period', e.target.value)} />
            </Form.Item>
          </Col>
          {!record && (
          <Col span={3}>
            <Form.Item label={t('constants.unit')}>
              <Input data-testid={`const-unit-${prefix}`} placeholder={t('constants.unitPlaceholder')} value={constants.unit ?? ''} onChange={(e) => setConstant('unit', e.target.value)} />
            </Form.Item>
          </Col>
          )}
          {(record ? [] : (indicator?.dimensions ?? [])).map((d) => (
            <Col span={3} key={d}>
              <Form.Item label={dimensionName(d)}>
                <Select
                  allowClear
                  data-testid={`const-dim-${d}-${prefix}`}
                  value={constants[`dim:${d}`]}
                  onChange={(v: string | undefined) => setConstant(`dim:${d}`, v)}
                  options={catalog.dimensions.find((x) => x.code === d)?.members.map((m) => ({ value: m.code, label: name(m.name) })) ?? []}
                />
              </Form.Item>
            </Col>
          ))}
          <Col span={3}>
            <Form.Item label={t('sheet.headerRow')}>
              <InputNumber
                data-testid={`header-row-${prefix}`}
                min={1}
                value={headerRow ?? undefined}
                onChange={(v) => {
                  const next = typeof v === 'number' ? v : null;
                  setHeaderRow(next);
                  emit({ headerRow: next });
                }}
              />
            </Form.Item>
          </Col>
          <Col span={3}>
            <Form.Item label={t('sheet.headerRows')}>
              <Select
                data-testid={`header-rows-${prefix}`}
                value={headerRows}
                options={[0, 1, 2].map((n) => ({ value: n, label: String(n) }))}
                onChange={(v: 0 | 1 | 2) => {
                  setHeaderRows(v);
                  emit({ headerRows: v });
                }}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Typography.Text type="secondary">{t('sheet.sample', { count: sheet.sample.length })}</Typography.Text>
      <Table
        size="small"
        bordered
        pagination={false}
        scroll={{ x: true }}
        dataSource={data}
        onRow={(r) => ({ style: headerSet.has(r.row) ? { background: '#e6f0fa', fontWeight: 600 } : r.row < (layout.headerRow ?? 0) ? { color: '#999' } : {} })}
        columns={[{ key: 'row', dataIndex: 'row', title: '#', width: 48, fixed: 'left' as const }, ...columns]}
      />
    </Card>
  );
}
