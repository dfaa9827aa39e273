import type { Logger } from 'pino';
import type { DocumentRecord, DocumentRepository } from '../store/documents';
import type { BlobStore } from './blob-store';
import { type ChunkingOptions, DEFAULT_CHUNKING } from './chunking/types';
import type { Embedder } from './embedding/types';
import type { KnowledgeSearch } from './types';

/** The knowledge base's options and public shape; the factory is in knowledge-base.ts. */

export interface KnowledgeBaseTuning {
  chunking: ChunkingOptions;
  /** PDF extraction worker threads (default: cores - 1, at least 1). */
  extractWorkers: number | undefined;
  /** Documents ingested at the same time (default 2). */
  ingestConcurrency: number;
  /**
   * Rows before an ANN index (HNSW-SQ, cosine) is built (default 2,000). An exact scan of
   * 6,500 chunks measured ~30 ms here, the index ~4 ms; below 2,000 rows the scan is cheap.
   */
  annMinRows: number;
  /** Largest document accepted, in bytes (default 50 MB). */
  maxDocumentBytes: number;
  /** Texts per embedding call (default 32). */
  embedBatchSize: number;
}

export const DEFAULT_TUNING: KnowledgeBaseTuning = {
  chunking: DEFAULT_CHUNKING,
  extractWorkers: undefined,
  ingestConcurrency: 2,
  annMinRows: 2_000,
  maxDocumentBytes: 50 * 1024 * 1024,
  embedBatchSize: 32,
};

export interface KnowledgeBaseOptions {
  /** LanceDB lives in `<dataDir>/lancedb`, originals in `<dataDir>/uploads` (unless `blobs`). */
  dataDir: string;
  documents: DocumentRepository;
  embedder: Embedder;
  logger: Logger;
  blobs?: BlobStore;
  tuning?: Partial<KnowledgeBaseTuning>;
}

export interface IngestInput {
  tenantId: string;
  /** The file name; the same name again makes a new version of the same document. */
  filename: string;
  bytes: Uint8Array;
  uploadedBy?: string | null;
  /** Per-call upload limit (the HTTP route passes its own); default `tuning.maxDocumentBytes`. */
  maxBytes?: number;
}

/** The result of a successful ingest: the version that is now live. */
export interface DocumentVersionInfo {
  documentId: string;
  tenantId: string;
  name: string;
  title: string;
  version: number;
  /** The version this one replaced, or null for a new document. */
  replacedVersion: number | null;
  pageCount: number;
  chunkCount: number;
  sizeBytes: number;
  durationMs: number;
}

/** The knowledge base: hybrid search plus the document lifecycle. */
export interface KnowledgeBase extends KnowledgeSearch {
  /** Throws AppError (413/415/422/503) with `details.reason`; the failure is recorded. */
  ingest(input: IngestInput): Promise<DocumentVersionInfo>;
  listDocuments(tenantId: string): Promise<DocumentRecord[]>;
  getDocument(tenantId: string, id: string): Promise<DocumentRecord | null>;
  /**
   * Gives the document the admin's title, kept across later versions. Citations and search
   * hits show it at once: hits take titles from the documents table, so nothing is re-indexed.
   * Null when the tenant has no such document.
   */
  renameDocument(tenantId: string, id: string, title: string): Promise<DocumentRecord | null>;
  /** Removes the document, its chunks and its originals; false when there was none. */
  deleteDocument(tenantId: string, id: string): Promise<boolean>;
  /**
   * Run at every start. Finishes ingests a crash interrupted, rebuilds from the stored
   * originals any live version whose chunks the index lost (failing it as `original_missing`
   * when the original is gone too), and removes chunks no live version owns.
   */
  recover(): Promise<void>;
  /**
   * Resolves once the index maintenance queued by earlier writes is done. Until then, rows added
   * since the last maintenance are searched outside the text index, with other BM25 statistics,
   * so a question asked a moment after an upload can rank a little differently. Evaluations
   * wait for this so that the same documents always give the same answers.
   */
  settled(): Promise<void>;
  close(): Promise<void>;
}
