/** What extraction produces: per-page blocks of readable text, in reading order. */

/** One visual line of a page, top to bottom. */
export interface TextLine {
  text: string;
  /** Font size in PDF points (largest on the line). */
  size: number;
  /** Distance of the baseline from the top of the page, in points. */
  top: number;
  /** Set for vertical text (a margin stamp, a rotated table header): never a title. */
  rotated?: boolean;
}

export interface RawPage {
  /** 1-based page number. */
  number: number;
  height: number;
  lines: TextLine[];
}

export type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string };

export interface ExtractedPage {
  number: number;
  blocks: Block[];
}

export interface ExtractedPdf {
  pageCount: number;
  /** The document's own title (see choose-title.ts), or null to fall back to the file name. */
  title: string | null;
  /** Where `title` came from: the PDF's metadata or the first page's most prominent heading. */
  titleSource: 'metadata' | 'heading' | null;
  pages: ExtractedPage[];
}

/** Why a file could not be ingested; stored on the failed version and sent as `details.reason`. */
export type IngestFailureReason =
  | 'not_pdf'
  | 'pdf_encrypted'
  | 'pdf_invalid'
  | 'pdf_truncated'
  | 'pdf_no_text'
  | 'too_large'
  | 'extract_failed'
  | 'index_failed'
  | 'original_missing';
