/**
 * Charts for printed reports: ECharts rendered server-side to SVG (vector in the PDF), and the same
 * SVG rasterised with resvg for DOCX, with the bundled fonts only.
 */
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { sfntFilesFor } from './fonts';

/** The chart font for SSR. Unquoted: ECharts writes it into a double-quoted style attribute. */
export const SSR_FONT_FAMILY = 'Noto Sans SC, Noto Serif SC, sans-serif';

function withSsrFonts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withSsrFonts);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === 'fontFamily' ? SSR_FONT_FAMILY : withSsrFonts(v);
    return out;
  }
  return value;
}

/**
 * Drops the white halo ECharts strokes around some labels (markLine values): Chromium prints
 * stroked text as Type 3 glyph procedures instead of the embedded font, and on paper the halo
 * is not needed.
 */
export function withoutTextHalos(svg: string): string {
  return svg.replace(/<text\b[^>]*>/g, (tag) => tag.replace(/ (stroke|stroke-width|paint-order|stroke-miterlimit|stroke-linejoin)="[^"]*"/g, ''));
}

/**
 * zrender names its ids (clip paths) and classes after a process-wide instance counter. Renaming
 * them by first appearance under the caller's prefix (unique within a page: the block id) makes
 * the same chart render to the same bytes every time while keeping ids unique on the page.
 * @example stableIds('<clipPath id="zr7-c0"/><g clip-path="url(#zr7-c0)"/>', 'b3') // '<clipPath id="b3-k0"/><g clip-path="url(#b3-k0)"/>'
 */
export function stableIds(svg: string, prefix: string): string {
  const names = new Map<string, string>();
  return svg.replace(/zr\d+-[a-z]+(?:-[a-z]+)?-?\d+/g, (token) => {
    let n = names.get(token);
    if (!n) names.set(token, (n = `${prefix}-k${names.size}`));
    return n;
  });
}

/** Renders an option to an SVG string; the chart instance is always disposed. */
export function renderSvg(option: Record<string, unknown>, width: number, height: number, idPrefix = 'chart'): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...(withSsrFonts(option) as Record<string, unknown>), animation: false, textStyle: { fontFamily: SSR_FONT_FAMILY } });
    return stableIds(withoutTextHalos(chart.renderToSVGString()), idPrefix);
  } finally {
    chart.dispose();
  }
}

/** The text an SVG draws (for picking font slices). */
function svgText(svg: string): string {
  return svg
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)));
}

/** The SVG as a PNG at `scale` times its size, on white, with the bundled Noto Sans SC. */
export function svgToPng(svg: string, scale = 2): Buffer {
  const text = svgText(svg);
  const fontFiles = [...sfntFilesFor(text + '0123456789', 'noto-sans-sc', 400)];
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: 'Noto Sans SC', sansSerifFamily: 'Noto Sans SC', serifFamily: 'Noto Sans SC' },
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
