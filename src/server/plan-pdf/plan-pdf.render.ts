import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { type PdfBlock, type PdfLayout, pageLabel } from './plan-pdf.layout.js';

/**
 * Draws a PdfLayout with pdfkit: A4, the DKFDS look (a blue header band, IBM Plex Sans — the
 * DKFDS typeface, shipped in the dkfds package, so æ, ø and å are embedded — dark headings,
 * grey-ruled tables), and on every page the running title with date and plan version and
 * "Side X af Y". Pure apart from reading the font files once.
 */

const require = createRequire(import.meta.url);
// dkfds exports only its script (dist/js/dkfds.min.js); the fonts sit two folders above it.
const FONT_DIR = join(dirname(require.resolve('dkfds')), '../fonts/IBMPlexSans/complete/ttf');
const FONTS = {
  regular: join(FONT_DIR, 'IBMPlexSans-Regular.ttf'),
  semibold: join(FONT_DIR, 'IBMPlexSans-SemiBold.ttf'),
  bold: join(FONT_DIR, 'IBMPlexSans-Bold.ttf'),
};

/** DKFDS colours: primary blue, text, muted text, rules, table head, info alert. */
const COLOUR = {
  primary: '#0059b3',
  text: '#1a1a1a',
  muted: '#545454',
  rule: '#bfbfbf',
  head: '#f5f5f5',
  notice: '#e6f0fa',
  noticeBorder: '#0059b3',
  card: '#ffffff',
  mutedCard: '#f5f5f5',
};

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 96, bottom: 64, side: 56 };
const BAND_HEIGHT = 44;
const TEXT_WIDTH = PAGE.width - 2 * MARGIN.side;
const BOTTOM = PAGE.height - MARGIN.bottom;

type Doc = PDFKit.PDFDocument;

/** Renders the layout to a PDF file in memory; resolves to its bytes. */
export function renderPdf(layout: PdfLayout): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    bufferPages: true,
    autoFirstPage: true,
    margins: { top: MARGIN.top, bottom: MARGIN.bottom, left: MARGIN.side, right: MARGIN.side },
    info: { Title: layout.title, Author: 'Samspil', Creator: 'Samspil', Producer: 'Samspil' },
    lang: layout.language === 'da' ? 'da-DK' : 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('semibold', FONTS.semibold);
  doc.registerFont('bold', FONTS.bold);

  doc.font('bold').fontSize(22).fillColor(COLOUR.text).text(layout.title, MARGIN.side, MARGIN.top, {
    width: TEXT_WIDTH,
  });
  doc.moveDown(0.2);
  doc
    .font('regular')
    .fontSize(10)
    .fillColor(COLOUR.muted)
    .text(layout.meta.join('   ·   '), { width: TEXT_WIDTH });
  doc.moveDown(1);
  for (const block of layout.blocks) drawBlock(doc, block);

  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    drawFrame(doc, layout, index - range.start + 1, range.count);
  }
  doc.end();
  return done;
}

/** The header band and the footer of one page (drawn after the content, when the count is known). */
function drawFrame(doc: Doc, layout: PdfLayout, page: number, pages: number): void {
  // Writing in the margins must not start new pages.
  const margins = doc.page.margins;
  doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
  doc.save().rect(0, 0, PAGE.width, BAND_HEIGHT).fill(COLOUR.primary).restore();
  doc
    .font('semibold')
    .fontSize(12)
    .fillColor('#ffffff')
    .text(layout.band, MARGIN.side, 15, { width: TEXT_WIDTH, lineBreak: false });
  const footerY = PAGE.height - MARGIN.bottom + 20;
  doc
    .save()
    .moveTo(MARGIN.side, footerY - 8)
    .lineTo(PAGE.width - MARGIN.side, footerY - 8)
    .lineWidth(0.5)
    .strokeColor(COLOUR.rule)
    .stroke()
    .restore();
  const label = pageLabel(layout.pageTemplate, page, pages);
  doc.font('regular').fontSize(8.5).fillColor(COLOUR.muted);
  const labelWidth = doc.widthOfString(label);
  doc.text(layout.running, MARGIN.side, footerY, {
    width: TEXT_WIDTH - labelWidth - 16,
    lineBreak: false,
    ellipsis: true,
  });
  doc.text(label, PAGE.width - MARGIN.side - labelWidth, footerY, { lineBreak: false });
  doc.page.margins = margins;
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > BOTTOM) {
    doc.addPage();
    doc.y = MARGIN.top;
  }
}

