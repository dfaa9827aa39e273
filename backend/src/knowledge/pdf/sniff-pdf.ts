import type { IngestFailureReason } from './types';

const MAGIC = Buffer.from('%PDF-');
const EOF_MARK = Buffer.from('%%EOF');

/**
 * Checks by content, never by file name, that bytes look like one complete PDF.
 * pdfjs repairs a truncated file silently (and indexes half of it), so the end
 * marker is checked here. Returns the failure, or null when the bytes look fine.
 */
export function sniffPdf(bytes: Uint8Array): IngestFailureReason | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The spec allows junk before the header; readers accept it within the first 1 KB.
  const start = buffer.subarray(0, 1024).indexOf(MAGIC);
  if (start < 0) return 'not_pdf';
  // Writers may append a newline or a little padding after the final %%EOF.
  if (buffer.subarray(Math.max(0, buffer.length - 1024)).indexOf(EOF_MARK) < 0) {
    return 'pdf_truncated';
  }
  return null;
}
