import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../shared/domain/catalog';
import type { Indicator } from '../../shared/domain/types';
import { resolveBinding, timeProgress, valueWithUnit, type BindingPoint } from '../../shared/reports/bindings';
import { bindingKey, collectBindings, defaultReportTitle, reportFileName, type Binding, type Block } from '../../shared/reports/model';
import { movedKeys } from '../../shared/reports/pinning';

const ind = (code: string): Indicator => INDICATORS.find((i) => i.code === code)!;
const b = (indicator: string, period: string, measure: Binding['measure'], format: Binding['format'] = 'phrase'): Binding => ({ indicator, members: {}, period, measure, format });

// Hand-made series: surveyed rate falling three months running; a YTD count with 1-2月 combined.
const rate: BindingPoint[] = [
  { period: '2023-06', value: 5.3, snapshotId: 1 },
  { period: '2024-02', value: 5.6, snapshotId: 1 },
  { period: '2024-03', value: 5.5, snapshotId: 1 },
  { period: '2024-04', value: 5.4, snapshotId: 1 },
  { period: '2024-05', value: 5.3, snapshotId: 1 },
  { period: '2024-06', value: 5.2, snapshotId: 2 },
];
const jobs: BindingPoint[] = [
  { period: '2023-06', value: 6.0, snapshotId: 1 },
  { period: '2024-02', value: 1.8, snapshotId: 1 },
  { period: '2024-03', value: 3.1, snapshotId: 1 },
  { period: '2024-04', value: 4.2, snapshotId: 1 },
  { period: '2024-05', value: 5.3, snapshotId: 1 },
  { period: '2024-06', value: 6.345, snapshotId: 3 },
];

describe('binding resolution', () => {
  it('value: the published value with its unit and the snapshot that brought it', () => {
    const r = resolveBinding(b('EMP.NEW_URBAN', '2024-06', 'value'), ind('EMP.NEW_URBAN'), jobs, 'zh-CN');
    expect(r.text).toBe('6.35万人');
    expect(r.value).toBe(6.345);
    expect(r.snapshotId).toBe(3);
    expect(resolveBinding(b('UNE.SURVEY_RATE', '2024-06', 'value'), ind('UNE.SURVEY_RATE'), rate, 'en-US').text).toBe('5.2%');
  });

  it('prev for a rate: points against the previous month, with the word', () => {
    const r = resolveBinding(b('UNE.SURVEY_RATE', '2024-06', 'prev'), ind('UNE.SURVEY_RATE'), rate, 'zh-CN');
    expect(r.text).toBe('下降0.1个百分点');
    expect(r.value).toBeCloseTo(-0.1, 12);
    expect(r).toMatchObject({ current: 5.2, base: 5.3, basePeriod: '2024-05' });
    expect(resolveBinding(b('UNE.SURVEY_RATE', '2024-06', 'prev', 'number'), ind('UNE.SURVEY_RATE'), rate, 'zh-CN').text).toBe('-0.1个百分点');
  });

  it('yoy for a YTD count: 1-6月 against 1-6月 a year earlier, in percent', () => {
    // (6.345 / 6.0 - 1) * 100 = 5.75 -> 5.8% at one decimal.
    const r = resolveBinding(b('EMP.NEW_URBAN', '2024-06', 'yoy'), ind('EMP.NEW_URBAN'), jobs, 'zh-CN');
    expect(r.value).toBeCloseTo(5.75, 9);
    expect(r.text).toBe('增长5.8%');
  });

  it('periodValue and prev de-cumulate a YTD series', () => {
    // June alone: 6.345 - 5.3 = 1.045; May alone: 5.3 - 4.2 = 1.1; change (1.045/1.1 - 1) = -5.0%.
    expect(resolveBinding(b('EMP.NEW_URBAN', '2024-06', 'periodValue'), ind('EMP.NEW_URBAN'), jobs, 'zh-CN').text).toBe('1.05万人');
    expect(resolveBinding(b('EMP.NEW_URBAN', '2024-06', 'prev'), ind('EMP.NEW_URBAN'), jobs, 'zh-CN').text).toBe('下降5.0%');
  });

  it('progress: completion rate against time progress N/12', () => {
    expect(timeProgress('2024-06')).toBe(50);
    expect(timeProgress('2024-10')).toBe(83.3);
    const pct: BindingPoint[] = [{ period: '2024-10', value: 90.1 }];
    expect(resolveBinding(b('EMP.NEW_URBAN_PCT', '2024-10', 'progress'), ind('EMP.NEW_URBAN_PCT'), pct, 'zh-CN').text).toBe('快于时序进度6.8个百分点');
  });

  it('trend: the run ending at the period', () => {
    expect(resolveBinding(b('UNE.SURVEY_RATE', '2024-06', 'trend'), ind('UNE.SURVEY_RATE'), rate, 'zh-CN').text).toBe('连续4个月下降');
    expect(resolveBinding(b('UNE.SURVEY_RATE', '2024-06', 'trend'), ind('UNE.SURVEY_RATE'), rate, 'en-US').text).toBe('down for 4 months in a row');
  });

  it('missing data gives a dash, never NaN or Infinity', () => {
    const r = resolveBinding(b('UNE.SURVEY_RATE', '2025-01', 'yoy'), ind('UNE.SURVEY_RATE'), rate, 'zh-CN');
    expect(r).toMatchObject({ value: null, text: '—', snapshotId: null });
    const zeroBase = resolveBinding(b('GRP.ZERO_EMP_HH', '2024-06', 'prev'), ind('GRP.ZERO_EMP_HH'), [{ period: '2024-05', value: 0 }, { period: '2024-06', value: 3 }], 'zh-CN');
    expect(zeroBase.text).toBe('—');
  });

  it('units as written: no unit for a ratio, English units spaced', () => {
    expect(valueWithUnit(1.534, ind('LMK.RATIO'), 'zh-CN')).toBe('1.53');
    expect(valueWithUnit(23456, ind('UNE.REG_COUNT'), 'en-US')).toBe('23,456 persons');
    expect(valueWithUnit(null, ind('UNE.REG_COUNT'), 'en-US')).toBe('—');
  });
});

