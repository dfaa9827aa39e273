import { AppError, type ErrorCode } from '../errors';
import type { DocumentRepository } from '../store/documents';
import type { IngestFailureReason } from './pdf/types';

/** What the admin reads for each failure; the reason code travels in `details.reason`. */
export const FAILURE_MESSAGES: Record<IngestFailureReason, string> = {
  not_pdf: 'The file is not a PDF (checked by content, not by name).',
  pdf_encrypted: 'The PDF is password-protected. Upload a copy without a password.',
  pdf_invalid: 'The PDF is damaged and cannot be read.',
  pdf_truncated: 'The PDF is incomplete (it ends before its end-of-file marker). Upload it again.',
  pdf_no_text: 'The PDF has no extractable text; scanned pages need OCR before upload.',
  too_large: 'The file is larger than the upload limit.',
  extract_failed: 'The PDF could not be read.',
  index_failed: 'The document could not be indexed. The previous version is still being served.',
  original_missing:
    'The original file is missing, so this version cannot be indexed or rebuilt. Upload the document again.',
};

const CODES: Record<IngestFailureReason, ErrorCode> = {
  not_pdf: 'unsupported_media_type',
  pdf_encrypted: 'unprocessable',
  pdf_invalid: 'unprocessable',
  pdf_truncated: 'unprocessable',
  pdf_no_text: 'unprocessable',
  too_large: 'too_large',
  extract_failed: 'unprocessable',
  index_failed: 'unavailable',
  original_missing: 'unavailable',
};

/** The AppError for a failed ingest, e.g. 422 with `details: { reason: 'pdf_encrypted', ... }`. */
export function ingestError(
  reason: IngestFailureReason,
  details: Record<string, unknown>,
  cause?: unknown,
): AppError {
  return new AppError(CODES[reason], FAILURE_MESSAGES[reason], {
    cause,
    details: { reason, ...details },
  });
}

/** Records that a version can be neither resumed nor rebuilt: its original file is gone. */
export function failOriginalMissing(
  documents: Pick<DocumentRepository, 'failVersion'>,
  version: { documentId: string; version: number },
): Promise<void> {
  return documents.failVersion(
    version.documentId,
    version.version,
    'original_missing',
    FAILURE_MESSAGES.original_missing,
  );
}
