import { Hono } from 'hono';
import { z } from 'zod';
import type { DocumentLinkBody } from '../contract/v1';
import { AppError } from '../errors';
import type { BlobStore } from '../knowledge/blob-store';
import type { DocumentLinkSigner } from '../security/signed-links';
import type { DocumentRepository } from '../store/documents';
import type { AppEnv } from './env';

export interface DocumentFileDeps {
  documents: DocumentRepository;
  /** Where the original PDFs are kept (the knowledge base's store). */
  blobs: BlobStore;
  links: DocumentLinkSigner;
}

const gone = () => new AppError('not_found', 'That document is no longer available.');

/** A file name safe inside a quoted Content-Disposition parameter. */
const dispositionName = (name: string) =>
  name.replace(/[^\w .()-]/g, '_').slice(0, 120) || 'document.pdf';

/**
 * `GET /:id/file?v&exp&sig`: a cited PDF through a signed link (no bearer: it opens in a new
 * tab), only while that version is the live one. `POST /:id/link` (session bearer, mounted
 * behind requireAuth): a fresh link for the caller's tenant, when the one in history expired.
 * @example api.route('/documents', createDocumentFileRoutes({ documents, blobs, links }))
 */
export function createDocumentFileRoutes(deps: DocumentFileDeps) {
  return new Hono<AppEnv>()
    .get('/:id/file', async (c) => {
      const id = c.req.param('id');
      const v = c.req.query('v') ?? '';
      if (!z.uuid().safeParse(id).success || !/^[1-9]\d{0,8}$/.test(v)) throw gone();
      // The owning tenant comes from the stored version: the link itself names none.
      const version = await deps.documents.getVersion(id, Number(v));
      if (!version) throw gone();
      const refusal = deps.links.verify(
        {
          tenantId: version.tenantId,
          documentId: id,
          version: version.version,
          exp: c.req.query('exp'),
        },
        c.req.query('sig'),
      );
      if (refusal) {
        c.get('log')?.info({ refusal, document_id: id }, 'document link refused');
        throw new AppError(
          'forbidden',
          refusal === 'expired'
            ? 'This link has expired; open the source again from the chat.'
            : 'This link is not valid.',
          { details: { reason: refusal } },
        );
      }
      const document = await deps.documents.get(version.tenantId, id);
      if (!document || document.liveVersion !== version.version || !version.blobKey) throw gone();
      const bytes = await deps.blobs.get(version.blobKey);
      if (!bytes) throw gone();
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Disposition', `inline; filename="${dispositionName(version.filename)}"`);
      c.header('Cache-Control', 'private, max-age=300');
      c.header('Content-Length', String(bytes.byteLength));
      return c.body(bytes as Uint8Array<ArrayBuffer>);
    })
    .post('/:id/link', async (c) => {
      const tenantId = c.get('principal').tenantId;
      const id = c.req.param('id');
      const document = z.uuid().safeParse(id).success
        ? await deps.documents.get(tenantId, id)
        : null;
      if (!document?.liveVersion) throw new AppError('not_found', 'No document with that id.');
      const link = deps.links.url({ tenantId, documentId: id, version: document.liveVersion });
      const body: DocumentLinkBody = { url: link.url, expires_at: link.expiresAt.toISOString() };
      return c.json(body);
    });
}