describe('report model helpers', () => {
  it('collects each binding once, keyed stably whatever the member order', () => {
    const x: Binding = { indicator: 'UNE.REG_COUNT', members: { gender: 'F', district: '210106' }, period: '2024-06', measure: 'value', format: 'phrase' };
    const y: Binding = { ...x, members: { district: '210106', gender: 'F' } };
    expect(bindingKey(x)).toBe(bindingKey(y));
    const blocks: Block[] = [
      { id: 'a', type: 'paragraph', content: [{ type: 'text', text: 'x' }, { type: 'binding', binding: x }] },
      { id: 'b', type: 'paragraph', content: [{ type: 'binding', binding: y }, { type: 'binding', binding: { ...x, measure: 'yoy' } }] },
    ];
    expect(collectBindings(blocks)).toHaveLength(2);
  });

  it('default title and export file name', () => {
    expect(defaultReportTitle('2024-06', 'zh-CN')).toBe('沈阳市2024年6月就业形势分析');
    expect(reportFileName({ title: '沈阳市2024年6月就业形势分析', issueYear: 2024, issueNo: 7 }, 'pdf')).toBe('沈阳市2024年6月就业形势分析_2024年第7期.pdf');
    expect(reportFileName({ title: 'a/b:c', issueYear: 2024, issueNo: 1, locale: 'en-US' }, 'docx')).toBe('a_b_c_2024-No1.docx');
  });
});

describe('pinning and re-pinning', () => {
  // Two vintages of the same series: the second revises June from 5.2 to 5.4 and nothing else.
  const v1 = rate;
  const v2 = rate.map((p) => (p.period === '2024-06' ? { ...p, value: 5.4, snapshotId: 9 } : p));
  const bindings = [b('UNE.SURVEY_RATE', '2024-06', 'value'), b('UNE.SURVEY_RATE', '2024-06', 'prev'), b('UNE.SURVEY_RATE', '2024-05', 'value'), b('UNE.SURVEY_RATE', '2024-06', 'trend')];
  const resolveAll = (points: BindingPoint[]) => Object.fromEntries(bindings.map((x) => [bindingKey(x), resolveBinding(x, ind('UNE.SURVEY_RATE'), points, 'zh-CN')]));

  it('a binding resolves against the state it is pinned to, whatever came later', () => {
    expect(resolveAll(v1)[bindingKey(bindings[0]!)]!.text).toBe('5.2%');
    expect(resolveAll(v2)[bindingKey(bindings[0]!)]!.text).toBe('5.4%');
  });

  it('re-pinning lists exactly the bindings whose reading changes', () => {
    const before = resolveAll(v1);
    const after = resolveAll(v2);
    const moved = movedKeys(bindings.map(bindingKey), before, after);
    // June's value, its change on May (下降0.1 -> 上升0.1) and the run (连续4个月下降 -> 由降转升) move; May does not.
    expect(moved).toEqual([bindingKey(bindings[0]!), bindingKey(bindings[1]!), bindingKey(bindings[3]!)]);
    expect(after[bindingKey(bindings[1]!)]!.text).toBe('上升0.1个百分点');
    expect(after[bindingKey(bindings[3]!)]!.text).toBe('由降转升');
    expect(movedKeys(bindings.map(bindingKey), before, before)).toEqual([]);
  });
});