function drawBlock(doc: Doc, block: PdfBlock): void {
  doc.x = MARGIN.side;
  switch (block.kind) {
    case 'heading': {
      const size = block.level === 2 ? 15 : 12.5;
      doc.font('bold').fontSize(size);
      // A heading never ends a page: keep it with some of what follows.
      ensureSpace(doc, doc.heightOfString(block.text, { width: TEXT_WIDTH }) + 60);
      doc.moveDown(block.level === 2 ? 0.6 : 0.3);
      doc.fillColor(block.level === 2 ? COLOUR.text : COLOUR.primary).text(block.text, MARGIN.side, doc.y, {
        width: TEXT_WIDTH,
      });
      doc.moveDown(0.3);
      return;
    }
    case 'paragraph': {
      const font = block.tone === 'strong' ? 'semibold' : 'regular';
      const size = block.tone === 'lead' ? 12.5 : 10.5;
      doc.font(font).fontSize(size);
      const height = doc.heightOfString(block.text, {
        width: TEXT_WIDTH - (block.tone === 'notice' ? 24 : 0),
      });
      if (block.tone === 'notice') {
        ensureSpace(doc, height + 20);
        const top = doc.y;
        doc
          .save()
          .rect(MARGIN.side, top, TEXT_WIDTH, height + 16)
          .fill(COLOUR.notice)
          .restore();
        doc
          .save()
          .rect(MARGIN.side, top, 4, height + 16)
          .fill(COLOUR.noticeBorder)
          .restore();
        doc.fillColor(COLOUR.text).text(block.text, MARGIN.side + 16, top + 8, { width: TEXT_WIDTH - 24 });
        doc.y = top + height + 16;
        doc.x = MARGIN.side;
        doc.moveDown(0.6);
        return;
      }
      ensureSpace(doc, Math.min(height, 40));
      doc
        .fillColor(block.tone === 'muted' ? COLOUR.muted : COLOUR.text)
        .text(block.text, MARGIN.side, doc.y, {
          width: TEXT_WIDTH,
        });
      doc.moveDown(block.tone === 'strong' ? 0.1 : 0.5);
      return;
    }
    case 'list': {
      doc.font('regular').fontSize(10.5).fillColor(COLOUR.text);
      for (const item of block.items) {
        const height = doc.heightOfString(item, { width: TEXT_WIDTH - 14 });
        ensureSpace(doc, height + 4);
        const top = doc.y;
        doc.text('•', MARGIN.side, top, { width: 10 });
        doc.text(item, MARGIN.side + 14, top, { width: TEXT_WIDTH - 14 });
        doc.moveDown(0.2);
      }
      doc.moveDown(0.4);
      return;
    }
    case 'card':
      drawCard(doc, block);
      return;
    case 'table':
      drawTable(doc, block);
      return;
  }
}

function drawCard(doc: Doc, block: Extract<PdfBlock, { kind: 'card' }>): void {
  const inner = TEXT_WIDTH - 24;
  doc.font('semibold').fontSize(11);
  const titleHeight = doc.heightOfString(block.title, { width: inner });
  doc.font('regular').fontSize(9.5);
  const lineHeights = block.lines.map((line) => doc.heightOfString(line, { width: inner }) + 1);
  const height = 16 + titleHeight + 4 + lineHeights.reduce((sum, value) => sum + value, 0);
  // A card stays on one page unless it is taller than a page.
  ensureSpace(doc, Math.min(height, BOTTOM - MARGIN.top));
  const top = doc.y;
  doc
    .save()
    .rect(MARGIN.side, top, TEXT_WIDTH, height)
    .lineWidth(0.75)
    .fillAndStroke(block.muted ? COLOUR.mutedCard : COLOUR.card, COLOUR.rule)
    .restore();
  doc
    .save()
    .rect(MARGIN.side, top, 3, height)
    .fill(block.muted ? COLOUR.rule : COLOUR.primary)
    .restore();
  doc
    .font('semibold')
    .fontSize(11)
    .fillColor(block.muted ? COLOUR.muted : COLOUR.text)
    .text(block.title, MARGIN.side + 14, top + 8, { width: inner });
  doc.y += 4;
  doc
    .font('regular')
    .fontSize(9.5)
    .fillColor(block.muted ? COLOUR.muted : COLOUR.text);
  for (const line of block.lines) {
    if (doc.y + 12 > BOTTOM) {
      doc.addPage();
      doc.y = MARGIN.top;
    }
    doc.text(line, MARGIN.side + 14, doc.y, { width: inner });
    doc.y += 1;
  }
  doc.y = Math.max(doc.y, top + height) + 8;
  doc.x = MARGIN.side;
}

function drawTable(doc: Doc, block: Extract<PdfBlock, { kind: 'table' }>): void {
  const widths = block.columns.map((column) => column.width * TEXT_WIDTH);
  const pad = 4;
  const rowHeight = (cells: string[], font: string): number => {
    doc.font(font).fontSize(9);
    return (
      Math.max(
        ...cells.map((cell, index) => doc.heightOfString(cell, { width: (widths[index] ?? 40) - 2 * pad })),
      ) +
      2 * pad
    );
  };
  const drawRow = (cells: string[], header: boolean): void => {
    const font = header ? 'semibold' : 'regular';
    const height = rowHeight(cells, font);
    const top = doc.y;
    if (header) doc.save().rect(MARGIN.side, top, TEXT_WIDTH, height).fill(COLOUR.head).restore();
    let x = MARGIN.side;
    doc.font(font).fontSize(9).fillColor(COLOUR.text);
    cells.forEach((cell, index) => {
      const width = widths[index] ?? 40;
      doc.text(cell, x + pad, top + pad, { width: width - 2 * pad });
      x += width;
    });
    doc
      .save()
      .moveTo(MARGIN.side, top + height)
      .lineTo(MARGIN.side + TEXT_WIDTH, top + height)
      .lineWidth(header ? 1 : 0.5)
      .strokeColor(header ? COLOUR.text : COLOUR.rule)
      .stroke()
      .restore();
    doc.y = top + height;
    doc.x = MARGIN.side;
  };
  const header = block.columns.map((column) => column.label);
  const headerHeight = rowHeight(header, 'semibold');
  ensureSpace(doc, headerHeight + rowHeight(block.rows[0] ?? header, 'regular'));
  drawRow(header, true);
  for (const row of block.rows) {
    const height = rowHeight(row, 'regular');
    if (doc.y + height > BOTTOM) {
      doc.addPage();
      doc.y = MARGIN.top;
      // The column heads again on each new page of a table.
      drawRow(header, true);
    }
    drawRow(row, false);
  }
  doc.moveDown(0.8);
}
