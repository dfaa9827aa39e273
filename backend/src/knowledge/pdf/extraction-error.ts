import type { IngestFailureReason } from './types';

/**
 * A file we recognised as unusable, with the reason the admin sees. Kept apart from
 * extract-pdf.ts on purpose: importing that file loads pdfjs, whose legacy build replaces the
 * process's JSON.stringify and JSON.parse with core-js polyfills. In a worker that is harmless;
 * in the server's main thread it made every JSON call of every request slower.
 */
export class ExtractionError extends Error {
  override readonly name = 'ExtractionError';
  constructor(
    readonly reason: IngestFailureReason,
    message: string,
  ) {
    super(message);
  }
}
