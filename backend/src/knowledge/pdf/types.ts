/** What extraction produces: per-page blocks of readable text, in reading order. */

/** One visual line of a page, top to bottom. */
export interface TextLine {
  text: string;
  /** Font size in PDF points (largest on the line). */
  size: number;
  /** Distance of the baseline from the top of the page, in points. */
  top: number;
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
  /** The document's own title (PDF metadata or first top-level heading), if any. */
  title: string | null;
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
