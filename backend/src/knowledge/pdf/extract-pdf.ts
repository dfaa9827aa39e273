import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { chooseTitle } from './choose-title';
import { isContentsPage } from './clean-text';
import { ExtractionError } from './extraction-error';
import type { PdfMetadata } from './metadata-title';
import { pagesToBlocks } from './page-blocks';
import { removeRunningLines } from './running-lines';
import { itemsToLines, type PositionedText } from './text-lines';
import type { ExtractedPdf, RawPage } from './types';

/**
 * Reads every page's text with pdfjs and shapes it into headings and paragraphs.
 * CPU-heavy: call it from a worker thread (see extract-pool.ts), not the server's loop.
 */
export async function extractPdf(bytes: Uint8Array): Promise<ExtractedPdf> {
  const task = getDocument({
    data: bytes,
    // No fonts are rendered; skipping them keeps pdfjs from warning about missing font data.
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    throw classify(error);
  }
  try {
    const raw: RawPage[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const [, , , height = 792] = page.view;
      const content = await page.getTextContent();
      const items = content.items.filter(
        (item): item is PositionedText & typeof item => 'str' in item,
      );
      raw.push({ number, height, lines: itemsToLines(items, height) });
      page.cleanup();
    }
    // A table of contents repeats every heading with page numbers: not worth a passage.
    const body = removeRunningLines(raw).map((page) =>
      isContentsPage(page.lines) ? { ...page, lines: [] } : page,
    );
    const pages = pagesToBlocks(body);
    const letters = pages
      .flatMap((page) => page.blocks)
      .reduce((n, block) => n + (block.text.match(/\p{L}/gu)?.length ?? 0), 0);
    if (letters < 20) {
      throw new ExtractionError('pdf_no_text', 'The PDF has no extractable text (is it a scan?).');
    }
    const { title, titleSource } = chooseTitle(await readMetadata(doc), raw);
    return { pageCount: doc.numPages, title, titleSource, pages };
  } catch (error) {
    throw error instanceof ExtractionError ? error : classify(error);
  } finally {
    await task.destroy();
  }
}

/** The title-related metadata; a PDF whose metadata cannot be read simply has none. */
async function readMetadata(doc: {
  getMetadata(): Promise<{ info: object; metadata: { get(name: string): unknown } | null }>;
}): Promise<PdfMetadata> {
  const data = await doc.getMetadata().catch(() => null);
  const info = (data?.info ?? {}) as Record<string, unknown>;
  let xmpTitle: unknown;
  try {
    xmpTitle = data?.metadata?.get('dc:title');
  } catch {
    xmpTitle = undefined;
  }
  return { title: info.Title, xmpTitle, producer: info.Producer, creator: info.Creator };
}

function classify(error: unknown): ExtractionError {
  const name = error instanceof Error ? error.name : '';
  // pdfjs does not export PasswordException, so match by name.
  if (name === 'PasswordException') {
    return new ExtractionError('pdf_encrypted', 'The PDF is password-protected.');
  }
  if (name === 'InvalidPDFException' || name === 'FormatError') {
    return new ExtractionError('pdf_invalid', 'The PDF is damaged and cannot be read.');
  }
  return new ExtractionError('extract_failed', 'The PDF could not be read.');
}
