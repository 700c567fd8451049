import { describe, expect, it } from 'vitest';
import { annotationNote, circled, numberAnnotations, type TrendAnnotation } from '../../shared/charts/annotations';
import { trendOption } from '../../shared/charts/trend';

const axis = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];
const a = (x: Partial<TrendAnnotation>): TrendAnnotation => ({ series: '全市', periodFrom: '2024-03', periodTo: null, text: 't', category: 'policy', ...x });

describe('annotations on trend charts', () => {
  it('numbers the visible annotations in reading order, clipping ranges to the axis', () => {
    const list = numberAnnotations(
      [
        a({ periodFrom: '2024-05', text: 'late' }),
        a({ periodFrom: '2023-11', periodTo: '2024-02', text: 'range', category: 'seasonal' }),
        a({ periodFrom: '2023-01', text: 'off axis' }),
        a({ series: '铁西区', periodFrom: '2024-04', text: 'other series' }),
      ],
      axis,
      ['全市'],
    );
    expect(list.map((x) => [x.number, x.text, x.from, x.to])).toEqual([
      [1, 'range', '2024-01', '2024-02'],
      [2, 'late', '2024-05', null],
    ]);
  });

  it('puts a point on its value as a markPoint and a range as a markArea on the right series', () => {
    const option = trendOption({
      series: [
        { name: '全市', points: axis.map((period, i) => ({ period, value: 5 + i / 10 })) },
        { name: '铁西区', points: axis.map((period) => ({ period, value: 6 })) },
      ],
      locale: 'zh-CN',
      decimals: 1,
      annotations: [a({ periodFrom: '2024-03', id: 7 }), a({ series: '铁西区', periodFrom: '2024-02', periodTo: '2024-04', category: 'event', id: 8 })],
    }) as { series: Array<Record<string, { data: unknown[] } | undefined>> };
    const [city, tiexi] = option.series;
    expect(city!.markPoint!.data).toEqual([expect.objectContaining({ name: '2', coord: ['2024-03', 5.2], annotationId: 7 })]);
    expect(city!.markArea).toBeUndefined();
    expect(tiexi!.markArea!.data).toEqual([[expect.objectContaining({ name: '1', xAxis: '2024-02', annotationId: 8 }), { xAxis: '2024-04' }]]);
  });

  it('a point annotation on a gap becomes a vertical line, not a point at NaN', () => {
    const option = trendOption({
      series: [{ name: '全市', points: [{ period: '2024-01', value: 1 }, { period: '2024-02', value: null }, { period: '2024-03', value: 2 }] }],
      locale: 'zh-CN',
      decimals: 1,
      annotations: [a({ periodFrom: '2024-02' })],
    }) as { series: Array<Record<string, { data: unknown[] } | undefined>> };
    expect(option.series[0]!.markPoint).toBeUndefined();
    expect(option.series[0]!.markLine!.data).toEqual([expect.objectContaining({ xAxis: '2024-02' })]);
    expect(JSON.stringify(option)).not.toMatch(/NaN|Infinity/);
  });

  it('notes printed under a chart', () => {
    expect(annotationNote({ number: 1, from: '2024-06', to: null, category: 'policy', text: '稳岗返还' }, 'zh-CN')).toBe('① 2024年6月 [政策] 稳岗返还');
    expect(annotationNote({ number: 2, from: '2024-01', to: '2024-02', category: 'seasonal', text: 'Spring Festival' }, 'en-US')).toBe('② Jan 2024 to Feb 2024 [Seasonal] Spring Festival');
    expect(circled(21)).toBe('(21)');
  });
});
