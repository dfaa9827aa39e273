import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
// The modern build needs DOMMatrix, which Node lacks; the legacy build runs as is.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

// Helvetica is not embedded in our PDFs; pointing pdfjs at its bundled metrics avoids a
// warning per font and keeps glyph widths (and so word spacing) right.
const STANDARD_FONTS = `${
  pathToFileURL(
    join(
      dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')),
      'standard_fonts',
    ),
  ).href
}/`;

/**
 * Extracts the text of every page, one string per page, lines separated by `\n`.
 * Used by the demo's tests to check what the rendered knowledge base really says.
 *
 * @example const [first] = await readPdfPages(await readFile('demo/kb/pdf/instant-pay.pdf'));
 */
export async function readPdfPages(bytes: Uint8Array): Promise<string[]> {
  // pdfjs takes ownership of (detaches) the buffer it is given, so hand it a copy.
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: STANDARD_FONTS,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(text);
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}

/** Reads the PDF's Title from its info dictionary, or undefined when it has none. */
export async function readPdfTitle(bytes: Uint8Array): Promise<string | undefined> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    const { info } = await pdf.getMetadata();
    const title = (info as { Title?: unknown }).Title;
    return typeof title === 'string' ? title : undefined;
  } finally {
    await pdf.destroy();
  }
}
