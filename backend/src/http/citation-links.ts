import type { Citation } from '../contract/v1';
import type { DocumentLinkSigner } from '../security/signed-links';
import type { DocumentRepository } from '../store/documents';

export interface CitationLinkDeps {
  documents: Pick<DocumentRepository, 'get'>;
  links: DocumentLinkSigner;
}

/** Adds to citations a signed link to their document's live version, for one tenant. */
export type CitationLinker = (tenantId: string, citations: Citation[]) => Promise<Citation[]>;

/**
 * Citations carry no version: a link points at the document's live version, signed now, so
 * a history read days later still gets a working link (or none, when the document is gone).
 * @example const withUrls = await link(principal.tenantId, answer.citations)
 */
export function createCitationLinker(deps: CitationLinkDeps): CitationLinker {
  return async (tenantId, citations) => {
    const live = new Map<string, number | null>();
    for (const { document_id } of citations) {
      if (!live.has(document_id))
        live.set(
          document_id,
          (await deps.documents.get(tenantId, document_id))?.liveVersion ?? null,
        );
    }
    return citations.map((citation) => {
      const version = live.get(citation.document_id);
      if (!version) return citation;
      const { url } = deps.links.url({ tenantId, documentId: citation.document_id, version });
      return { ...citation, url };
    });
  };
}
