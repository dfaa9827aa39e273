import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { AppError } from '../errors';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { DocumentRecord, DocumentVersion } from '../store/documents';
import type { AppEnv, AuditNote } from './env';
import { sanitizeUploadName } from './upload-name';
import { parseJsonBody } from './validate';

export interface DocumentRoutesOptions {
  /** Largest PDF accepted, in bytes. */
  maxUploadBytes: number;
}

/** PATCH body: the title citations show, 1 to 200 characters once trimmed, one line. */
const renameBody = z
  .object({
    title: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .refine((title) => !/\p{Cc}/u.test(title), 'must not contain control characters'),
  })
  .strict();

/** Room for the multipart framing around the file itself. */
const MULTIPART_SLACK = 64 * 1024;

function versionJson(v: DocumentVersion) {
  return {
    version: v.version,
    status: v.status,
    filename: v.filename,
    size_bytes: v.sizeBytes,
    sha256: v.sha256,
    pages: v.pageCount,
    chunk_count: v.chunkCount,
    embedding_model: v.embeddingModel,
    error: v.errorReason ? { reason: v.errorReason, message: v.errorMessage } : null,
    uploaded_by: v.uploadedBy,
    created_at: v.createdAt,
    completed_at: v.completedAt,
  };
}

/**
 * The admin list's view of a document: its newest upload's status first (a failed
 * re-upload shows as failed), and what searches use now (the live version).
 */
export function documentJson(d: DocumentRecord) {
  const shown = d.live ?? d.latest;
  return {
    id: d.id,
    name: d.name,
    title: d.title,
    title_overridden: d.titleOverride !== null,
    status: d.latest.status === 'superseded' ? 'ready' : d.latest.status,
    version: d.latest.version,
    live_version: d.liveVersion,
    chunk_count: d.live?.chunkCount ?? 0,
    pages: shown.pageCount,
    size_bytes: shown.sizeBytes,
    error: versionJson(d.latest).error,
    latest: versionJson(d.latest),
    live: d.live ? versionJson(d.live) : null,
    created_at: d.createdAt,
    updated_at: d.updatedAt,
  };
}

/** The audit note for a document action (the outcome's status is added by the audit middleware). */
const documentNote = (
  action: string,
  documentId: string | null,
  details?: Record<string, unknown>,
): AuditNote => ({ action, resourceType: 'document', resourceId: documentId, details });

/**
 * Knowledge-base administration, mounted at /api/v1/admin/documents behind admin auth,
 * which sets the `tenantId` context variable.
 * POST (multipart, field `file`) ingests; the same file name again is a new version.
 * PATCH /:id with `{ "title": "..." }` renames the document for citations.
 * @example app.route('/api/v1/admin/documents', createDocumentRoutes(kb, { maxUploadBytes }))
 */
export function createDocumentRoutes(kb: KnowledgeBase, options: DocumentRoutesOptions) {
  const app = new Hono<AppEnv>();

  app.post(
    '/',
    bodyLimit({
      maxSize: options.maxUploadBytes + MULTIPART_SLACK,
      onError: () => {
        throw new AppError(
          'too_large',
          `The file is larger than ${options.maxUploadBytes} bytes.`,
          {
            details: { reason: 'too_large', max_bytes: options.maxUploadBytes },
          },
        );
      },
    }),
    async function uploadDocument(c) {
      if (!/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '')) {
        throw new AppError(
          'unsupported_media_type',
          'Send the PDF as multipart/form-data in the field "file".',
        );
      }
      let body: Record<string, unknown>;
      try {
        body = await c.req.parseBody();
      } catch (cause) {
        throw new AppError('invalid_request', 'The multipart body could not be read.', { cause });
      }
      const file = body.file;
      if (!(file instanceof File)) {
        throw new AppError('invalid_request', 'Attach the PDF in the multipart field "file".');
      }
      const filename = sanitizeUploadName(file.name) ?? '';
      if (!filename || filename.length > 200) {
        throw new AppError('invalid_request', 'The file needs a name of 1 to 200 characters.');
      }
      const principal = c.get('principal') as { subject?: string } | undefined;
      c.set('auditNote', documentNote('document.upload', null, { size_bytes: file.size }));
      const result = await kb.ingest({
        tenantId: c.get('tenantId'),
        filename,
        bytes: new Uint8Array(await file.arrayBuffer()),
        uploadedBy: principal?.subject ?? null,
        maxBytes: options.maxUploadBytes,
      });
      c.set(
        'auditNote',
        documentNote('document.upload', result.documentId, {
          size_bytes: file.size,
          version: result.version,
        }),
      );
      const document = await kb.getDocument(result.tenantId, result.documentId);
      return c.json({ document: document ? documentJson(document) : null }, 201);
    },
  );

  app.get('/', async function listDocuments(c) {
    const documents = await kb.listDocuments(c.get('tenantId'));
    c.set('auditNote', documentNote('document.list', null, { count: documents.length }));
    return c.json({ documents: documents.map(documentJson) });
  });

  app.get('/:id', async function getDocument(c) {
    c.set('auditNote', documentNote('document.read', c.req.param('id')));
    const document = await kb.getDocument(c.get('tenantId'), c.req.param('id'));
    if (!document) throw new AppError('not_found', 'No document with that id.');
    return c.json({ document: documentJson(document) });
  });

  // Audited like every admin request (auditAdminRequests records the note and the outcome).
  app.patch('/:id', async function renameDocument(c) {
    c.set('auditNote', documentNote('document.rename', c.req.param('id')));
    const { title } = await parseJsonBody(c, renameBody);
    const document = await kb.renameDocument(c.get('tenantId'), c.req.param('id'), title);
    if (!document) throw new AppError('not_found', 'No document with that id.');
    return c.json({ document: documentJson(document) });
  });

  app.delete('/:id', async function deleteDocument(c) {
    c.set('auditNote', documentNote('document.delete', c.req.param('id')));
    if (!(await kb.deleteDocument(c.get('tenantId'), c.req.param('id')))) {
      throw new AppError('not_found', 'No document with that id.');
    }
    return c.body(null, 204);
  });

  return app;
}
