import PDFDocument from 'pdfkit';
import type { Article, ArticleBlock } from './kb-markdown';

/** The running header printed on every page; ingestion is expected to strip it. */
export const RUNNING_HEADER = 'Brightwell Pay Help Centre';

/** The footer printed on every page, e.g. `Instant Pay · Page 2`; ingestion strips it too. */
export function runningFooter(title: string, page: number): string {
  return `${title} · Page ${page}`;
}

export interface ArticlePdfOptions {
  /** Written as the PDF CreationDate. Fixed by default so the bytes are reproducible. */
  creationDate?: Date;
}

// pdfkit stamps `new Date()` into the info dictionary and derives the file ID from it,
// so a fixed date is what makes two renders byte-identical.
const FIXED_CREATION_DATE = new Date('2025-01-06T09:00:00Z');

const MARGIN = { top: 78, bottom: 72, left: 72, right: 72 };
const INK = '#1f2933';
const MUTED = '#6b7785';
const ACCENT = '#0f6e5c';
const BODY = { font: 'Helvetica', size: 10.5, lineGap: 2.5 };

/**
 * Renders one parsed article as a US Letter PDF with the built-in Helvetica fonts (nothing is
 * downloaded or embedded). The title becomes the PDF Title metadata.
 *
 * @example const bytes = await renderArticlePdf(parseArticle('instant-pay', markdown));
 */
export function renderArticlePdf(
  article: Article,
  options: ArticlePdfOptions = {},
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: MARGIN,
    // Buffered pages let us stamp header and footer once the page count is known.
    bufferPages: true,
    displayTitle: true,
    info: {
      Title: article.title,
      Author: 'Brightwell Pay',
      Subject: RUNNING_HEADER,
      CreationDate: options.creationDate ?? FIXED_CREATION_DATE,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(22).fillColor(INK).text(article.title, { lineGap: 2 });
  const ruleY = doc.y + 6;
  doc
    .moveTo(MARGIN.left, ruleY)
    .lineTo(doc.page.width - MARGIN.right, ruleY)
    .lineWidth(1.5)
    .strokeColor(ACCENT)
    .stroke();
  doc.y = ruleY + 14;
  for (const block of article.blocks) drawBlock(doc, block);

  stampRunningText(doc, article.title);
  doc.end();
  return done;
}

function drawBlock(doc: PDFKit.PDFDocument, block: ArticleBlock): void {
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  switch (block.kind) {
    case 'heading': {
      const size = block.level === 2 ? 15 : 12;
      // Keep a heading with the first lines that follow it instead of stranding it at the bottom.
      keepRoom(doc, size * 5);
      doc.moveDown(block.level === 2 ? 0.9 : 0.5);
      doc
        .font('Helvetica-Bold')
        .fontSize(size)
        .fillColor(block.level === 2 ? ACCENT : INK);
      doc.text(block.text, MARGIN.left, doc.y, { width });
      doc.moveDown(0.35);
      return;
    }
    case 'paragraph':
      setBody(doc);
      doc.text(block.text, MARGIN.left, doc.y, { width, lineGap: BODY.lineGap, paragraphGap: 7 });
      return;
    case 'list':
      setBody(doc);
      doc.list(block.items, MARGIN.left + 6, doc.y, {
        width: width - 6,
        lineGap: BODY.lineGap,
        paragraphGap: 3,
        bulletRadius: 2,
        textIndent: 12,
      });
      doc.moveDown(0.5);
      return;
    case 'question':
      keepRoom(doc, BODY.size * 5);
      doc.font('Helvetica-Bold').fontSize(BODY.size).fillColor(INK);
      doc.text(`Q: ${block.question}`, MARGIN.left, doc.y, { width, lineGap: BODY.lineGap });
      setBody(doc);
      doc.text(`A: ${block.answer}`, MARGIN.left, doc.y + 2, {
        width,
        lineGap: BODY.lineGap,
        paragraphGap: 9,
      });
      return;
  }
}

function setBody(doc: PDFKit.PDFDocument): void {
  doc.font(BODY.font).fontSize(BODY.size).fillColor(INK);
}

function keepRoom(doc: PDFKit.PDFDocument, points: number): void {
  if (doc.y + points > doc.page.height - MARGIN.bottom) doc.addPage();
}

function stampRunningText(doc: PDFKit.PDFDocument, title: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    const { width, height } = doc.page;
    // Text placed inside the bottom margin would make pdfkit open a new page; lifting the
    // margin while stamping is the documented way around that.
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8.5).fillColor(MUTED);
    doc.text(RUNNING_HEADER, MARGIN.left, 40, { width: width - MARGIN.left - MARGIN.right });
    doc
      .moveTo(MARGIN.left, 54)
      .lineTo(width - MARGIN.right, 54)
      .lineWidth(0.5)
      .strokeColor('#c9d1d9')
      .stroke();
    doc.text(runningFooter(title, index + 1), MARGIN.left, height - 48, {
      width: width - MARGIN.left - MARGIN.right,
      align: 'center',
    });
    doc.page.margins.bottom = MARGIN.bottom;
  }
}
