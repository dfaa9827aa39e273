import type { ExtractedPdf, IngestFailureReason } from './types';

/** Message from the pool to a worker; `bytes` is transferred, not copied. */
export interface ExtractRequest {
  id: number;
  bytes: ArrayBuffer;
}

export type ExtractResponse =
  | { id: number; ok: true; pdf: ExtractedPdf }
  | { id: number; ok: false; reason: IngestFailureReason; message: string };
