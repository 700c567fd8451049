/**
 * The one print page of a report: HTML with A4 CSS modelled on GB/T 9704-2012 (margins 37/26/35/28
 * mm, title in a bold serif at 22 pt, body in a serif at 16 pt with 22 lines a page, page numbers
 * "— N —" at the foot, a red separator under the header block). Chromium prints it for the PDF in
 * every mode; the editor's preview shows the same body with the same stylesheet.
 */
import type { Locale } from '../domain/types';

export interface TableData {
  header: string[];
  rows: string[][];
  /** Right-align these columns (numbers). */
  numeric: boolean[];
  /** Keep these columns on one line (periods). */
  nowrap?: boolean[];
  note?: string;
}

export interface PrintRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Set on a bound number, for the preview's hover. */
  bindingKey?: string;
}

export type PrintBlock =
  | { id: string; type: 'heading'; level: 1 | 2; text: string }
  | { id: string; type: 'paragraph'; runs: PrintRun[] }
  | { id: string; type: 'table'; caption: string; table: TableData }
  | { id: string; type: 'chart'; caption: string; svg: string; width: number; height: number; notes: string[] }
  | { id: string; type: 'pageBreak' };

export interface PrintDocument {
  locale: Locale;
  title: string;
  /** 2024年第7期 */
  issueLabel: string;
  authorUnit: string;
  /** 2024年7月12日 */
  dateLabel: string;
  distribution: string[];
  /** Which data state the numbers come from. */
  dataNote: string;
  blocks: PrintBlock[];
}

/** Chart size in CSS pixels: the type area is 156 mm wide (590 px at 96 dpi). */
export const PRINT_CHART = { width: 590, height: 290 } as const;

/**
 * Escapes text for HTML element content and attribute values.
 * @example escapeHtml('a<b & "c"') // 'a&lt;b &amp; &quot;c&quot;'
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The print stylesheet. Fonts are declared separately (@font-face), by file or data URL. */
export const PRINT_CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm;
  @bottom-center { content: "— " counter(page) " —"; font-family: "Noto Serif SC", serif; font-size: 14pt; vertical-align: top; padding-top: 7mm; } }
