import { headingTitle } from './heading-title';
import { metadataTitle, type PdfMetadata } from './metadata-title';
import type { ExtractedPdf, RawPage } from './types';

/**
 * Names the document as people know it: the PDF's own Title metadata (Info dictionary, then
 * XMP dc:title) unless it is junk, else the first page's most prominent heading, else null,
 * which the indexer turns into a title from the file name.
 */
export function chooseTitle(
  meta: PdfMetadata,
  rawPages: readonly RawPage[],
): Pick<ExtractedPdf, 'title' | 'titleSource'> {
  const fromMetadata = metadataTitle(meta);
  if (fromMetadata) return { title: fromMetadata, titleSource: 'metadata' };
  const fromHeading = headingTitle(rawPages);
  if (fromHeading) return { title: fromHeading, titleSource: 'heading' };
  return { title: null, titleSource: null };
}
