/**
 * DOCX export with the `docx` package: the print document as Word headings, paragraphs, real Word
 * tables (header rows repeat across pages) and charts as PNG images rasterised from the same SVG
 * the PDF embeds. Fonts are named as Word and WPS know them (仿宋 for the body, 宋体 for the title,
 * 黑体 for headings); the font table names the bundled Noto families as their alternates, so a
 * machine without the Windows fonts substitutes the bundled ones.
 */
import { AlignmentType, BorderStyle, Document, Footer, ImageRun, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type IRunOptions } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { PrintDocument, TableData } from '../../shared/reports/print';
import { svgToPng } from './svg';

const FANGSONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋', cs: 'Times New Roman' };
const SONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
const HEI = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体', cs: 'Arial' };
const MM = 56.6929; // twips per millimetre

/** pt to half-points (docx run size). */
const pt = (n: number) => Math.round(n * 2);

function run(text: string, options: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: FANGSONG, size: pt(16), ...options });
}

function table(caption: string, t: TableData): Array<Paragraph | Table> {
  const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, header: boolean, numeric: boolean) =>
    new TableCell({
      borders,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, font: header ? HEI : FANGSONG, size: pt(11), bold: false })],
        }),
      ],
    });
  const out: Array<Paragraph | Table> = [];
  if (caption) out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 60 }, keepNext: true, children: [new TextRun({ text: caption, font: HEI, size: pt(12) })] }));
  out.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: t.header.map((h) => cell(h, true, false)) }),
        ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, false, !!t.numeric[i])) })),
      ],
    }),
  );
  if (t.note) out.push(new Paragraph({ spacing: { before: 60, after: 120 }, children: [run(t.note, { size: pt(10.5) })] }));
  return out;
}

/** The font table Word and WPS read: the Chinese font names with the bundled families as alternates. */
const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:font w:name="仿宋"><w:altName w:val="Noto Serif SC"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="宋体"><w:altName w:val="Noto Serif SC"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="黑体"><w:altName w:val="Noto Sans SC"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>
</w:fonts>`;

/** Writes the DOCX of a print document. */
export async function printDocumentToDocx(doc: PrintDocument): Promise<Buffer> {
  const zh = doc.locale === 'zh-CN';
  const children: Array<Paragraph | Table> = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: zh ? '就业形势分析' : 'Employment Situation', font: SONG, size: pt(30), bold: true, color: 'CC0000' })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(doc.issueLabel)] }),
    new Paragraph({
      tabStops: [{ type: 'right', position: Math.round(156 * MM) }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: 'CC0000', space: 4 } },
      spacing: { after: 360 },
      children: [run(doc.authorUnit, { size: pt(14) }), run(`\t${doc.dateLabel}`, { size: pt(14) })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 360, line: 480 }, children: [new TextRun({ text: doc.title, font: SONG, size: pt(22), bold: true })] }),
  ];
  for (const b of doc.blocks) {
    switch (b.type) {
      case 'heading':
        children.push(new Paragraph({ keepNext: true, spacing: { line: 578 }, children: [new TextRun({ text: b.text, font: b.level === 1 ? HEI : FANGSONG, bold: b.level === 2, size: pt(16) })] }));
        break;
      case 'paragraph':
        children.push(
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            indent: { firstLine: pt(16) * 20 },
            spacing: { line: 578, lineRule: 'exact' },
            children: b.runs.map((r) => run(r.text, { bold: r.bold, italics: r.italic })),
          }),
        );
        break;
      case 'table':
        children.push(...table(b.caption, b.table));
        break;
      case 'chart': {
        if (b.caption) children.push(new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120 }, children: [new TextRun({ text: b.caption, font: HEI, size: pt(12) })] }));
        children.push(new Paragraph({ alignment: AlignmentType.CENTER, keepNext: b.notes.length > 0, children: [new ImageRun({ type: 'png', data: svgToPng(b.svg), transformation: { width: b.width, height: b.height } })] }));
        for (const note of b.notes) children.push(new Paragraph({ children: [run(note, { size: pt(10.5) })] }));
        break;
      }
      case 'pageBreak':
        children.push(new Paragraph({ pageBreakBefore: true, children: [] }));
        break;
    }
  }
  if (doc.distribution.length) {
    const line = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 2 };
    children.push(new Paragraph({ spacing: { before: 480 }, border: { top: line, bottom: line }, children: [run(`${zh ? '报送：' : 'To: '}${doc.distribution.join(zh ? '，' : ', ')}`, { size: pt(14) })] }));
  }
  children.push(new Paragraph({ spacing: { before: 120 }, children: [run(doc.dataNote, { size: pt(10.5) })] }));

  const document = new Document({
    creator: doc.authorUnit || 'Employment Monitoring Workstation',
    title: doc.title,
    styles: { default: { document: { run: { font: FANGSONG, size: pt(16) } } } },
    sections: [
      {
        properties: { page: { size: { width: Math.round(210 * MM), height: Math.round(297 * MM) }, margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM), footer: Math.round(28 * MM) } } },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: SONG, size: pt(14) })] })],
          }),
        },
        children,
      },
    ],
  });
  const bytes = await Packer.toBuffer(document);
  const files = unzipSync(new Uint8Array(bytes));
  files['word/fontTable.xml'] = strToU8(FONT_TABLE);
  // The package always lists fontTable.xml; keep its relationships file valid and empty.
  if (files['word/_rels/fontTable.xml.rels'] && !strFromU8(files['word/_rels/fontTable.xml.rels']).includes('<Relationship ')) {
    delete files['word/_rels/fontTable.xml.rels'];
  }
  return Buffer.from(zipSync(files, { level: 6 }));
}
