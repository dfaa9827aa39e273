import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExtractRequest, ExtractResponse } from './extract-protocol';
import { ExtractionError } from './extraction-error';
import type { ExtractedPdf } from './types';

export interface PdfExtractorOptions {
  /** Worker threads to run at most (default: cores - 1, at least 1, so the loop keeps a core). */
  workers?: number;
}

/** Extracts PDFs in worker threads so the server's event loop stays free for chat. */
export interface PdfExtractor {
  /** Rejects with ExtractionError for unusable files. Transfers (detaches) `bytes`' copy only. */
  extract(bytes: Uint8Array): Promise<ExtractedPdf>;
  close(): Promise<void>;
}

interface Slot {
  worker: Worker;
  busy: boolean;
}

interface Task {
  id: number;
  bytes: ArrayBuffer;
  resolve: (pdf: ExtractedPdf) => void;
  reject: (error: Error) => void;
}

const workerUrl = new URL(
  import.meta.url.endsWith('.ts') ? './extract-worker.ts' : './extract-worker.js',
  import.meta.url,
);

// A .ts worker needs the tsx loader inside the worker. On Node 20 `execArgv: ['--import', 'tsx']`
// does not reach the worker's entry module ("Unknown file extension .ts"), so a tiny eval'd
// bootstrap registers tsx's ESM hooks first and then imports the worker (tsx and Vitest alike).
function startWorker(): Worker {
  if (!workerUrl.pathname.endsWith('.ts')) return new Worker(workerUrl);
  const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx'));
  const api = new URL('./esm/api/index.mjs', tsxLoader).href;
  const code = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl.href)}); })`;
  return new Worker(code, { eval: true });
}

/** @example const extractor = createPdfExtractor(); const pdf = await extractor.extract(bytes); */
export function createPdfExtractor(options: PdfExtractorOptions = {}): PdfExtractor {
  const size = options.workers ?? Math.max(1, availableParallelism() - 1);
  const slots: Slot[] = [];
  const queue: Task[] = [];
  const running = new Map<Worker, Task>();
  let nextId = 1;
  let closed = false;

  const spawn = (): Slot => {
    const worker = startWorker();
    const slot: Slot = { worker, busy: false };
    worker.on('message', (response: ExtractResponse) => {
      const task = running.get(worker);
      running.delete(worker);
      slot.busy = false;
      if (task) {
        if (response.ok) task.resolve(response.pdf);
        else task.reject(new ExtractionError(response.reason, response.message));
      }
      pump();
    });
    const fail = (error: Error) => {
      const task = running.get(worker);
      running.delete(worker);
      slots.splice(slots.indexOf(slot), 1);
      task?.reject(
        new ExtractionError('extract_failed', `PDF extraction crashed: ${error.message}`),
      );
      pump();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (slots.includes(slot)) fail(new Error(`worker exited with code ${code}`));
    });
    slots.push(slot);
    return slot;
  };

  const pump = () => {
    while (!closed && queue.length > 0) {
      const slot = slots.find((s) => !s.busy) ?? (slots.length < size ? spawn() : undefined);
      if (!slot) return;
      const task = queue.shift()!;
      slot.busy = true;
      running.set(slot.worker, task);
      const request: ExtractRequest = { id: task.id, bytes: task.bytes };
      slot.worker.postMessage(request, [task.bytes]);
    }
  };

  return {
    extract(bytes) {
      if (closed) return Promise.reject(new Error('PDF extractor is closed'));
      // Copy into a buffer we own, so transferring it never detaches the caller's bytes.
      // (Not `bytes.slice()`: on a Buffer that is a view of Node's shared pool slab.)
      const copy = new Uint8Array(bytes).buffer;
      return new Promise<ExtractedPdf>((resolve, reject) => {
        queue.push({ id: nextId++, bytes: copy, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.reject(new Error('PDF extractor closed'));
      const all = slots.splice(0);
      await Promise.all(all.map((slot) => slot.worker.terminate()));
    },
  };
}
