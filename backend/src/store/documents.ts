/**
 * Knowledge-base documents and their versions. A document is a file name within a tenant;
 * each upload of that name is a new version. Exactly one version is live (searchable)
 * at a time, and the switch is one transaction, so searches never see a mix or a gap.
 */

/** `processing` while ingesting; `ready` once live or superseded by a newer live one. */
export type DocumentVersionStatus = 'processing' | 'ready' | 'superseded' | 'failed';

export interface DocumentVersion {
  documentId: string;
  tenantId: string;
  version: number;
  status: DocumentVersionStatus;
  filename: string;
  /** sha256 of the uploaded bytes (hex). */
  sha256: string;
  sizeBytes: number;
  /** Where the original PDF is kept in the BlobStore. */
  blobKey: string;
  pageCount: number | null;
  chunkCount: number | null;
  embeddingModel: string | null;
  /** Machine-readable failure reason, e.g. 'pdf_encrypted'; null unless failed. */
  errorReason: string | null;
  errorMessage: string | null;
  uploadedBy: string | null;
  createdAt: string;
  completedAt: string | null;
}

export interface DocumentRecord {
  id: string;
  tenantId: string;
  /** The uploaded file name; uploading the same name again makes a new version. */
  name: string;
  /** What citations show: the admin's title when set, else the one detected at ingest. */
  title: string;
  /** The title an admin gave the document, kept across later versions; null when none. */
  titleOverride: string | null;
  /** The searchable version, or null when none has succeeded yet. */
  liveVersion: number | null;
  createdAt: string;
  updatedAt: string;
  /** The newest version of any status (what the admin list shows first). */
  latest: DocumentVersion;
  /** The live version's details, or null. */
  live: DocumentVersion | null;
}

export interface BeginVersionInput {
  tenantId: string;
  filename: string;
  /** Used as the title until extraction finds a better one. */
  title: string;
  sha256: string;
  sizeBytes: number;
  blobKey: string;
  uploadedBy?: string | null;
}

export interface CompleteVersionInput {
  documentId: string;
  version: number;
  /** The detected title; an admin's override, when set, still wins. */
  title: string;
  pageCount: number;
  chunkCount: number;
  embeddingModel: string;
}

/** One searchable (document, version) pair: what the search filter lets through. */
export interface LiveVersion {
  tenantId: string;
  documentId: string;
  version: number;
  title: string;
}

export interface DocumentRepository {
  /** Creates the document if the name is new, and a `processing` version numbered after the last. */
  beginVersion(input: BeginVersionInput): Promise<DocumentVersion>;
  /** Marks the version ready and makes it live in one transaction; the old live one is superseded. */
  completeVersion(input: CompleteVersionInput): Promise<DocumentRecord>;
  /**
   * Marks the version failed. A failed version is never live: when it was (recovery found
   * its chunks and its original gone), the document has no live version afterwards.
   */
  failVersion(documentId: string, version: number, reason: string, message: string): Promise<void>;
  /** Records which embedding model now holds the version's vectors (after a re-index). */
  setEmbeddingModel(documentId: string, version: number, model: string): Promise<void>;
  list(tenantId: string): Promise<DocumentRecord[]>;
  get(tenantId: string, id: string): Promise<DocumentRecord | null>;
  getVersion(documentId: string, version: number): Promise<DocumentVersion | null>;
  /** All versions of a document, oldest first. */
  listVersions(documentId: string): Promise<DocumentVersion[]>;
  /**
   * Sets the admin's title, which later versions keep; returns the updated document, or
   * null when the tenant has no document with that id.
   */
  rename(tenantId: string, id: string, title: string): Promise<DocumentRecord | null>;
  /** Deletes the document and all its versions; returns false when there was none. */
  delete(tenantId: string, id: string): Promise<boolean>;
  /** Versions left `processing` (by a crash), oldest first, across tenants. */
  listProcessing(): Promise<DocumentVersion[]>;
  /** Every live version, across tenants. */
  listLive(): Promise<LiveVersion[]>;
}