.report { font-family: "Noto Serif SC", serif; font-size: 16pt; line-height: 28.9pt; color: #000; text-align: justify; }
.report * { box-sizing: border-box; }
.report .masthead { text-align: center; color: #c00; font-weight: 700; font-size: 30pt; line-height: 1.3; letter-spacing: 0.15em; margin: 0 0 6mm; }
.report .issue { text-align: center; font-size: 16pt; margin: 0; }
.report .meta { display: flex; justify-content: space-between; font-size: 14pt; margin: 2mm 0 0; }
.report .rule { border: 0; border-top: 1.5pt solid #c00; margin: 2mm 0 8mm; }
.report h1.title { font-weight: 700; font-size: 22pt; line-height: 1.5; text-align: center; margin: 0 0 8mm; }
.report h2 { font-family: "Noto Sans SC", sans-serif; font-weight: 700; font-size: 16pt; line-height: 28.9pt; margin: 0; break-after: avoid; }
.report h3 { font-weight: 700; font-size: 16pt; line-height: 28.9pt; margin: 0; break-after: avoid; }
.report p { text-indent: 2em; margin: 0; orphans: 2; widows: 2; }
.report figure { margin: 4mm 0; break-inside: avoid; text-align: center; }
.report figure svg { width: 100%; height: auto; display: block; }
.report figcaption, .report caption { font-family: "Noto Sans SC", sans-serif; font-weight: 700; font-size: 12pt; line-height: 1.6; text-align: center; }
.report .notes { font-size: 10.5pt; line-height: 1.5; text-align: left; margin: 1mm 0 0; text-indent: 0; }
.report table { width: 100%; border-collapse: collapse; font-size: 11pt; line-height: 1.45; margin: 4mm 0; }
.report thead { display: table-header-group; }
.report tr { break-inside: avoid; }
.report th, .report td { border: 0.75pt solid #000; padding: 1mm 1.5mm; vertical-align: middle; text-align: left; }
.report th { font-family: "Noto Sans SC", sans-serif; font-weight: 700; text-align: center; }
.report td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.report td.nw { white-space: nowrap; }
.report .table-note { font-size: 10.5pt; line-height: 1.5; text-indent: 0; margin: -3mm 0 4mm; }
.report .page-break { break-after: page; height: 0; }
.report .colophon { margin-top: 12mm; border-top: 0.75pt solid #000; border-bottom: 0.75pt solid #000; font-size: 14pt; line-height: 1.6; padding: 1mm 1em; text-indent: 0; break-inside: avoid; }
.report .data-note { font-size: 10.5pt; line-height: 1.5; text-indent: 0; margin-top: 2mm; color: #333; }
.report.snippet { width: auto; min-height: 0; padding: 0; margin: 0; box-shadow: none; font-size: 12pt; line-height: 1.6; }
.report.snippet figure { max-width: 156mm; }
.report.en { font-size: 13pt; line-height: 1.55; text-align: left; }
.report.en p { text-indent: 0; margin: 0 0 2mm; }
.report.en h2, .report.en h3 { font-size: 14pt; line-height: 1.6; margin-top: 3mm; }
@media screen {
  .report { width: 210mm; min-height: 297mm; padding: 37mm 26mm 35mm 28mm; background: #fff; margin: 0 auto; box-shadow: 0 1px 6px rgba(0,0,0,.2); }
  .report .page-break { border-top: 1px dashed #999; margin: 6mm -26mm 6mm -28mm; }
}
`;

function tableHtml(caption: string, t: TableData): string {
  const head = `<thead><tr>${t.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const body = t.rows.map((r) => `<tr>${r.map((c, i) => `<td${t.numeric[i] ? ' class="num"' : t.nowrap?.[i] ? ' class="nw"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`).join('');
  const note = t.note ? `<p class="table-note">${escapeHtml(t.note)}</p>` : '';
  return `<table>${caption ? `<caption>${escapeHtml(caption)}</caption>` : ''}${head}<tbody>${body}</tbody></table>${note}`;
}

function runHtml(r: PrintRun): string {
  let html = escapeHtml(r.text);
  if (r.bold) html = `<strong>${html}</strong>`;
  if (r.italic) html = `<em>${html}</em>`;
  return r.bindingKey ? `<span class="b" data-binding="${escapeHtml(r.bindingKey)}">${html}</span>` : html;
}

/**
 * The HTML of blocks, as they appear inside the report body.
 * @example blocksHtml([{ id: 'h', type: 'heading', level: 1, text: '一、总体判断' }]) // '<h2 data-block="h">一、总体判断</h2>'
 */
export function blocksHtml(blocks: readonly PrintBlock[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'heading':
        out.push(`<h${b.level + 1} data-block="${b.id}">${escapeHtml(b.text)}</h${b.level + 1}>`);
        break;
      case 'paragraph':
        out.push(`<p data-block="${b.id}">${b.runs.map(runHtml).join('')}</p>`);
        break;
      case 'table':
        out.push(`<div data-block="${b.id}">${tableHtml(b.caption, b.table)}</div>`);
        break;
      case 'chart':
        out.push(
          `<figure data-block="${b.id}">${b.caption ? `<figcaption>${escapeHtml(b.caption)}</figcaption>` : ''}${b.svg}${
            b.notes.length ? `<p class="notes">${b.notes.map(escapeHtml).join('<br>')}</p>` : ''
          }</figure>`,
        );
        break;
      case 'pageBreak':
        out.push(`<div class="page-break" data-block="${b.id}"></div>`);
        break;
    }
  }
  return out.join('\n');
}

/**
 * The report body (inside `<body>`), shared by print and preview.
 * @example printBody(doc).startsWith('<article class="report"') // true
 */
export function printBody(doc: PrintDocument): string {
  const zh = doc.locale === 'zh-CN';
  const out: string[] = [`<article class="report${zh ? '' : ' en'}" lang="${zh ? 'zh-CN' : 'en'}">`];
  out.push(`<div class="masthead">${zh ? '就业形势分析' : 'Employment Situation'}</div>`);
  out.push(`<p class="issue">${escapeHtml(doc.issueLabel)}</p>`);
  out.push(`<div class="meta"><span>${escapeHtml(doc.authorUnit)}</span><span>${escapeHtml(doc.dateLabel)}</span></div><hr class="rule">`);
  out.push(`<h1 class="title">${escapeHtml(doc.title)}</h1>`);
  out.push(blocksHtml(doc.blocks));
  if (doc.distribution.length) out.push(`<p class="colophon">${zh ? '报送：' : 'To: '}${doc.distribution.map(escapeHtml).join(zh ? '，' : ', ')}</p>`);
  out.push(`<p class="data-note">${escapeHtml(doc.dataNote)}</p>`);
  out.push('</article>');
  return out.join('\n');
}

/**
 * The whole print page; `fontCss` holds the @font-face rules of the bundled fonts.
 * @example printPage(doc, fontFaceCss()).startsWith('<!DOCTYPE html>') // true
 */
export function printPage(doc: PrintDocument, fontCss: string): string {
  return `<!DOCTYPE html>
<html lang="${doc.locale === 'zh-CN' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${escapeHtml(doc.title)}</title>
<style>${fontCss}</style><style>${PRINT_CSS}</style></head>
<body style="margin:0">${printBody(doc)}</body></html>`;
}
