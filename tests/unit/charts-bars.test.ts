import { describe, expect, it } from 'vitest';
import { barOption, diffusionOption } from '../../shared/charts/bars';

describe('bar and diffusion chart options', () => {
  it('keep gaps as gaps and never pass NaN or Infinity to the chart', () => {
    const o = barOption({ categories: ['A', 'B', 'C'], series: [{ name: 's', values: [1, Number.NaN, Infinity] }], locale: 'zh-CN', decimals: 0 });
    expect((o.series as Array<{ data: unknown[] }>)[0]!.data).toEqual([1, null, null]);
    expect(JSON.stringify(o)).not.toMatch(/NaN|Infinity/);
  });

  it('colour signed values by sign and lay out horizontal bars', () => {
    const o = barOption({ categories: ['A', 'B'], series: [{ name: 'net', values: [-3, 4] }], locale: 'en-US', decimals: 0, signed: true, horizontal: true });
    const data = (o.series as Array<{ data: Array<{ value: number; itemStyle: { color: string } }> }>)[0]!.data;
    expect(data.map((d) => d.value)).toEqual([-3, 4]);
    expect(data[0]!.itemStyle.color).not.toBe(data[1]!.itemStyle.color);
    expect((o.yAxis as { type: string; data: string[] }).data).toEqual(['A', 'B']);
    expect((o.xAxis as { type: string }).type).toBe('value');
  });

  it('marks the neutral 50 on diffusion indices and fixes the axis to 0-100', () => {
    const o = diffusionOption({ series: [{ name: 'h', points: [{ period: '2026-09', value: 48.5 }, { period: '2026-10', value: null }] }], locale: 'zh-CN' });
    const s = (o.series as Array<{ data: unknown[]; markLine?: { data: unknown[] } }>)[0]!;
    expect(s.data).toEqual([48.5, null]);
    expect(s.markLine!.data).toEqual([{ yAxis: 50 }]);
    expect(o.yAxis).toMatchObject({ min: 0, max: 100 });
  });
});
