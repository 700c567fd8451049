import { describe, expect, it } from 'vitest';
import { escapeHtml, PRINT_CSS, printBody, printPage, type PrintDocument } from '../../shared/reports/print';

const doc: PrintDocument = {
  locale: 'zh-CN',
  title: '沈阳市2024年6月就业形势分析',
  issueLabel: '2024年第7期',
  authorUnit: '沈阳市人力资源和社会保障局',
  dateLabel: '2024年7月12日',
  distribution: ['市委、市政府主要领导', '省人力资源和社会保障厅'],
  dataNote: '数据状态截至2024年7月12日（快照 #3）。',
  blocks: [
    { id: 'h', type: 'heading', level: 1, text: '一、总体判断' },
    { id: 'p', type: 'paragraph', runs: [{ text: '调查失业率为' }, { text: '5.2%', bindingKey: 'UNE.SURVEY_RATE||2024-06|value|phrase' }, { text: '<script>', bold: true }] },
    { id: 't', type: 'table', caption: '表1', table: { header: ['指标', '数值'], rows: [['失业率', '5.2%']], numeric: [false, true], note: '注：示例' } },
    { id: 'c', type: 'chart', caption: '图1', svg: '<svg width="590" height="290"></svg>', width: 590, height: 290, notes: ['① 2024年6月 [政策] 稳岗'] },
    { id: 'b', type: 'pageBreak' },
  ],
};

describe('the print page', () => {
  it('escapes text and keeps bound numbers identifiable for the preview', () => {
    expect(escapeHtml(`a<b & "c" 'd'`)).toBe('a&lt;b &amp; &quot;c&quot; &#39;d&#39;');
    const body = printBody(doc);
    expect(body).toContain('<span class="b" data-binding="UNE.SURVEY_RATE||2024-06|value|phrase">5.2%</span>');
    expect(body).toContain('<strong>&lt;script&gt;</strong>');
    expect(body).not.toContain('<script>');
  });

  it('lays out the header block, tables with a header group and right-aligned numbers, figures with notes, the colophon', () => {
    const body = printBody(doc);
    expect(body).toMatch(/<div class="masthead">就业形势分析<\/div>\s*<p class="issue">2024年第7期<\/p>/);
    expect(body).toContain('<h1 class="title">沈阳市2024年6月就业形势分析</h1>');
    expect(body).toContain('<h2 data-block="h">一、总体判断</h2>');
    expect(body).toContain('<thead><tr><th>指标</th><th>数值</th></tr></thead><tbody><tr><td>失业率</td><td class="num">5.2%</td></tr></tbody>');
    expect(body).toContain('<figure data-block="c"><figcaption>图1</figcaption><svg width="590" height="290"></svg><p class="notes">① 2024年6月 [政策] 稳岗</p></figure>');
    expect(body).toContain('<div class="page-break" data-block="b"></div>');
    expect(body).toContain('<p class="colophon">报送：市委、市政府主要领导，省人力资源和社会保障厅</p>');
  });

  it('A4 with GB/T 9704 margins, page numbers "— N —", repeating table headers, unbroken figures', () => {
    expect(PRINT_CSS).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm;');
    expect(PRINT_CSS).toContain('content: "— " counter(page) " —"');
    expect(PRINT_CSS).toContain('.report thead { display: table-header-group; }');
    expect(PRINT_CSS).toContain('.report figure { margin: 4mm 0; break-inside: avoid;');
    const page = printPage(doc, '@font-face { font-family: "Noto Serif SC"; }');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page.indexOf('@font-face')).toBeLessThan(page.indexOf('@page'));
  });
});
