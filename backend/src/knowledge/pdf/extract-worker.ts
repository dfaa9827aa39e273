import { parentPort } from 'node:worker_threads';
import { extractPdf } from './extract-pdf';
import type { ExtractRequest, ExtractResponse } from './extract-protocol';
import { ExtractionError } from './extraction-error';

// Worker-thread entry: one PDF at a time, so a pool of N workers uses N cores at most.
const port = parentPort;
if (!port) throw new Error('extract-worker.ts must run in a worker thread');

port.on('message', (request: ExtractRequest) => {
  extractPdf(new Uint8Array(request.bytes)).then(
    (pdf) => port.postMessage({ id: request.id, ok: true, pdf } satisfies ExtractResponse),
    (error: unknown) => {
      const failure =
        error instanceof ExtractionError
          ? { reason: error.reason, message: error.message }
          : { reason: 'extract_failed' as const, message: 'The PDF could not be read.' };
      port.postMessage({ id: request.id, ok: false, ...failure } satisfies ExtractResponse);
    },
  );
});
