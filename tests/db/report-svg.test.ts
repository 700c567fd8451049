import { describe, expect, it } from 'vitest';
import { trendOption } from '../../shared/charts/trend';
import { woffToSfnt, fontPackageDir, sfntFilesFor } from '../../main/reports/fonts';
import { renderSvg, stableIds, svgToPng, withoutTextHalos } from '../../main/reports/svg';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const option = trendOption({
  series: [{ name: '城镇调查失业率', points: [{ period: '2024-05', value: 5.3 }, { period: '2024-06', value: 5.2 }] }],
  locale: 'zh-CN',
  decimals: 1,
  unit: '%',
  style: 'print',
  annotations: [{ series: '城镇调查失业率', periodFrom: '2024-06', periodTo: null, text: '毕业季', category: 'seasonal' }],
});

describe('chart SVG and PNG for reports', () => {
  it('renders the same chart to the same bytes, with page-unique ids and no stroked text', () => {
    const a = renderSvg(option, 590, 290, 'chart-b1');
    expect(renderSvg(option, 590, 290, 'chart-b1')).toBe(a);
    expect(a).not.toMatch(/zr\d+-/);
    expect(renderSvg(option, 590, 290, 'chart-b2')).toBe(a.replaceAll('chart-b1-', 'chart-b2-'));
    expect(a).not.toMatch(/<text[^>]* stroke=/);
    // The unquoted SSR font family keeps the style attribute well-formed.
    expect(a).toContain('font-family:Noto Sans SC, Noto Serif SC, sans-serif;');
    expect(stableIds('<clipPath id="zr7-c0"/><g clip-path="url(#zr7-c0)" class="zr7-cls-3"/>', 'p')).toBe('<clipPath id="p-k0"/><g clip-path="url(#p-k0)" class="p-k1"/>');
    expect(withoutTextHalos('<text fill="#333" stroke="#fff" stroke-width="2" paint-order="stroke">1</text><path stroke="#000"/>')).toBe('<text fill="#333">1</text><path stroke="#000"/>');
  });

  it('unwraps the bundled WOFF into the sfnt it carries, and rasterises the chart with it', () => {
    const woff = readFileSync(join(fontPackageDir('noto-sans-sc'), 'files', 'noto-sans-sc-latin-400-normal.woff'));
    const sfnt = woffToSfnt(woff);
    // The WOFF header records the sfnt's flavour, table count and total size (W3C WOFF 1.0, 4).
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
    expect(sfnt.readUInt16BE(4)).toBe(woff.readUInt16BE(12));
    expect(sfnt.length).toBe(woff.readUInt32BE(16));
    expect(() => woffToSfnt(Buffer.from('not a font'))).toThrow(/WOFF/);
    expect(sfntFilesFor('城镇').length).toBeGreaterThan(0);
    const png = svgToPng(renderSvg(option, 590, 290));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1180);
  });
});
