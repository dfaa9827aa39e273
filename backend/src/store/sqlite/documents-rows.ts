import type { DocumentVersion, DocumentVersionStatus } from '../documents';

/** Rows of documents and document_versions as SQLite returns them, and their mapping. */

export interface VersionRow {
  document_id: string;
  tenant_id: string;
  version: number;
  status: DocumentVersionStatus;
  filename: string;
  sha256: string;
  size_bytes: number;
  blob_key: string;
  page_count: number | null;
  chunk_count: number | null;
  embedding_model: string | null;
  error_reason: string | null;
  error_message: string | null;
  uploaded_by: string | null;
  created_at: string;
  completed_at: string | null;
}

export interface DocumentRow {
  id: string;
  tenant_id: string;
  name: string;
  title: string;
  title_override: string | null;
  live_version: number | null;
  latest_version: number;
  created_at: string;
  updated_at: string;
}

export const toVersion = (r: VersionRow): DocumentVersion => ({
  documentId: r.document_id,
  tenantId: r.tenant_id,
  version: r.version,
  status: r.status,
  filename: r.filename,
  sha256: r.sha256,
  sizeBytes: r.size_bytes,
  blobKey: r.blob_key,
  pageCount: r.page_count,
  chunkCount: r.chunk_count,
  embeddingModel: r.embedding_model,
  errorReason: r.error_reason,
  errorMessage: r.error_message,
  uploadedBy: r.uploaded_by,
  createdAt: r.created_at,
  completedAt: r.completed_at,
});
