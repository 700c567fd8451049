import { describe, expect, it } from 'vitest';
import { leadingCandidate, leadLagSentence, shiftByLead } from '../../shared/analytics/leadlag-summary';
import { climateIndexOption } from '../../shared/charts/climate';
import { overlayOption, xcorrBarsOption } from '../../shared/charts/leadlag';

type Series = { name: string; type: string; stack?: string; data: unknown[]; markLine?: { data: unknown[] }; markArea?: { data: unknown[] } };

describe('climate index chart', () => {
  const input = {
    periods: ['2026-08', '2026-09', '2026-10'],
    index: [100, 101, Number.NaN],
    change: [null, 1, null],
    components: [
      { key: 'A', label: { zh: '甲', en: 'A' }, pointContributions: [null, 1.5, null] },
      { key: 'B', label: { zh: '乙', en: 'B' }, pointContributions: [null, -0.5, Number.POSITIVE_INFINITY] },
    ],
  };

  it('draws the index line over stacked contribution bars on a shared time axis, without NaN', () => {
    const o = climateIndexOption(input, { locale: 'zh-CN' });
    const series = o.series as Series[];
    expect(series.map((s) => [s.name, s.type, s.stack])).toEqual([
      ['景气指数', 'line', undefined],
      ['甲', 'bar', 'contributions'],
      ['乙', 'bar', 'contributions'],
    ]);
    expect(series[0]!.data).toEqual([100, 101, null]);
    expect(series[2]!.data).toEqual([null, -0.5, null]);
    expect((o.xAxis as Array<{ data: string[] }>).map((a) => a.data)).toEqual([input.periods, input.periods]);
  });

  it('draws point annotations as lines and ranges as areas, skipping those outside the axis', () => {
    const o = climateIndexOption(input, {
      locale: 'en-US',
      annotations: [
        { from: '2026-09', text: 'policy' },
        { from: '2026-08', to: '2026-10', text: 'shock' },
        { from: '2020-01', text: 'outside' },
      ],
    });
    const line = (o.series as Series[])[0]!;
    expect(line.name).toBe('Climate index');
    expect(line.markLine!.data).toHaveLength(2); // the 100 line and the point annotation
    expect(line.markArea!.data).toEqual([[{ xAxis: '2026-08', name: 'shock' }, { xAxis: '2026-10' }]]);
  });
});

describe('lead/lag text and charts', () => {
  const pmi = { zh: '制造业PMI从业人员指数', en: 'PMI employment' };
  const si = { zh: '社保缴费人数', en: 'SI contributors' };

  it('names the lead in months, or says when nothing is significant', () => {
    expect(leadLagSentence({ label: pmi, best: { lead: 2, r: 0.3825, significant: true }, band: 0.1684 }, si, 'zh-CN')).toBe(
      '制造业PMI从业人员指数领先社保缴费人数2个月（相关系数0.38，超出±0.17的显著性界限）。',
    );
    expect(leadLagSentence({ label: pmi, best: { lead: 1, r: -0.5, significant: true }, band: 0.2 }, si, 'en-US')).toBe('PMI employment leads SI contributors by 1 month (r = -0.50, outside the ±0.20 band).');
    expect(leadLagSentence({ label: pmi, best: { lead: -3, r: 0.4, significant: true }, band: 0.2 }, si, 'zh-CN')).toBe('制造业PMI从业人员指数滞后于社保缴费人数3个月（相关系数0.40，超出±0.20的显著性界限）。');
    expect(leadLagSentence({ label: pmi, best: { lead: 4, r: 0.1, significant: false }, band: 0.2 }, si, 'zh-CN')).toContain('不显著');
    expect(leadLagSentence({ label: pmi, best: null, band: 0 }, si, 'zh-CN')).toBeNull();
  });

  it('picks the leading candidate: significant, positive lead, largest |r|', () => {
    const a = { label: pmi, best: { lead: 2, r: 0.3, significant: true }, band: 0.2 };
    const b = { label: si, best: { lead: 0, r: 0.9, significant: true }, band: 0.2 };
    const c = { label: si, best: { lead: 5, r: -0.45, significant: true }, band: 0.2 };
    expect(leadingCandidate([a, b, c])).toBe(c);
    expect(leadingCandidate([b])).toBeNull();
  });

  it('shifts the candidate by its lead for the overlay', () => {
    const pts = [
      { period: '2024-01', value: 1 },
      { period: '2024-02', value: 2 },
      { period: '2024-03', value: null },
    ];
    expect(shiftByLead(pts, 1, ['2024-02', '2024-03', '2024-04'])).toEqual([1, 2, null]);
    expect(shiftByLead(pts, -1, ['2024-01'])).toEqual([2]);
    const o = overlayOption({ name: 'Y', points: [{ period: '2024-02', value: 5 }] }, { name: 'X', points: pts }, 1, { locale: 'zh-CN' });
    expect((o.series as Series[])[1]).toMatchObject({ name: 'X（前移1个月）', data: [1] });
  });

  it('marks the band and the best lead in the bars', () => {
    const o = xcorrBarsOption({ leads: [-1, 0, 1], r: [0.1, null, 0.5], band: 0.2, best: { lead: 1 } }, { locale: 'zh-CN' });
    const s = (o.series as Array<{ data: Array<{ value: number | null; itemStyle: { color: string } }>; markLine: { data: unknown[] } }>)[0]!;
    expect(s.data.map((d) => d.value)).toEqual([0.1, null, 0.5]);
    expect(s.data[2]!.itemStyle.color).toBe('#c23b22');
    expect(s.markLine!.data).toEqual([{ yAxis: 0.2 }, { yAxis: -0.2 }]);
  });
});
