import PDFDocument from 'pdfkit';

/**
 * Content for one generated page, in order: headings, paragraphs, and free lines at a given
 * size (a title-page author or URL line).
 */
export type TestPageItem =
  | { h1: string }
  | { h2: string }
  | { p: string }
  | { line: string; size: number };

export interface TestPdfOptions {
  title?: string;
  /** Other Info dictionary entries, e.g. `{ Producer: 'Acme Writer' }`. */
  info?: Record<string, string>;
  pages: TestPageItem[][];
  /** Drawn large and diagonally across every page, like a "DRAFT" stamp. */
  watermark?: string;
  /** Printed at the top and bottom of every page (page number appended to the footer). */
  header?: string;
  footer?: string;
  userPassword?: string;
}

/**
 * Renders a small PDF with pdfkit for tests: real fonts, sizes and positions, so
 * extraction is tested on the same kind of bytes a help centre would upload.
 */
export function createTestPdf(options: TestPdfOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 72,
    info: { ...options.info, ...(options.title ? { Title: options.title } : {}) },
    ...(options.userPassword ? { userPassword: options.userPassword, pdfVersion: '1.7' } : {}),
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  options.pages.forEach((items, index) => {
    doc.addPage();
    if (options.header) doc.font('Helvetica').fontSize(9).text(options.header, 72, 30);
    if (options.footer) {
      doc
        .font('Helvetica')
        .fontSize(9)
        .text(`${options.footer} · Page ${index + 1}`, 72, 750, {
          lineBreak: false,
        });
    }
    if (options.watermark) {
      doc.save().rotate(-45, { origin: [300, 400] });
      doc
        .font('Helvetica-Bold')
        .fontSize(72)
        .fillColor('#dddddd')
        .text(options.watermark, 130, 380);
      doc.restore().fillColor('black');
    }
    doc.x = 72;
    doc.y = 72;
    for (const item of items) {
      if ('h1' in item) doc.font('Helvetica-Bold').fontSize(20).text(item.h1).moveDown(0.5);
      else if ('h2' in item) doc.font('Helvetica-Bold').fontSize(14).text(item.h2).moveDown(0.3);
      else if ('line' in item)
        doc.font('Helvetica').fontSize(item.size).text(item.line).moveDown(0.3);
      else doc.font('Helvetica').fontSize(11).text(item.p).moveDown(0.8);
    }
  });
  doc.end();
  return done;
}

/** A PDF whose pages hold only drawn shapes, like a scan without OCR. */
export function createImageOnlyPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ margin: 72 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  doc.rect(100, 100, 300, 200).fill('#888888');
  doc.circle(300, 500, 80).fill('#333333');
  doc.end();
  return done;
}
