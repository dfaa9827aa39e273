import { createHash } from 'node:crypto';
import type { DocumentRepository } from '../../store/documents';

/**
 * A short hash of what a tenant's answers can be grounded on: every live document's id,
 * live version and title. Any upload, re-upload, deletion or rename changes it, so answers
 * cached under the old fingerprint can never be served again (answer-cache.ts).
 * @example const fingerprint = await knowledgeFingerprint(store.documents, tenantId)
 */
export async function knowledgeFingerprint(
  documents: Pick<DocumentRepository, 'list'>,
  tenantId: string,
): Promise<string> {
  const live = (await documents.list(tenantId))
    .filter((d) => d.liveVersion !== null)
    // The title is in because citations quote it: a rename must not leave old titles cached.
    .map((d) => `${d.id}@${d.liveVersion}:${d.title}`)
    .sort();
  return createHash('sha256').update(live.join('\n')).digest('hex').slice(0, 16);
}
